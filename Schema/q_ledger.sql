-- ClaimLedger queries used by the library. Not a migration.
-- Each query is introduced by a "-- name:" line; arguments are bound, never spliced.

-- name: head
SELECT seq, hash, recorded_at FROM entry ORDER BY seq DESC LIMIT 1;

-- name: append_entry
INSERT INTO entry (seq, kind, recorded_at, prev_hash, payload, hash) VALUES (?, ?, ?, ?, ?, ?);

-- name: insert_source
INSERT INTO source (source_id, seq, sha256, title, outlet, author, published, url, body)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_claim
INSERT INTO claim (claim_id, seq, source_id, kind, text, speaker, cue, via, claim_type, score,
                   start, "end", prefix, suffix, sentence_start, sentence_end)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_review
INSERT INTO review (seq, claim_id, status, evidence, note, reviewer) VALUES (?, ?, ?, ?, ?, ?);

-- name: insert_note
INSERT INTO note (seq, claim_id, text, reviewer) VALUES (?, ?, ?, ?);

-- name: insert_correction
INSERT INTO correction (seq, claim_id, field, value, reason, reviewer) VALUES (?, ?, ?, ?, ?, ?);

-- name: source_exists
SELECT 1 FROM source WHERE source_id = ?;

-- name: claim_exists
SELECT 1 FROM claim WHERE claim_id = ?;

-- name: claim_ids_with_prefix
SELECT claim_id FROM claim WHERE claim_id >= :lo AND claim_id < :hi ORDER BY claim_id LIMIT 11;

-- name: source_ids_with_prefix
SELECT source_id FROM source WHERE source_id >= :lo AND source_id < :hi ORDER BY source_id LIMIT 11;

-- name: claim_id_below
SELECT claim_id FROM claim WHERE claim_id < ? ORDER BY claim_id DESC LIMIT 1;

-- name: claim_id_above
SELECT claim_id FROM claim WHERE claim_id > ? ORDER BY claim_id LIMIT 1;

-- name: source_id_below
SELECT source_id FROM source WHERE source_id < ? ORDER BY source_id DESC LIMIT 1;

-- name: source_id_above
SELECT source_id FROM source WHERE source_id > ? ORDER BY source_id LIMIT 1;

-- name: list_claims
SELECT c.*, s.title AS source_title
FROM claims_current c JOIN source s ON s.source_id = c.source_id
WHERE (:status IS NULL OR c.status = :status)
  AND (:kind IS NULL OR c.kind = :kind)
  AND (:speaker IS NULL OR instr(lower(c.speaker), lower(:speaker)) > 0)
  AND (:source IS NULL OR c.source_id = :source)
  AND (:search IS NULL OR instr(lower(c.text), lower(:search)) > 0)
  AND (:as_of IS NULL OR c.seq <= :as_of)
ORDER BY c.seq DESC
LIMIT :limit;

-- name: claim_by_id
SELECT c.*, s.title AS source_title
FROM claims_current c JOIN source s ON s.source_id = c.source_id
WHERE c.claim_id = ?;

-- name: claim_history
SELECT h.seq, h.event, h.status, h.detail, h.reviewer, e.recorded_at, e.hash
FROM claim_history h JOIN entry e ON e.seq = h.seq
WHERE h.claim_id = ?
ORDER BY h.seq;

-- name: review_note
SELECT note FROM review WHERE seq = ?;

-- name: source_by_id
SELECT source_id, seq, sha256, title, outlet, author, published, url, body FROM source WHERE source_id = ?;

-- name: entries_from
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry WHERE seq >= ? ORDER BY seq;

-- name: schema_objects
SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name;

-- name: report_sources
SELECT source_id, seq, sha256, title, outlet, author, published, url, body
FROM source
WHERE seq <= :as_of AND (:source IS NULL OR source_id = :source)
ORDER BY seq;

-- name: report_claims
-- Claims of one source as the ledger stood after entry :as_of, in reading order.
SELECT * FROM (
    SELECT c.claim_id, c.seq, c.source_id, c.kind,
           coalesce((SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'text'
                     AND x.seq <= :as_of ORDER BY x.seq DESC LIMIT 1), c.text) AS text,
           CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'speaker' AND x.seq <= :as_of)
                THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'speaker'
                      AND x.seq <= :as_of ORDER BY x.seq DESC LIMIT 1)
                ELSE c.speaker END AS speaker,
           CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'cue' AND x.seq <= :as_of)
                THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'cue'
                      AND x.seq <= :as_of ORDER BY x.seq DESC LIMIT 1)
                ELSE c.cue END AS cue,
           CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'via' AND x.seq <= :as_of)
                THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'via'
                      AND x.seq <= :as_of ORDER BY x.seq DESC LIMIT 1)
                ELSE c.via END AS via,
           c.claim_type, c.score, c.start, c."end", c.prefix, c.suffix, c.sentence_start, c.sentence_end,
           coalesce(r.status, 'unverified') AS status, r.seq AS status_seq, r.evidence, r.reviewer, r.note,
           (SELECT e.recorded_at FROM entry e WHERE e.seq = r.seq) AS reviewed_at
    FROM claim c
    LEFT JOIN review r ON r.seq = (SELECT max(r2.seq) FROM review r2 WHERE r2.claim_id = c.claim_id AND r2.seq <= :as_of)
    WHERE c.source_id = :source_id AND c.seq <= :as_of
)
WHERE (:status IS NULL OR status = :status)
  AND (:kind IS NULL OR kind = :kind)
  AND (:speaker IS NULL OR instr(lower(speaker), lower(:speaker)) > 0)
  AND (:search IS NULL OR instr(lower(text), lower(:search)) > 0)
ORDER BY coalesce(start, 0), seq;

-- name: entry_at
SELECT seq, hash, recorded_at FROM entry WHERE seq = ?;

-- name: entries_range
SELECT seq, kind, recorded_at, prev_hash, payload FROM entry WHERE seq >= ? AND seq <= ? ORDER BY seq;
