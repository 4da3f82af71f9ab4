-- ClaimLedger on PostgreSQL, migration 2: the web desk's sessions and failed sign-ins (issue 32),
-- as SQLite's desk_session and desk_sign_in_failure (v016_desk_sessions.sql). Kept in the database,
-- not in a server's local copy, so every `claimledger serve` on it, on any machine, knows every
-- signed-in reviewer, counts failed sign-ins together, and a restarted server signs nobody out.
-- A shipped migration is never edited: later changes are new files.
--
-- Desk state, not ledger facts: outside the hash chain, in no entry; rows come and go (a sign-out
-- deletes its session; expired sessions and old failures are deleted as new rows are written), so
-- the role a server connects as needs DELETE on these two tables (docs/POSTGRESQL.md), never on
-- `entry`. A session's cookie value is never stored, only its SHA-256. Whether its reviewer was
-- revoked is read from the ledger (a revocation is an entry), not from here.

CREATE TABLE desk_session (
    id_hash  text PRIMARY KEY CHECK (length(id_hash) = 64),  -- hex SHA-256 of the cookie's value
    reviewer text NOT NULL,
    expires  bigint NOT NULL                                 -- Unix seconds
);
CREATE INDEX desk_session_of_reviewer ON desk_session (reviewer);

-- One row per wrong token sent to the sign-in form, per client address.
CREATE TABLE desk_sign_in_failure (
    client text NOT NULL,
    at     double precision NOT NULL                         -- Unix seconds
);
CREATE INDEX desk_sign_in_failure_of_client ON desk_sign_in_failure (client, at);

INSERT INTO claimledger_schema (application_id, version) VALUES (1129073735, 2);
