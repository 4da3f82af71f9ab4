import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

@Suite("Web desk: decisions are safe")
struct DeskDecisionTests {
    /// A browser's Enter in a text field sends the form without the Record button's value: nothing
    /// is recorded, and what was typed comes back.
    @Test func aFormSentWithoutTheRecordButtonRecordsNothingAndKeepsTheValues() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let head = try fixture.ledger.head().seq
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let panel = try await web.get("/c/\(claim.shortID)")
            #expect(panel.body.contains("class=\"enter-guard\" disabled hidden"))
            #expect(!panel.body.contains(" checked>"), "no verdict is chosen in advance")
            let enter = try await web.post(
                "/c/\(claim.shortID)/decide",
                [
                    ("status", "verified"), ("evidence", "https://half.example/ty"),
                    ("note", "typed so far"),
                ])
            #expect(enter.status == 400 && enter.body.contains("press Record decision"))
            #expect(
                enter.body.contains("value=\"https://half.example/ty\"")
                    && enter.body.contains("value=\"typed so far\""))
            let noChoice = try await web.post(
                "/c/\(claim.shortID)/decide", [("record", "1"), ("evidence", "https://x.example")])
            #expect(noChoice.status == 400 && noChoice.body.contains("Choose Verified, Disputed, Dismissed or Reopen"))
            #expect(noChoice.body.contains("value=\"https://x.example\""))
        }
        #expect(try fixture.ledger.head().seq == head)
    }

    @Test func theVerdictAsRecordedIsShownWithRatingNoteEvidenceWhoAndWhen() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let label = try #require(try fixture.ledger.ratingScale().first { $0.means == .verified }?.label)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let done = try await web.post(
                "/c/\(claim.shortID)/decide",
                [
                    ("record", "1"), ("status", "verified"), ("rating", label),
                    ("evidence", "https://stats.example/t1 and the 2023 yearbook"),
                    ("note", "figures match"),
                ])
            #expect(done.status == 303)
            let panel = try await web.get("/c/\(claim.shortID)")
            let verdict = try #require(
                panel.body.components(separatedBy: "<section class=\"verdict\"").dropFirst().first?
                    .components(separatedBy: "</section>").first)
            #expect(verdict.contains("badge verified") && verdict.contains("rated “\(label)”"))
            #expect(
                verdict.contains("<a href=\"https://stats.example/t1\"") && verdict.contains("and the 2023 yearbook"))
            #expect(verdict.contains("figures match") && verdict.contains("ann at <time>"))
            let history = try #require(panel.body.components(separatedBy: "<ol class=\"history\">").dropFirst().first)
            #expect(
                history.contains("rated “\(label)”") && history.contains("note: figures match")
                    && history.contains("— ann"))
        }
    }

    @Test func reopenAndDismissFromThePanelWithAReasonUnderTheConflictCheck() async throws {
        let fixture = try DeskFixture()
        let claims = try fixture.ledger.claims()
        let (first, second) = (claims[0], claims[1])
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/c/\(first.shortID)")
            #expect(page.body.contains("value=\"dismissed\"") && !page.body.contains("value=\"unverified\" required"))
            let dismissed = try await web.post(
                "/c/\(first.shortID)/decide",
                [
                    ("record", "1"), ("status", "dismissed"), ("expect", "unverified"),
                    ("evidence", "opinion, not checkable"),
                ])
            #expect(dismissed.status == 303 && dismissed.location?.contains("m=dismissed") == true)
            let reopenable = try await web.get("/c/\(first.shortID)")
            #expect(
                reopenable.body.contains("value=\"unverified\" required")
                    && reopenable.body.contains("reason: opinion, not checkable"))
            let reopened = try await web.post(
                "/c/\(first.shortID)/decide",
                [
                    ("record", "1"), ("status", "unverified"), ("expect", "dismissed"),
                    ("evidence", "it cites a figure after all"),
                ])
            #expect(reopened.status == 303 && reopened.location?.contains("m=reopened") == true)
            let rated = try await web.post(
                "/c/\(second.shortID)/decide",
                [
                    ("record", "1"), ("status", "dismissed"), ("rating", "True"),
                    ("evidence", "x"),
                ])
            #expect(rated.status == 400 && rated.body.contains("A rating goes with Verified or Disputed only"))
            _ = try fixture.ledger.decide(
                claimIDs: [second.claim.claimID], Verdict(.verified, evidence: "cli"), reviewer: "bob")
            let late = try await web.post(
                "/c/\(second.shortID)/decide",
                [
                    ("record", "1"), ("status", "dismissed"), ("expect", "unverified"),
                    ("evidence", "not checkable"),
                ])
            #expect(late.status == 409 && late.body.contains("value=\"not checkable\""))
        }
        #expect(try fixture.ledger.claim(id: first.claim.claimID).status == .unverified)
        #expect(try fixture.ledger.claim(id: second.claim.claimID).status == .verified)
        let trail = try fixture.ledger.history(claimID: first.claim.claimID).filter { $0.event == .status }
        #expect(trail.map(\.verdict?.status) == [.dismissed, .unverified] && trail.allSatisfy { $0.reviewer == "ann" })
    }

    /// Issue 29, item 4: replacing a colleague's verdict says so and asks once.
    @Test func replacingAColleaguesVerdictAsksOnce() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        _ = try fixture.ledger.decide(
            claimIDs: [claim.claim.claimID], Verdict(.verified, evidence: "https://a.example"), reviewer: "tomas")
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let form = [
                ("record", "1"), ("status", "disputed"), ("expect", "verified"), ("evidence", "https://b.example"),
                ("note", "n"),
            ]
            let asked = try await web.post("/c/\(claim.shortID)/decide", form)
            #expect(
                asked.status == 409 && asked.body.contains("This replaces tomas&#39;s verification of"),
                "\(asked.body.prefix(2000))")
            #expect(asked.body.contains("value=\"https://b.example\"") && asked.body.contains("name=\"replace\""))
            let replace = try #require(DeskClient.value(of: "replace", in: asked.body))
            let done = try await web.post("/c/\(claim.shortID)/decide", form + [("replace", replace)])
            #expect(done.status == 303)
            // The reviewer's own verdict is replaced without asking.
            let own = try await web.post(
                "/c/\(claim.shortID)/decide",
                [
                    ("record", "1"), ("status", "verified"), ("expect", "disputed"),
                    ("evidence", "https://c.example"),
                ])
            #expect(own.status == 303)
        }
        let trail = try fixture.ledger.history(claimID: claim.claim.claimID).filter { $0.event == .status }
        #expect(
            trail.map(\.reviewer) == ["tomas", "ann", "ann"]
                && trail.map(\.verdict?.status) == [.verified, .disputed, .verified])
    }

    /// Issue 29, item 5: two speaker corrections at once: the second is refused, not silently last.
    @Test func aSpeakerCorrectedMeanwhileIsNotOverwritten() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .quote })
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get("/c/\(claim.shortID)")
            let seen = DeskClient.value(of: "expect_speaker", in: page.body) ?? ""
            _ = try fixture.ledger.correct(
                claimID: claim.claim.claimID, field: .speaker, value: "Tomas's pick", reason: "r", reviewer: "tomas")
            let late = try await web.post(
                "/c/\(claim.shortID)/speaker",
                [
                    ("value", "Ann's pick"), ("reason", "heard the tape"),
                    ("expect_speaker", seen),
                ])
            #expect(
                late.status == 409
                    && late.body.contains("While you were correcting, tomas changed the speaker to “Tomas&#39;s pick”"),
                "\(late.body.prefix(1500))")
            #expect(late.body.contains("value=\"Ann&#39;s pick\"") && late.body.contains("value=\"heard the tape\""))
            let again = try await web.post(
                "/c/\(claim.shortID)/speaker",
                [
                    ("value", "Ann's pick"), ("reason", "heard the tape"),
                    ("expect_speaker", "Tomas's pick"),
                ])
            #expect(again.status == 303)
        }
        #expect(try fixture.ledger.claim(id: claim.claim.claimID).claim.speaker == "Ann's pick")
    }

    /// Issue 29, item 6: the library's refusals are typed; the desk words them for its buttons.
    @Test func refusalsSpeakOfTheDesksButtonsNotOfFlags() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let disputing = try #require(try fixture.ledger.ratingScale().first { $0.means == .disputed }?.label)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let pages = [
                try await web.post(
                    "/c/\(claim.shortID)/decide",
                    [
                        ("record", "1"), ("status", "verified"), ("rating", disputing),
                        ("evidence", "https://x.example"), ("expect", "unverified"),
                    ]),
                try await web.post(
                    "/c/\(claim.shortID)/decide",
                    [("record", "1"), ("status", "disputed"), ("evidence", " "), ("expect", "unverified")]),
                try await web.post("/c/\(claim.shortID)/note", [("text", "  ")]),
                try await web.post("/c/\(claim.shortID)/speaker", [("value", "X"), ("reason", " ")]),
            ]
            let expected = [
                "means disputed: choose Disputed with it", "Fill in Evidence", "press Add note",
                "press Correct speaker",
            ]
            for (page, words) in zip(pages, expected) {
                #expect(page.status == 400 && page.body.contains(words), "\(words)")
                let alert =
                    page.body.components(separatedBy: "role=\"alert\">").dropFirst().first?.components(
                        separatedBy: "</p>"
                    ).first ?? ""
                #expect(!alert.contains("--") && !alert.contains("claimledger"), "\(alert)")
            }
        }
        #expect(try fixture.ledger.claim(id: claim.claim.claimID).status == .unverified)
    }

    /// Issue 29: after a decision the panel offers the next unverified claim, in the article's
    /// order when reviewing an article, else in the queue's.
    @Test func theNextUnverifiedClaimIsOneClickAway() async throws {
        let fixture = try DeskFixture()
        let inArticle = try fixture.ledger.claims(ClaimFilter(status: .unverified, order: .position))
        let first = try #require(inArticle.first)
        let second = try #require(inArticle.dropFirst().first { $0.claim.sourceID == first.claim.sourceID })
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let back = "/s/\(first.sourceShortID)?c=\(first.shortID)"
            _ = try await web.get(back)
            let done = try await web.post(
                "/c/\(first.shortID)/decide",
                [
                    ("record", "1"), ("status", "dismissed"), ("expect", "unverified"),
                    ("evidence", "not check-worthy"), ("back", back),
                ])
            let panel = try await web.get(try #require(done.location))
            #expect(
                panel.body.contains(
                    "<a href=\"/s/\(second.sourceShortID)?c=\(second.shortID)#panel\">Next unverified in this article →</a>"
                ),
                "\(panel.body)")
            let alone = try await web.get("/c/\(first.shortID)")
            #expect(alone.body.contains(">Next unverified →</a>"))
        }
    }
}
