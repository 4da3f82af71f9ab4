-- Read compatibility for migration 6, never a migration: a ledger of schema version 5 opened
-- read-only gets the queue as TEMP tables filled from its claims (nothing is written to the file;
-- the first command that writes adds the real ones). Same columns as v006_claim_queue.sql.
CREATE TEMP TABLE claim_queue AS
SELECT c.seq AS claim_seq,
       coalesce((SELECT r.status FROM review r WHERE r.claim_id = c.claim_id ORDER BY r.seq DESC LIMIT 1), 'unverified') AS now_status,
       -coalesce(c.score, -1) AS place, s.seq AS source_order, coalesce(c.start, 0) AS position
FROM claim c JOIN source s ON s.source_id = c.source_id;
CREATE INDEX temp.claim_queue_by_status ON claim_queue(now_status, place, source_order, position, claim_seq);
CREATE INDEX temp.claim_queue_all ON claim_queue(place, source_order, position, claim_seq);
CREATE TEMP TABLE status_tally AS
SELECT q.now_status, c.kind, count(*) AS claims FROM claim_queue q JOIN claim c ON c.seq = q.claim_seq
GROUP BY q.now_status, c.kind;
