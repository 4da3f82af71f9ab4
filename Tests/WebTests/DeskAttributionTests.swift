import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// Issue 33: the claim panel checks a quote on its second axis — was it said as quoted? — with
/// the same safety as a verdict (an explicit choice, one Record button, the conflict check).
@Suite("Web desk: said as quoted?")
struct DeskAttributionTests {
    @Test func aQuoteIsCheckedOnItsSecondAxisUnderTheConflictCheck() async throws {
        let fixture = try DeskFixture()
        let quote = try #require(try fixture.ledger.claims().first { $0.kind == .quote })
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .claim })
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/c/\(quote.shortID)")
            #expect(page.body.contains("Said as quoted? Not checked yet") && page.body.contains("Record attribution"))
            #expect(
                !(try await web.get("/c/\(claim.shortID)")).body.contains("Record attribution"),
                "a claim has no speaker to check")
            let enter = try await web.post(
                "/c/\(quote.shortID)/attribution",
                [
                    ("verdict", "misquoted"), ("aevidence", "https://tape.example/1"),
                    ("expect_attribution", ""),
                ])
            #expect(enter.status == 400 && enter.body.contains("value=\"https://tape.example/1\""))
            let empty = try await web.post(
                "/c/\(quote.shortID)/attribution",
                [("record", "1"), ("verdict", "misquoted"), ("expect_attribution", "")])
            #expect(empty.status == 400 && empty.body.contains("Fill in the evidence of what was said"))
            // A colleague checks it meanwhile: the form that saw "not checked" is refused.
            try fixture.ledger.checkAttribution(
                claimID: quote.claim.claimID, .confirmed, evidence: "the full video", reviewer: "bob")
            let late = try await web.post(
                "/c/\(quote.shortID)/attribution",
                [
                    ("record", "1"), ("verdict", "misquoted"),
                    ("aevidence", "https://tape.example/1"), ("expect_attribution", ""),
                ])
            #expect(late.status == 409 && late.body.contains("While you were checking, bob recorded “Said as quoted”"))
            #expect(late.body.contains("value=\"https://tape.example/1\""), "what was typed is kept")
            let done = try await web.post(
                "/c/\(quote.shortID)/attribution",
                [
                    ("record", "1"), ("verdict", "out_of_context"),
                    ("aevidence", "https://tape.example/1"), ("anote", "cut mid-sentence"),
                    ("expect_attribution", "confirmed"),
                ])
            #expect(done.status == 303)
            let panel = try await web.get("/c/\(quote.shortID)")
            #expect(
                panel.body.contains("<dt>Said as quoted?</dt><dd><strong>Out of context</strong>")
                    && panel.body.contains("cut mid-sentence"))
            #expect(
                panel.body.contains("said as quoted? <strong>Said as quoted</strong>"),
                "bob's check stays in the history")
        }
        #expect(try fixture.ledger.claim(id: quote.claim.claimID).attribution == .outOfContext)
    }

    /// The queue says how a checked quote was said, and filters on it (never checked: "not checked").
    @Test func theQueueShowsAndFiltersHowAQuoteWasSaid() async throws {
        let fixture = try DeskFixture()
        let quotes = try fixture.ledger.claims().filter { $0.kind == .quote }
        #expect(quotes.count >= 2)
        try fixture.ledger.checkAttribution(
            claimID: quotes[0].claim.claimID, .misquoted, evidence: "the tape", reviewer: "bob")
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let all = try await web.get("/?status=all")
            #expect(
                all.body.contains("said as quoted? Misquoted")
                    && all.body.contains("<label>Said as quoted? <select name=\"said\">"))
            let misquoted = try await web.get("/?status=all&said=misquoted")
            #expect(
                misquoted.body.contains("/c/\(quotes[0].shortID)")
                    && !misquoted.body.contains("/c/\(quotes[1].shortID)\""))
            #expect(misquoted.body.contains("<option value=\"misquoted\" selected>"))
            let unchecked = try await web.get("/?status=all&said=unconfirmed")
            #expect(
                !unchecked.body.contains("/c/\(quotes[0].shortID)\"")
                    && unchecked.body.contains("/c/\(quotes[1].shortID)\""))
            #expect(
                unchecked.body.components(separatedBy: "<tr><td><a href=\"/c/").count - 1 == quotes.count - 1,
                "quotes only")
            let bogus = try await web.get("/?status=all&said=%3Cscript%3E")
            #expect(bogus.status == 200 && !bogus.body.contains("<script>"), "an unknown value filters nothing")
        }
    }
}
