-- ClaimLedger queries used by the library. Not a migration.
-- Each query is introduced by a "-- name:" line; arguments are bound, never spliced.

-- name: head
SELECT seq, hash, recorded_at FROM entry ORDER BY seq DESC LIMIT 1;

-- name: append_entry
INSERT INTO entry (seq, kind, recorded_at, prev_hash, payload, hash) VALUES (?, ?, ?, ?, ?, ?);

-- name: insert_source
INSERT INTO source (source_id, seq, sha256, title, outlet, author, published, url, body, title_guessed)
VALUES (:source_id, :seq, :sha256, :title, :outlet, :author, :published, :url, :body, :title_guessed);

-- name: insert_claim
INSERT INTO claim (claim_id, seq, source_id, kind, text, speaker, cue, via, claim_type, score,
                   start, "end", prefix, suffix, sentence_start, sentence_end, speaker_kind)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_speaker_confidence
INSERT INTO speaker_confidence (seq, confidence)
VALUES (:seq, :confidence);

-- name: insert_review
INSERT INTO review (seq, claim_id, status, evidence, note, reviewer, rating, replaces)
VALUES (:seq, :claim_id, :status, :evidence, :note, :reviewer, :rating, :replaces);

-- name: insert_source_correction
INSERT INTO source_correction (seq, source_id, field, value, reason, reviewer)
VALUES (:seq, :source_id, :field, :value, :reason, :reviewer);

-- name: insert_rating
INSERT INTO rating (seq, label, means, value, reviewer)
VALUES (:seq, :label, :means, :value, :reviewer);

-- name: insert_reviewer
INSERT INTO reviewer (seq, name, salt, token_hash, added_by)
VALUES (:seq, :name, :salt, :token_hash, :added_by);

-- name: insert_reviewer_revocation
INSERT INTO reviewer_revocation (seq, name, revoked_by)
VALUES (:seq, :name, :revoked_by);

-- name: reviewers
-- Every reviewer ever added, oldest first, with the entry that revoked them (NULL: active).
SELECT r.name, r.seq, e.recorded_at, r.added_by, v.seq AS revoked_seq, ve.recorded_at AS revoked_at, v.revoked_by,
       r.salt, r.token_hash
FROM reviewer r JOIN entry e ON e.seq = r.seq
LEFT JOIN reviewer_revocation v ON v.name = r.name LEFT JOIN entry ve ON ve.seq = v.seq
ORDER BY r.seq;

-- name: insert_trusted_key
INSERT INTO trusted_key (seq, key, name, trusted_by)
VALUES (:seq, :key, :name, :trusted_by);

-- name: insert_publisher
INSERT INTO publisher (seq, name, url, logo, review_url, set_by)
VALUES (:seq, :name, :url, :logo, :review_url, :set_by);

-- name: publisher_as_of
-- The publisher in force after entry :as_of (the latest set up to it), or no row.
SELECT p.seq, p.name, p.url, p.logo, p.review_url, p.set_by, e.recorded_at
FROM publisher p JOIN entry e ON e.seq = p.seq WHERE p.seq <= :as_of ORDER BY p.seq DESC LIMIT 1;

-- name: insert_attribution
INSERT INTO attribution (seq, claim_id, verdict, evidence, note, reviewer, replaces)
VALUES (:seq, :claim_id, :verdict, :evidence, :note, :reviewer, :replaces);

-- name: insert_attribution_credit
INSERT INTO attribution_credit (seq, published_by)
VALUES (:seq, :published_by);

-- name: claim_attributions
-- A quote's attribution checks up to entry :as_of, oldest first, with the publisher an imported one credits.
SELECT a.seq, a.verdict, a.evidence, a.note, a.reviewer, ac.published_by, e.recorded_at, e.hash
FROM attribution a JOIN entry e ON e.seq = a.seq LEFT JOIN attribution_credit ac ON ac.seq = a.seq
WHERE a.claim_id = :claim_id AND a.seq <= :as_of
ORDER BY a.seq;

-- name: insert_review_credit
INSERT INTO review_credit (seq, published_by)
VALUES (:seq, :published_by);

-- name: trusted_keys
-- Every verifier key the ledger trusts to sign its checkpoints, oldest first.
SELECT t.seq, t.key, t.name, t.trusted_by, e.recorded_at FROM trusted_key t JOIN entry e ON e.seq = t.seq
ORDER BY t.seq;

-- name: reviewer_named
-- One reviewer by name, case ignored (names are compared as typed in a login or `revoke`).
SELECT r.name, v.seq AS revoked_seq FROM reviewer r LEFT JOIN reviewer_revocation v ON v.name = r.name
WHERE lower(r.name) = lower(:name);

-- name: insert_note
INSERT INTO note (seq, claim_id, text, reviewer)
VALUES (:seq, :claim_id, :text, :reviewer);

-- name: insert_correction
INSERT INTO correction (seq, claim_id, field, value, reason, reviewer)
VALUES (:seq, :claim_id, :field, :value, :reason, :reviewer);

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

-- fragment: claim_fields_v12
-- `claim_fields` as migration 12 shipped it, which made the view `claims_current` from it: that
-- migration keeps making the same view (and `audit` keeps expecting it of a version-12 ledger)
-- however the fragment changes later. Never edited.
SELECT c.claim_id, c.seq, c.source_id, c.kind,
       coalesce(fix_text.value, c.text) AS text,
       CASE WHEN fix_speaker.seq IS NULL THEN c.speaker ELSE fix_speaker.value END AS speaker,
       CASE WHEN fix_cue.seq IS NULL THEN c.cue ELSE fix_cue.value END AS cue,
       CASE WHEN fix_via.seq IS NULL THEN c.via ELSE fix_via.value END AS via,
       c.claim_type, c.score, c.start, c."end", c.prefix, c.suffix, c.sentence_start, c.sentence_end,
       coalesce(r.status, 'unverified') AS status, r.seq AS status_seq, r.evidence, r.reviewer, r.note,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = r.seq) AS reviewed_at,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = c.seq) AS recorded_at,
       CASE WHEN fix_title.seq IS NULL THEN s.title ELSE fix_title.value END AS source_title, s.seq AS source_seq,
       CASE WHEN fix_speaker.seq IS NULL THEN c.speaker_kind END AS speaker_kind,
       r.rating,
       CASE WHEN fix_speaker.seq IS NULL THEN (SELECT sc.confidence FROM speaker_confidence sc WHERE sc.seq = c.seq) END
           AS speaker_confidence,
       CASE WHEN r.seq IS NOT NULL THEN (SELECT rc.published_by FROM review_credit rc WHERE rc.seq = r.seq) END AS published_by,
       CASE WHEN c.kind = 'quote' THEN (SELECT a.verdict FROM attribution a WHERE a.claim_id = c.claim_id AND a.seq <= :as_of
                                        ORDER BY a.seq DESC LIMIT 1) END AS attribution
FROM claim c
JOIN source s ON s.source_id = c.source_id
LEFT JOIN source_correction fix_title ON fix_title.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = c.source_id AND x.field = 'title' AND x.seq <= :as_of)
LEFT JOIN review r ON r.seq = (SELECT max(x.seq) FROM review x WHERE x.claim_id = c.claim_id AND x.seq <= :as_of)
LEFT JOIN correction fix_text ON fix_text.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'text' AND x.seq <= :as_of)
LEFT JOIN correction fix_speaker ON fix_speaker.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'speaker' AND x.seq <= :as_of)
LEFT JOIN correction fix_cue ON fix_cue.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'cue' AND x.seq <= :as_of)
LEFT JOIN correction fix_via ON fix_via.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'via' AND x.seq <= :as_of)

-- fragment: claim_fields
-- A claim as the ledger stood after entry :as_of: each field with its latest correction up to that
-- entry, and the latest status up to it. Every query that reads claims is built on this one; the
-- caller adds the WHERE clause that picks the rows (so each can use its index).
-- The view `claims_current` is made from it (migrations 12 and 13, comments and layout aside): a
-- change to its SQL needs a migration that makes the view again, or `audit` reports every ledger's
-- view; migration 12 reads its own frozen copy (`claim_fields_v12`).
SELECT c.claim_id, c.seq, c.source_id, c.kind,
       coalesce(fix_text.value, c.text) AS text,
       CASE WHEN fix_speaker.seq IS NULL THEN c.speaker ELSE fix_speaker.value END AS speaker,
       CASE WHEN fix_cue.seq IS NULL THEN c.cue ELSE fix_cue.value END AS cue,
       CASE WHEN fix_via.seq IS NULL THEN c.via ELSE fix_via.value END AS via,
       c.claim_type, c.score, c.start, c."end", c.prefix, c.suffix, c.sentence_start, c.sentence_end,
       coalesce(r.status, 'unverified') AS status, r.seq AS status_seq, r.evidence, r.reviewer, r.note,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = r.seq) AS reviewed_at,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = c.seq) AS recorded_at,
       CASE WHEN fix_title.seq IS NULL THEN s.title ELSE fix_title.value END AS source_title, s.seq AS source_seq,
       -- A corrected speaker is somebody extraction did not see: their kind is not known.
       CASE WHEN fix_speaker.seq IS NULL THEN c.speaker_kind END AS speaker_kind,
       r.rating,
       -- So is how sure extraction was of it.
       CASE WHEN fix_speaker.seq IS NULL THEN (SELECT sc.confidence FROM speaker_confidence sc WHERE sc.seq = c.seq) END
           AS speaker_confidence,
       -- The organisation that published the current verdict, for one recorded by an import.
       CASE WHEN r.seq IS NOT NULL THEN (SELECT rc.published_by FROM review_credit rc WHERE rc.seq = r.seq) END AS published_by,
       -- A quote's latest attribution check up to then: was it said as quoted? (Claims have none.)
       CASE WHEN c.kind = 'quote' THEN (SELECT a.verdict FROM attribution a WHERE a.claim_id = c.claim_id AND a.seq <= :as_of
                                        ORDER BY a.seq DESC LIMIT 1) END AS attribution,
       -- Who is on it then (migration 13); NULL: nobody.
       (SELECT g.assignee FROM assignment g WHERE g.claim_id = c.claim_id AND g.seq <= :as_of
        ORDER BY g.seq DESC LIMIT 1) AS assigned_to
FROM claim c
JOIN source s ON s.source_id = c.source_id
LEFT JOIN source_correction fix_title ON fix_title.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = c.source_id AND x.field = 'title' AND x.seq <= :as_of)
LEFT JOIN review r ON r.seq = (SELECT max(x.seq) FROM review x WHERE x.claim_id = c.claim_id AND x.seq <= :as_of)
LEFT JOIN correction fix_text ON fix_text.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'text' AND x.seq <= :as_of)
LEFT JOIN correction fix_speaker ON fix_speaker.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'speaker' AND x.seq <= :as_of)
LEFT JOIN correction fix_cue ON fix_cue.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'cue' AND x.seq <= :as_of)
LEFT JOIN correction fix_via ON fix_via.seq = (SELECT max(x.seq) FROM correction x
    WHERE x.claim_id = c.claim_id AND x.field = 'via' AND x.seq <= :as_of)

-- fragment: tie_rank
-- The rank of a claim's kind among the queue's ties (as `claim_queue_tie` ranks it, migration 17).
(CASE claim_type WHEN 'statistic' THEN 0 WHEN 'count' THEN 1 WHEN 'ranking' THEN 2 WHEN 'date' THEN 3
                 WHEN 'attributed' THEN 4 WHEN 'other' THEN 5 ELSE 6 END)

-- fragment: claim_filters
-- The filters of `list` and `report` on a claim's fields as they stood then.
    (:status IS NULL OR status = :status)
-- :statuses, a JSON array: any of these (`list --status verified --status disputed`).
AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
AND (:kind IS NULL OR kind = :kind)
AND (:speaker IS NULL OR instr(lower(speaker), lower(:speaker)) > 0)
-- :match is an FTS5 query on the search index (the claims as they stand now): every word, in any
-- form (Porter stems). The index holds current text, so a listing as of an older entry uses
-- :search instead, a JSON array of folded words (lowercase, accents removed) found anywhere in the
-- text as it stood then: all of them, in any order.
AND (:match IS NULL OR EXISTS (SELECT 1 FROM claim_index WHERE claim_index MATCH :match AND rowid = seq))
AND (:search IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(:search) w
                                    WHERE instr(claimledger_fold(text), w.value) = 0))
AND (:min_score IS NULL OR score >= :min_score)
-- How sure the speaker ranker was (quotes it attributed, speaker not corrected since).
AND (:min_confidence IS NULL OR speaker_confidence >= :min_confidence)
AND (:max_confidence IS NULL OR speaker_confidence <= :max_confidence)
-- A quote's attribution as it stood then; never checked counts as unconfirmed.
AND (:attribution IS NULL OR (kind = 'quote' AND coalesce(attribution, 'unconfirmed') = :attribution))
-- Recorded on or after the day :since (YYYY-MM-DD; entry times are ISO 8601 in UTC).
AND (:since IS NULL OR recorded_at >= :since)
-- Who is on it: :assigned_to a reviewer's name, or '' for claims nobody is on.
AND (:assigned_to IS NULL OR coalesce(assigned_to, '') = :assigned_to)
-- Dismissed claims (not check-worthy) only when asked for by status or by :with_dismissed.
AND (status <> 'dismissed' OR :status IS NOT NULL OR :with_dismissed
     OR EXISTS (SELECT 1 FROM json_each(:statuses) WHERE value = 'dismissed'))

-- name: claims_newest
-- `list`: last recorded first.
SELECT * FROM ({claim_fields} WHERE c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters}
ORDER BY seq DESC
LIMIT :limit;

-- name: claims_of_source_newest
-- One source's claims, last recorded first (`list --source`): read by claim_by_source.
SELECT * FROM ({claim_fields} WHERE c.source_id = :source AND c.seq <= :as_of)
WHERE {claim_filters}
ORDER BY seq DESC
LIMIT :limit;

-- name: claims_by_position
-- Article order: source by source, each by offset.
SELECT * FROM ({claim_fields} WHERE c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters}
ORDER BY source_seq, coalesce(start, 0), seq
LIMIT :limit;

-- name: claims_by_score
-- Most check-worthy first; among equal scores as the queue breaks ties (`claim_queue_tie`, migration
-- 17: the kind of claim, seen before, the newest article), from the row's own columns: reading the
-- view per row made a listing of a million claims as of an entry 25% slower. Tests hold the two
-- orders equal.
SELECT * FROM ({claim_fields} WHERE c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters}
ORDER BY coalesce(score, -1) DESC, {tie_rank}, NOT EXISTS (SELECT 1 FROM claim_match m WHERE m.claim_seq = seq),
         source_seq DESC, coalesce(start, 0), seq
LIMIT :limit;

-- name: doubtful_seqs
-- Least sure speaker first (`list --sort confidence`): the quotes with a speaker confidence, lowest
-- first, ties the earlier recorded first, read from speaker_confidence_by_value; each is then read
-- through claim_with_confidence, so a listing with a limit stops early at any size.
SELECT seq FROM speaker_confidence
WHERE seq <= :as_of AND confidence >= coalesce(:min_confidence, 0) AND confidence <= coalesce(:max_confidence, 1)
ORDER BY confidence, seq;

-- name: claim_with_confidence
-- One claim of doubtful_seqs, if the filters keep it and its speaker was not corrected since.
SELECT * FROM ({claim_fields} WHERE c.seq = :seq AND c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters} AND speaker_confidence IS NOT NULL;

-- name: claims_without_confidence
-- After doubtful_seqs: the claims and quotes without a speaker confidence (a claim, no speaker found,
-- or a speaker a reviewer corrected), in article order.
SELECT * FROM ({claim_fields} WHERE c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters} AND speaker_confidence IS NULL
ORDER BY source_seq, coalesce(start, 0), seq
LIMIT :limit;

-- name: claims_matching
-- `list --search` when its words are in few claims: read from the index's matches (:driving),
-- not by scanning every claim for them; ordered as :order says.
SELECT * FROM ({claim_fields} WHERE c.seq IN (SELECT rowid FROM claim_index WHERE claim_index MATCH :driving)
                              AND c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters}
ORDER BY CASE :order WHEN 'newest' THEN -seq END, CASE :order WHEN 'score' THEN -coalesce(score, -1) END,
         CASE :order WHEN 'confidence' THEN speaker_confidence IS NULL END,
         CASE :order WHEN 'confidence' THEN speaker_confidence END,
         CASE WHEN :order = 'confidence' AND speaker_confidence IS NOT NULL THEN seq END,
         CASE :order WHEN 'score' THEN {tie_rank} END,
         CASE :order WHEN 'score' THEN NOT EXISTS (SELECT 1 FROM claim_match m WHERE m.claim_seq = seq) END,
         CASE :order WHEN 'score' THEN -source_seq ELSE source_seq END, coalesce(start, 0), seq
LIMIT :limit;

-- name: claims_of_source
-- One source's claims in article order (reports, source by source; an article's page): read by
-- claim_by_source (the other claims queries' `:source IS NULL OR …` cannot use it: at a million
-- claims they scan them all).
SELECT * FROM ({claim_fields} WHERE c.source_id = :source AND c.seq <= :as_of)
WHERE {claim_filters}
ORDER BY coalesce(start, 0), seq
LIMIT :limit;

-- name: claim_by_id
SELECT * FROM ({claim_fields} WHERE c.claim_id = :claim_id AND c.seq <= :as_of);

-- name: claim_counts
-- How many claims matching the filters each source has, by status. (One reviewer's claims now are
-- counted from their assignments, `queue_places_of_assignee`, not here.)
SELECT source_id, status, count(*) AS claims
FROM ({claim_fields} WHERE c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters}
GROUP BY source_id, status;

-- name: claim_counts_of_source
-- The same for one source (a report of one article, as of an entry), read by claim_by_source.
SELECT source_id, status, count(*) AS claims
FROM ({claim_fields} WHERE c.source_id = :source AND c.seq <= :as_of)
WHERE {claim_filters}
GROUP BY source_id, status;

-- name: claim_history
-- Every entry about a claim but its attribution checks (`claim_attributions`), oldest first, each
-- with the columns of its own kind (the others NULL).
SELECT c.seq, 'recorded' AS event, NULL AS status, NULL AS evidence, NULL AS note, NULL AS rating,
       NULL AS published_by, NULL AS field, NULL AS value, NULL AS reason, NULL AS reviewer, e.recorded_at, e.hash
FROM claim c JOIN entry e ON e.seq = c.seq WHERE c.claim_id = :claim_id
UNION ALL
SELECT r.seq, 'status', r.status, r.evidence, r.note, r.rating, rc.published_by, NULL, NULL, NULL, r.reviewer,
       e.recorded_at, e.hash
FROM review r JOIN entry e ON e.seq = r.seq LEFT JOIN review_credit rc ON rc.seq = r.seq WHERE r.claim_id = :claim_id
UNION ALL
SELECT n.seq, 'note', NULL, NULL, n.text, NULL, NULL, NULL, NULL, NULL, n.reviewer, e.recorded_at, e.hash
FROM note n JOIN entry e ON e.seq = n.seq WHERE n.claim_id = :claim_id
UNION ALL
SELECT x.seq, 'correction', NULL, NULL, NULL, NULL, NULL, x.field, x.value, x.reason, x.reviewer, e.recorded_at, e.hash
FROM correction x JOIN entry e ON e.seq = x.seq WHERE x.claim_id = :claim_id
ORDER BY 1;

-- name: last_correction
-- The latest correction of a claim's field: who made it and when (for a conflict's message).
SELECT c.seq, c.reviewer, e.recorded_at FROM correction c JOIN entry e ON e.seq = c.seq
WHERE c.claim_id = :claim_id AND c.field = :field ORDER BY c.seq DESC LIMIT 1;

-- name: reviewer_has_decisions
-- Whether this reviewer name has recorded any decision in the ledger.
SELECT EXISTS (SELECT 1 FROM review WHERE reviewer = :reviewer);

-- fragment: source_fields
-- A source as the ledger stood after entry :as_of: each field with its latest correction up to then.
SELECT s.source_id, s.seq, s.sha256,
       CASE WHEN t.seq IS NULL THEN s.title ELSE t.value END AS title,
       CASE WHEN o.seq IS NULL THEN s.outlet ELSE o.value END AS outlet,
       CASE WHEN a.seq IS NULL THEN s.author ELSE a.value END AS author,
       CASE WHEN p.seq IS NULL THEN s.published ELSE p.value END AS published,
       CASE WHEN u.seq IS NULL THEN s.url ELSE u.value END AS url,
       s.body,
       CASE WHEN t.seq IS NULL THEN s.title_guessed END AS title_guessed
FROM source s
LEFT JOIN source_correction t ON t.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = s.source_id AND x.field = 'title' AND x.seq <= :as_of)
LEFT JOIN source_correction o ON o.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = s.source_id AND x.field = 'outlet' AND x.seq <= :as_of)
LEFT JOIN source_correction a ON a.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = s.source_id AND x.field = 'author' AND x.seq <= :as_of)
LEFT JOIN source_correction p ON p.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = s.source_id AND x.field = 'published' AND x.seq <= :as_of)
LEFT JOIN source_correction u ON u.seq = (SELECT max(x.seq) FROM source_correction x
    WHERE x.source_id = s.source_id AND x.field = 'url' AND x.seq <= :as_of)

-- name: source_by_id
{source_fields} WHERE s.source_id = :source AND s.seq <= :as_of;

-- name: source_history
-- A source's entries: when it was recorded, then each correction, oldest first.
SELECT s.seq, 'recorded' AS event, NULL AS field, NULL AS value, NULL AS reason, NULL AS reviewer, e.recorded_at, e.hash
FROM source s JOIN entry e ON e.seq = s.seq WHERE s.source_id = :source
UNION ALL
SELECT x.seq, 'correction', x.field, x.value, x.reason, x.reviewer, e.recorded_at, e.hash
FROM source_correction x JOIN entry e ON e.seq = x.seq WHERE x.source_id = :source
ORDER BY 1;

-- name: sources_listing
-- `sources`: every source, oldest first, with its claims counted by status.
SELECT f.*, count(c.claim_id) AS claims,
       coalesce(sum(c.status = 'unverified'), 0) AS unverified, coalesce(sum(c.status = 'verified'), 0) AS verified,
       coalesce(sum(c.status = 'disputed'), 0) AS disputed, coalesce(sum(c.status = 'dismissed'), 0) AS dismissed
FROM ({source_fields} WHERE s.seq <= :as_of AND (:source IS NULL OR s.source_id = :source)) f
LEFT JOIN (SELECT c.claim_id, c.source_id, coalesce(r.status, 'unverified') AS status
           FROM claim c
           LEFT JOIN review r ON r.seq = (SELECT max(x.seq) FROM review x WHERE x.claim_id = c.claim_id AND x.seq <= :as_of)
           WHERE c.seq <= :as_of) c ON c.source_id = f.source_id
GROUP BY f.source_id
ORDER BY f.seq;

-- name: ratings_defined
-- Every definition of the ledger's own rating labels up to entry :as_of, oldest first (the latest of a label holds).
SELECT label, means, value, reviewer, seq FROM rating WHERE seq <= :as_of ORDER BY seq;

-- name: entries_from
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry WHERE seq >= ? ORDER BY seq;

-- name: schema_objects
SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name;

-- name: report_sources
{source_fields} WHERE s.seq <= :as_of
ORDER BY s.seq;

-- name: report_source
-- A report of one article: read by its key, not by scanning every source.
{source_fields} WHERE s.source_id = :source AND s.seq <= :as_of;

-- name: entry_at
SELECT seq, hash, recorded_at FROM entry WHERE seq = ?;

-- name: entries_range
SELECT seq, kind, recorded_at, prev_hash, payload FROM entry WHERE seq >= ? AND seq <= ? ORDER BY seq;

-- name: merkle_blocks_stored
-- How many blocks of 1,024 leaves have their root stored (migration 18: numbered from 0, no gap).
SELECT coalesce(max(block) + 1, 0) FROM merkle_block;

-- name: merkle_block_insert
INSERT INTO merkle_block (block, root) VALUES (:block, :root);

-- name: merkle_block_roots
-- The stored roots of the first :blocks blocks, in order.
SELECT root FROM merkle_block WHERE block < :blocks ORDER BY block;

-- name: merkle_blocks_clear
-- `audit --rebuild-index`: the blocks are written anew from the entries.
DELETE FROM merkle_block;

-- name: merkle_block_shape
-- Every audit: whether the blocks (of :block_size entries) are misnumbered (a gap) or one is past
-- the log (1: a problem).
SELECT count(*) > 0
       AND (max(block) + 1 != count(*) OR (max(block) + 1) * :block_size > (SELECT coalesce(max(seq), 0) FROM entry))
FROM merkle_block;

-- name: schema_size
SELECT count(*) FROM sqlite_schema;

-- name: ledger_tables
-- How many of the ledger's own tables a file holds (a foreign file may have none, a damaged one some).
SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('entry', 'claim', 'source');

-- name: claim_decisions
-- A claim's status changes up to entry :as_of, oldest first (the evidence behind its verdict).
SELECT r.seq, r.status, r.evidence, r.note, r.reviewer, e.recorded_at, e.hash, r.rating, rc.published_by
FROM review r JOIN entry e ON e.seq = r.seq LEFT JOIN review_credit rc ON rc.seq = r.seq
WHERE r.claim_id = :claim_id AND r.seq <= :as_of
ORDER BY r.seq;

-- name: claim_notes
-- A claim's notes up to entry :as_of, oldest first.
SELECT n.seq, n.text, n.reviewer, e.recorded_at, e.hash
FROM note n JOIN entry e ON e.seq = n.seq
WHERE n.claim_id = :claim_id AND n.seq <= :as_of
ORDER BY n.seq;

-- fragment: current_title
-- Source s's title now: its latest title correction, else the recorded one.
coalesce((SELECT json_array(x.value) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'title'
          ORDER BY x.seq DESC LIMIT 1), json_array(s.title)) ->> 0

-- fragment: index_fields
-- What the search index holds for claims (schema version 4): each claim's current text, speaker and
-- source title, and its source's text when the claim has no place in it (an imported review).
-- Library code normalises these (`MatchText`) before they are stored or compared. Each query below
-- picks the claims by its own index (an "(:x IS NULL OR …)" filter would scan every claim).
SELECT c.seq,
       coalesce((SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'text'
                 ORDER BY x.seq DESC LIMIT 1), c.text) AS text,
       coalesce((SELECT json_array(x.value) FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'speaker'
                 ORDER BY x.seq DESC LIMIT 1), json_array(c.speaker)) ->> 0 AS speaker,
       {current_title} AS title,
       CASE WHEN c.start IS NULL THEN s.body END AS about
FROM claim c JOIN source s ON s.source_id = c.source_id

-- name: index_sources
-- Every claim, in seq order (the audit merges on it).
{index_fields}
ORDER BY c.seq;

-- name: index_source_of_seq
{index_fields}
WHERE c.seq = :seq;

-- name: index_source_of_claim
{index_fields}
WHERE c.claim_id = :claim_id;

-- name: index_sources_of_source
{index_fields}
WHERE c.source_id = :source;

-- name: index_context_of_source
-- A source's current title, and its text (for a claim that is not a span of it): what a new claim's
-- index row takes from its source.
SELECT {current_title} AS title,
       CASE WHEN :with_body THEN s.body END AS about
FROM source s WHERE s.source_id = :source;

-- name: index_delete
DELETE FROM claim_index WHERE rowid = ?;

-- name: index_insert
INSERT INTO claim_index (rowid, body, speaker, context) VALUES (?, ?, ?, ?);

-- name: index_pending_create
-- New claims' index rows wait here until the transaction ends or the index is read (see
-- `SearchIndex.insertNew`): FTS5 writes its pending rows to disk at every statement savepoint, and
-- each entry insert opens one, so a row inserted per claim became a segment per claim.
CREATE TEMP TABLE IF NOT EXISTS index_pending (rowid INTEGER PRIMARY KEY, body, speaker, context);

-- name: index_pending_insert
INSERT INTO temp.index_pending (rowid, body, speaker, context) VALUES (?, ?, ?, ?);

-- name: index_pending_any
SELECT EXISTS (SELECT 1 FROM temp.index_pending);

-- name: index_pending_flush
INSERT INTO claim_index (rowid, body, speaker, context)
SELECT rowid, body, speaker, context FROM temp.index_pending ORDER BY rowid;

-- name: index_pending_clear
DELETE FROM temp.index_pending;

-- name: index_rows
-- The search index's stored rows in seq order (`audit` compares them with index_sources).
SELECT rowid, body, speaker, context FROM claim_index ORDER BY rowid;

-- name: claims_before_source
-- Whether any claim was recorded before this source's first claim (then of another source).
SELECT EXISTS (SELECT 1 FROM claim WHERE seq < (SELECT min(seq) FROM claim WHERE source_id = :source));

-- name: claims_elsewhere
-- Whether another source has claims (by entry :as_of): else a report has no matches to look for.
SELECT EXISTS (SELECT 1 FROM claim WHERE source_id <> :source AND seq <= :as_of);

-- name: claims_of_source_count
SELECT count(*) FROM claim WHERE source_id = :source;

-- name: claim_seqs
SELECT seq FROM claim ORDER BY seq;

-- name: index_rowids
-- The index's rows, from FTS5's own table of row sizes (one row per indexed row, the same rowid):
-- five times faster than a scan of the virtual table. `audit --search-index` checks that this
-- table agrees with the inverted index (FTS5's integrity-check).
SELECT id FROM claim_index_docsize ORDER BY id;

-- name: index_term_count
-- How many claims hold a word, counted up to :cap (a common word is not counted to the end), and
-- the seq of the last one counted (FTS5 reads matches in rowid order) and of the last claim: a word
-- that reaches the cap is estimated from how early it did.
SELECT count(*), coalesce(max(rowid), 0), (SELECT coalesce(max(seq), 0) FROM claim)
FROM (SELECT rowid FROM claim_index WHERE claim_index MATCH :match LIMIT :cap);

-- name: index_candidates
-- The first stage of `similar`: claims holding any of the words, best BM25 first (FTS5's bm25 is
-- lower for a better match; the caller negates it). Only claims recorded before entry :before, and
-- none of source :exclude_source when given. The inner query keeps only the rowid and the score:
-- every matching row goes through its sort, and a text column there was read from the index's
-- content for each of them (most of an ingest's time). The chosen few's indexed words and speaker
-- are joined after the limit, with whether each is a sentence of an article (it has a place in its
-- source's text; an imported fact-check has none): one statement, not one more per candidate.
SELECT best.seq, best.score, i.body, i.speaker,
  (SELECT c.start IS NOT NULL FROM claim c WHERE c.seq = best.seq) AS in_article
FROM (
  SELECT rowid AS seq, bm25(claim_index, 1.0, 1.0, 1.0) AS score
  FROM claim_index WHERE claim_index MATCH :match AND rowid < :before
    AND (:exclude_source IS NULL OR rowid NOT IN (SELECT seq FROM claim WHERE source_id = :exclude_source))
  ORDER BY score LIMIT :limit
) AS best
JOIN claim_index i ON i.rowid = best.seq
ORDER BY best.score, best.seq;

-- name: correction_at
-- Which claim an entry corrected, and which field (an entry applied from the log of record).
SELECT claim_id, field FROM correction WHERE seq = ?;

-- name: source_correction_at
-- Which source an entry corrected, and which field (an entry applied from the log of record).
SELECT source_id, field FROM source_correction WHERE seq = ?;

-- name: claim_id_at
SELECT claim_id FROM claim WHERE seq = ?;

-- name: claim_total
-- How many claims there are (never deleted, so the last rowid), for inverse document frequencies.
SELECT coalesce(max(rowid), 0) FROM claim;

-- name: index_integrity
-- FTS5's check that the inverted index agrees with the rows it stores (needs a writable connection).
INSERT INTO claim_index (claim_index) VALUES ('integrity-check');

-- name: index_drop
-- Drops the search index (`audit --rebuild-index` then makes it again with migration 4's statement).
DROP TABLE claim_index;

-- The review queue (migration 6): most check-worthy first, a page at a time. Pages are keyed, not
-- numbered: a page starts after (or ends before) one claim's place in the queue, given as
-- :place, :source_order, :position, :claim_seq (the first page: after (-1e308, 0, 0, 0)), so a
-- deep page costs what the first one does. Claims as they stand now (:as_of is the head).

-- The queue is walked on its own index (claim_queue alone, so SQLite cannot choose to sort it:
-- joined to the claims, the planner sorted the whole queue for a first page when a filter's terms
-- tipped its estimate, 3.6 s at a million claims), and the claims it passes are read and filtered
-- a batch at a time by `queue_claims_in` until the page is full. A minimum score bounds the walk
-- (a place is minus the score), so a score no claim reaches reads nothing.

-- name: queue_after
-- One status: its range of claim_queue_by_status after the cursor.
SELECT claim_seq FROM claim_queue
WHERE now_status = :status AND (place, source_order, position, claim_seq) > (:place, :source_order, :position, :claim_seq)
  AND place <= coalesce(-:min_score, 1e308)
ORDER BY place, source_order, position, claim_seq;

-- name: queue_before
-- One status, walking back from the cursor (the caller reverses the rows).
SELECT claim_seq FROM claim_queue
WHERE now_status = :status AND (place, source_order, position, claim_seq) < (:place, :source_order, :position, :claim_seq)
  AND place <= coalesce(-:min_score, 1e308)
ORDER BY place DESC, source_order DESC, position DESC, claim_seq DESC;

-- name: queue_all_after
-- Every status (claim_queue_all).
SELECT claim_seq FROM claim_queue
WHERE (place, source_order, position, claim_seq) > (:place, :source_order, :position, :claim_seq)
  AND place <= coalesce(-:min_score, 1e308)
ORDER BY place, source_order, position, claim_seq;

-- name: queue_all_before
SELECT claim_seq FROM claim_queue
WHERE (place, source_order, position, claim_seq) < (:place, :source_order, :position, :claim_seq)
  AND place <= coalesce(-:min_score, 1e308)
ORDER BY place DESC, source_order DESC, position DESC, claim_seq DESC;

-- name: queue_claims_in
-- The claims the walk reached, a batch at a time (:seqs, a JSON array of seqs), those the filters keep.
SELECT * FROM ({claim_fields} WHERE c.seq IN (SELECT value FROM json_each(:seqs))
                              AND (:source IS NULL OR c.source_id = :source))
WHERE {claim_filters};

-- name: queue_places_of_source
-- The queue places of one article's claims (few: sorted by the caller, then read by queue_claims_in).
SELECT q.place, q.source_order, q.position, q.claim_seq FROM claim c JOIN claim_queue q ON q.claim_seq = c.seq
WHERE c.source_id = :source;

-- name: queue_places_of_repeats
-- The queue places of the claims whose stored matches name an earlier claim of another source (seen
-- before), with status :seen_status now when it is given (few: sorted by the caller).
SELECT q.place, q.source_order, q.position, q.claim_seq FROM claim_queue q
WHERE q.claim_seq IN (SELECT m.claim_seq FROM claim_match m JOIN claim_queue e ON e.claim_seq = m.earlier_seq
                      WHERE :seen_status IS NULL OR e.now_status = :seen_status);

-- name: queue_places_of_doubtful
-- The queue places of the quotes whose speaker the ranker chose with at most :max_confidence, up to
-- :cap of them (more: the caller walks the queue instead). By speaker_confidence_by_value.
SELECT q.place, q.source_order, q.position, q.claim_seq FROM speaker_confidence sc
JOIN claim_queue q ON q.claim_seq = sc.seq
WHERE sc.confidence <= :max_confidence
LIMIT :cap;

-- name: queue_places_of_anyone
-- The queue places of the claims ever given to anyone (few: "nobody is on it" is counted as every
-- claim less those still with someone).
SELECT q.place, q.source_order, q.position, q.claim_seq
FROM (SELECT DISTINCT claim_id FROM assignment) a
JOIN claim c ON c.claim_id = a.claim_id JOIN claim_queue q ON q.claim_seq = c.seq;

-- name: queue_places_of_assignee
-- The queue places of the claims ever given to one reviewer ("mine"; the filters keep those still theirs).
SELECT q.place, q.source_order, q.position, q.claim_seq
FROM (SELECT DISTINCT claim_id FROM assignment WHERE assignee = :assigned_to) a
JOIN claim c ON c.claim_id = a.claim_id JOIN claim_queue q ON q.claim_seq = c.seq;

-- name: queue_matching
-- The queue filtered by a search whose words few claims hold: read from the index's matches (as
-- claims_matching does) and sorted; :direction 1 walks forward from the cursor, -1 back.
SELECT f.* FROM claim_queue q
JOIN ({claim_fields} WHERE c.seq IN (SELECT rowid FROM claim_index WHERE claim_index MATCH :driving)
                      AND c.seq <= :as_of AND (:source IS NULL OR c.source_id = :source)) f ON f.seq = q.claim_seq
WHERE CASE WHEN :direction > 0
           THEN (q.place, q.source_order, q.position, q.claim_seq) > (:place, :source_order, :position, :claim_seq)
           ELSE (q.place, q.source_order, q.position, q.claim_seq) < (:place, :source_order, :position, :claim_seq) END
  AND {claim_filters}
ORDER BY :direction * q.place, :direction * q.source_order, :direction * q.position, :direction * q.claim_seq
LIMIT :limit;

-- name: queue_place
-- A claim's place in the queue (a page's cursor).
SELECT place, source_order, position, claim_seq FROM claim_queue WHERE claim_seq = ?;

-- name: status_tally
-- How many claims have each status now, of one kind or all (migration 6 keeps the tally).
SELECT now_status, sum(claims) FROM status_tally WHERE :kind IS NULL OR kind = :kind GROUP BY now_status;

-- name: queue_drop
-- `audit --rebuild-index`: the queue's tables and triggers, made again by migration 6's statements
-- (and migration 15's and 17's, from those versions on).
DROP TRIGGER claim_queue_claim_recorded;
DROP TRIGGER claim_queue_status_changed;
DROP TRIGGER IF EXISTS claim_queue_match_stored;
DROP TRIGGER IF EXISTS claim_queue_match_dropped;
DROP VIEW IF EXISTS claim_queue_tie;
DROP TABLE claim_queue;
DROP TABLE status_tally;

-- name: queue_seqs
-- The queue's rows in seq order (`audit` pairs them with claim_seqs: one per claim, no other).
SELECT claim_seq FROM claim_queue ORDER BY claim_seq;

-- name: queue_status_check
-- Every audit, cheaply (O(decisions), not O(claims)): `wrong`, the first claim with a decision whose
-- queue status is not its latest decision's; `decided_agree`, whether as many queue rows are
-- decided as claims are; `decided_tallied`, whether the tally of each decided status is the
-- queue's; `tallied`, the tally's total (the audit compares it with the claims it counted, so the
-- tally of unverified claims is right too).
WITH latest AS (SELECT r.claim_id, r.status FROM review r
                WHERE r.seq = (SELECT max(x.seq) FROM review x WHERE x.claim_id = r.claim_id)),
     decided AS (SELECT now_status, count(*) AS claims FROM claim_queue
                 WHERE now_status IN ('verified', 'disputed', 'dismissed') GROUP BY now_status),
     tallied AS (SELECT now_status, sum(claims) AS claims FROM status_tally GROUP BY now_status HAVING sum(claims) > 0)
SELECT (SELECT min(c.seq) FROM latest l JOIN claim c ON c.claim_id = l.claim_id
        JOIN claim_queue q ON q.claim_seq = c.seq WHERE q.now_status IS NOT l.status) AS wrong,
       (SELECT count(*) FROM latest WHERE status <> 'unverified') = (SELECT coalesce(sum(claims), 0) FROM decided) AS decided_agree,
       NOT EXISTS (SELECT * FROM decided EXCEPT SELECT * FROM tallied WHERE now_status <> 'unverified')
       AND NOT EXISTS (SELECT * FROM tallied WHERE now_status <> 'unverified' EXCEPT SELECT * FROM decided) AS decided_tallied,
       (SELECT coalesce(sum(claims), 0) FROM tallied) AS tallied;

-- name: queue_disagreement
-- `audit --search-index`: the first claim whose queue row is not what the ledger says (every
-- column recomputed; :newest_first from schema version 15, whose ties put the newest article
-- first; from version 17 the ties are `queue_tie_disagreement`'s), or whose kind's tally is wrong
-- (then -1).
SELECT coalesce((SELECT min(c.seq) FROM claim c JOIN source s ON s.source_id = c.source_id
                 JOIN claim_queue q ON q.claim_seq = c.seq
                 WHERE q.place IS NOT -coalesce(c.score, -1)
                    OR NOT :ties AND q.source_order IS NOT CASE WHEN :newest_first THEN -s.seq ELSE s.seq END
                    OR q.position IS NOT coalesce(c.start, 0)
                    OR q.now_status IS NOT coalesce((SELECT r.status FROM review r WHERE r.claim_id = c.claim_id
                                                     ORDER BY r.seq DESC LIMIT 1), 'unverified')),
                CASE WHEN EXISTS (SELECT now_status, kind, claims FROM status_tally WHERE claims > 0
                                  EXCEPT SELECT q.now_status, c.kind, count(*) FROM claim_queue q
                                         JOIN claim c ON c.seq = q.claim_seq GROUP BY q.now_status, c.kind)
                       OR EXISTS (SELECT q.now_status, c.kind, count(*) FROM claim_queue q
                                  JOIN claim c ON c.seq = q.claim_seq GROUP BY q.now_status, c.kind
                                  EXCEPT SELECT now_status, kind, claims FROM status_tally WHERE claims > 0)
                     THEN -1 END);

-- name: queue_tie_disagreement
-- `audit --search-index` from schema version 17: the first claim whose place among its ties is not
-- what `claim_queue_tie` computes from the ledger (its kind, its stored matches, its article).
SELECT min(q.claim_seq) FROM claim_queue q JOIN claim_queue_tie t ON t.claim_seq = q.claim_seq
WHERE q.source_order IS NOT t.source_order;

-- name: insert_assignment
INSERT INTO assignment (seq, claim_id, assignee, reviewer, replaces)
VALUES (:seq, :claim_id, :assignee, :reviewer, :replaces);

-- name: claim_assignments
-- Who a claim was given to, up to entry :as_of, oldest first (NULL: given back to nobody).
SELECT g.seq, g.assignee, g.reviewer, e.recorded_at, e.hash
FROM assignment g JOIN entry e ON e.seq = g.seq
WHERE g.claim_id = :claim_id AND g.seq <= :as_of
ORDER BY g.seq;

-- name: matched_from
-- Claims with seq >= this have their matches stored (`claim_match`); older ones are searched when asked.
SELECT matched_from FROM match_coverage;

-- name: match_insert
INSERT INTO claim_match (claim_seq, earlier_seq, similarity, containment, clause_words, shared_words,
                         shorter_words, place, relevance, top_relevance, next_relevance)
VALUES (:claim, :earlier, :similarity, :containment, :clause_words, :shared_words,
        :shorter_words, :place, :relevance, :top_relevance, :next_relevance);

-- name: match_delete_of_claim
DELETE FROM claim_match WHERE claim_seq = ?;

-- name: match_pending_insert
INSERT OR IGNORE INTO match_pending (claim_seq) VALUES (?);

-- name: match_pending_delete
DELETE FROM match_pending WHERE claim_seq = ?;

-- name: match_is_stored
-- Whether a claim's matches are stored: recorded since the ledger stores them, and not left pending.
SELECT ? >= (SELECT matched_from FROM match_coverage) AND NOT EXISTS (SELECT 1 FROM match_pending WHERE claim_seq = ?1);

-- name: matches_earlier
-- A claim's stored matches recorded by entry :as_of, best first.
SELECT earlier_seq AS seq, similarity, containment, clause_words, shared_words, shorter_words, place,
       relevance, top_relevance, next_relevance
FROM claim_match WHERE claim_seq = :seq AND earlier_seq <= :as_of
ORDER BY place LIMIT :limit;

-- name: matches_later
-- The claims recorded after one claim (by entry :as_of) that repeat it, the most alike first.
SELECT claim_seq AS seq, similarity, containment, clause_words, shared_words, shorter_words, place,
       relevance, top_relevance, next_relevance
FROM claim_match WHERE earlier_seq = :seq AND claim_seq <= :as_of
ORDER BY similarity DESC, claim_seq LIMIT :limit;

-- name: matchers_of_claim
-- The later claims whose stored matches name this one (to match again when its words change).
SELECT claim_seq FROM claim_match WHERE earlier_seq = ? ORDER BY claim_seq;

-- name: claim_ids_in_order
-- Every claim, in the order recorded (`audit --rebuild-index` matches each again).
SELECT claim_id FROM claim ORDER BY seq;

-- name: matches_clear
-- `audit --rebuild-index`: every stored match is written anew, for every claim.
DELETE FROM claim_match;
DELETE FROM match_pending;
UPDATE match_coverage SET matched_from = 0;

-- name: match_problem
-- Every audit: the first stored match that names no claim, or two claims of one source, or an
-- "earlier" claim recorded after the other (a CHECK refuses it, but a file can be edited), or a
-- claim recorded before the ledger stored matches (its coverage lowered: matches would be hidden)
-- or left pending; or a pending claim that is no claim.
SELECT m.claim_seq FROM claim_match m
LEFT JOIN claim c ON c.seq = m.claim_seq
LEFT JOIN claim e ON e.seq = m.earlier_seq
WHERE c.seq IS NULL OR e.seq IS NULL OR c.source_id = e.source_id OR m.earlier_seq >= m.claim_seq
   OR m.claim_seq < (SELECT matched_from FROM match_coverage)
   OR m.claim_seq IN (SELECT claim_seq FROM match_pending)
UNION ALL
SELECT p.claim_seq FROM match_pending p WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.seq = p.claim_seq)
ORDER BY 1 LIMIT 1;

-- name: match_pairs
-- `audit --search-index`: every stored match with both claims' indexed words, to recompute.
SELECT m.claim_seq, m.shared_words, m.shorter_words, a.body, b.body
FROM claim_match m JOIN claim_index a ON a.rowid = m.claim_seq JOIN claim_index b ON b.rowid = m.earlier_seq
ORDER BY m.claim_seq;

-- name: repeats_of_claims
-- For the claims :seqs (a JSON array of seqs; a desk page's), the other claim of each of their
-- stored matches, earlier or later, with its status now.
SELECT m.claim_seq AS seq, q.now_status AS status FROM claim_match m
JOIN claim_queue q ON q.claim_seq = m.earlier_seq
WHERE m.claim_seq IN (SELECT value FROM json_each(:seqs))
UNION ALL
SELECT m.earlier_seq AS seq, q.now_status AS status FROM claim_match m
JOIN claim_queue q ON q.claim_seq = m.claim_seq
WHERE m.earlier_seq IN (SELECT value FROM json_each(:seqs));

-- name: matches_cover_every_claim
-- Whether every claim was matched when it was recorded (or by `audit --rebuild-index`).
SELECT (SELECT matched_from FROM match_coverage) <= coalesce((SELECT min(seq) FROM claim), 9223372036854775807)
       AND NOT EXISTS (SELECT 1 FROM match_pending);

-- name: desk_session_open
-- A new session of the web desk (migration 16); expired sessions go as one is opened.
INSERT INTO desk_session (id_hash, reviewer, expires) VALUES (:id_hash, :reviewer, :expires);

-- name: desk_sessions_expired_delete
DELETE FROM desk_session WHERE expires <= :now;

-- name: desk_session_of
-- The reviewer of a live session (whether they were revoked since: reviewer_revoked).
SELECT reviewer, expires FROM desk_session WHERE id_hash = :id_hash AND expires > :now;

-- name: reviewer_revoked
SELECT EXISTS (SELECT 1 FROM reviewer_revocation WHERE name = :name);

-- name: desk_session_close
DELETE FROM desk_session WHERE id_hash = :id_hash;

-- name: desk_sessions_close_of_reviewer
DELETE FROM desk_session WHERE reviewer = :reviewer;

-- name: desk_sign_in_failures
-- A client's failed sign-ins since :since, oldest first.
SELECT at FROM desk_sign_in_failure WHERE client = :client AND at > :since ORDER BY at;

-- name: desk_sign_in_failure_add
INSERT INTO desk_sign_in_failure (client, at) VALUES (:client, :at);

-- name: desk_sign_in_failures_forget
-- Failures older than the window are forgotten; beyond :kept rows the oldest are too.
DELETE FROM desk_sign_in_failure
WHERE at <= :since
   OR rowid IN (SELECT rowid FROM desk_sign_in_failure ORDER BY at DESC LIMIT -1 OFFSET :kept);
