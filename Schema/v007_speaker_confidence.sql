-- ClaimLedger schema, migration 7: how sure extraction's trained speaker ranker was of a quote's
-- speaker (0 to 1), so a desk can review the doubtful attributions first (`list --max-confidence`).
-- It mirrors the optional `speaker_confidence` key of a claim_recorded payload (absent when the
-- rules chose the speaker, when nobody was named, and in every payload recorded before this
-- migration). A table of its own, one row per claim that has one, rather than a column on `claim`:
-- a read-only ledger of any older version reads it as an empty table (c007), whatever TEMP view
-- of `claim` its version already needs.
-- A shipped migration is never edited: later changes are new files.
CREATE TABLE speaker_confidence (
    seq        INTEGER PRIMARY KEY REFERENCES claim(seq),
    confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1)
) STRICT;
CREATE TRIGGER speaker_confidence_append_only_insert BEFORE INSERT ON speaker_confidence
WHEN NEW.seq IS NOT (SELECT max(seq) FROM entry)
  OR EXISTS (SELECT 1 FROM speaker_confidence WHERE seq = NEW.seq)
  -- The row mirrors its entry: a claim_recorded payload that holds this very confidence.
  OR NOT EXISTS (SELECT 1 FROM entry WHERE seq = NEW.seq AND kind = 'claim_recorded'
                 AND json_extract(payload, '$.speaker_confidence') = NEW.confidence)
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: speaker_confidence rows come only from a new entry'); END;
CREATE TRIGGER speaker_confidence_no_update BEFORE UPDATE ON speaker_confidence
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on speaker_confidence refused'); END;
CREATE TRIGGER speaker_confidence_no_delete BEFORE DELETE ON speaker_confidence
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on speaker_confidence refused'); END;
