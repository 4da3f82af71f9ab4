-- Read compatibility for migration 7, never a migration: a ledger of schema version 6 or older
-- opened read-only has no speaker confidences: an empty TEMP view in the table's shape.
CREATE TEMP VIEW speaker_confidence AS SELECT NULL AS seq, NULL AS confidence WHERE 0;
