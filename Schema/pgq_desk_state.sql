-- The web desk's state on PostgreSQL (migration pg002), by name, as q_ledger.sql's desk_* queries
-- are for SQLite. Arguments are bound ($1, $2, ...), never spliced. Not a migration.

-- name: desk_session_open
INSERT INTO desk_session (id_hash, reviewer, expires) VALUES ($1, $2, $3);

-- name: desk_sessions_expired_delete
DELETE FROM desk_session WHERE expires <= $1;

-- name: desk_session_of
SELECT reviewer, expires FROM desk_session WHERE id_hash = $1 AND expires > $2;

-- name: desk_session_close
DELETE FROM desk_session WHERE id_hash = $1;

-- name: desk_sessions_close_of_reviewer
DELETE FROM desk_session WHERE reviewer = $1;

-- name: desk_sign_in_failures
-- A client's failed sign-ins since $2, oldest first.
SELECT at FROM desk_sign_in_failure WHERE client = $1 AND at > $2 ORDER BY at;

-- name: desk_sign_in_failure_add
INSERT INTO desk_sign_in_failure (client, at) VALUES ($1, $2);

-- name: desk_sign_in_failures_forget
-- Failures older than the window are forgotten; beyond $2 rows the oldest are too.
DELETE FROM desk_sign_in_failure
WHERE at <= $1
   OR ctid IN (SELECT ctid FROM desk_sign_in_failure ORDER BY at DESC OFFSET $2);
