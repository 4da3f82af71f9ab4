-- ClaimLedger schema, migration 6: the review queue, kept in order. A shipped migration is never edited.
--
-- The web desk's queue and `list --sort score` show the most check-worthy claims of one status
-- first. Before this migration that meant sorting every claim of the status (1.4 s at a million
-- claims) and counting them with a GROUP BY over all claims. Two derived tables make both a walk
-- of an index:
--   claim_queue   one row per claim: its status now and its place in the score order, indexed so
--                 the first page of a status is the first rows of an index range;
--   status_tally  how many claims of each kind have each status now.
-- Like the search index (migration 4) they are derived data, outside the hash chain: the triggers
-- below keep them in the same transaction as the entry that changes them (a claim recorded, a
-- decision recorded), `audit` recomputes them from the ledger and compares, and
-- `audit --rebuild-index` writes them anew. They are the only tables whose rows change; nothing
-- but these triggers writes them.

CREATE TABLE claim_queue (
    claim_seq    INTEGER PRIMARY KEY,   -- the claim's entry (claim.seq)
    now_status   TEXT NOT NULL,         -- its latest decision's status; 'unverified' before any
    place        REAL NOT NULL,         -- minus its score (-1 for none): the queue walks it upward
    source_order INTEGER NOT NULL,      -- its source's entry: equal scores in ledger order of sources
    position     INTEGER NOT NULL       -- its offset in the article (0 for none), then claim_seq
) STRICT;
-- The queue of one status, and of all of them ("all" in the desk's filter).
CREATE INDEX claim_queue_by_status ON claim_queue(now_status, place, source_order, position, claim_seq);
CREATE INDEX claim_queue_all ON claim_queue(place, source_order, position, claim_seq);

CREATE TABLE status_tally (
    now_status TEXT NOT NULL,
    kind       TEXT NOT NULL,
    claims     INTEGER NOT NULL CHECK (claims >= 0),
    PRIMARY KEY (now_status, kind)
) STRICT;

-- The claims already recorded, as they stand.
INSERT INTO claim_queue (claim_seq, now_status, place, source_order, position)
SELECT c.seq,
       coalesce((SELECT r.status FROM review r WHERE r.claim_id = c.claim_id ORDER BY r.seq DESC LIMIT 1), 'unverified'),
       -coalesce(c.score, -1), s.seq, coalesce(c.start, 0)
FROM claim c JOIN source s ON s.source_id = c.source_id;

INSERT INTO status_tally (now_status, kind, claims)
SELECT q.now_status, c.kind, count(*) FROM claim_queue q JOIN claim c ON c.seq = q.claim_seq
GROUP BY q.now_status, c.kind;

-- A claim recorded joins the queue as unverified.
CREATE TRIGGER claim_queue_claim_recorded AFTER INSERT ON claim
BEGIN
    INSERT INTO claim_queue (claim_seq, now_status, place, source_order, position)
    VALUES (NEW.seq, 'unverified', -coalesce(NEW.score, -1),
            (SELECT s.seq FROM source s WHERE s.source_id = NEW.source_id), coalesce(NEW.start, 0));
    INSERT INTO status_tally (now_status, kind, claims) VALUES ('unverified', NEW.kind, 1)
    ON CONFLICT (now_status, kind) DO UPDATE SET claims = claims + 1;
END;

-- A decision moves its claim from the status it had to the new one.
CREATE TRIGGER claim_queue_status_changed AFTER INSERT ON review
BEGIN
    UPDATE status_tally SET claims = claims - 1
    WHERE (now_status, kind) = (SELECT q.now_status, c.kind FROM claim c JOIN claim_queue q ON q.claim_seq = c.seq
                                WHERE c.claim_id = NEW.claim_id);
    INSERT INTO status_tally (now_status, kind, claims)
    SELECT NEW.status, c.kind, 1 FROM claim c WHERE c.claim_id = NEW.claim_id
    ON CONFLICT (now_status, kind) DO UPDATE SET claims = claims + 1;
    UPDATE claim_queue SET now_status = NEW.status
    WHERE claim_seq = (SELECT c.seq FROM claim c WHERE c.claim_id = NEW.claim_id);
END;
