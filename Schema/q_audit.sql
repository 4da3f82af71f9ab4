-- ClaimLedger audit queries. Not a migration: read by `audit`, never run as DDL.
-- Each query, named for a kind of entry, streams the table that kind of entry adds rows to,
-- in seq order. `audit` walks it beside the entry log: every entry of that kind must have
-- exactly one row, no row may lack its entry, and each row, written as JSON with the column
-- names below as keys (NULL columns left out), must be the entry's payload byte for byte.
-- So: rowid, seq, then one column per payload key, named as the key, in byte order.
--
-- Rows are read in rowid order, a sequential scan from a given rowid: the library inserts each
-- row with its entry, so rowid order is seq order, and the audit can split the log in two
-- halves read at once. "/start" finds where the second half begins. When anything disagrees
-- (a problem, rows out of seq order, halves that do not meet), `audit` reads every table again
-- whole, in seq order, with the "/by_seq" query, and reports what that finds.

-- name: source_recorded
SELECT rowid, seq, author, outlet, published, sha256, source_id, body AS text, title, title_guessed, url
FROM source WHERE rowid >= ? ORDER BY rowid;

-- name: source_recorded/by_seq
SELECT rowid, seq, author, outlet, published, sha256, source_id, body AS text, title, title_guessed, url
FROM source ORDER BY seq;

-- name: source_recorded/start
SELECT rowid FROM source WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: claim_recorded
-- A claim's speaker confidence (schema version 7) is a row of its own table, joined back.
SELECT c.rowid, c.seq, claim_id, claim_type, cue, "end", kind, prefix, score, sentence_end, sentence_start,
       source_id, speaker, sc.confidence AS speaker_confidence, speaker_kind, start, suffix, text, via
FROM claim c LEFT JOIN speaker_confidence sc ON sc.seq = c.seq WHERE c.rowid >= ? ORDER BY c.rowid;

-- name: claim_recorded/by_seq
SELECT c.rowid, c.seq, claim_id, claim_type, cue, "end", kind, prefix, score, sentence_end, sentence_start,
       source_id, speaker, sc.confidence AS speaker_confidence, speaker_kind, start, suffix, text, via
FROM claim c LEFT JOIN speaker_confidence sc ON sc.seq = c.seq ORDER BY c.seq;

-- name: claim_recorded/start
SELECT rowid FROM claim WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: status_changed
-- review_credit (v009) mirrors the payload's optional published_by.
SELECT r.rowid, r.seq, claim_id, evidence, note, rc.published_by, rating, replaces, reviewer, status
FROM review r LEFT JOIN review_credit rc ON rc.seq = r.seq WHERE r.rowid >= ? ORDER BY r.rowid;

-- name: status_changed/by_seq
SELECT r.rowid, r.seq, claim_id, evidence, note, rc.published_by, rating, replaces, reviewer, status
FROM review r LEFT JOIN review_credit rc ON rc.seq = r.seq ORDER BY r.seq;

-- name: status_changed/start
SELECT rowid FROM review WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: note_added
SELECT rowid, seq, claim_id, reviewer, text
FROM note WHERE rowid >= ? ORDER BY rowid;

-- name: note_added/by_seq
SELECT rowid, seq, claim_id, reviewer, text
FROM note ORDER BY seq;

-- name: note_added/start
SELECT rowid FROM note WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: correction
SELECT rowid, seq, claim_id, field, reason, reviewer, value
FROM correction WHERE rowid >= ? ORDER BY rowid;

-- name: correction/by_seq
SELECT rowid, seq, claim_id, field, reason, reviewer, value
FROM correction ORDER BY seq;

-- name: correction/start
SELECT rowid FROM correction WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: source_corrected
SELECT rowid, seq, field, reason, reviewer, source_id, value
FROM source_correction WHERE rowid >= ? ORDER BY rowid;

-- name: source_corrected/by_seq
SELECT rowid, seq, field, reason, reviewer, source_id, value
FROM source_correction ORDER BY seq;

-- name: source_corrected/start
SELECT rowid FROM source_correction WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: rating_defined
SELECT rowid, seq, label, means, reviewer, value
FROM rating WHERE rowid >= ? ORDER BY rowid;

-- name: rating_defined/by_seq
SELECT rowid, seq, label, means, reviewer, value
FROM rating ORDER BY seq;

-- name: rating_defined/start
SELECT rowid FROM rating WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: reviewer_added
SELECT rowid, seq, added_by, name, salt, token_hash
FROM reviewer WHERE rowid >= ? ORDER BY rowid;

-- name: reviewer_added/by_seq
SELECT rowid, seq, added_by, name, salt, token_hash
FROM reviewer ORDER BY seq;

-- name: reviewer_added/start
SELECT rowid FROM reviewer WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: reviewer_revoked
SELECT rowid, seq, name, revoked_by
FROM reviewer_revocation WHERE rowid >= ? ORDER BY rowid;

-- name: reviewer_revoked/by_seq
SELECT rowid, seq, name, revoked_by
FROM reviewer_revocation ORDER BY seq;

-- name: reviewer_revoked/start
SELECT rowid FROM reviewer_revocation WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: key_trusted
SELECT rowid, seq, key, name, trusted_by
FROM trusted_key WHERE rowid >= ? ORDER BY rowid;

-- name: key_trusted/by_seq
SELECT rowid, seq, key, name, trusted_by
FROM trusted_key ORDER BY seq;

-- name: key_trusted/start
SELECT rowid FROM trusted_key WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: attribution_checked
-- attribution_credit (v011) mirrors the payload's optional published_by.
SELECT a.rowid, a.seq, claim_id, evidence, note, ac.published_by, replaces, reviewer, verdict
FROM attribution a LEFT JOIN attribution_credit ac ON ac.seq = a.seq WHERE a.rowid >= ? ORDER BY a.rowid;

-- name: attribution_checked/by_seq
SELECT a.rowid, a.seq, claim_id, evidence, note, ac.published_by, replaces, reviewer, verdict
FROM attribution a LEFT JOIN attribution_credit ac ON ac.seq = a.seq ORDER BY a.seq;

-- name: attribution_checked/start
SELECT rowid FROM attribution WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: claim_assigned
SELECT rowid, seq, assignee, claim_id, replaces, reviewer
FROM assignment WHERE rowid >= ? ORDER BY rowid;

-- name: claim_assigned/by_seq
SELECT rowid, seq, assignee, claim_id, replaces, reviewer
FROM assignment ORDER BY seq;

-- name: claim_assigned/start
SELECT rowid FROM assignment WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: publisher_set
SELECT rowid, seq, logo, name, review_url, set_by, url
FROM publisher WHERE rowid >= ? ORDER BY rowid;

-- name: publisher_set/by_seq
SELECT rowid, seq, logo, name, review_url, set_by, url
FROM publisher ORDER BY seq;

-- name: publisher_set/start
SELECT rowid FROM publisher WHERE seq >= ? ORDER BY seq LIMIT 1;

-- name: entries_between
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry WHERE seq BETWEEN ? AND ? ORDER BY seq;

-- name: dangling_references
-- The first row whose reference points at nothing. The foreign keys of v001 are:
--   source.seq, claim.seq, review.seq, note.seq, correction.seq -> entry(seq): covered by the
--     derived-row check, which pairs every row with the entry of the same seq;
--   claim.source_id -> source(source_id), review/note/correction.claim_id -> claim(claim_id): here;
-- v003 adds source_correction.seq, rating.seq -> entry(seq) (derived-row check) and
--   source_correction.source_id -> source(source_id): here.
-- v005 adds reviewer.seq, reviewer_revocation.seq -> entry(seq) (derived-row check) and
--   reviewer_revocation.name -> reviewer(name): here.
-- v008 adds trusted_key.seq -> entry(seq) (derived-row check).
-- v009 adds publisher.seq -> entry(seq) (derived-row check) and review_credit.seq -> review(seq)
--   (a credit is read with its decision's row, and its insert trigger requires its entry).
-- v010 adds attribution.seq -> entry(seq) (derived-row check) and attribution.claim_id -> claim(claim_id): here.
-- v011 adds attribution_credit.seq -> attribution(seq) (read with its check's row, like review_credit).
-- v013 adds assignment.seq -> entry(seq) (derived-row check) and assignment.claim_id -> claim(claim_id): here.
-- (PRAGMA foreign_key_check also does this, looking up every row's parent one by one: a third of
-- the audit's time at a million entries. Claims are grouped by source through claim_by_source.)
-- A test compares this list with PRAGMA foreign_key_list, so a new foreign key cannot go unchecked.
SELECT seq, "table" FROM (
    SELECT min(seq) AS seq, 'claim' AS "table" FROM claim GROUP BY source_id
    HAVING source_id NOT IN (SELECT source_id FROM source)
    UNION ALL
    SELECT min(seq), 'review' FROM review WHERE claim_id NOT IN (SELECT claim_id FROM claim)
    UNION ALL
    SELECT min(seq), 'note' FROM note WHERE claim_id NOT IN (SELECT claim_id FROM claim)
    UNION ALL
    SELECT min(seq), 'correction' FROM correction WHERE claim_id NOT IN (SELECT claim_id FROM claim)
    UNION ALL
    SELECT min(seq), 'source_correction' FROM source_correction WHERE source_id NOT IN (SELECT source_id FROM source)
    UNION ALL
    SELECT min(seq), 'reviewer_revocation' FROM reviewer_revocation WHERE name NOT IN (SELECT name FROM reviewer)
    UNION ALL
    SELECT min(seq), 'attribution' FROM attribution WHERE claim_id NOT IN (SELECT claim_id FROM claim)
    UNION ALL
    SELECT min(seq), 'assignment' FROM assignment WHERE claim_id NOT IN (SELECT claim_id FROM claim)
) WHERE seq IS NOT NULL ORDER BY seq LIMIT 1;

-- name: page_check
-- SQLite's own check of the file's pages and b-trees (not of index contents against tables: the
-- audit's pairing covers those): one row "ok", else up to 10 rows naming what is damaged.
PRAGMA quick_check(10);
