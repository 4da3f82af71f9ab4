-- ClaimLedger schema, migration 5: reviewers of a desk (`claimledger reviewer add|revoke`), for
-- the web review (`claimledger serve`). A reviewer is a ledger entry like every other record, so
-- `audit` covers it, and a revoked reviewer stays in the log: the decisions they made stay
-- attributable. A login token is never stored: only a salted SHA-256 of it.
-- A shipped migration is never edited: later changes are new files.

-- Two new kinds of entry: the trigger that guards the kinds is replaced (v003 made it a trigger
-- for this).
DROP TRIGGER entry_known_kind;
CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;

-- `reviewer_added` entries. A name is given once in a ledger's life (never to a second person).
-- token_hash = hex SHA-256 of (salt bytes ‖ token's UTF-8); salt = 16 random bytes, hex.
CREATE TABLE reviewer (
    seq        INTEGER PRIMARY KEY REFERENCES entry(seq),
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    salt       TEXT NOT NULL CHECK (length(salt) = 32),
    token_hash TEXT NOT NULL CHECK (length(token_hash) = 64),
    added_by   TEXT NOT NULL
) STRICT;
CREATE TRIGGER reviewer_append_only_insert BEFORE INSERT ON reviewer
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM reviewer WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: reviewer rows come only from a new entry'); END;
CREATE TRIGGER reviewer_no_update BEFORE UPDATE ON reviewer
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on reviewer refused'); END;
CREATE TRIGGER reviewer_no_delete BEFORE DELETE ON reviewer
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on reviewer refused'); END;

-- `reviewer_revoked` entries: the reviewer's token no longer signs in, from this entry on.
CREATE TABLE reviewer_revocation (
    seq        INTEGER PRIMARY KEY REFERENCES entry(seq),
    name       TEXT NOT NULL UNIQUE REFERENCES reviewer(name),
    revoked_by TEXT NOT NULL
) STRICT;
CREATE TRIGGER reviewer_revocation_append_only_insert BEFORE INSERT ON reviewer_revocation
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM reviewer_revocation WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: reviewer_revocation rows come only from a new entry'); END;
CREATE TRIGGER reviewer_revocation_no_update BEFORE UPDATE ON reviewer_revocation
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on reviewer_revocation refused'); END;
CREATE TRIGGER reviewer_revocation_no_delete BEFORE DELETE ON reviewer_revocation
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on reviewer_revocation refused'); END;
