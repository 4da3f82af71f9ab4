import Foundation
import GRDB
import LedgerAudit
import LedgerSchema
import LedgerStore
import TestSupport
import Testing

/// A ledger of 6 sources × 12 claims and quotes with tied, missing and repeated scores, claims
/// recorded out of article order, then decisions (some re-opened, some dismissed), corrections and
/// sources recorded in between: everything the queue's order and tally must follow.
func queueLedger(_ dir: TemporaryDirectory, seed: UInt64 = 7) throws -> Ledger {
    let ledger = try makeTemporaryLedger(in: dir)
    var rng = SplitMix(state: seed)
    let words = ["tariff", "harbour", "vaccine", "pension", "drought", "ferry"]
    var recorded: [ClaimPayload] = []
    for s in 0..<6 {
        let source = sampleSource("Article \(s) of the queue test.", title: "Source \(s)")
        let claims = (0..<12).map { n -> ClaimPayload in
            let kind = rng.next() % 4 == 0 ? "quote" : "claim"
            let text = "\(words[Int(rng.next() % 6)]) figure \(s)-\(n)."
            let score: Double? = kind == "quote" ? nil : [0.9, 0.5, 0.5, 0.25, 0.1][Int(rng.next() % 5)]
            let start: Int? = rng.next() % 5 == 0 ? nil : Int(rng.next() % 50)
            let type = kind == "quote" ? nil : ["statistic", "count", "date", "other", nil][Int(rng.next() % 5)]
            return ClaimPayload(
                claimID: Identifiers.claimID(sourceID: source.sourceID, kind: kind, start: start, end: nil, text: text),
                sourceID: source.sourceID, kind: ClaimKind(rawValue: kind)!, text: text,
                speaker: n % 3 == 0 ? "Jane Doe" : "Omar Ali", claimType: type, score: score, start: start)
        }
        try ledger.write { db in
            try ledger.recordSource(db, source)
            for c in claims.shuffled(using: &rng) { try ledger.recordClaim(db, c) }
            try ledger.storeMatches(db, sourceID: source.sourceID)  // as an ingest does
        }
        recorded += claims
        for c in recorded.shuffled(using: &rng).prefix(5) {
            let status: ClaimStatus = [.verified, .disputed, .dismissed, .unverified][Int(rng.next() % 4)]
            // Reopening an undecided claim is refused, as it is for a reviewer.
            _ = try? ledger.changeStatus(
                claimID: c.claimID, to: status, evidence: "https://e.example/\(s)", note: nil, reviewer: "ann")
        }
        try ledger.correct(
            claimID: recorded[Int(rng.next() % UInt64(recorded.count))].claimID, field: .text,
            value: "ferry figure corrected.", reason: "typo", reviewer: "ann")
    }
    return ledger
}

@Suite("Review queue (migration 6)")
struct QueueTests {
    static let filters: [ClaimFilter] = {
        var all: [ClaimFilter] = []
        for status in [nil] + ClaimStatus.allCases.map(Optional.some) {
            for kind in [nil, ClaimKind.quote, .claim] {
                for search in [nil, "ferry", "tariff figure"] {
                    for dismissed in [false, true] {
                        all.append(
                            ClaimFilter(
                                status: status, kind: kind, search: search, order: .score, withDismissed: dismissed))
                    }
                }
            }
        }
        all.append(ClaimFilter(speaker: "jane", order: .score))
        all.append(ClaimFilter(minScore: 0.5, order: .score))
        return all
    }()

    /// The queue's index gives what sorting every claim gave (`asOf` the head takes that older
    /// query, which is kept for listings of the past).
    @Test(arguments: [UInt64(7), 8, 9])
    func theQueueIsTheScoreOrderOfTheClaimsAsTheyStand(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let ledger = try queueLedger(dir, seed: seed)
        let head = try ledger.head().seq
        for filter in Self.filters {
            var sorted = filter
            sorted.asOf = head
            let expected = try ledger.claims(sorted)
            #expect(try ledger.claims(filter) == expected, "\(filter)")
            var limited = filter
            limited.limit = 4
            #expect(try ledger.claims(limited) == Array(expected.prefix(4)), "\(filter)")
        }
    }

    /// Pages walked forward from the top and back from the end are the whole queue, in order.
    @Test(arguments: [1, 3, 50])
    func pagesCoverTheQueueForwardAndBack(size: Int) throws {
        let dir = TemporaryDirectory()
        let ledger = try queueLedger(dir)
        for filter in Self.filters {
            let whole = try ledger.claims(filter).map(\.seq)
            var forward: [Int64] = []
            var cursor = QueueCursor.top
            var pages: [QueuePage] = []
            while true {
                let page = try ledger.queuePage(filter, from: cursor, size: size)
                pages.append(page)
                forward += page.claims.map(\.seq)
                #expect(page.hasEarlier == (cursor != .top))
                guard page.hasLater, let last = page.claims.last else { break }
                cursor = .after(last.seq)
            }
            #expect(forward == whole, "\(filter)")
            // Back from the last page: each page ends before the first claim shown; the top page
            // is read whole (it may overlap a page that did not start on a multiple of the size).
            guard var page = pages.last else { continue }
            var backward = page.claims.map(\.seq)
            while page.hasEarlier, let first = page.claims.first {
                page = try ledger.queuePage(filter, from: .before(first.seq), size: size)
                #expect(page.hasLater && page.claims.count == size, "\(filter)")
                backward = page.claims.map(\.seq).filter { !backward.contains($0) } + backward
            }
            #expect(backward == whole, "\(filter)")
        }
    }

    @Test func theTallyIsTheCountOfClaimsByStatus() throws {
        let dir = TemporaryDirectory()
        let ledger = try queueLedger(dir)
        #expect(try ledger.statusTally() == ledger.claimCounts(ClaimFilter()).byStatus)
        #expect(try ledger.statusTally().count == ClaimStatus.allCases.count)  // the test ledger has every status
        for kind in ClaimKind.allCases {
            #expect(try ledger.statusTally(kind: kind) == ledger.claimCounts(ClaimFilter(kind: kind)).byStatus)
        }
        #expect(try Auditor(ledger: ledger).run().passed)
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try full.run().passed)
    }

    @Test(arguments: [
        ("UPDATE claim_queue SET now_status = 'unverified' WHERE claim_seq = 3", Int64(3)),
        ("DELETE FROM claim_queue WHERE claim_seq = 4", Int64(4)),
        ("INSERT INTO claim_queue VALUES (7, 'unverified', 0, 1, 0)", Int64(7)),
    ])
    func tamperingWithTheQueueIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry, in: smallLedger)
    }

    /// Issue 29: among claims of one score, the kinds a desk checks first (a figure, a count, …),
    /// within a kind those seen before, then the newest article's (migrations 15 and 17), each
    /// article's in its own order; the audit recomputes the order and the rebuild keeps it.
    @Test func tiesPutCheckableKindsRepeatsAndTheNewestArticleFirst() throws {
        let dir = TemporaryDirectory()
        let ledger = try queueLedger(dir)
        let page = try ledger.queuePage(ClaimFilter(), from: .top, size: 72).claims
        let sources = try ledger.claims(ClaimFilter(order: .position, withDismissed: true)).map(\.claim.sourceID)
        var articleRank: [String: Int] = [:]
        for s in sources where articleRank[s] == nil { articleRank[s] = articleRank.count }
        let seen = try ledger.read { try Set(Int64.fetchAll($0, sql: "SELECT claim_seq FROM claim_match")) }
        let kinds = ["statistic", "count", "ranking", "date", "attributed", "other"]
        func tie(_ c: ClaimRecord) -> Int {
            (kinds.firstIndex { $0 == c.claim.claimType } ?? 6) * 2 + (seen.contains(c.seq) ? 0 : 1)
        }
        for (a, b) in zip(page, page.dropFirst()) where a.claim.score == b.claim.score {
            let (ra, rb) = (articleRank[a.claim.sourceID]!, articleRank[b.claim.sourceID]!)
            #expect(
                tie(a) < tie(b)
                    || tie(a) == tie(b)
                        && (ra > rb || ra == rb && (a.claim.start ?? 0, a.seq) < (b.claim.start ?? 0, b.seq))
            )
        }
        #expect(Set(page.map(tie)).count > 4, "the ledger has ties of several kinds")
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try full.run().passed)
        #expect(try ledger.claims(ClaimFilter(order: .score)).map(\.claimID) == page.map(\.claimID))
        // The rebuild searches every claim again against the whole index (its relevance figures,
        // and so a few matches, can differ from those found when each was recorded): the queue is
        // then the order of the matches it stored.
        try ledger.rebuildDerivedTables()
        #expect(try full.run().passed)
        var asOfHead = ClaimFilter(limit: 72, order: .score)
        asOfHead.asOf = try ledger.head().seq
        #expect(try ledger.queuePage(ClaimFilter(), from: .top, size: 72).claims == ledger.claims(asOfHead))
    }

    /// Changes that name no entry (a claim marked decided without a decision, a wrong count) and
    /// one only the full check sees (a claim's place); `--rebuild-index` mends them all.
    @Test(arguments: [
        ("UPDATE claim_queue SET now_status = 'verified' WHERE claim_seq = 4", false),
        ("UPDATE status_tally SET claims = claims + 1 WHERE now_status = 'verified'", false),
        ("UPDATE status_tally SET kind = 'quote' WHERE now_status = 'verified'", true),
        ("UPDATE claim_queue SET place = -5 WHERE claim_seq = 4", true),
        ("UPDATE claim_queue SET source_order = -source_order", true),
    ])
    func aWrongQueueOrTallyIsCaughtAndRebuilt(sql: String, onlyInFull: Bool) throws {
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        try tamper(path, sql)
        let ledger = try Ledger(path: path, create: false)
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try Auditor(ledger: ledger).run().passed == onlyInFull, "\(sql)")
        #expect(try !full.run().passed, "\(sql)")
        try ledger.rebuildDerivedTables()
        #expect(try full.run().passed, "\(sql)")
        #expect(try ledger.statusTally() == [.verified: 1, .disputed: 1, .unverified: 1])
    }

    /// A ledger of schema version 5 read without being migrated gets the queue as TEMP tables; the
    /// first writer adds the real ones, filled from the claims.
    @Test func aVersionFiveLedgerIsQueuedReadOnlyThenMigrated() throws {
        let dir = TemporaryDirectory()
        let path = try queueLedger(dir).path
        let older = try DatabaseQueue(path: path)
        try older.writeWithoutTransaction {
            try $0.execute(
                sql: OlderSchema.claimsViewBeforeVersion12 + LedgerQuery.queueDrop.sql
                    + "\nDROP TABLE attribution_credit;\nDROP TABLE attribution;\nDROP TABLE review_credit;\nDROP TABLE publisher;\nDROP TABLE trusted_key;\nDROP TABLE speaker_confidence;\nPRAGMA user_version = 5;"
            )
        }
        try older.close()
        let reader = try Ledger(path: path, create: false, readOnly: true)
        // Read-only, the queue is the version's own: its ties in the ledger order of the articles
        // (version 15 puts the newest first once migrated).
        let readOnly = try reader.queuePage(ClaimFilter(), from: .top, size: 72)
        let inLedgerOrder = try reader.claims(ClaimFilter(order: .position, withDismissed: true))
        var articleRank: [String: Int] = [:]
        for c in inLedgerOrder where articleRank[c.claim.sourceID] == nil {
            articleRank[c.claim.sourceID] = articleRank.count
        }
        let oldestFirst = inLedgerOrder.filter { $0.status != .dismissed }.sorted {
            (-($0.claim.score ?? -1), articleRank[$0.claim.sourceID]!, $0.claim.start ?? 0, $0.seq)
                < (-($1.claim.score ?? -1), articleRank[$1.claim.sourceID]!, $1.claim.start ?? 0, $1.seq)
        }
        #expect(readOnly.claims.map(\.claimID) == oldestFirst.prefix(72).map(\.claimID))
        #expect(try reader.statusTally() == reader.claimCounts(ClaimFilter()).byStatus)
        #expect(try reader.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 5)
        let writer = try Ledger(path: path, create: false)
        #expect(try writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Ledger.schemaVersion)
        // Version 5 had no stored matches: none is seen before until `audit --rebuild-index`.
        var asOfHead = ClaimFilter(limit: 20, order: .score)
        asOfHead.asOf = try writer.head().seq
        #expect(try writer.queuePage(ClaimFilter(), from: .top, size: 20).claims == writer.claims(asOfHead))
        try writer.rebuildDerivedTables()
        #expect(try writer.queuePage(ClaimFilter(), from: .top, size: 20).claims == writer.claims(asOfHead))
        var full = Auditor(ledger: writer)
        full.searchIndexContent = true
        #expect(try full.run().passed)
    }
}

/// Issue 29's tie-break on a ledger made as ingest makes it: one score, and the queue puts a figure
/// seen before first, then other figures (the newest article's first), a count, anything else.
@Suite("The queue's ties (migration 17)")
struct QueueTieTests {
    @Test func aRepeatedFigureComesFirstThenFiguresThenOtherKinds() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let cocoa = "Exports of cocoa rose 40 percent in 2023 to a record 2.1 million tonnes, the ministry said."
        let older = sampleSource("First article. \(cocoa)", title: "Older")
        let newer = sampleSource("Second article with four claims.", title: "Newer")
        func claim(_ source: SourcePayload, _ text: String, _ type: String, at start: Int) -> ClaimPayload {
            ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "claim", start: start, end: nil, text: text),
                sourceID: source.sourceID, kind: .claim, text: text, claimType: type, score: 0.9, start: start)
        }
        let first = claim(older, cocoa, "statistic", at: 15)
        let newerClaims = [
            claim(newer, "The harbour reopened after the storm.", "other", at: 1),
            claim(newer, "Fuel prices fell 12 percent in the last quarter of the year.", "statistic", at: 2),
            claim(newer, cocoa, "statistic", at: 3),
            claim(newer, "Three ferries now cross the strait every day.", "count", at: 4),
        ]
        for (source, claims) in [(older, [first]), (newer, newerClaims)] {
            try ledger.write { db in
                try ledger.recordSource(db, source)
                for c in claims { try ledger.recordClaim(db, c) }
                try ledger.storeMatches(db, sourceID: source.sourceID)
            }
        }
        let queue = try ledger.queuePage(ClaimFilter(), from: .top, size: 10).claims.map(\.claimID)
        #expect(
            queue == [newerClaims[2], newerClaims[1], first, newerClaims[3], newerClaims[0]].map(\.claimID),
            "\(queue)")
        #expect(try ledger.claims(ClaimFilter(order: .score)).map(\.claimID) == queue)
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try full.run().passed)
        try tamper(
            ledger.path, "UPDATE claim_queue SET source_order = source_order + 1099511627776 WHERE claim_seq = 4")
        #expect(
            try Auditor(ledger: Ledger(path: ledger.path, create: false)).run().passed, "only the full check reads ties"
        )
        #expect(try !full.run().passed)
    }
}
