-- ClaimLedger schema, migration 12: the view `claims_current` is a claim as the library reads it.
-- Until now the view (v003) and the library's fragment `claim_fields` (q_ledger.sql) each said what
-- a claim is now, and they had drifted apart: the view lacked the speaker's kind, the decision's
-- note, the corrected source title, the ranker's confidence, the publisher of an imported verdict
-- and a quote's attribution check, so `sqlite3` or Datasette showed a different claim from `show`.
-- The view is now made from the fragment itself: the placeholder below, the fragment's name in
-- braces, is replaced by it when this migration runs (`LedgerSchema.withClaimFields`), "as of" the
-- newest entry. `audit` compares a ledger's view with what the migrations make, so changing the
-- fragment's SQL without a migration that makes the view again is caught. A shipped migration is never edited: later changes are new files.
-- The views built on it read it by name, so they show the new columns as they are.
DROP VIEW claims_current;
CREATE VIEW claims_current AS
{claim_fields};
