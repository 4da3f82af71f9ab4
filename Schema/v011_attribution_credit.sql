-- ClaimLedger schema, migration 11: an imported attribution check is credited to its publisher.
-- Like a decision (review_credit, v009), a check that records another organisation's published
-- review of whether a quote was said as quoted names it, so it reads "by Example Fact Check,
-- imported by ann", never as the importer's own. It mirrors the optional `published_by` key of an
-- attribution_checked payload (absent on checks made here and on every one recorded before this
-- migration). A table of its own: a read-only ledger of any older version reads it as empty (c011).
-- A shipped migration is never edited: later changes are new files.

CREATE TABLE attribution_credit (
    seq          INTEGER PRIMARY KEY REFERENCES attribution(seq),
    published_by TEXT NOT NULL CHECK (length(trim(published_by)) BETWEEN 1 AND 200)
) STRICT;
CREATE TRIGGER attribution_credit_append_only_insert BEFORE INSERT ON attribution_credit
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM attribution_credit WHERE seq = NEW.seq)
  -- The row mirrors its entry: an attribution_checked payload that names this very publisher.
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'attribution_checked'
                 AND json_extract(payload, '$.published_by') = NEW.published_by)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: attribution_credit rows come only from a new entry'); END;
CREATE TRIGGER attribution_credit_no_update BEFORE UPDATE ON attribution_credit
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on attribution_credit refused'); END;
CREATE TRIGGER attribution_credit_no_delete BEFORE DELETE ON attribution_credit
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on attribution_credit refused'); END;
