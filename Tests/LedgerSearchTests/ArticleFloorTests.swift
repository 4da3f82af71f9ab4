import ClaimMatching
import Foundation
import GRDB
import LedgerSearch
import LedgerStore
import TestSupport
import Testing

/// "Seen before" between two articles' sentences asks more than with a fact-check or a sentence
/// looked up: the seeds'
/// two articles on Putin's visit say the same of Russia's arms in other words (14% alike), and the
/// model, trained on tweets against fact-checks, takes the lone result with its lead. In news that
/// lead is usually another claim on the same subject, so an article's sentence must be half alike.
@Suite("Seen before: an article's sentence against a fact-check")
struct ArticleFloorTests {
    static let earlier =
        "Moscow has been Vietnam's most important arms supplier for decades, accounting for more than 80 percent of imports from 1995 to 2023, AFP reported."
    static let later =
        "Ties with Moscow are important to Hanoi for two reasons: Russia is the largest supplier of military equipment to Vietnam, and Russian companies help extract oil and gas in the South China Sea, preserving Vietnam's sovereignty over a number of disputed areas claimed by China."

    /// Other news, so that the words the two share are rare among the ledger's claims.
    static let fillers = [
        "The harbour ferry will run every hour in March, the council said on Tuesday.",
        "Local schools reopen on Monday after the storm damaged two roofs in the north.",
        "The museum added two rooms of Roman coins and a new cafe to its east wing.",
        "Rain is expected across the north this weekend, with winds of up to 60 miles an hour.",
        "The city's football club signed a new goalkeeper from a Spanish side for two years.",
        "A new bakery opened on the high street, selling bread made with local flour.",
    ]

    /// Records `text` as the claim of a new source: at a place in the article's text, or (`inArticle`
    /// false) with none, as `import` records a fact-check. Its matches are stored as ingest does.
    func record(_ ledger: Ledger, _ text: String, inArticle: Bool, title: String) throws -> Int64 {
        let body = "\(title). \(text)"
        let source = SourcePayload(
            sourceID: Identifiers.sourceID(text: body), sha256: hexSHA256(body), title: title,
            outlet: nil, author: nil, published: nil, url: nil, text: body)
        let start = inArticle ? title.count + 2 : nil
        let claim = ClaimPayload(
            claimID: Identifiers.claimID(sourceID: source.sourceID, kind: "claim", start: start, end: nil, text: text),
            sourceID: source.sourceID, kind: .claim, text: text, speaker: nil, start: start)
        return try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, claim)
            try ledger.storeMatches(db, sourceID: source.sourceID)
            return try Int64.fetchOne(db, sql: "SELECT max(seq) FROM entry")!
        }
    }

    func storedMatches(earlierInArticle: Bool) throws -> [Int64] {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        for (n, filler) in Self.fillers.enumerated() {
            _ = try record(ledger, filler, inArticle: true, title: "Other \(n)")
        }
        _ = try record(ledger, Self.earlier, inArticle: earlierInArticle, title: "Earlier")
        let later = try record(ledger, Self.later, inArticle: true, title: "Later")
        return try ledger.read { db in
            try MatchStore.hits(db, of: later, later: false, limit: 5, upTo: nil).map(\.seq)
        }
    }

    @Test func anotherArticlesSentenceInOtherWordsIsNotSeenBefore() throws {
        #expect(try storedMatches(earlierInArticle: true).isEmpty)
    }

    @Test func aFactCheckInOtherWordsIsSeenBefore() throws {
        #expect(try storedMatches(earlierInArticle: false).count == 1)
    }

    /// A sentence looked up (`similar --text`: a tweet, a quote heard on air) is the model's to
    /// decide against an article's sentence, as a tweet against a fact-check.
    @Test func aSentenceLookedUpIsTheModelsToDecide() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        for (n, filler) in Self.fillers.enumerated() {
            _ = try record(ledger, filler, inArticle: true, title: "Other \(n)")
        }
        _ = try record(ledger, Self.earlier, inArticle: true, title: "Earlier")
        for inArticle in [false, true] {
            let query = SimilarQuery(text: Self.later, limit: 1, inArticle: inArticle)
            let found = try ledger.similar(query)
            #expect(found.first?.figures.betweenArticles == inArticle)
            #expect(found.first?.isSeenBefore == !inArticle)
        }
    }
}
