-- ClaimLedger schema, migration 13: who is on a claim. A reviewer takes a claim ("I'm on it") or
-- gives it to a colleague; a claim is given back by assigning it to nobody. Each change is a
-- `claim_assigned` entry naming the assignment it replaces, like a decision, so the history says
-- who gave which claim to whom and when, and the audit checks it like every other entry.
-- The view `claims_current` gains the claim's assignee (`assigned_to`): it is made again from the
-- library's fragment `claim_fields`, as migration 12 made it.
-- A shipped migration is never edited: later changes are new files.

DROP TRIGGER entry_known_kind;
CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked', 'key_trusted',
                      'publisher_set', 'attribution_checked', 'claim_assigned')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;

CREATE TABLE assignment (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    assignee TEXT CHECK (assignee IS NULL OR length(trim(assignee)) BETWEEN 1 AND 60),  -- NULL: nobody
    reviewer TEXT NOT NULL,                                                              -- who assigned it
    replaces INTEGER
) STRICT;
CREATE INDEX assignment_by_claim ON assignment(claim_id, seq);
-- "Mine": the claims ever given to one reviewer, to be checked against each claim's latest assignment.
CREATE INDEX assignment_by_assignee ON assignment(assignee, claim_id);
CREATE TRIGGER assignment_append_only_insert BEFORE INSERT ON assignment
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM assignment WHERE seq = NEW.seq)
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'claim_assigned')
  OR NOT EXISTS (SELECT 1 FROM claim WHERE claim_id = NEW.claim_id)
  OR NEW.replaces IS NOT (SELECT max(seq) FROM assignment WHERE claim_id = NEW.claim_id)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: assignment rows come only from a new entry, naming the assignment they replace'); END;
CREATE TRIGGER assignment_no_update BEFORE UPDATE ON assignment
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on assignment refused'); END;
CREATE TRIGGER assignment_no_delete BEFORE DELETE ON assignment
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on assignment refused'); END;

DROP VIEW claims_current;
CREATE VIEW claims_current AS
{claim_fields};
