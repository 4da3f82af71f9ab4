-- Read compatibility for migration 14, never a migration: a ledger of schema version 13 or older
-- opened read-only has no stored matches: an empty TEMP view in the table's shape, and a coverage
-- that starts after every claim, so each claim's matches are searched when asked (as before).
CREATE TEMP VIEW claim_match AS
SELECT NULL AS claim_seq, NULL AS earlier_seq, NULL AS similarity, NULL AS containment, NULL AS clause_words,
       NULL AS shared_words, NULL AS shorter_words, NULL AS place, NULL AS relevance, NULL AS top_relevance,
       NULL AS next_relevance WHERE 0;
CREATE TEMP VIEW match_pending AS SELECT NULL AS claim_seq WHERE 0;
CREATE TEMP VIEW match_coverage AS SELECT 1 AS only, 9223372036854775807 AS matched_from;
