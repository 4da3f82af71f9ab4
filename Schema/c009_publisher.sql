-- Read compatibility for migration 9, never a migration: a ledger of schema version 8 or older
-- opened read-only has no publisher and no credited decisions: empty TEMP views in the tables' shapes.
CREATE TEMP VIEW publisher AS
SELECT NULL AS rowid, NULL AS seq, NULL AS name, NULL AS url, NULL AS logo, NULL AS review_url, NULL AS set_by WHERE 0;
CREATE TEMP VIEW review_credit AS SELECT NULL AS seq, NULL AS published_by WHERE 0;
