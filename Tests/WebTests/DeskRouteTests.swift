import Foundation
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing
import WebReview

@Suite("Web desk over HTTP")
struct DeskRouteTests {
    @Test func withoutASessionPagesRedirectAndFormsAreRefused() async throws {
        let fixture = try DeskFixture()
        let head = try fixture.ledger.head().seq
        let claim = try #require(try fixture.ledger.claims().first)
        try await fixture.run { web, _ in
            #expect(try await web.get("/").location == "/login")
            for path in [
                "/sources", "/c/\(claim.shortID)", "/s/\(claim.sourceShortID)", "/reports", "/report.json", "/ingest",
            ] {
                let page = try await web.get(path)
                #expect(
                    page.status == 303
                        && page.location == "/login?next=" + path.replacingOccurrences(of: ".", with: "."), "\(path)")
            }
            let post = try await web.post(
                "/c/\(claim.shortID)/decide",
                [("record", "1"), ("status", "verified"), ("evidence", "https://x.example"), ("csrf", "x")])
            #expect(post.status == 403)
            #expect(try await web.get("/desk.css").status == 200)
            #expect(
                try await web.get("/login").headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'")
                    == true)
        }
        #expect(try fixture.ledger.head().seq == head)
    }

    /// Issue 29: a claim's link opened while signed out returns to that claim after sign-in; only
    /// a path of this desk is ever a destination.
    @Test func signingInReturnsToThePageAskedFor() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        try await fixture.run { web, _ in
            let asked = try await web.get("/c/\(claim.shortID)")
            let login = try await web.get(try #require(asked.location))
            let next = try #require(DeskClient.value(of: "next", in: login.body))
            #expect(next == "/c/\(claim.shortID)")
            let field = try #require(DeskClient.value(of: "login", in: login.body))
            let signedIn = try await web.post(
                "/login", [("login", field), ("token", fixture.token), ("next", next)], withCSRF: false)
            #expect(signedIn.status == 303 && signedIn.location == "/c/\(claim.shortID)")
            #expect(try await web.get("/c/\(claim.shortID)").status == 200)
        }
        for hostile in [
            "//evil.example/x", "https://evil.example/", "/\\evil.example", "/login", "/logout", "/c/x\ny",
            "javascript:alert(1)",
        ] {
            let other = fixture
            try await other.run { web, _ in
                let login = try await web.get("/login?next=" + DeskClient.encode(hostile))
                let field = try #require(DeskClient.value(of: "login", in: login.body))
                let signedIn = try await web.post(
                    "/login", [("login", field), ("token", other.token), ("next", hostile)], withCSRF: false)
                #expect(
                    signedIn.status == 303 && signedIn.location == "/", "\(hostile) → \(signedIn.location ?? "nil")")
            }
        }
    }

    @Test func aWrongTokenIsRefusedAndRepeatedFailuresAreLimited() async throws {
        let fixture = try DeskFixture()
        try await fixture.run(signInLimit: SignInLimit(allowed: 3, window: 60)) { web, _ in
            for _ in 0..<3 { #expect(try await web.signIn("clr_wrong").status == 401) }
            let limited = try await web.signIn("clr_wrong")
            #expect(limited.status == 429 && limited.body.contains("Too many failed sign-ins"))
            #expect(try await web.signIn(fixture.token).status == 303, "a right token still signs in")
        }
    }

    @Test func aLoginFormFromElsewhereIsRefused() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { web, _ in
            let page = try await web.post("/login", [("login", "forged"), ("token", fixture.token)], withCSRF: false)
            #expect(page.status == 403)
            #expect(web.cookies["cl_session"] == nil)
        }
    }

    @Test func aDecisionIsRecordedUnderTheSignedInReviewerAndShowsEverywhere() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims(ClaimFilter(order: .score)).first)
        try await fixture.run { web, _ in
            #expect(try await web.signIn(fixture.token).location == "/")
            let article = try await web.get("/s/\(claim.sourceShortID)?c=\(claim.shortID)")
            #expect(
                article.status == 200
                    && article.body.contains("class=\"mark \(claim.kind.rawValue) unverified selected\""))
            let done = try await web.post(
                "/c/\(claim.shortID)/decide",
                [
                    ("record", "1"), ("status", "verified"), ("evidence", "https://stats.example/t1"),
                    ("reviewer", "mallory"), ("back", "/s/\(claim.sourceShortID)?c=\(claim.shortID)"),
                ])
            #expect(
                done.status == 303
                    && done.location?.hasPrefix("/s/\(claim.sourceShortID)?c=\(claim.shortID)&m=verified") == true)
            let queue = try await web.get("/?status=verified")
            #expect(
                queue.body.contains(claim.shortID)
                    && queue.body.contains("<span class=\"badge verified\">verified</span> 1"))
            // Issue 29: a decided claim's row says who decided it and when.
            #expect(queue.body.contains("<small class=\"decided\">by ann, <time>"), "\(queue.body)")
            let report = try await web.get("/report.json")
            #expect(
                report.status == 200 && report.headers[.contentDisposition]?.contains("claimledger-report.json") == true
            )
            #expect(report.body.contains("https://stats.example/t1"))
        }
        let decided = try fixture.ledger.claim(id: claim.claim.claimID)
        #expect(decided.status == .verified && decided.reviewer == "ann")
    }

    @Test func formsWithoutTheSessionsCSRFTokenOrEvidenceChangeNothing() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let head = try fixture.ledger.head().seq
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/")
            let noCSRF = try await web.post(
                "/c/\(claim.shortID)/decide", [("record", "1"), ("status", "verified"), ("evidence", "e")],
                withCSRF: false)
            #expect(noCSRF.status == 403 && noCSRF.body.contains("CSRF"))
            let wrong = try await web.post("/c/\(claim.shortID)/note", [("text", "x"), ("csrf", "0")], withCSRF: false)
            #expect(wrong.status == 403)
            let noEvidence = try await web.post(
                "/c/\(claim.shortID)/decide", [("record", "1"), ("status", "disputed"), ("evidence", "  ")])
            #expect(noEvidence.status == 400)
            let unknown = try await web.post("/c/c-ffffffff/note", [("text", "x")])
            #expect(unknown.status == 404)
        }
        #expect(try fixture.ledger.head().seq == head)
    }

    @Test func aDecisionMadeMeanwhileIsNotOverwritten() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            _ = try fixture.ledger.decide(
                claimIDs: [claim.claim.claimID], Verdict(.disputed, evidence: "cli"), reviewer: "bob")
            let late = try await web.post(
                "/c/\(claim.shortID)/decide",
                [("record", "1"), ("status", "verified"), ("evidence", "web"), ("expect", "unverified")])
            #expect(late.status == 409 && late.body.contains("While you were deciding, bob recorded “disputed”"))
            #expect(
                !late.body.contains("--expect-status") && !late.body.contains("claimledger show"),
                "the web speaks of buttons")
        }
        #expect(try fixture.ledger.claim(id: claim.claim.claimID).status == .disputed)
    }

    @Test func everyPageAnswersForASignedInReviewer() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            for path in [
                "/", "/?status=all&kind=quote&q=Putin&after=1", "/?before=3", "/sources", "/s/\(claim.sourceShortID)",
                "/c/\(claim.shortID)",
                "/reports", "/ingest",
            ] {
                let page = try await web.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(page.body.contains("entries") && page.body.contains("audit:"), "\(path): footer")
            }
            for format in ["markdown", "html", "json", "csv"] {
                #expect(try await web.get("/report.\(format)").status == 200, "\(format)")
            }
            // ClaimReview needs the publisher (issue 33): refused with the reason before any download starts.
            let refused = try await web.get("/report.claimreview")
            #expect(refused.status == 409 && refused.body.contains("who publishes the reviews"))
            #expect(try await web.get("/reports").body.contains("claimledger publisher set"))
            try fixture.ledger.setPublisher(
                try Publisher.payload(
                    name: "Example Fact Check", url: nil, logo: nil,
                    reviewURL: "https://factcheck.example/claims/{id}", setBy: "ann"))
            #expect(try await web.get("/report.claimreview").status == 200)
            #expect(try await web.get("/reports").body.contains("published by <strong>Example Fact Check</strong>"))
            #expect(try await web.get("/report.pdf").status == 404)
            // The speaker shows on hover and on keyboard focus (the stylesheet reads it from here).
            #expect(try await web.get("/s/\(claim.sourceShortID)").body.contains("data-speaker=\"quote by "))
            #expect(try await web.get("/c/c-ffffffff").status == 404)
            #expect(try await web.get("/nothing/here").status == 404)
            #expect(try await web.post("/c/\(claim.shortID)/note", [("text", "asked the ministry")]).status == 303)
            #expect(
                try await web.post(
                    "/c/\(claim.shortID)/speaker", [("value", "Ministry"), ("reason", "named in para 3")]
                ).status == 303)
            #expect(try await web.post("/audit", []).status == 303)
            #expect(try await web.get("/").body.contains("audit: passed"))
            #expect(try await web.post("/logout", []).location == "/login")
            #expect(try await web.get("/").location == "/login")
        }
        let changed = try fixture.ledger.claim(id: claim.claim.claimID)
        #expect(changed.claim.speaker == "Ministry")
    }

    @Test func theQueryStringIsDecodedOnceAsABrowserSendsIt() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            // A GET form sends spaces as '+'; '%2541' is the text "%41", not "A".
            let page = try await web.get("/?status=all&speaker=Vladimir+Putin&q=%2541")
            #expect(page.body.contains("name=\"speaker\" value=\"Vladimir Putin\""))
            #expect(page.body.contains("name=\"q\" value=\"%41\""))
        }
    }

    @Test func aRevokedReviewersSessionEnds() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            #expect(try await web.get("/").status == 200)
            try fixture.ledger.revokeReviewer("ann", revokedBy: "desk")
            #expect(try await web.get("/").location == "/login")
        }
    }

    @Test func hostileArticleTextIsInertOnEveryPage() async throws {
        let fixture = try DeskFixture()
        let hostile = """
            Minister says <script>alert(1)</script> is fine

            "We will <img src=x onerror=alert(2)> never \u{202E}detupsid\u{202C} this," the minister said on Monday. \
            Exports rose 80 percent in 2023, the ministry reported.
            """
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/ingest")
            let sent = try await web.postMultipart(
                "/ingest", fields: [("url", "javascript:alert(3)"), ("title", "<b>bold</b>")], file: Array(hostile.utf8)
            )
            #expect(sent.status == 303, "\(sent.body)")
            let location = try #require(sent.location)
            let page = try await web.get(location)
            #expect(page.status == 200)
            for bad in ["<script>", "<img", "<b>bold", "href=\"javascript:", "\u{202E}"] {
                #expect(!page.body.contains(bad), "\(bad)")
            }
            #expect(page.body.contains("&lt;script&gt;") && page.body.contains("javascript:alert(3)"))
            let queue = try await web.get("/?status=all")
            #expect(!queue.body.contains("<script>") && !queue.body.contains("<img"))
            let binary = try await web.postMultipart("/ingest", fields: [], file: [0x00, 0xFF, 0xFE, 0x01])
            #expect(binary.status == 400)
        }
    }

    /// Issue 29: a pasted article takes author and date too, a wrong date is refused with every
    /// value kept, and the article's page says what was found.
    @Test func ingestByPasteTakesAuthorAndDateAndSaysWhatItFound() async throws {
        let fixture = try DeskFixture()
        let head = try fixture.ledger.head().seq
        let text =
            "\"We will never raise taxes,\" the mayor, Ana Lopes, said on Monday. Rents rose 9 percent in 2025, the city reported."
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/ingest")
            let wrong = try await web.postMultipart(
                "/ingest",
                fields: [
                    ("title", "City budget"), ("author", "Jo Reporter"),
                    ("published", "2026-02-30"), ("text", text),
                ], file: nil)
            #expect(
                wrong.status == 400 && wrong.body.contains("is not a date")
                    && wrong.body.contains("value=\"Jo Reporter\""))
            #expect(wrong.body.contains("Rents rose 9 percent in 2025"), "the pasted text is kept")
            let article = [
                ("title", "City budget"), ("author", "Jo Reporter"), ("published", "2026-11-24"), ("text", text),
            ]
            let sent = try await web.postMultipart("/ingest", fields: article, file: nil)
            #expect(sent.status == 303, "\(sent.body)")
            let page = try await web.get(try #require(sent.location))
            #expect(page.body.contains("Article recorded: 1 quote and 1 claim found."), "\(page.body)")
            #expect(page.body.contains("Jo Reporter · 2026-11-24"))
            let twice = try await web.postMultipart("/ingest", fields: article, file: nil)
            let again = try await web.get(try #require(twice.location))
            #expect(
                again.body.contains("This article was already in the ledger (recorded ")
                    && again.body.contains(" ago); nothing new was recorded."),
                "sent twice: says when it was recorded, not only that nothing was")
        }
        let source = try #require(try fixture.ledger.sources().last)
        #expect(source.source.source.author == "Jo Reporter" && source.source.source.published == "2026-11-24")
        #expect(try fixture.ledger.head().seq > head)
    }

    /// The router's own "not found" (no route, or no route for the method) becomes the desk's:
    /// signed out, the way to sign in; signed in, a page that says so and leads back to the queue.
    @Test func aPathWithNoPageGetsTheDesksOwnAnswer() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let head = try fixture.ledger.head().seq
        try await fixture.run { web, _ in
            #expect(try await web.get("/nowhere").location == "/login?next=/nowhere")
            _ = try await web.signIn(fixture.token)
            for path in ["/nowhere", "/c/\(claim.shortID)/decide", "/s/x/y/z"] {
                let page = try await web.get(path)
                #expect(
                    page.status == 404 && page.body.contains("No page at") && page.body.contains("Back to the queue"),
                    "\(path)")
            }
            let post = try await web.post("/c/\(claim.shortID)/nothing", [("status", "verified")])
            #expect(post.status == 404 && post.body.contains("No page at"))
        }
        #expect(try fixture.ledger.head().seq == head)
    }

    /// A form with a field sent twice (two verdicts) records neither; an address whose query no
    /// browser would write is refused the same way.
    @Test func aFormOrQueryThatCannotBeReadRecordsNothing() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let head = try fixture.ledger.head().seq
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let twice = try await web.post(
                "/c/\(claim.shortID)/decide",
                [
                    ("record", "1"), ("status", "verified"), ("status", "disputed"),
                    ("evidence", "https://x.example"),
                ])
            #expect(twice.status == 400 && twice.body.contains("could not be read"))
            let query = try await web.get("/?status=all&status=verified")
            #expect(query.status == 400 && query.body.contains("This address could not be read"))
            #expect(try await web.get("/?speaker=%ZZ").status == 400)
            #expect(try await web.get("/?status=all").status == 200)
        }
        #expect(try fixture.ledger.head().seq == head)
    }
}
