-- Read compatibility for migration 10, never a migration: a ledger of schema version 9 or older
-- opened read-only has no attribution checks: an empty TEMP view in the table's shape.
CREATE TEMP VIEW attribution AS
SELECT NULL AS rowid, NULL AS seq, NULL AS claim_id, NULL AS verdict, NULL AS evidence, NULL AS note,
       NULL AS reviewer, NULL AS replaces WHERE 0;
