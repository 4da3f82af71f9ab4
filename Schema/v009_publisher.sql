-- ClaimLedger schema, migration 9: who publishes this ledger's fact-checks, and credit for verdicts
-- that another organisation published (`claimledger import`).
-- A shipped migration is never edited: later changes are new files.

-- A new kind of entry, `publisher_set`: the trigger that guards the kinds is replaced.
DROP TRIGGER entry_known_kind;
CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                      'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked', 'key_trusted',
                      'publisher_set')
BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;

-- `publisher_set` entries (`claimledger publisher set`): the organisation that publishes the
-- reviews (ClaimReview `author`), its site and logo, and where each claim's review page lives:
-- review_url holds `{id}`, replaced by the claim's short ID. The latest entry is in force; a
-- report made as of an older entry uses the publisher in force then.
CREATE TABLE publisher (
    seq        INTEGER PRIMARY KEY REFERENCES entry(seq),
    name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    url        TEXT CHECK (url LIKE 'https://%' OR url LIKE 'http://%'),
    logo       TEXT CHECK (logo LIKE 'https://%' OR logo LIKE 'http://%'),
    review_url TEXT NOT NULL CHECK ((review_url LIKE 'https://%' OR review_url LIKE 'http://%')
                                    AND instr(review_url, '{id}') > 0),
    set_by     TEXT NOT NULL
) STRICT;
CREATE TRIGGER publisher_append_only_insert BEFORE INSERT ON publisher
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM publisher WHERE seq = NEW.seq)
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'publisher_set')
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: publisher rows come only from a new entry'); END;
CREATE TRIGGER publisher_no_update BEFORE UPDATE ON publisher
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on publisher refused'); END;
CREATE TRIGGER publisher_no_delete BEFORE DELETE ON publisher
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on publisher refused'); END;

-- Credit: a decision that records another organisation's published verdict (an import) names it,
-- so it reads "by Example Fact Check, imported by ann". It mirrors the optional `published_by` key
-- of a status_changed payload (absent on decisions made here and on every one recorded before this
-- migration). A table of its own rather than a column on `review`, like speaker_confidence (v007):
-- a read-only ledger of any older version reads it as an empty table (c009).
CREATE TABLE review_credit (
    seq          INTEGER PRIMARY KEY REFERENCES review(seq),
    published_by TEXT NOT NULL CHECK (length(trim(published_by)) BETWEEN 1 AND 200)
) STRICT;
CREATE TRIGGER review_credit_append_only_insert BEFORE INSERT ON review_credit
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM review_credit WHERE seq = NEW.seq)
  -- The row mirrors its entry: a status_changed payload that names this very publisher.
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'status_changed'
                 AND json_extract(payload, '$.published_by') = NEW.published_by)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: review_credit rows come only from a new entry'); END;
CREATE TRIGGER review_credit_no_update BEFORE UPDATE ON review_credit
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on review_credit refused'); END;
CREATE TRIGGER review_credit_no_delete BEFORE DELETE ON review_credit
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on review_credit refused'); END;
