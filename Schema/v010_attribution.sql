-- ClaimLedger schema, migration 10: a quote checked on its second axis — was it said as quoted?
-- A quote's status (verified, disputed…) says whether what it says holds; its attribution says
-- whether the speaker said it as quoted: confirmed, misquoted, out of context, not said, or
-- unconfirmed (back to not known). Each check is an `attribution_checked` entry with its evidence,
-- naming the check it replaces, like a decision.
-- A shipped migration is never edited: later changes are new files.

DROP TRIGGER entry_known_kind;
CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked', 'key_trusted',
                      'publisher_set', 'attribution_checked')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;

CREATE TABLE attribution (
    seq      INTEGER PRIMARY KEY REFERENCES entry(seq),
    claim_id TEXT NOT NULL REFERENCES claim(claim_id),
    verdict  TEXT NOT NULL CHECK (verdict IN ('confirmed', 'misquoted', 'out_of_context', 'not_said', 'unconfirmed')),
    evidence TEXT NOT NULL CHECK (length(trim(evidence)) > 0),
    note     TEXT,
    reviewer TEXT NOT NULL,
    replaces INTEGER
) STRICT;
CREATE INDEX attribution_by_claim ON attribution(claim_id, seq);
-- Only a quote has a speaker to check; a check names the claim's latest one it replaces.
CREATE TRIGGER attribution_append_only_insert BEFORE INSERT ON attribution
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM attribution WHERE seq = NEW.seq)
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'attribution_checked')
  OR NOT EXISTS (SELECT 1 FROM claim WHERE claim_id = NEW.claim_id AND kind = 'quote')
  OR NEW.replaces IS NOT (SELECT max(seq) FROM attribution WHERE claim_id = NEW.claim_id)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: attribution rows come only from a new entry about a quote, naming the check they replace'); END;
CREATE TRIGGER attribution_no_update BEFORE UPDATE ON attribution
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on attribution refused'); END;
CREATE TRIGGER attribution_no_delete BEFORE DELETE ON attribution
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on attribution refused'); END;
