-- ClaimLedger schema, migration 2: whether a claim's speaker is a person or an organisation.
-- Extraction knows it (the entity layer); ClaimReview's author needs it (Person or Organization).
-- The column mirrors the optional `speaker_kind` key of a claim_recorded payload (absent when not
-- known, as in every payload recorded before this migration), so it is NULL on older claims.
-- A shipped migration is never edited: later changes are new files.
ALTER TABLE claim ADD COLUMN speaker_kind TEXT CHECK (speaker_kind IN ('person', 'organisation'));
