-- Read compatibility for migration 4, never a migration: a ledger of schema version 3 opened
-- read-only gets a TEMP search index, which the library fills from the claims (nothing is written
-- to the file; the first command that writes adds the real one).
CREATE VIRTUAL TABLE temp.claim_index USING fts5(body, speaker, context,
    tokenize = 'porter unicode61 remove_diacritics 2');
