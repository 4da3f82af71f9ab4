import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// Issue 29, triage: the queue says how many claims and pages its filters give, and filters on a
/// minimum score and on the speaker ranker's confidence (the doubtful attributions first), as
/// `list --min-score` and `--max-confidence` do.
@Suite("Web desk: triage filters and page count")
struct DeskTriageTests {
    func rows(_ body: String) -> [String] {
        body.components(separatedBy: "<tr><td><a href=\"/c/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theQueueFiltersOnScoreAndSpeakerConfidenceAndCountsItsPages() async throws {
        let fixture = try DeskFixture()
        var high = ClaimFilter(minScore: 0.7, order: .score)
        high.limit = 1000
        let expectedHigh = try fixture.ledger.claims(high).map(\.shortID)
        var doubtful = ClaimFilter(order: .score)
        doubtful.maxConfidence = 0.9
        let expectedDoubtful = try fixture.ledger.claims(doubtful).map(\.shortID)
        let firstDoubtful = try fixture.ledger.claims(doubtful).first
        let unverified = try fixture.ledger.claims(ClaimFilter(status: .unverified)).count
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let all = try await web.get("/")
            #expect(all.body.contains("\(unverified) claims"), "the queue says how many claims it holds")
            let scored = try await web.get("/?min=0.7")
            #expect(rows(scored.body) == expectedHigh && !expectedHigh.isEmpty)
            #expect(scored.body.contains("<option value=\"0.7\" selected>at least 0.7</option>"))
            #expect(scored.body.contains("\(expectedHigh.count) claim"))
            let doubts = try await web.get("/?conf=0.9")
            #expect(rows(doubts.body) == expectedDoubtful)
            // The claim's panel says how sure the ranker was.
            if let first = firstDoubtful, let confidence = first.speakerConfidence {
                let panel = try await web.get("/c/\(first.shortID)")
                let shown = "<dt>Speaker confidence</dt><dd>\(String(format: "%.2f", confidence))</dd>"
                #expect(panel.body.contains(shown), "\(panel.body)")
            } else {
                Issue.record("the fixture has no doubtful attribution to show")
            }
            if let next = rows(scored.body).first {
                #expect(try await web.get("/?min=0.7&after=1").status == 200, "a cursor keeps the filter: \(next)")
            }
            let bogus = try await web.get("/?min=7&conf=abc")
            #expect(
                bogus.status == 200 && rows(bogus.body).count == min(50, unverified), "out of range filters nothing")
        }
    }

    @Test func aLongQueueSaysHowManyPagesItHas() async throws {
        let fixture = try DeskFixture()
        let total = try fixture.ledger.claims(ClaimFilter(withDismissed: true)).count
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/?status=all")
            let pages = (total + 49) / 50
            #expect(page.body.contains(pages > 1 ? "\(total) claims: \(pages) pages of 50." : "\(total) claims."))
        }
    }
}
