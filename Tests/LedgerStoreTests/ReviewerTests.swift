import Foundation
import LedgerAudit
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing

/// A ledger with two reviewers, one revoked: entries 1 (ann), 2 (bob), 3 (bob revoked).
func reviewerLedger(_ dir: TemporaryDirectory) throws -> Ledger {
    let ledger = try makeTemporaryLedger(in: dir)
    _ = try ledger.addReviewer("ann", addedBy: "desk")
    _ = try ledger.addReviewer("bob", addedBy: "desk")
    try ledger.revokeReviewer("bob", revokedBy: "desk")
    return ledger
}

@Suite("Reviewers")
struct ReviewerTests {
    @Test func aTokenSignsInItsReviewerUntilRevoked() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let (_, ann) = try ledger.addReviewer("ann", addedBy: "desk")
        let (_, bob) = try ledger.addReviewer("bob", addedBy: "desk")
        #expect(ann.hasPrefix("clr_") && ann.count == 68 && ann != bob)
        #expect(try ledger.reviewer(signingInWith: ann)?.name == "ann")
        #expect(try ledger.reviewer(signingInWith: bob)?.name == "bob")
        #expect(try ledger.reviewer(signingInWith: ann + "0") == nil)
        #expect(try ledger.reviewer(signingInWith: "") == nil)
        try ledger.revokeReviewer("BOB", revokedBy: "desk")
        #expect(try ledger.reviewer(signingInWith: bob) == nil)
        #expect(try ledger.reviewers().map(\.isActive) == [true, false])
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func theTokenIsNeverStored() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let (_, token) = try ledger.addReviewer("ann", addedBy: "desk")
        let bytes =
            try Data(contentsOf: URL(fileURLWithPath: ledger.path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: ledger.path + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data(token.utf8)) == nil)
        #expect(bytes.range(of: Data(token.dropFirst(4).utf8)) == nil)
    }

    @Test func aNameIsGivenOnceAndRevokedOnce() throws {
        let dir = TemporaryDirectory()
        let ledger = try reviewerLedger(dir)
        #expect(throws: LedgerError.self) { try ledger.addReviewer("Ann", addedBy: "desk") }
        #expect(throws: LedgerError.self) { try ledger.addReviewer("bob", addedBy: "desk") }
        #expect(throws: LedgerError.self) { try ledger.revokeReviewer("bob", revokedBy: "desk") }
        #expect(throws: LedgerError.self) { try ledger.revokeReviewer("carol", revokedBy: "desk") }
        #expect(throws: LedgerError.self) { try ledger.addReviewer("eve\u{202E}", addedBy: "desk") }
        #expect(throws: LedgerError.self) { try ledger.addReviewer("  ", addedBy: "desk") }
        #expect(try ledger.head().seq == 3)
    }

    /// Issue 30, item 14: look-alike names are refused, naming the reviewer they look like.
    @Test(arguments: ["Zoe\u{0308}", "ZOË", "\u{0430}nn", "ａｎｎ", "Mary\u{00A0}Ng", "Mary  Ng", "b\u{043E}b"])
    func aNameThatLooksLikeAnotherIsRefused(_ typed: String) throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        for name in ["Zoë", "ann", "Mary Ng", "bob"] { _ = try ledger.addReviewer(name, addedBy: "desk") }
        try ledger.revokeReviewer("Zoë", revokedBy: "desk")
        let head = try ledger.head().seq
        #expect(throws: LedgerError.self) { _ = try ledger.addReviewer(typed, addedBy: "desk") }
        do { _ = try ledger.addReviewer(typed, addedBy: "desk") } catch let error as LedgerError {
            #expect(error.localizedDescription.contains("reviewer \""), "\(error.localizedDescription)")
        }
        #expect(try ledger.head().seq == head)
        #expect(try ledger.addReviewer("Zoey", addedBy: "desk").token.hasPrefix("clr_"), "a different name is fine")
    }

    @Test func skeletonsMapLookAlikesTogether() {
        #expect(NameSkeleton.of("\u{0430}nn") == NameSkeleton.of("ann"))
        #expect(NameSkeleton.of("ＡＮＮ") == "ann" && NameSkeleton.of("Mary\u{00A0}\u{00A0}Ng") == "mary ng")
        #expect(
            NameSkeleton.of("Zoe\u{0308}") == NameSkeleton.of("Zoë") && NameSkeleton.of("Zoe") != NameSkeleton.of("Zoë")
        )
        #expect(
            NameSkeleton.of("rnaria") == NameSkeleton.of("maria")
                && NameSkeleton.of("Z\u{200B}oë") == NameSkeleton.of("Zoë"))
    }

    @Test func constantTimeComparisonIsEquality() {
        #expect(LoginToken.constantTimeEqual("abc", "abc"))
        #expect(!LoginToken.constantTimeEqual("abc", "abd"))
        #expect(!LoginToken.constantTimeEqual("abc", "abcd"))
        #expect(!LoginToken.constantTimeEqual("", "a"))
        #expect(LoginToken.constantTimeEqual("", ""))
    }

    @Test(arguments: [
        ("UPDATE reviewer SET token_hash = '\(String(repeating: "0", count: 64))' WHERE seq = 1", Int64(1)),
        ("UPDATE reviewer SET name = 'mallory' WHERE seq = 1", Int64(1)),
        ("DELETE FROM reviewer_revocation WHERE seq = 3", Int64(3)),
        (
            "INSERT INTO reviewer VALUES (50, 'eve', '\(String(repeating: "a", count: 32))', '\(String(repeating: "b", count: 64))', 'eve')",
            Int64(50)
        ),
    ])
    func tamperingWithReviewersIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry, in: reviewerLedger)
    }
}
