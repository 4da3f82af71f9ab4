-- Read compatibility for migration 13, never a migration: a ledger of schema version 12 or older
-- opened read-only has no assignments: an empty TEMP view in the table's shape.
CREATE TEMP VIEW assignment AS
SELECT NULL AS rowid, NULL AS seq, NULL AS claim_id, NULL AS assignee, NULL AS reviewer, NULL AS replaces WHERE 0;
