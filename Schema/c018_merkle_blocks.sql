-- Read compatibility for migration 18, never a migration: a ledger of schema version 17 or older
-- opened read-only has no stored blocks (an empty TEMP view in the table's shape): its tree heads
-- are computed from every entry, as before.
CREATE TEMP VIEW merkle_block AS SELECT NULL AS block, NULL AS root WHERE 0;
