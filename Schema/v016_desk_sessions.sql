-- ClaimLedger schema, migration 16: the web desk's sessions and failed sign-ins live in the
-- ledger's database (issue 32), so every `claimledger serve` on the same ledger knows every
-- signed-in reviewer, and restarting a server signs nobody out.
-- A shipped migration is never edited: later changes are new files.
--
-- Desk state, not ledger facts: outside the hash chain, in no entry, and rows come and go (a
-- sign-out deletes its session; expired sessions and old failures are deleted as new rows are
-- written). `audit` checks only that the tables are as this file makes them.
-- A session's cookie value is never stored, only its SHA-256: a copy of the file signs nobody in.

CREATE TABLE desk_session (
    id_hash  TEXT PRIMARY KEY CHECK (length(id_hash) = 64),  -- hex SHA-256 of the cookie's value
    reviewer TEXT NOT NULL REFERENCES reviewer(name),
    expires  INTEGER NOT NULL                                -- Unix seconds
) STRICT, WITHOUT ROWID;
CREATE INDEX desk_session_of_reviewer ON desk_session (reviewer);

-- One row per wrong token sent to the sign-in form, per client address.
CREATE TABLE desk_sign_in_failure (
    client TEXT NOT NULL,
    at     REAL NOT NULL                                     -- Unix seconds
) STRICT;
CREATE INDEX desk_sign_in_failure_of_client ON desk_sign_in_failure (client, at);
