-- ClaimLedger schema, migration 4: the search index of claims. A shipped migration is never edited.
--
-- `claim_index` is derived data, not part of the hash chain: one row per claim (rowid = the claim's
-- seq) holding the claim's current text, speaker and source title as `MatchText` normalises them
-- (numbers, percentages, currencies and ordinals written one way). The library writes it in the same
-- transaction as the entry that changes it (a claim recorded, a text or speaker corrected, a source's
-- title corrected), fills it for the claims already there when it migrates a ledger, and `audit`
-- proves it agrees with the ledger: every row recomputed from the claims, and FTS5's own
-- integrity-check of the inverted index against those rows. It can always be rebuilt from the
-- entries; deleting it loses nothing but speed.
--
-- `similar` ranks with BM25 over these three columns; `list --search` matches its words in `body`.
-- Porter stemming: "visits" and "visited" match "visit".
CREATE VIRTUAL TABLE claim_index USING fts5(
    body,       -- the claim's text (corrected if it was)
    speaker,    -- its speaker (corrected if it was)
    context,    -- its source's title; and the source's text when the claim is not in it (an imported review)
    tokenize = 'porter unicode61 remove_diacritics 2'
);
