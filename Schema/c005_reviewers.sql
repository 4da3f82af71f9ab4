-- Read compatibility for migration 5, never a migration: a ledger of schema version 4 opened
-- read-only has no reviewers (nothing is written to the file).
CREATE TEMP VIEW reviewer AS
SELECT NULL AS rowid, NULL AS seq, NULL AS name, NULL AS salt, NULL AS token_hash, NULL AS added_by WHERE 0;
CREATE TEMP VIEW reviewer_revocation AS
SELECT NULL AS rowid, NULL AS seq, NULL AS name, NULL AS revoked_by WHERE 0;
