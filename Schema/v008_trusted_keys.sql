-- ClaimLedger schema, migration 8: the verifier keys a ledger trusts to sign its checkpoints
-- (`claimledger keys trust FILE`), so `audit --checkpoint` and the desk check signatures without
-- being given `--key` each time. A trusted key is an entry like every other record: `audit` covers
-- it, and the log says who trusted which key when. Only a verifier (public) key is stored, never a
-- signer key.
-- A shipped migration is never edited: later changes are new files.

-- A new kind of entry: the trigger that guards the kinds is replaced (v003 made it a trigger).
DROP TRIGGER entry_known_kind;
CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked', 'key_trusted')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;

-- `key_trusted` entries. key = the verifier key's text (C2SP signed-note "name+id+base64"), given
-- once in a ledger's life; name = its name (the part before the first '+').
CREATE TABLE trusted_key (
    seq        INTEGER PRIMARY KEY REFERENCES entry(seq),
    key        TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 3 AND 1000),
    name       TEXT NOT NULL CHECK (key LIKE name || '+%'),
    trusted_by TEXT NOT NULL
) STRICT;
CREATE TRIGGER trusted_key_append_only_insert BEFORE INSERT ON trusted_key
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM trusted_key WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: trusted_key rows come only from a new entry'); END;
CREATE TRIGGER trusted_key_no_update BEFORE UPDATE ON trusted_key
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on trusted_key refused'); END;
CREATE TRIGGER trusted_key_no_delete BEFORE DELETE ON trusted_key
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on trusted_key refused'); END;
