-- Read compatibility for migration 17, never a migration: a ledger of schema version 16 or older
-- opened read-only gets the view that breaks the queue's ties (as a TEMP view, the same SELECT as
-- v017_queue_ties.sql), so listings by score order their ties as the migrated ledger will. Its
-- queue rows keep their version's ties until the first command that writes migrates the file.
CREATE TEMP VIEW claim_queue_tie AS
SELECT c.seq AS claim_seq,
       ((CASE c.claim_type WHEN 'statistic' THEN 0 WHEN 'count' THEN 1 WHEN 'ranking' THEN 2 WHEN 'date' THEN 3
                           WHEN 'attributed' THEN 4 WHEN 'other' THEN 5 ELSE 6 END) * 2
        + NOT EXISTS (SELECT 1 FROM claim_match m WHERE m.claim_seq = c.seq)) * 1099511627776 - s.seq AS source_order
FROM claim c JOIN source s ON s.source_id = c.source_id;
