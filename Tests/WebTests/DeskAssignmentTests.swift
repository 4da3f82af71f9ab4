import Foundation
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing
import WebReview

/// Issue 29: a reviewer takes a claim ("I'm on it") or gives it to a colleague; the queue filters
/// "mine" and "nobody"; a colleague's take meanwhile is refused, a second click records nothing.
@Suite("Web desk: assignments")
struct DeskAssignmentTests {
    @Test func aReviewerTakesAClaimGivesItBackAndAssignsItToAColleague() async throws {
        let fixture = try DeskFixture()
        _ = try fixture.ledger.addReviewer("maria", addedBy: "desk")
        let claim = try #require(try fixture.ledger.claims().first { $0.kind == .claim })
        let path = "/c/\(claim.shortID)"
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let page = try await web.get(path)
            #expect(page.body.contains("Nobody is on it yet.") && page.body.contains("I’m on it</button>"))
            #expect(page.body.contains("<option value=\"maria\">maria</option>"), "colleagues to assign to")
            let enter = try await web.post("\(path)/assign", [("to", "ann"), ("expect_assignee", "")])
            #expect(enter.status == 400, "no button pressed: nothing recorded")
            let take = [("assign", "1"), ("to", "ann"), ("expect_assignee", "")]
            #expect(try await web.post("\(path)/assign", take).status == 303)
            #expect(try await web.post("\(path)/assign", take).status == 303, "a double click records nothing more")
            let mine = try await web.get(path)
            #expect(mine.body.contains("<strong>You are on it</strong> (taken,") && mine.body.contains("Give it back"))
            let queue = try await web.get("/?status=all&on=mine")
            #expect(queue.body.contains("\(path)\"") && queue.body.contains("on it: ann"))
            #expect(queue.body.components(separatedBy: "<tr><td><a href=\"/c/").count - 1 == 1, "only mine")
            #expect(!(try await web.get("/?status=all&on=nobody")).body.contains("\(path)\""))
            let give = [("assign", "1"), ("to", "maria"), ("expect_assignee", "ann")]
            #expect(try await web.post("\(path)/assign", give).status == 303)
            #expect((try await web.get(path)).body.contains("<strong>maria is on it</strong> (assigned by ann,"))
            #expect((try await web.get("/?status=all&on=maria")).body.contains("\(path)\""))
        }
        let history = try fixture.ledger.history(claimID: claim.claim.claimID).filter { $0.event == .assignment }
        #expect(history.map(\.assignee) == [.some("ann"), .some("maria")])
        #expect(history.map(\.reviewer) == ["ann", "ann"])
    }

    @Test func aColleaguesTakeMeanwhileIsRefusedAndAnUnknownColleagueToo() async throws {
        let fixture = try DeskFixture()
        _ = try fixture.ledger.addReviewer("maria", addedBy: "desk")
        let claim = try #require(try fixture.ledger.claims().first)
        let path = "/c/\(claim.shortID)"
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get(path)
            _ = try fixture.ledger.assign(claimIDs: [claim.claim.claimID], to: "maria", reviewer: "maria")
            let late = try await web.post("\(path)/assign", [("assign", "1"), ("to", "ann"), ("expect_assignee", "")])
            #expect(late.status == 409 && late.body.contains("Meanwhile maria took it"))
            let stranger = try await web.post(
                "\(path)/assign", [("assign", "1"), ("to", "zed"), ("expect_assignee", "maria")])
            #expect(stranger.status == 400 && stranger.body.contains("“zed” is not a reviewer of this desk"))
        }
        #expect(try fixture.ledger.claim(id: claim.claim.claimID).assignedTo == "maria")
    }
}
