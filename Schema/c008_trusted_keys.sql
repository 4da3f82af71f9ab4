-- Read compatibility for migration 8, never a migration: a ledger of schema version 7 or older
-- opened read-only trusts no keys: an empty TEMP view in the table's shape.
CREATE TEMP VIEW trusted_key AS SELECT NULL AS rowid, NULL AS seq, NULL AS key, NULL AS name, NULL AS trusted_by WHERE 0;
