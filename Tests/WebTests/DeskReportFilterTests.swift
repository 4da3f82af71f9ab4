import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// Issue 29: reports from the desk take filters — decided or one status, one article, recorded since
/// a day — as `claimledger report` does, and refuse a day that is not one beside the form.
@Suite("Web desk: filtered reports")
struct DeskReportFilterTests {
    /// The claim IDs of a CSV report (the column after the source's title and address).
    func ids(_ csv: String) -> Set<String> {
        Set(csv.matches(of: /,(c-[0-9a-f]+),(claim|quote),/).map { String($0.output.1) })
    }

    @Test func aReportDownloadsOnlyTheClaimsItsFiltersKeep() async throws {
        let fixture = try DeskFixture()
        let claims = try fixture.ledger.claims()
        let verified = claims[0]
        let disputed = claims[1]
        _ = try fixture.ledger.decide(
            claimIDs: [verified.claim.claimID], Verdict(.verified, evidence: "https://a.example"), reviewer: "ann")
        _ = try fixture.ledger.decide(
            claimIDs: [disputed.claim.claimID], Verdict(.disputed, evidence: "https://b.example"), reviewer: "ann")
        let source = try #require(try fixture.ledger.sources().last).source.shortID
        let inSource = Set(claims.filter { $0.sourceShortID == source }.map(\.shortID))
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/reports?status=decided&source=\(source)")
            #expect(page.body.contains("href=\"/report.csv?status=decided&amp;source=\(source)\""))
            #expect(page.body.contains("<option value=\"decided\" selected>"))
            let decided = try await web.get("/report.csv?status=decided")
            #expect(decided.status == 200 && ids(decided.body) == [verified.shortID, disputed.shortID])
            let one = try await web.get("/report.csv?source=\(source)")
            #expect(ids(one.body) == inSource)
            let later = try await web.get("/report.csv?since=2999-01-01")
            #expect(later.status == 200 && ids(later.body).isEmpty)
            let today = try await web.get("/report.csv?since=2000-01-01")
            #expect(ids(today.body).count == claims.count)
            let bad = try await web.get("/report.csv?since=someday")
            #expect(bad.status == 400 && bad.body.contains("“someday” is not a day"))
            let unknown = try await web.get("/report.csv?source=s-zzzz")
            #expect(unknown.status == 400 && unknown.body.contains("No single article has that ID"))
        }
    }
}
