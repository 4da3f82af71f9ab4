-- Read compatibility for migration 3, never a migration: a ledger of schema version 2 opened
-- read-only is read as version 3 through TEMP objects (see c002): decisions without a rating or
-- the decision they replace, sources without a guessed title, and no source corrections or
-- ratings. Nothing is written to the file.
CREATE TEMP VIEW review AS SELECT rowid AS rowid, *, NULL AS rating, NULL AS replaces FROM main.review;
CREATE TEMP VIEW source AS SELECT rowid AS rowid, *, NULL AS title_guessed FROM main.source;
CREATE TEMP VIEW source_correction AS
SELECT NULL AS rowid, NULL AS seq, NULL AS source_id, NULL AS field, NULL AS value, NULL AS reason, NULL AS reviewer
WHERE 0;
CREATE TEMP VIEW rating AS
SELECT NULL AS rowid, NULL AS seq, NULL AS label, NULL AS means, NULL AS value, NULL AS reviewer
WHERE 0;
