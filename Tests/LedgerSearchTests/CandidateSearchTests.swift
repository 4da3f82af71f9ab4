import ClaimMatching
import Foundation
import GRDB
import LedgerSearch
import LedgerStore
import TestSupport
import Testing

/// The search side on its own: the index's candidates, "seen before" and the stored matches,
/// read straight from a ledger's tables (issue 31, item 12).
@Suite("Candidate search and stored matches")
struct CandidateSearchTests {
    /// Three articles: the first claims a figure, the second repeats it in other words, the third
    /// shares one common word with it. The entry numbers of the three claims.
    func threeArticles(_ ledger: Ledger) throws -> (first: Int64, repeated: Int64, unrelated: Int64) {
        let texts = [
            "Unemployment fell to 4.1 percent in March, the lowest rate in a decade.",
            "The unemployment rate fell to 4.1 percent in March, its lowest in a decade.",
            "The harbour ferry will run every hour in March.",
        ]
        var seqs: [Int64] = []
        for (n, text) in texts.enumerated() {
            let body = "Article \(n). \(text)"
            let source = SourcePayload(
                sourceID: Identifiers.sourceID(text: body), sha256: hexSHA256(body), title: "Article \(n)",
                outlet: nil, author: nil, published: nil, url: nil, text: body)
            let claim = ClaimPayload(
                claimID: Identifiers.claimID(sourceID: source.sourceID, kind: "claim", start: 11, end: nil, text: text),
                sourceID: source.sourceID, kind: .claim, text: text, speaker: nil, start: 11)
            try ledger.write { db in
                try ledger.recordSource(db, source)
                try ledger.recordClaim(db, claim)
                try ledger.storeMatches(db, sourceID: source.sourceID)
                seqs.append(try Int64.fetchOne(db, sql: "SELECT max(seq) FROM entry")!)
            }
        }
        return (seqs[0], seqs[1], seqs[2])
    }

    @Test func findsTheRepeatAndStoresItAlone() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let seqs = try threeArticles(ledger)
        try ledger.read { (db: Database) throws -> Void in
            let query = SearchedClaim(
                text: "Unemployment fell to 4.1 percent in March.", speaker: nil, excludingSource: nil,
                recordedBefore: nil)
            let hits = try CandidateSearch.hits(db, query, limit: 10, minimumSimilarity: 0)
            #expect(hits.map(\.seq).prefix(2).sorted() == [seqs.first, seqs.repeated])
            #expect(hits.map(\.figures.rank) == Array(1...hits.count), "places follow the ranking")
            // Only the claim recorded before it is what the second article's claim repeats.
            let stored = try MatchStore.hits(db, of: seqs.repeated, later: false, limit: 5, upTo: nil)
            #expect(stored.map(\.seq) == [seqs.first])
            #expect(
                try MatchStore.hits(db, of: seqs.first, later: true, limit: 5, upTo: nil).map(\.seq) == [seqs.repeated])
            // One shared word ("March") is never "seen before".
            #expect(try MatchStore.hits(db, of: seqs.unrelated, later: false, limit: 5, upTo: nil).isEmpty)
            #expect(try MatchStore.coverEveryClaim(db))
            #expect(try StoredMatchAudit.firstProblem(db) == nil)
            #expect(try StoredMatchAudit.firstDisagreement(db) == nil)
        }
    }

    @Test func leavesOutItsOwnSourceAndLaterClaims() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let seqs = try threeArticles(ledger)
        try ledger.read { (db: Database) throws -> Void in
            let text = "The unemployment rate fell to 4.1 percent in March, its lowest in a decade."
            let before = SearchedClaim(text: text, speaker: nil, excludingSource: nil, recordedBefore: seqs.first)
            #expect(try CandidateSearch.seenBefore(db, before, limit: 5).isEmpty)
            let all = SearchedClaim(text: text, speaker: nil, excludingSource: nil, recordedBefore: nil)
            #expect(
                try CandidateSearch.seenBefore(db, all, limit: 5).map(\.seq).sorted() == [seqs.first, seqs.repeated])
            #expect(try CandidateSearch.hits(db, all, limit: 0, minimumSimilarity: 0).isEmpty)
        }
    }

    @Test func aTextTooShortIsNeverSeenBefore() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        _ = try threeArticles(ledger)
        try ledger.read { (db: Database) throws -> Void in
            let short = SearchedClaim(
                text: "Unemployment fell.", speaker: nil, excludingSource: nil, recordedBefore: nil)
            #expect(try !CandidateSearch.hits(db, short, limit: 5, minimumSimilarity: 0).isEmpty, "found alike")
            #expect(try CandidateSearch.seenBefore(db, short, limit: 5).isEmpty, "but two words are never seen before")
        }
    }

    @Test func aTamperedMatchIsCaught() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        _ = try threeArticles(ledger)
        try ledger.write(foreignKeys: false) { db in
            try db.execute(sql: "UPDATE claim_match SET shorter_words = shorter_words + 1")
        }
        try ledger.read { (db: Database) throws -> Void in #expect(try StoredMatchAudit.firstDisagreement(db) != nil) }
    }

    /// A claim's index row waits until its transaction commits or the index is read in it: a
    /// refresh in the same transaction finds it, the committed index holds it once, and a
    /// transaction that fails leaves neither the row nor anything waiting.
    @Test func indexRowsOfATransactionAreThereWhenItIsRead() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let seqs = try threeArticles(ledger)
        let rows = "SELECT count(*) FROM claim_index"
        try ledger.read { (db: Database) throws -> Void in #expect(try Int.fetchOne(db, sql: rows) == 3) }
        let body = "Article 4. Unemployment fell to 4.1 percent in April."
        let source = SourcePayload(
            sourceID: Identifiers.sourceID(text: body), sha256: hexSHA256(body), title: "Article 4",
            outlet: nil, author: nil, published: nil, url: nil, text: body)
        let claim = ClaimPayload(
            claimID: Identifiers.claimID(sourceID: source.sourceID, kind: "claim", start: 11, end: nil, text: "x"),
            sourceID: source.sourceID, kind: .claim, text: "Unemployment fell to 4.1 percent in April.",
            speaker: nil, start: 11)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try ledger.write { (db: Database) throws -> Void in
                try ledger.recordSource(db, source)
                try ledger.recordClaim(db, claim)
                try SearchIndex.refresh(db, claimID: claim.claimID)
                #expect(try Int.fetchOne(db, sql: rows) == 4)
                throw Stop()
            }
        }
        try ledger.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: rows) == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.index_pending") == 0)
        }
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, claim)
            try SearchIndex.refresh(db, claimID: claim.claimID)
        }
        try ledger.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: rows) == 4)
            #expect(try SearchIndex.firstDisagreement(db) == nil)
        }
    }

    /// Copies of one text are one result to the lead: a claim two earlier articles carried word for
    /// word leads the next other text, not its copy (a tie would read as a template's many claims).
    @Test func copiesOfOneTextAreOneResultToTheLead() {
        func hit(_ seq: Int64, _ relevance: Double) -> Hit {
            Hit(
                seq: seq,
                figures: SeenBeforeModel.Features(
                    similarity: 0.9, containment: 0.9, clauseWords: 0, sharedWords: 8, shorterWords: 9, rank: 0,
                    relevance: relevance, topRelevance: 0, nextRelevance: 0))
        }
        let copies = CandidateSearch.placed([
            (hit(1, 10), "unemploy fell 4p1 percent"), (hit(2, 10), "unemploy fell 4p1 percent"),
            (hit(3, 4), "ferri run hour"),
        ])
        #expect(copies.map(\.figures.rank) == [1, 2, 3])
        #expect(copies.map(\.figures.topRelevance) == [10, 10, 10])
        #expect(copies.map(\.figures.nextRelevance) == [4, 4, 0])
        // Two texts as relevant as each other are a tie.
        let tie = CandidateSearch.placed([
            (hit(1, 10), "unemploy fell 4p1 percent"), (hit(2, 10), "unemploy rose 4p1 percent"),
            (hit(3, 4), "ferri run hour"),
        ])
        #expect(tie.map(\.figures.nextRelevance) == [10, 4, 0])
    }
}
