-- ClaimLedger schema, migration 14: "seen before", found once (and an index for doubtful speakers,
-- at the end). When a claim is recorded (or its
-- text or speaker corrected), the library searches the claims of other sources recorded before it
-- and keeps the ones that repeat it (`SeenBeforeModel.isSeenBefore`, at most five, best first)
-- here, in the same transaction. `show`, reports, `list --seen-before` and the desk read these rows
-- instead of searching again: a claim's earlier matches are its own rows, and the later claims that
-- repeat it ("also claimed later in …") are the rows that name it as the earlier one.
--
-- Derived data, like the search index: not part of the hash chain. Every audit checks that each row
-- names two claims of different sources, the earlier recorded first; `audit --search-index` also
-- recomputes each row's shared words from the two texts; `audit --rebuild-index` searches again for
-- every claim and writes the rows anew.
-- A shipped migration is never edited: later changes are new files.

CREATE TABLE claim_match (
    claim_seq      INTEGER NOT NULL,   -- the claim (its entry's seq)
    earlier_seq    INTEGER NOT NULL,   -- an earlier claim of another source that it repeats
    -- What the search saw (SeenBeforeModel.Features): how alike the two texts are, the largest
    -- shared clause, the distinctive words in common and in the shorter text, the earlier claim's
    -- place among the results (1 = best) and the relevance scores the model weighs.
    similarity     REAL NOT NULL,
    containment    REAL NOT NULL,
    clause_words   INTEGER NOT NULL CHECK (clause_words >= 0),
    shared_words   INTEGER NOT NULL CHECK (shared_words >= 0),
    shorter_words  INTEGER NOT NULL CHECK (shorter_words >= shared_words),
    place          INTEGER NOT NULL CHECK (place >= 1),
    relevance      REAL NOT NULL,
    top_relevance  REAL NOT NULL,
    next_relevance REAL NOT NULL,
    PRIMARY KEY (claim_seq, earlier_seq),
    CHECK (earlier_seq < claim_seq)
) STRICT, WITHOUT ROWID;
-- "Also claimed later": the claims that repeat one claim.
CREATE INDEX claim_match_by_earlier ON claim_match(earlier_seq, claim_seq);

-- Claims recorded without their matches: those of a large import (searching for each of thousands
-- of imported reviews would make the import many times slower). Their matches are searched when
-- asked, as for claims recorded before this migration, until `audit --rebuild-index` stores them.
CREATE TABLE match_pending (
    claim_seq INTEGER PRIMARY KEY
) STRICT;

-- Claims recorded before this migration were never matched when they were recorded: for them the
-- library searches when asked, as before, until `audit --rebuild-index` has matched every claim
-- (which sets `matched_from` to 0).
CREATE TABLE match_coverage (
    only         INTEGER PRIMARY KEY CHECK (only = 1),
    matched_from INTEGER NOT NULL   -- claims with seq >= this have their matches stored
) STRICT;
INSERT INTO match_coverage (only, matched_from) VALUES (1, (SELECT coalesce(max(seq), 0) + 1 FROM entry));

-- The desk's queue of doubtful speakers (`conf=`, `list --max-confidence`): the few quotes whose
-- speaker the ranker chose with at most a given confidence, found by their confidence instead of
-- by walking the whole queue (3.6 s at a million claims when almost none is that doubtful).
CREATE INDEX speaker_confidence_by_value ON speaker_confidence(confidence, seq);
