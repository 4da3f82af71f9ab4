-- ClaimLedger schema, migration 15: ties in the review queue, the newest article first (issue 29).
-- A shipped migration is never edited: later changes are new files.
--
-- Claims of one score were queued in the ledger order of their articles, the oldest first: with
-- many claims at score 1.00, a desk's first page was the oldest article's. The queue's tie-break
-- column `source_order` now holds minus the article's entry, so the same index walk (`place`,
-- then `source_order`, `position`, `claim_seq`) gives, among equal scores, the newest article's
-- claims first, each article's in its own order. Nothing else moves: the indexes, the paging by
-- keys and the tally are migration 6's.
--
-- Derived data, outside the hash chain: set from the ledger here (from the claims' sources, so
-- running it again changes nothing), kept by the trigger below, recomputed by `audit
-- --search-index` and written anew by `audit --rebuild-index` (migration 6, then this one).

DROP TRIGGER claim_queue_claim_recorded;

-- A claim recorded joins the queue as unverified, its article's entry negated.
CREATE TRIGGER claim_queue_claim_recorded AFTER INSERT ON claim
BEGIN
    INSERT INTO claim_queue (claim_seq, now_status, place, source_order, position)
    VALUES (NEW.seq, 'unverified', -coalesce(NEW.score, -1),
            -(SELECT s.seq FROM source s WHERE s.source_id = NEW.source_id), coalesce(NEW.start, 0));
    INSERT INTO status_tally (now_status, kind, claims) VALUES ('unverified', NEW.kind, 1)
    ON CONFLICT (now_status, kind) DO UPDATE SET claims = claims + 1;
END;

UPDATE claim_queue
SET source_order = -(SELECT s.seq FROM claim c JOIN source s ON s.source_id = c.source_id
                     WHERE c.seq = claim_queue.claim_seq);
