-- ClaimLedger queries on PostgreSQL (issue 32), by name, as q_ledger.sql is for SQLite.
-- Arguments are bound ($1, $2, ...), never spliced. Not a migration.

-- name: schema_version
SELECT coalesce(max(version), 0) FROM claimledger_schema;

-- name: schema_exists
SELECT to_regclass('claimledger_schema') IS NOT NULL;

-- name: read_only
-- True on a standby (a read replica), which refuses every write.
SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on';

-- name: append_lock
-- Serialises appends across connections and machines, until the transaction ends.
SELECT pg_advisory_xact_lock(1129073735);

-- name: head
SELECT seq, hash, recorded_at FROM entry ORDER BY seq DESC LIMIT 1;

-- name: append_entries
-- Entries in order, as six arrays of the same length (one statement for a whole batch).
INSERT INTO entry (seq, kind, recorded_at, prev_hash, payload, hash)
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
    WITH ORDINALITY AS e(seq, kind, recorded_at, prev_hash, payload, hash, n)
ORDER BY n;

-- name: entries_from
SELECT seq, kind, recorded_at, prev_hash, payload, hash FROM entry WHERE seq >= $1 ORDER BY seq LIMIT $2;
