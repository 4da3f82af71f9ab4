-- Read compatibility for migration 2, never a migration: a ledger of schema version 1 opened
-- read-only (an archive, a read-only mount, a colleague's file) cannot be migrated, so each
-- read-only connection to it shadows the claim table with a TEMP view that adds the column as
-- NULL. TEMP objects live in the connection's own temporary schema: nothing is written to the
-- file, and `audit` still compares the file's own schema with version 1's. The rowid is passed
-- through (a view has none of its own) because the audit reads claims in rowid order.
CREATE TEMP VIEW claim AS SELECT rowid AS rowid, *, NULL AS speaker_kind FROM main.claim;
