import Foundation
import GRDB
import LedgerAudit
import LedgerSchema
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing

/// Schema version 13 (issue 29): who is on a claim, as entries like any other.
@Suite("Assignments (migration 13)")
struct AssignmentTests {
    /// The small ledger (8 entries), then its first claim given to maria by tomas (entry 9).
    func assignedLedger(_ dir: TemporaryDirectory) throws -> (Ledger, claims: [String]) {
        let ledger = try smallLedger(dir)
        let claims = try ledger.claims(ClaimFilter(order: .position, withDismissed: true)).map(\.claim.claimID)
        let changes = try ledger.assign(claimIDs: [claims[0]], to: "maria", reviewer: "tomas")
        #expect(changes.map(\.entry?.seq) == [9])
        return (ledger, claims)
    }

    @Test func anAssignmentIsInTheClaimItsHistoryAndTheFilters() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        #expect(try ledger.claim(id: claims[0]).assignedTo == "maria")
        let event = try #require(try ledger.history(claimID: claims[0]).last)
        #expect(event.event == .assignment && event.assignee == .some("maria") && event.reviewer == "tomas")
        var mine = ClaimFilter(withDismissed: true)
        mine.assignedTo = .reviewer("maria")
        #expect(try ledger.claims(mine).map(\.claim.claimID) == [claims[0]])
        var nobody = ClaimFilter(withDismissed: true)
        nobody.assignedTo = .nobody
        #expect(Set(try ledger.claims(nobody).map(\.claim.claimID)) == Set(claims.dropFirst()))
        // As of before the assignment, nobody was on it.
        #expect(try ledger.claims(ClaimFilter(asOf: 8, withDismissed: true)).allSatisfy { $0.assignedTo == nil })
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    /// "Nobody is on it" is counted as the tally less the claims someone is on (given back: counted again).
    @Test func theClaimsNobodyIsOnAreTheTallyLessThoseTaken() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        _ = try ledger.assign(claimIDs: [claims[1]], to: "bob", reviewer: "bob")
        _ = try ledger.assign(claimIDs: [claims[1]], to: nil, reviewer: "bob")
        var nobody = ClaimFilter(withDismissed: true)
        nobody.assignedTo = .nobody
        let counted = try ledger.claimCounts(nobody).byStatus
        #expect(try ledger.statusTally(unassigned: true).filter { $0.value > 0 } == counted.filter { $0.value > 0 })
        #expect(try ledger.statusTally().values.reduce(0, +) == counted.values.reduce(0, +) + 1)
        var mine = ClaimFilter(withDismissed: true)
        mine.assignedTo = .reviewer("maria")
        #expect(try ledger.claimCounts(mine).byStatus.values.reduce(0, +) == 1)
    }

    @Test func aSecondClickRecordsNothingAndGivingBackIsAnEntry() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        let again = try ledger.assign(claimIDs: [claims[0]], to: "maria", reviewer: "maria", expecting: .nobody)
        #expect(again.map(\.entry) == [nil])
        #expect(try ledger.head().seq == 9)
        let back = try ledger.assign(claimIDs: [claims[0]], to: nil, reviewer: "maria", expecting: .reviewer("maria"))
        #expect(back.first?.entry?.seq == 10 && back.first?.replaced?.seq == 9)
        #expect(try ledger.claim(id: claims[0]).assignedTo == nil)
        #expect(try ledger.history(claimID: claims[0]).last?.assignee == .some(nil))
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func aColleaguesTakeMeanwhileIsRefusedAndNothingIsRecorded() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        do {
            // Seen with nobody, but maria has it: refused for both claims, naming her assignment.
            _ = try ledger.assign(claimIDs: [claims[1], claims[0]], to: "ann", reviewer: "ann", expecting: .nobody)
            Issue.record("no conflict")
        } catch LedgerError.conflict(let c) {
            #expect(
                c.field == .assignment && c.found == "maria" && c.expected == nil && c.by == "tomas" && c.entry == 9)
        }
        #expect(try ledger.head().seq == 9)
        #expect(try ledger.claim(id: claims[1]).assignedTo == nil)
    }

    @Test func aDeskGivesClaimsOnlyToItsActiveReviewers() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        _ = try ledger.addReviewer("maria", addedBy: "admin")
        _ = try ledger.addReviewer("ann", addedBy: "admin")
        try ledger.revokeReviewer("ann", revokedBy: "admin")
        #expect(throws: LedgerError.assignment(.unknownAssignee("zed", known: ["maria"]))) {
            try ledger.assign(claimIDs: [claims[1]], to: "zed", reviewer: "maria")
        }
        #expect(throws: LedgerError.assignment(.revokedAssignee("ann"))) {
            try ledger.assign(claimIDs: [claims[1]], to: "ann", reviewer: "maria")
        }
        #expect(throws: LedgerError.unknownID("nope")) {
            try ledger.assign(claimIDs: [claims[1], "nope"], to: "maria", reviewer: "maria")
        }
        #expect(try ledger.claim(id: claims[1]).assignedTo == nil)
    }

    /// "Mine" reads the queue from the reviewer's assignments: the same claims, in the same order,
    /// as the whole queue filtered, forward and back, including one taken back from them.
    @Test func theQueueOfOnesOwnClaimsIsTheQueueFiltered() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        _ = try ledger.assign(claimIDs: claims, to: "maria", reviewer: "tomas")
        _ = try ledger.assign(claimIDs: [claims[1]], to: "bob", reviewer: "tomas")
        var mine = ClaimFilter(order: .score, withDismissed: true)
        mine.assignedTo = .reviewer("maria")
        let all = try ledger.queuePage(ClaimFilter(order: .score, withDismissed: true), from: .top, size: 100).claims
        let expected = all.filter { $0.assignedTo == "maria" }.map(\.seq)
        #expect(expected.count == claims.count - 1)
        #expect(try ledger.queuePage(mine, from: .top, size: 100).claims.map(\.seq) == expected)
        let tail = try ledger.queuePage(mine, from: .after(expected[0]), size: 100).claims.map(\.seq)
        #expect(tail == Array(expected.dropFirst()))
        let head = try ledger.queuePage(mine, from: .before(expected.last!), size: 1).claims.map(\.seq)
        #expect(head == [expected[expected.count - 2]])
    }

    @Test(arguments: [
        ("UPDATE assignment SET assignee = 'bob' WHERE seq = 9", Int64(9)),
        ("DELETE FROM assignment WHERE seq = 9", Int64(9)),
    ])
    func tamperingWithAnAssignmentIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try assignedLedger($0).0 }
    }

    @Test func sqliteRefusesToChangeAnAssignment() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try assignedLedger(dir)
        for sql in [
            "UPDATE assignment SET assignee = 'bob'", "DELETE FROM assignment",
            "INSERT INTO assignment (seq, claim_id, assignee, reviewer, replaces) VALUES (9, '\(claims[1])', 'bob', 'x', NULL)",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
    }

    /// A ledger of schema version 12 (as the stop before this one made it) opened read-only has no
    /// assignments and passes its audit (its view is migration 12's, from the frozen fragment); the
    /// first writer migrates it and can assign.
    @Test func aVersionTwelveLedgerReadsWithoutAssignmentsThenMigrates() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let path = ledger.path
        let older = try DatabaseQueue(path: path)
        let v012 = LedgerSchema.migrations[11]
        let view = try #require(v012.range(of: "DROP VIEW claims_current;")).lowerBound
        try older.writeWithoutTransaction {
            try $0.execute(
                sql: OlderSchema.beforeVersion14
                    + "DROP VIEW claims_current; DROP TABLE assignment; DROP TRIGGER entry_known_kind;"
                    + LedgerSchema.migrations[9].components(separatedBy: "CREATE TABLE attribution")[0]
                    .components(separatedBy: "DROP TRIGGER entry_known_kind;")[1]
                    + String(v012[view...]).replacingOccurrences(of: "DROP VIEW claims_current;", with: "")
                    + "PRAGMA user_version = 12;")
        }
        try older.close()
        let reader = try Ledger(path: path, create: false, readOnly: true)
        #expect(try reader.claims(ClaimFilter(withDismissed: true)).allSatisfy { $0.assignedTo == nil })
        #expect(try Auditor(ledger: reader).run().passed)
        let writer = try Ledger(path: path, create: false)
        let claim = try #require(try writer.claims().first).claim.claimID
        _ = try writer.assign(claimIDs: [claim], to: "maria", reviewer: "ann")
        #expect(try writer.claim(id: claim).assignedTo == "maria")
        #expect(try Auditor(ledger: writer).run().passed)
    }
}
