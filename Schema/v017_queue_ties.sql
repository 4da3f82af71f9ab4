-- ClaimLedger schema, migration 17: ties in the review queue broken by what a desk checks first
-- (issue 29). A shipped migration is never edited: later changes are new files.
--
-- A desk's first page was fifty claims at score 1.00 in the newest article's order. Among claims of
-- one score the queue now puts first the kinds of claim a fact-checker can check soonest (a figure,
-- then a count, a ranking, a date, a claim attributed to someone, any other; quotes have no score
-- and follow every claim), within each kind the claims seen before (their stored matches name an
-- earlier claim of another source: migration 14), and then, as before, the newest article first.
-- The tie-break column `source_order` carries all three: the rank (kind × 2, plus 1 when not seen
-- before) times 2^40, less the article's entry (ledger entries stay far below 2^40), so the same
-- index walk (`place`, then `source_order`, `position`, `claim_seq`) gives the new order and no
-- query, index or paging changes.
--
-- One definition: the view `claim_queue_tie` computes a claim's `source_order`; the triggers below
-- set it when a claim is recorded and again when its stored matches change (recorded with it, or
-- searched again after a correction or by `audit --rebuild-index`). Derived data, outside the hash
-- chain: `audit --search-index` compares every row with the view, `audit --rebuild-index` writes the
-- queue anew (migrations 6, 15 and this one).

CREATE VIEW claim_queue_tie AS
SELECT c.seq AS claim_seq,
       ((CASE c.claim_type WHEN 'statistic' THEN 0 WHEN 'count' THEN 1 WHEN 'ranking' THEN 2 WHEN 'date' THEN 3
                           WHEN 'attributed' THEN 4 WHEN 'other' THEN 5 ELSE 6 END) * 2
        + NOT EXISTS (SELECT 1 FROM claim_match m WHERE m.claim_seq = c.seq)) * 1099511627776 - s.seq AS source_order
FROM claim c JOIN source s ON s.source_id = c.source_id;

DROP TRIGGER claim_queue_claim_recorded;

-- A claim recorded joins the queue as unverified, in its place among its ties.
CREATE TRIGGER claim_queue_claim_recorded AFTER INSERT ON claim
BEGIN
    INSERT INTO claim_queue (claim_seq, now_status, place, source_order, position)
    VALUES (NEW.seq, 'unverified', -coalesce(NEW.score, -1),
            (SELECT t.source_order FROM claim_queue_tie t WHERE t.claim_seq = NEW.seq), coalesce(NEW.start, 0));
    INSERT INTO status_tally (now_status, kind, claims) VALUES ('unverified', NEW.kind, 1)
    ON CONFLICT (now_status, kind) DO UPDATE SET claims = claims + 1;
END;

-- A stored match found or dropped: the claim may now be seen before, or no longer.
CREATE TRIGGER claim_queue_match_stored AFTER INSERT ON claim_match
BEGIN
    UPDATE claim_queue SET source_order = (SELECT t.source_order FROM claim_queue_tie t WHERE t.claim_seq = NEW.claim_seq)
    WHERE claim_seq = NEW.claim_seq;
END;

CREATE TRIGGER claim_queue_match_dropped AFTER DELETE ON claim_match
BEGIN
    UPDATE claim_queue SET source_order = (SELECT t.source_order FROM claim_queue_tie t WHERE t.claim_seq = OLD.claim_seq)
    WHERE claim_seq = OLD.claim_seq;
END;

UPDATE claim_queue
SET source_order = (SELECT t.source_order FROM claim_queue_tie t WHERE t.claim_seq = claim_queue.claim_seq);
