-- Read compatibility for migration 11, never a migration: a ledger of schema version 10 or older
-- opened read-only has no credited attribution checks: an empty TEMP view in the table's shape.
CREATE TEMP VIEW attribution_credit AS SELECT NULL AS seq, NULL AS published_by WHERE 0;
