import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// Issue 29, sources on the desk: a guessed title says so, and a source's details are corrected
/// from its article page with a reason, under the same conflict check as the claim panel's forms.
@Suite("Web desk: correcting a source")
struct DeskSourceTests {
    @Test func aSourceIsCorrectedOnTheDeskAndAColleaguesCorrectionMeanwhileIsRefused() async throws {
        let fixture = try DeskFixture()
        let source = try #require(try fixture.ledger.sources().first).source
        let path = "/s/\(source.shortID)"
        let title = source.source.title ?? ""
        let shown = seenFields(source.source)
        /// The form as the page shows it, with these fields typed over (the last value of a name wins).
        @Sendable func seen(_ typed: [(String, String)]) -> [(String, String)] {
            shown.filter { field in !typed.contains { $0.0 == field.0 } } + typed
        }
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get(path)
            #expect(
                page.body.contains("<summary>Correct this source</summary>") && page.body.contains("Correct source"))
            let enter = try await web.post(
                "\(path)/correct", seen([("outlet", "Kyiv Post"), ("reason", "the byline says so")]))
            #expect(enter.status == 400, "Enter sends no button: nothing recorded")
            let unchanged = try await web.post("\(path)/correct", seen([("correct", "1"), ("reason", "no change")]))
            #expect(unchanged.status == 400 && unchanged.body.contains("Nothing was changed"))
            let noReason = try await web.post("\(path)/correct", seen([("correct", "1"), ("outlet", "Kyiv Post")]))
            #expect(noReason.status == 400 && noReason.body.contains("value=\"Kyiv Post\""), "the typed value is kept")
            let badDate = try await web.post(
                "\(path)/correct", seen([("correct", "1"), ("published", "someday"), ("reason", "r")]))
            #expect(badDate.status == 400 && badDate.body.contains("is not a date this ledger can publish"))
            let done = try await web.post(
                "\(path)/correct", seen([("correct", "1"), ("outlet", "Kyiv Post"), ("reason", "the byline says so")]))
            #expect(done.status == 303)
            let twice = try await web.post(
                "\(path)/correct", seen([("correct", "1"), ("outlet", "Kyiv Post"), ("reason", "the byline says so")]))
            #expect(twice.status == 303, "a double click: answered as the first, nothing more recorded")
            let after = try await web.get(path)
            #expect(after.body.contains("Kyiv Post") && after.body.contains("<h1>\(escaped(title))"))
            // A colleague corrects the outlet meanwhile: a form that saw the old one is refused.
            try fixture.ledger.correctSource(
                sourceID: source.source.sourceID, changes: [(.outlet, "The Kyiv Post")], reason: "full name",
                reviewer: "bob")
            let late = try await web.post(
                "\(path)/correct",
                seen([("seen_outlet", "Kyiv Post"), ("correct", "1"), ("outlet", "KP"), ("reason", "short")]))
            #expect(late.status == 409 && late.body.contains("bob changed this source’s outlet to “The Kyiv Post”"))
        }
        let history = try fixture.ledger.sourceHistory(sourceID: source.source.sourceID)
        #expect(history.count == 3, "recorded, ann's outlet, bob's outlet: nothing else")
    }

    @Test func aGuessedTitleSaysSoUntilItIsCorrected() async throws {
        let fixture = try DeskFixture()
        let file = fixture.dir.file("untitled.txt")
        try "Exports rose 12 percent in 2023, the ministry said on Monday.\n\nImports fell.\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        try fixture.ingest(file)
        let source = try #require(try fixture.ledger.sources().last).source
        #expect(source.source.isTitleGuessed)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            #expect(
                (try await web.get("/s/\(source.shortID)")).body.contains("<small class=\"guessed\">(guessed)</small>"))
            try fixture.ledger.correctSource(
                sourceID: source.source.sourceID, changes: [(.title, "Trade in 2023")], reason: "the real headline",
                reviewer: "ann")
            #expect(!(try await web.get("/s/\(source.shortID)")).body.contains("(guessed)"))
        }
    }

    /// A source with an address and no outlet is offered its address's host as the outlet (a
    /// suggestion: nothing is filled in); once it has an outlet, nothing is offered.
    @Test func anOutletIsOfferedFromTheAddressHost() async throws {
        let fixture = try DeskFixture()
        let source = try #require(try fixture.ledger.sources().first).source
        try fixture.ledger.correctSource(
            sourceID: source.source.sourceID, changes: [(.url, "https://www.Reuters.com/world/asia/x?y=1")],
            reason: "its address", reviewer: "ann")
        let corrected = try #require(try fixture.ledger.sources().first { $0.source.shortID == source.shortID }).source
        #expect(corrected.source.outletFromAddress == "reuters.com")
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/s/\(source.shortID)")
            #expect(page.body.contains("<datalist id=\"src-outlet-offer\"><option value=\"reuters.com\"></datalist>"))
            #expect(
                page.body.contains("name=\"outlet\" value=\"\" list=\"src-outlet-offer\""), "offered, not filled in")
            try fixture.ledger.correctSource(
                sourceID: source.source.sourceID, changes: [(.outlet, "Reuters")], reason: "named", reviewer: "ann")
            #expect(!(try await web.get("/s/\(source.shortID)")).body.contains("src-outlet-offer"))
        }
        for (url, host) in [
            ("javascript:alert(1)", nil), ("https://localhost/x", nil), ("ftp://files.example.org/a", nil),
            ("http://news.example.co.uk", "news.example.co.uk"),
        ] as [(String, String?)] {
            var payload = corrected.source
            payload.url = url
            #expect(payload.outletFromAddress == host, "\(url)")
        }
    }

    /// A quote inside a claim's span is still reachable from the text: a link of its own after the
    /// claim's mark, to its panel.
    @Test func aSpanInsideAnotherIsReachableFromTheText() async throws {
        let fixture = try DeskFixture()
        let file = fixture.dir.file("nested.txt")
        try """
        title: Prison rounds

        Noel and Thomas signed "false certifications" attesting they had made their required rounds in 2019, according to court records.
        """.write(toFile: file, atomically: true, encoding: .utf8)
        try fixture.ingest(file)
        let source = try #require(try fixture.ledger.sources().last).source
        let claims = try fixture.ledger.claims(ClaimFilter(sourceID: source.source.sourceID, withDismissed: true))
        let quote = try #require(claims.first { $0.kind == .quote && $0.claim.text == "false certifications" })
        let outer = try #require(claims.first { $0.kind == .claim && ($0.claim.start ?? 0) < (quote.claim.start ?? 0) })
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/s/\(source.shortID)")
            let outerMark = try #require(page.body.range(of: "id=\"m-\(outer.shortID)\""))
            let inner = try #require(
                page.body.range(of: "<a class=\"mark nested quote unverified\" id=\"m-\(quote.shortID)\""))
            #expect(outerMark.upperBound < inner.lowerBound, "after the claim's mark")
            #expect(page.body.contains("href=\"/s/\(source.shortID)?c=\(quote.shortID)#panel\""))
            #expect(page.body.contains("[+quote unverified]"))
        }
    }

    /// A claim's own page (a link pasted into chat) shows its paragraph with the claim marked, and
    /// its source.
    @Test func aClaimsPageShowsItsParagraphWithTheClaimMarked() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .claim })
        let source = try fixture.ledger.source(id: claim.claim.sourceID)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/c/\(claim.shortID)")
            #expect(page.body.contains("<h2>In its paragraph</h2>"))
            #expect(
                page.body.contains("<h1 class=\"visually-hidden\">Claim \(claim.shortID)</h1>"),
                "a heading on every page")
            #expect(page.body.contains("<mark>\(escaped(claim.claim.text))</mark>"))
            #expect(page.body.contains("<p class=\"meta\">\(escaped(source.source.title ?? ""))"))
        }
    }

    /// The article is paragraphs, and the panel follows the selected claim's (where a phone shows
    /// it, not after the whole text); with nothing selected, after the last paragraph.
    @Test func thePanelFollowsTheSelectedClaimsParagraph() async throws {
        let fixture = try DeskFixture()
        let claims = try fixture.ledger.claims(ClaimFilter(order: .position)).filter { $0.claim.start != nil }
        let first = try #require(claims.first)
        let last = try #require(claims.last { $0.claim.sourceID == first.claim.sourceID })
        let path = "/s/\(first.sourceShortID)"
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            for claim in [first, last] {
                let body = try await web.get("\(path)?c=\(claim.shortID)").body
                let mark = try #require(body.range(of: "id=\"m-\(claim.shortID)\""))
                let panel = try #require(body.range(of: "<aside class=\"panel\" id=\"panel\">"))
                let between = body[mark.upperBound..<panel.lowerBound]
                #expect(
                    between.components(separatedBy: "</p>").count == 2 && !between.contains("<p class=\"para\">"),
                    "\(claim.shortID): the panel right after its paragraph")
            }
            let none = try await web.get(path).body
            #expect(none.range(of: "</p><aside class=\"panel\" id=\"panel\">") != nil)
            #expect(
                try #require(none.range(of: "<aside class=\"panel\"")).lowerBound
                    > (try #require(none.range(of: "<p class=\"para\">", options: .backwards))).lowerBound,
                "nothing selected: after the last paragraph")
        }
    }

    /// Quotes and claims are marked apart, and the marks can be dimmed (the selection kept).
    @Test func theMarksTellQuotesFromClaimsAndCanBeDimmed() async throws {
        let fixture = try DeskFixture()
        let quote = try #require(try fixture.ledger.claims().first { $0.kind == .quote })
        let path = "/s/\(quote.sourceShortID)"
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("\(path)?c=\(quote.shortID)")
            #expect(page.body.contains("class=\"mark quote unverified selected\" id=\"m-\(quote.shortID)\""))
            #expect(page.body.contains("class=\"mark claim unverified"))
            #expect(page.body.contains("<a class=\"skip\" href=\"#panel\">Skip past the marks to the claim panel</a>"))
            #expect(page.body.contains("<a class=\"skip\" href=\"#main\">Skip to the content</a>"))
            #expect(page.body.contains("<a href=\"\(path)?c=\(quote.shortID)&amp;dim=1#panel\">Dim the marks</a>"))
            let dim = try await web.get("\(path)?c=\(quote.shortID)&dim=1")
            #expect(dim.body.contains("<div class=\"text dim\">") && dim.body.contains("Show the marks"))
            #expect(dim.body.contains("?c=\(quote.shortID)&amp;dim=1#panel\""), "a mark keeps the marks dimmed")
        }
    }

    /// The hidden "seen" values a page shows for each field.
    func seenFields(_ s: SourcePayload) -> [(String, String)] {
        [
            ("seen_title", s.title ?? ""), ("seen_outlet", s.outlet ?? ""), ("seen_author", s.author ?? ""),
            ("seen_published", s.published ?? ""), ("seen_url", s.url ?? ""), ("title", s.title ?? ""),
            ("outlet", s.outlet ?? ""), ("author", s.author ?? ""), ("published", s.published ?? ""),
            ("url", s.url ?? ""),
        ]
    }

    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
