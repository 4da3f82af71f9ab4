-- ClaimLedger schema, migration 18: the roots of the entry log's complete blocks of 1,024 leaves,
-- so a tree head over a million entries is read, not recomputed (issue 29: a one-article report at
-- 1M entries took 2 s, most of it the Merkle root over every entry for the report's tree head).
-- A shipped migration is never edited: later changes are new files.
--
-- Block b holds MTH(D[1024·b : 1024·(b+1)]) (RFC 6962; leaf i is entry i+1), the root of a perfect
-- subtree of every tree of 1,024·(b+1) entries or more, which no later entry changes. The library
-- writes each block in the transaction whose entries complete it (SQL cannot hash); a ledger
-- migrated with entries gets its blocks from its first writer. Derived data, outside the hash
-- chain, and used only where a tree head is shown (reports, the desk): checkpoints that are signed
-- and `audit --checkpoint` recompute from the entries. Every audit checks that the blocks are
-- numbered from 0 without a gap and that none is past the log; `audit --search-index` recomputes
-- each; `audit --rebuild-index` writes them anew.

CREATE TABLE merkle_block (
    block INTEGER PRIMARY KEY CHECK (block >= 0),
    root  BLOB NOT NULL CHECK (length(root) = 32)
) STRICT;
