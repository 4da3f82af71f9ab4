import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// Issue 29: "Seen before" at the top of the claim panel looks both ways in time, shows a decided
/// match's evidence, and offers it for this claim's decision without choosing the verdict.
@Suite("Web desk: seen before")
struct DeskSeenBeforeTests {
    @Test func thePanelShowsRepeatsBothWaysAndOffersTheirEvidence() async throws {
        let fixture = try DeskFixture()
        let sentence = "Vietnam bought 84 percent of its weapons from Russia between 1995 and 2023, SIPRI said."
        for (name, title) in [("one.txt", "Arms one"), ("two.txt", "Arms two")] {
            let file = fixture.dir.file(name)
            try "title: \(title)\n\n\(title) was written on its own day.\n\n\(sentence)\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            try fixture.ingest(file)
        }
        let twins = try fixture.ledger.claims().filter { $0.claim.text.contains("84 percent of its weapons") }
        #expect(twins.count == 2)
        let (earlier, later) = twins[0].seq < twins[1].seq ? (twins[0], twins[1]) : (twins[1], twins[0])
        _ = try fixture.ledger.decide(
            claimIDs: [earlier.claim.claimID], Verdict(.verified, evidence: "https://sipri.example/2023"),
            reviewer: "bob")
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/c/\(later.shortID)")
            let seen = try #require(page.body.range(of: "<h3>Seen before</h3>"))
            let form = try #require(page.body.range(of: "Record decision"))
            #expect(seen.lowerBound < form.lowerBound, "seen before comes before the forms")
            #expect(page.body.contains("\(earlier.shortID)</a> (earlier,"))
            #expect(page.body.contains("evidence: <a href=\"https://sipri.example/2023\""))
            let use = "/c/\(later.shortID)?use=\(earlier.shortID)#panel"
            #expect(
                page.body.contains("<a class=\"use\" href=\"\(use.replacingOccurrences(of: "&", with: "&amp;"))\">"))
            let filled = try await web.get("/c/\(later.shortID)?use=\(earlier.shortID)")
            #expect(filled.body.contains("value=\"https://sipri.example/2023\""), "the evidence is offered")
            #expect(!filled.body.contains("value=\"verified\" required checked"), "the verdict is not chosen for them")
            let back = try await web.get("/c/\(earlier.shortID)")
            #expect(back.body.contains("\(later.shortID)</a> (later,"), "the earlier claim sees the later one")
            let bogus = try await web.get("/c/\(later.shortID)?use=c-zzzz")
            #expect(bogus.status == 200 && !bogus.body.contains("value=\"https://sipri.example/2023\""))
            // The queue and the article flag the repeat of a decided claim (stored matches: no search).
            let queue = try await web.get("/")
            let row = try #require(queue.body.range(of: "/c/\(later.shortID)\""))
            let flag = "<small class=\"repeat\">repeats a verified claim</small>"
            #expect(queue.body[row.upperBound...].prefix(600).contains(flag), "the later claim's row")
            let article = try await web.get("/s/\(later.sourceShortID)")
            #expect(article.body.contains("; repeats a verified claim\""), "the mark's title")
            #expect(article.body.contains(flag), "the article's list of claims")
            let verifiedQueue = try await web.get("/?status=verified")
            // The verified one is repeated by the later claim (and, here, by a claim of the fixture's seed).
            #expect(verifiedQueue.body.contains("<small class=\"repeat\">repeats "), "the verified one's row")
            #expect(!verifiedQueue.body.contains("repeats a verified claim"), "it does not repeat itself")
            // The queue filtered on "seen before": from the stored matches, every claim having them.
            let seenAsVerified = try await web.get("/?status=all&seen=verified")
            #expect(
                seenAsVerified.body.contains("/c/\(later.shortID)\"")
                    && !seenAsVerified.body.contains("/c/\(earlier.shortID)\""))
            #expect(seenAsVerified.body.contains("<option value=\"verified\" selected>as verified</option>"))
            let seenAsDisputed = try await web.get("/?status=all&seen=disputed")
            #expect(seenAsDisputed.body.contains("Nothing matches these filters."))
            let seenAny = try await web.get("/?status=all&seen=any")
            #expect(
                seenAny.body.contains("/c/\(later.shortID)\"")
                    && seenAny.body.contains("<option value=\"any\" selected>"))
        }
    }
}
