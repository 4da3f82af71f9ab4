-- ClaimLedger schema, migration 1: the entry log, its materialized tables and views.
-- Shipped migrations are never edited: a change is a new file v002_....sql.
--
-- Everything the ledger knows is in `entry`, one row per append, hash-chained.
-- The typed tables (source, claim, review, note, correction) hold the same facts as
-- each entry's JSON payload, in columns that can be indexed; the library writes the
-- entry and its row in one transaction, and `audit` re-derives and compares them
-- (queries in q_audit.sql).
-- Every table refuses UPDATE and DELETE, and refuses an INSERT that would
-- replace an existing row (INSERT OR REPLACE, which fires no DELETE trigger).

CREATE TABLE entry (
    seq         INTEGER PRIMARY KEY,                 -- 1, 2, 3, ... without gaps
    kind        TEXT NOT NULL CHECK (kind IN ('source_recorded', 'claim_recorded',
                                              'status_changed', 'note_added', 'correction')),
    recorded_at TEXT NOT NULL CHECK (length(recorded_at) = 20),   -- 2026-01-02T03:04:05Z
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    payload     TEXT NOT NULL CHECK (json_valid(payload)),
    hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

-- The chain is enforced by the database too: an entry must follow the head.
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

CREATE TABLE source (
    source_id TEXT PRIMARY KEY,                      -- hex SHA-256 identity of the source
    seq       INTEGER NOT NULL UNIQUE REFERENCES entry(seq),
    sha256    TEXT,                                  -- of the text; NULL for a source without text
    title     TEXT,
    outlet    TEXT,
    author    TEXT,
    published TEXT,
    url       TEXT,
    body      TEXT                                   -- the article text after its header block
) STRICT;

CREATE TABLE claim (
    claim_id   TEXT PRIMARY KEY,                     -- hex SHA-256 identity of the claim
    seq        INTEGER NOT NULL UNIQUE REFERENCES entry(seq),
    source_id  TEXT NOT NULL REFERENCES source(source_id),
    kind       TEXT NOT NULL CHECK (kind IN ('quote', 'claim')),
    text       TEXT NOT NULL,
    speaker    TEXT,
    cue        TEXT,
    via        TEXT,
    claim_type TEXT,
    score      REAL,
    start      INTEGER,                              -- code points into source.body
    "end"      INTEGER,
    prefix     TEXT,
    suffix     TEXT,
    sentence_start INTEGER,
    sentence_end   INTEGER
) STRICT;
CREATE INDEX claim_by_source ON claim(source_id, seq);
CREATE INDEX claim_by_speaker ON claim(speaker);

CREATE TABLE review (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    status   TEXT NOT NULL CHECK (status IN ('unverified', 'verified', 'disputed')),
    evidence TEXT NOT NULL,
    note     TEXT,
    reviewer TEXT NOT NULL
) STRICT;
CREATE INDEX review_by_claim ON review(claim_id, seq);

CREATE TABLE note (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    text     TEXT NOT NULL,
    reviewer TEXT NOT NULL
) STRICT;
CREATE INDEX note_by_claim ON note(claim_id, seq);

CREATE TABLE correction (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    field    TEXT NOT NULL CHECK (field IN ('speaker', 'cue', 'via', 'text')),
    value    TEXT,
    reason   TEXT NOT NULL,
    reviewer TEXT NOT NULL
) STRICT;
CREATE INDEX correction_by_claim ON correction(claim_id, field, seq);

-- Guards on the typed tables: rows only for the entry being appended, never replaced.
CREATE TRIGGER source_append_only_insert BEFORE INSERT ON source
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM source WHERE source_id = NEW.source_id)
  OR EXISTS (SELECT 1 FROM source WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: source rows come only from a new entry'); END;
CREATE TRIGGER source_no_update BEFORE UPDATE ON source
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on source refused'); END;
CREATE TRIGGER source_no_delete BEFORE DELETE ON source
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on source refused'); END;

CREATE TRIGGER claim_append_only_insert BEFORE INSERT ON claim
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM claim WHERE claim_id = NEW.claim_id)
  OR EXISTS (SELECT 1 FROM claim WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: claim rows come only from a new entry'); END;
CREATE TRIGGER claim_no_update BEFORE UPDATE ON claim
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on claim refused'); END;
CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on claim refused'); END;

CREATE TRIGGER review_append_only_insert BEFORE INSERT ON review
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM review WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: review rows come only from a new entry'); END;
CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on review refused'); END;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on review refused'); END;

CREATE TRIGGER note_append_only_insert BEFORE INSERT ON note
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM note WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: note rows come only from a new entry'); END;
CREATE TRIGGER note_no_update BEFORE UPDATE ON note
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on note refused'); END;
CREATE TRIGGER note_no_delete BEFORE DELETE ON note
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on note refused'); END;

CREATE TRIGGER correction_append_only_insert BEFORE INSERT ON correction
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM correction WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: correction rows come only from a new entry'); END;
CREATE TRIGGER correction_no_update BEFORE UPDATE ON correction
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on correction refused'); END;
CREATE TRIGGER correction_no_delete BEFORE DELETE ON correction
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on correction refused'); END;

-- Views: the current state, for the CLI and for anyone with sqlite3 or Datasette.

-- Each claim with its corrections applied and its latest status.
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
       (SELECT e.recorded_at FROM entry e WHERE e.seq = c.seq) AS recorded_at
FROM claim c
LEFT JOIN review r ON r.seq = (SELECT max(r2.seq) FROM review r2 WHERE r2.claim_id = c.claim_id);

CREATE VIEW unverified_claims AS
SELECT * FROM claims_current WHERE status = 'unverified';

-- Every entry that concerns a claim, in ledger order.
CREATE VIEW claim_history AS
SELECT claim_id, seq, 'recorded' AS event, NULL AS status, NULL AS detail, NULL AS reviewer FROM claim
UNION ALL
SELECT claim_id, seq, 'status', status, evidence, reviewer FROM review
UNION ALL
SELECT claim_id, seq, 'note', NULL, text, reviewer FROM note
UNION ALL
SELECT claim_id, seq, 'correction', field, coalesce(value, '(none)') || ' — ' || reason, reviewer FROM correction;

-- Sources with their claim counts by status.
CREATE VIEW sources_summary AS
SELECT s.source_id, s.seq, s.title, s.outlet, s.author, s.published, s.url, s.sha256,
       count(c.claim_id) AS claims,
       sum(c.status = 'unverified') AS unverified,
       sum(c.status = 'verified') AS verified,
       sum(c.status = 'disputed') AS disputed
FROM source s LEFT JOIN claims_current c ON c.source_id = s.source_id
GROUP BY s.source_id;
