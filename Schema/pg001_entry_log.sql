-- ClaimLedger on PostgreSQL 15+, migration 1: the entry log (issue 32), the same rows as SQLite's
-- `entry` (Schema/v001_ledger.sql and the kinds of later migrations): the same bytes, hashes and
-- chain, so `audit`, checkpoints and `tools/verify_ledger.py` agree across engines.
-- A shipped migration is never edited: later changes are new files.
--
-- The database guards the log itself, whoever connects: an entry must follow the head of the
-- chain, and UPDATE, DELETE and TRUNCATE are refused. Appends are serialised by the library with
-- a transaction-scoped advisory lock (`pg_advisory_xact_lock(1129073735)`, "CLLG"), so any number
-- of writers on any number of machines make one chain; the trigger below is the backstop.
-- For least privilege, the role a server connects as needs only (docs/POSTGRESQL.md):
--   GRANT SELECT, INSERT ON claimledger_schema, entry TO claimledger_writer;
--   GRANT SELECT ON claimledger_schema, entry TO claimledger_reader;

CREATE TABLE claimledger_schema (
    application_id integer NOT NULL CHECK (application_id = 1129073735),  -- "CLLG", as SQLite's
    version        integer NOT NULL
);

CREATE TABLE entry (
    seq         bigint PRIMARY KEY CHECK (seq > 0),          -- 1, 2, 3, ... without gaps
    kind        text NOT NULL CHECK (kind IN (
                    'source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                    'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked',
                    'key_trusted', 'publisher_set', 'attribution_checked', 'claim_assigned')),
    recorded_at text NOT NULL CHECK (length(recorded_at) = 20), -- 2026-01-02T03:04:05Z
    prev_hash   text NOT NULL CHECK (length(prev_hash) = 64),
    payload     text NOT NULL CHECK (payload::json IS NOT NULL), -- kept as text: the hashed bytes
    hash        text NOT NULL CHECK (length(hash) = 64)
);

CREATE FUNCTION entry_follows_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
BEGIN
    SELECT seq, hash INTO head_seq, head_hash FROM entry ORDER BY seq DESC LIMIT 1;
    IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1
       OR NEW.prev_hash IS DISTINCT FROM coalesce(head_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'ledger is append-only: an entry must follow the head of the chain';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION ledger_refuses_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;

CREATE TRIGGER entry_append_only_insert BEFORE INSERT ON entry
FOR EACH ROW EXECUTE FUNCTION entry_follows_head();
CREATE TRIGGER entry_no_update_or_delete BEFORE UPDATE OR DELETE ON entry
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change();
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON entry
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change();
CREATE TRIGGER claimledger_schema_no_update_or_delete BEFORE UPDATE OR DELETE ON claimledger_schema
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change();

INSERT INTO claimledger_schema (application_id, version) VALUES (1129073735, 1);
