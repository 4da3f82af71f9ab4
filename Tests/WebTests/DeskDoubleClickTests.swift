import Foundation
import LedgerStore
import TestSupport
import Testing
import WebReview

/// A reviewer double-clicks Record, or sends the form again with the browser's back button: the
/// second sending of the very same decision is the first one's success, and records nothing. The
/// same reviewer sending something else, or a colleague's decision in between, is still refused.
@Suite("Web desk: the same decision sent twice")
struct DeskDoubleClickTests {
    @Test func aDecisionSentTwiceIsRecordedOnce() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .claim })
        let form = [
            ("record", "1"), ("status", "verified"), ("evidence", "https://stats.example/t1"),
            ("note", "figures match"), ("expect", "unverified"),
        ]
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            #expect(try await web.post("/c/\(claim.shortID)/decide", form).status == 303)
            let head = try fixture.ledger.head().seq
            let again = try await web.post("/c/\(claim.shortID)/decide", form)
            #expect(again.status == 303, "\(again.body)")
            #expect(again.location?.contains("verified") == true, "the first one's notice")
            #expect(try fixture.ledger.head().seq == head, "nothing recorded the second time")
            // The same reviewer sending other evidence from the old page is asked to read first.
            var other = form
            other[2] = ("evidence", "https://stats.example/t2")
            let changed = try await web.post("/c/\(claim.shortID)/decide", other)
            #expect(changed.status == 409 && changed.body.contains("Nothing was recorded"), "\(changed.body)")
            #expect(try fixture.ledger.head().seq == head)
        }
    }

    @Test func anAttributionSentTwiceIsRecordedOnce() async throws {
        let fixture = try DeskFixture()
        let quote = try #require(try fixture.ledger.claims().first { $0.kind == .quote })
        let form = [
            ("record", "1"), ("verdict", "misquoted"), ("aevidence", "https://tape.example/1"),
            ("expect_attribution", ""),
        ]
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(quote.shortID)")
            #expect(try await web.post("/c/\(quote.shortID)/attribution", form).status == 303)
            let head = try fixture.ledger.head().seq
            let again = try await web.post("/c/\(quote.shortID)/attribution", form)
            #expect(again.status == 303, "\(again.body)")
            #expect(try fixture.ledger.head().seq == head, "nothing recorded the second time")
            // A colleague's check in between: the old form is refused, naming the colleague.
            try fixture.ledger.checkAttribution(
                claimID: quote.claim.claimID, .confirmed, evidence: "the full video", reviewer: "bob")
            let late = try await web.post("/c/\(quote.shortID)/attribution", form)
            #expect(late.status == 409 && late.body.contains("bob recorded"), "\(late.body)")
        }
        #expect(try fixture.ledger.claim(id: quote.claim.claimID).attribution == .confirmed)
    }

    @Test func aSpeakerCorrectionSentTwiceIsRecordedOnce() async throws {
        let fixture = try DeskFixture()
        let quote = try #require(try fixture.ledger.claims().first { $0.kind == .quote })
        let form = [
            ("value", "Ana Lopes"), ("reason", "named in the paragraph above"),
            ("expect_speaker", quote.speaker ?? ""),
        ]
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(quote.shortID)")
            let first = try await web.post("/c/\(quote.shortID)/speaker", form)
            #expect(first.status == 303, "\(first.body)")
            let head = try fixture.ledger.head().seq
            let again = try await web.post("/c/\(quote.shortID)/speaker", form)
            #expect(again.status == 303, "\(again.body)")
            #expect(try fixture.ledger.head().seq == head, "nothing recorded the second time")
            var other = form
            other[0] = ("value", "Someone Else")
            #expect(try await web.post("/c/\(quote.shortID)/speaker", other).status == 409)
        }
        #expect(try fixture.ledger.claim(id: quote.claim.claimID).speaker == "Ana Lopes")
    }

    /// A note sent twice is one note; the same words again after another entry are a new note.
    @Test func aNoteSentTwiceIsAddedOnce() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .claim })
        let note = [("text", "Called the ministry; waiting")]
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            #expect(try await web.post("/c/\(claim.shortID)/note", note).status == 303)
            let head = try fixture.ledger.head().seq
            #expect(try await web.post("/c/\(claim.shortID)/note", note).status == 303)
            #expect(try fixture.ledger.head().seq == head, "nothing recorded the second time")
            _ = try await web.post(
                "/c/\(claim.shortID)/decide",
                [("record", "1"), ("status", "dismissed"), ("evidence", "opinion"), ("expect", "unverified")])
            #expect(try await web.post("/c/\(claim.shortID)/note", note).status == 303)
            #expect(try fixture.ledger.head().seq == head + 2)
        }
    }
}
