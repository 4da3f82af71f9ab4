import ClaimMatching
import GRDB
import LedgerSchema

/// "Seen before", found once (schema version 14): the rows of `claim_match`, each a claim and an
/// earlier claim of another source that it repeats, with the figures the search gave. Derived data
/// beside the search index, written in the transaction that records or corrects the claim.
/// Claims recorded before the ledger stored matches (`match_coverage`), or left pending by a large
/// import, have none: they are searched when asked.
package enum MatchStore {
    /// How many earlier claims are stored for one claim.
    package static let perClaim = 5

    /// Finds the earlier claims that the claim of entry `seq` repeats and stores them, replacing
    /// any it had (and its pending mark). `counts` may be shared by claims matched against one
    /// unchanged index.
    package static func store(_ db: Database, seq: Int64, _ claim: SearchedClaim, counts: WordCounts = WordCounts())
        throws
    {
        try SearchIndex.flushPending(db)  // the claims recorded in this transaction are searched too
        try db.cachedStatement(sql: LedgerQuery.matchDeleteOfClaim.sql).execute(arguments: [seq])
        try db.cachedStatement(sql: LedgerQuery.matchPendingDelete.sql).execute(arguments: [seq])
        let found = try CandidateSearch.seenBefore(db, claim, limit: perClaim, counts: counts)
        let insert = try db.cachedStatement(sql: LedgerQuery.matchInsert.sql)
        for hit in found {
            let f = hit.figures
            try insert.execute(arguments: [
                "claim": seq, "earlier": hit.seq, "similarity": f.similarity,
                "containment": f.containment, "clause_words": f.clauseWords, "shared_words": f.sharedWords,
                "shorter_words": f.shorterWords, "place": f.rank, "relevance": f.relevance,
                "top_relevance": f.topRelevance, "next_relevance": f.nextRelevance,
            ])
        }
    }

    /// Marks the claim of entry `seq` as recorded without its matches (a large import).
    package static func deferMatches(_ db: Database, seq: Int64) throws {
        try db.cachedStatement(sql: LedgerQuery.matchPendingInsert.sql).execute(arguments: [seq])
    }

    /// Removes every stored match (before `audit --rebuild-index` stores them again).
    package static func clear(_ db: Database) throws {
        try db.execute(sql: LedgerQuery.matchesClear.sql)
    }

    /// Whether a claim of another source was recorded before the claims of `sourceID` (else a
    /// new article has nothing to repeat and nothing is searched).
    package static func anyClaimBefore(_ db: Database, sourceID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: LedgerQuery.claimsBeforeSource.sql), arguments: ["source": sourceID])
            == true
    }

    /// The later claims whose stored matches name the claim of entry `seq`.
    package static func matchers(_ db: Database, of seq: Int64) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: LedgerQuery.matchersOfClaim.sql), arguments: [seq])
    }

    /// Whether every claim's matches are stored (a ledger made before version 14 has them for its
    /// newer claims only, until `audit --rebuild-index`).
    package static func coverEveryClaim(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: LedgerQuery.matchesCoverEveryClaim.sql)) ?? false
    }

    /// Whether the claim at `seq` has its matches stored (else they are searched when asked).
    package static func areStored(_ db: Database, seq: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: LedgerQuery.matchIsStored.sql), arguments: [seq]) ?? false
    }

    /// Claims with this seq or later have their matches stored (unless left pending).
    package static func matchedFrom(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: LedgerQuery.matchedFrom.sql)) ?? Int64.max
    }

    /// The stored matches of the claim of entry `seq`: the earlier claims it repeats and, with
    /// `later`, the claims recorded after it that repeat it; only claims recorded by entry `upTo`;
    /// the most alike first, at most `limit`.
    package static func hits(_ db: Database, of seq: Int64, later: Bool, limit: Int, upTo: Int64?) throws -> [Hit] {
        var hits = try stored(db, .matchesEarlier, seq: seq, limit: limit, upTo: upTo)
        if later { hits += try stored(db, .matchesLater, seq: seq, limit: limit, upTo: upTo) }
        hits.sort { ($0.figures.similarity, -$0.seq) > ($1.figures.similarity, -$1.seq) }
        return Array(hits.prefix(limit))
    }

    private static func stored(_ db: Database, _ query: LedgerQuery, seq: Int64, limit: Int, upTo: Int64?) throws
        -> [Hit]
    {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: query.sql), arguments: ["seq": seq, "as_of": upTo ?? Int64.max, "limit": limit])
        return rows.map { row in
            Hit(
                seq: row["seq"],
                figures: SeenBeforeModel.Features(
                    similarity: row["similarity"], containment: row["containment"], clauseWords: row["clause_words"],
                    sharedWords: row["shared_words"], shorterWords: row["shorter_words"], rank: row["place"],
                    relevance: row["relevance"], topRelevance: row["top_relevance"],
                    nextRelevance: row["next_relevance"], figureClauseWords: 0))  // not stored: never decided again
        }
    }
}

/// The audit of stored matches (derived data, outside the hash chain).
package enum StoredMatchAudit {
    /// Every audit: the first stored match naming no claim, two claims of one source, a later claim
    /// as the earlier one, or a claim the ledger says was recorded before matches were stored.
    package static func firstProblem(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: LedgerQuery.matchProblem.sql))
    }

    /// `audit --search-index`: the first stored match whose words in common (and the shorter
    /// text's) are not what the two claims' indexed words give.
    package static func firstDisagreement(_ db: Database) throws -> Int64? {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: LedgerQuery.matchPairs.sql))
        while let row = try rows.next() {
            let pair = Similarity.Comparison(MatchTerms(indexed: row[3]), MatchTerms(indexed: row[4])) { _ in 1 }
            if pair.sharedWords != row[1] || pair.shorterWords != row[2] { return row[0] }
        }
        return nil
    }
}
