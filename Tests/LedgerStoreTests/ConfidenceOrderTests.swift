import Foundation
import LedgerStore
import TestSupport
import Testing

/// `ClaimOrder.confidence`: the least sure speaker first, then the claims and quotes without a
/// confidence; the same order whether the claims are scanned or read from a search's matches.
@Suite("Claims by speaker confidence")
struct ConfidenceOrderTests {
    static func quote(_ n: Int, _ text: String, confidence: Double?, source: SourcePayload) -> ClaimPayload {
        ClaimPayload(
            claimID: String(format: "%06d", n) + String(repeating: "0", count: 58), sourceID: source.sourceID,
            kind: .quote, text: text, speaker: confidence == nil ? nil : "Jane Roe", speakerConfidence: confidence)
    }

    @Test func theLeastSureComeFirstAndTheOnesWithoutLast() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        let payloads = [
            ConfidenceOrderTests.quote(1, "harbour trade will double", confidence: 0.91, source: source),
            ConfidenceOrderTests.quote(2, "harbour fees stay as they are", confidence: nil, source: source),
            ConfidenceOrderTests.quote(3, "harbour opens on Monday", confidence: 0.42, source: source),
            ConfidenceOrderTests.quote(4, "harbour needs dredging", confidence: 0.67, source: source),
            ClaimPayload(
                claimID: "000005" + String(repeating: "0", count: 58), sourceID: source.sourceID, kind: .claim,
                text: "harbour trade rose 80 percent in 2023"),
        ]
        try ledger.write { db in
            try ledger.recordSource(db, source)
            for p in payloads { try ledger.recordClaim(db, p) }
        }
        let scanned = try ledger.claims(ClaimFilter(order: .confidence)).map(\.speakerConfidence)
        #expect(scanned == [0.42, 0.67, 0.91, nil, nil])
        let searched = try ledger.claims(ClaimFilter(search: "harbour", order: .confidence))
        #expect(searched.map(\.claimID) == (try ledger.claims(ClaimFilter(order: .confidence)).map(\.claimID)))
        let doubtful = try ledger.claims(ClaimFilter(limit: 1, order: .confidence))
        #expect(doubtful.map(\.speakerConfidence) == [0.42])
        let acrossBoth = try ledger.claims(ClaimFilter(limit: 4, order: .confidence))
        #expect(acrossBoth.map(\.speakerConfidence) == [0.42, 0.67, 0.91, nil])
        var bounded = ClaimFilter(order: .confidence)
        bounded.maxConfidence = 0.7
        #expect(try ledger.claims(bounded).map(\.speakerConfidence) == [0.42, 0.67])

        // A corrected speaker has no confidence any more: it joins the rest, in article order.
        try ledger.correct(
            claimID: payloads[2].claimID, field: .speaker, value: "John Doe", reason: "the mayor said it",
            reviewer: "ann")
        let after = try ledger.claims(ClaimFilter(order: .confidence))
        #expect(after.map(\.speakerConfidence) == [0.67, 0.91, nil, nil, nil])
        #expect(after.suffix(3).map(\.claimID) == [payloads[1], payloads[2], payloads[4]].map(\.claimID))
        let searchedAfter = try ledger.claims(ClaimFilter(search: "harbour", order: .confidence))
        #expect(searchedAfter.map(\.claimID) == after.map(\.claimID))
    }
}
