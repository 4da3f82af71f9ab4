import Foundation
import LedgerSchema
import LedgerStore
import TestSupport
import Testing

/// Issue 13: one read model, one "claims as of entry N" query for `list`, `show` and `report`, and
/// query names that cannot be misspelt.
@Suite("One claim model and one claims query")
struct ClaimReadModelTests {
    @Test func everyQueryNameResolvesAndEveryNamedQueryIsUsed() throws {
        for query in LedgerQuery.allCases { #expect(!query.sql.isEmpty && !query.sql.contains("{"), "\(query)") }
        #expect(Set(LedgerSchema.queries.keys) == Set(LedgerQuery.allCases.map(\.rawValue)))
        for kind in EntryKind.allCases {
            for query in [
                AuditQuery.rows(entryKind: kind.rawValue), .rowsBySeq(entryKind: kind.rawValue),
                .firstRow(entryKind: kind.rawValue),
            ] {
                #expect(LedgerSchema.auditQueries.contains { $0.name == query.name }, "\(query.name)")
            }
        }
        let audits = Set(LedgerSchema.auditQueries.map(\.name))
        let used = Set(
            EntryKind.allCases.flatMap { [$0.rawValue, $0.rawValue + "/by_seq", $0.rawValue + "/start"] }
                + [AuditQuery.entriesBetween.name, AuditQuery.danglingReferences.name, AuditQuery.pageCheck.name])
        #expect(audits == used)
    }

    /// A ledger with three claims; the second is verified at entry 5, then its speaker corrected at
    /// entry 6 and disputed at entry 7.
    static func ledger(_ dir: TemporaryDirectory) throws -> (Ledger, [ClaimPayload]) {
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource("One. Two. Three.")
        let claims = [("One.", 0, 4), ("Two.", 5, 9), ("Three.", 10, 16)].map { text, start, end in
            ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "claim", start: start, end: end, text: text),
                sourceID: source.sourceID, kind: .claim, text: text, speaker: "Jane Doe",
                score: Double(end) / 20, start: start, end: end)
        }
        try ledger.write { db in
            try ledger.recordSource(db, source)
            // recorded out of article order
            for c in [claims[2], claims[0], claims[1]] { try ledger.recordClaim(db, c) }
        }
        try ledger.changeStatus(
            claimID: claims[1].claimID, to: .verified, evidence: "https://a.example", note: "first look",
            reviewer: "ann")
        try ledger.correct(claimID: claims[1].claimID, field: .speaker, value: nil, reason: "not hers", reviewer: "ann")
        try ledger.changeStatus(
            claimID: claims[1].claimID, to: .disputed, evidence: "https://b.example", note: nil, reviewer: "bob")
        return (ledger, claims)
    }

    @Test func asOfMeansTheLedgerAsItStoodThenForListAndReportAlike() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try ClaimReadModelTests.ledger(dir)
        func two(_ asOf: Int64?) throws -> ClaimRecord? {
            try ledger.claims(ClaimFilter(asOf: asOf)).first { $0.claimID == claims[1].claimID }
        }
        #expect(try two(3) == nil)  // not yet recorded
        #expect(try two(4)?.status == .unverified)
        #expect(try two(5)?.status == .verified && two(5)?.speaker == "Jane Doe" && two(5)?.note == "first look")
        #expect(try two(6)?.status == .verified && two(6)?.speaker == nil)  // corrected to nobody
        #expect(try two(7)?.status == .disputed && two(7)?.evidence == "https://b.example")
        #expect(try two(nil) == two(7))
        // The decisions behind the verdict as it stood: at entry 5 the verification, at 7 only the dispute.
        #expect(
            try two(5).map { try ledger.withReviewTrail($0, asOf: 5) }?.decisions.map(\.evidence) == [
                "https://a.example"
            ])
        #expect(
            try two(7).map { try ledger.withReviewTrail($0, asOf: 7) }?.decisions.map(\.evidence) == [
                "https://b.example"
            ])
        for asOf: Int64 in 1...7 {
            var reported: [ClaimRecord] = []
            try ledger.forEachReportSource(try ledger.reportStamp(asOf: asOf), filter: ClaimFilter()) { reported += $1 }
            // A report reads the same claims as `list`, plus the decisions and notes behind each.
            let listed = try ledger.claims(ClaimFilter(asOf: asOf, order: .position)).map {
                try ledger.withReviewTrail($0, asOf: asOf)
            }
            #expect(reported == listed, "entry \(asOf)")
        }
    }

    @Test func ordersAndCounts() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try ClaimReadModelTests.ledger(dir)
        #expect(try ledger.claims(ClaimFilter(order: .position)).map(\.text) == ["One.", "Two.", "Three."])
        #expect(
            try ledger.claims(ClaimFilter(order: .newest)).map(\.claimID)
                == [claims[1], claims[0], claims[2]].map(\.claimID))
        #expect(try ledger.claims(ClaimFilter(order: .score)).map(\.text) == ["Three.", "Two.", "One."])
        #expect(try ledger.claims(ClaimFilter(limit: 1)).count == 1)
        let counts = try ledger.claimCounts(ClaimFilter())
        #expect(counts.byStatus == [.unverified: 2, .disputed: 1] && counts.sources == 1)
        let earlier = try ledger.claimCounts(ClaimFilter(asOf: 5))
        #expect(earlier.byStatus == [.unverified: 2, .verified: 1])
        #expect(try ledger.claimCounts(ClaimFilter(status: .verified)).sources == 0)
    }
}
