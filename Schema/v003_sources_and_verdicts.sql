-- ClaimLedger schema, migration 3: corrections of sources, a rating scale, reopened and dismissed
-- claims, and decisions that name the one they replace. A shipped migration is never edited.
--
-- Two of v001's CHECK constraints had to widen (entry.kind, review.status), and SQLite cannot
-- alter a constraint: both tables are rebuilt the way SQLite documents ("Making Other Kinds Of
-- Table Schema Changes"): new table, rows copied with their rowids, old table dropped, new one
-- renamed. The library runs this with foreign keys off and checks `PRAGMA foreign_key_check`
-- before it commits; nothing of an entry changes, so every hash stays as it was.
-- legacy_alter_table: the rename must not re-parse the triggers of other tables, which name
-- `entry` while it is, for a moment, gone.
PRAGMA legacy_alter_table = ON;

-- 1. The entry log. Its kinds are guarded by a trigger, not a CHECK, so a later migration adds a
--    kind by replacing the trigger instead of copying the log again.
CREATE TABLE entry_v3 (
    seq         INTEGER PRIMARY KEY,                 -- 1, 2, 3, ... without gaps
    kind        TEXT NOT NULL,                       -- see entry_known_kind
    recorded_at TEXT NOT NULL CHECK (length(recorded_at) = 20),   -- 2026-01-02T03:04:05Z
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    payload     TEXT NOT NULL CHECK (json_valid(payload)),
    hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
INSERT INTO entry_v3 (seq, kind, recorded_at, prev_hash, payload, hash)
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry ORDER BY seq;
DROP TABLE entry;
ALTER TABLE entry_v3 RENAME TO entry;

CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;
CREATE TRIGGER entry_append_only_insert BEFORE INSERT ON entry
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM entry)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM entry ORDER BY seq DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only: an entry must follow the head of the chain');
END;
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on entry refused'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on entry refused'); END;

-- 2. Decisions. A fourth status, `dismissed` (not check-worthy: opinion, mis-extraction); a reopened
--    claim is a decision back to `unverified`. For both, `evidence` holds the reason.
--    `rating` is a label of the rating scale (table rating, or the built-in scale);
--    `replaces` is the seq of the claim's decision this one replaced (NULL for its first), so two
--    reviewers deciding the same claim at once leave a visible trace in the log itself.
DROP VIEW sources_summary;
DROP VIEW unverified_claims;
DROP VIEW claim_history;
DROP VIEW claims_current;
CREATE TABLE review_v3 (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    status   TEXT NOT NULL CHECK (status IN ('unverified', 'verified', 'disputed', 'dismissed')),
    evidence TEXT NOT NULL,
    note     TEXT,
    reviewer TEXT NOT NULL,
    rating   TEXT,
    replaces INTEGER
) STRICT;
INSERT INTO review_v3 (seq, claim_id, status, evidence, note, reviewer)
SELECT seq, claim_id, status, evidence, note, reviewer FROM review ORDER BY seq;
DROP TABLE review;
ALTER TABLE review_v3 RENAME TO review;
CREATE INDEX review_by_claim ON review(claim_id, seq);

-- A decision must name the one it replaces: the claim's latest (NULL when there is none).
CREATE TRIGGER review_append_only_insert BEFORE INSERT ON review
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM review WHERE seq = NEW.seq)
  OR NEW.replaces IS NOT (SELECT max(seq) FROM review WHERE claim_id = NEW.claim_id)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: review rows come only from a new entry, naming the decision they replace'); END;
CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on review refused'); END;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on review refused'); END;

PRAGMA legacy_alter_table = OFF;

-- 3. A source's title, outlet, author, date or URL set anew (`source_corrected` entries). The text,
--    and so the source's ID, never changes.
CREATE TABLE source_correction (
    seq       INTEGER PRIMARY KEY REFERENCES entry(seq),
    source_id TEXT NOT NULL REFERENCES source(source_id),
    field     TEXT NOT NULL CHECK (field IN ('title', 'outlet', 'author', 'published', 'url')),
    value     TEXT,
    reason    TEXT NOT NULL,
    reviewer  TEXT NOT NULL
) STRICT;
CREATE INDEX source_correction_by_source ON source_correction(source_id, field, seq);
CREATE TRIGGER source_correction_append_only_insert BEFORE INSERT ON source_correction
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM source_correction WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: source_correction rows come only from a new entry'); END;
CREATE TRIGGER source_correction_no_update BEFORE UPDATE ON source_correction
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on source_correction refused'); END;
CREATE TRIGGER source_correction_no_delete BEFORE DELETE ON source_correction
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on source_correction refused'); END;

-- A title guessed from the article's first sentence (no header block, no --title) is marked so
-- (payload key `title_guessed`: 1; absent otherwise, as in every source recorded before).
ALTER TABLE source ADD COLUMN title_guessed INTEGER CHECK (title_guessed = 1);

-- 4. The rating scale (`rating_defined` entries): each label means verified or disputed and sits
--    at a value from 1 (worst) to 5 (best), what ClaimReview's ratingValue carries. A label
--    defined again takes its latest definition; the built-in scale (README) applies where the
--    ledger defines nothing of its own for that label.
CREATE TABLE rating (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    label    TEXT NOT NULL CHECK (length(trim(label)) > 0),
    means    TEXT NOT NULL CHECK (means IN ('verified', 'disputed')),
    value    INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    reviewer TEXT NOT NULL
) STRICT;
CREATE INDEX rating_by_label ON rating(label, seq);
CREATE TRIGGER rating_append_only_insert BEFORE INSERT ON rating
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM rating WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: rating rows come only from a new entry'); END;
CREATE TRIGGER rating_no_update BEFORE UPDATE ON rating
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on rating refused'); END;
CREATE TRIGGER rating_no_delete BEFORE DELETE ON rating
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on rating refused'); END;

-- 5. The views of v001 again, with dismissed claims and corrected sources.
CREATE VIEW claims_current AS
SELECT c.claim_id,
       c.seq,
       c.source_id,
       c.kind,
       coalesce((SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'text'
                 ORDER BY x.seq DESC LIMIT 1), c.text) AS text,
       CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'speaker')
            THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'speaker'
                  ORDER BY x.seq DESC LIMIT 1)
            ELSE c.speaker END AS speaker,
       CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'cue')
            THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'cue'
                  ORDER BY x.seq DESC LIMIT 1)
            ELSE c.cue END AS cue,
       CASE WHEN EXISTS (SELECT 1 FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'via')
            THEN (SELECT x.value FROM correction x WHERE x.claim_id = c.claim_id AND x.field = 'via'
                  ORDER BY x.seq DESC LIMIT 1)
            ELSE c.via END AS via,
       c.claim_type,
       c.score,
       c.start,
       c."end",
       c.prefix,
       c.suffix,
       c.sentence_start,
       c.sentence_end,
       coalesce(r.status, 'unverified') AS status,
       r.seq AS status_seq,
       r.evidence,
       r.reviewer,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = r.seq) AS reviewed_at,
       (SELECT e.recorded_at FROM entry e WHERE e.seq = c.seq) AS recorded_at,
       r.rating
FROM claim c
LEFT JOIN review r ON r.seq = (SELECT max(r2.seq) FROM review r2 WHERE r2.claim_id = c.claim_id);

CREATE VIEW unverified_claims AS
SELECT * FROM claims_current WHERE status = 'unverified';

CREATE VIEW claim_history AS
SELECT claim_id, seq, 'recorded' AS event, NULL AS status, NULL AS detail, NULL AS reviewer FROM claim
UNION ALL
SELECT claim_id, seq, 'status', status, evidence, reviewer FROM review
UNION ALL
SELECT claim_id, seq, 'note', NULL, text, reviewer FROM note
UNION ALL
SELECT claim_id, seq, 'correction', field, coalesce(value, '(none)') || ' — ' || reason, reviewer FROM correction;

-- Each source with its corrections applied (a field corrected to nothing is NULL).
CREATE VIEW sources_current AS
SELECT s.source_id, s.seq, s.sha256,
       CASE WHEN t.seq IS NULL THEN s.title ELSE t.value END AS title,
       CASE WHEN o.seq IS NULL THEN s.outlet ELSE o.value END AS outlet,
       CASE WHEN a.seq IS NULL THEN s.author ELSE a.value END AS author,
       CASE WHEN p.seq IS NULL THEN s.published ELSE p.value END AS published,
       CASE WHEN u.seq IS NULL THEN s.url ELSE u.value END AS url,
       CASE WHEN t.seq IS NULL THEN s.title_guessed END AS title_guessed
FROM source s
LEFT JOIN source_correction t ON t.seq = (SELECT max(x.seq) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'title')
LEFT JOIN source_correction o ON o.seq = (SELECT max(x.seq) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'outlet')
LEFT JOIN source_correction a ON a.seq = (SELECT max(x.seq) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'author')
LEFT JOIN source_correction p ON p.seq = (SELECT max(x.seq) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'published')
LEFT JOIN source_correction u ON u.seq = (SELECT max(x.seq) FROM source_correction x WHERE x.source_id = s.source_id AND x.field = 'url');

CREATE VIEW sources_summary AS
SELECT s.source_id, s.seq, s.title, s.outlet, s.author, s.published, s.url, s.sha256,
       count(c.claim_id) AS claims,
       sum(c.status = 'unverified') AS unverified,
       sum(c.status = 'verified') AS verified,
       sum(c.status = 'disputed') AS disputed,
       sum(c.status = 'dismissed') AS dismissed
FROM sources_current s LEFT JOIN claims_current c ON c.source_id = s.source_id
GROUP BY s.source_id;
