import Foundation
import LedgerAudit
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing
import TransparencyLog

@testable import PostgresLedger

/// A whole ledger to PostgreSQL and back (issue 32): every kind of entry, its typed rows made
/// again from its payload, so the copy audits clean and reads the same as the original.
@Suite("Ledger on PostgreSQL and back", .enabled(if: PostgresTestDatabase.available))
struct PostgresRoundTripTests {
    @Test func aLedgerOfEveryKindGoesToPostgreSQLAndBackUnchanged() throws {
        let dir = TemporaryDirectory()
        let original = try LedgerFixtures.everyKind(dir)
        var kinds = Set<String>()
        try original.forEachEntry(from: 1, { kinds.insert($0.kind) }, limit: .max)
        #expect(kinds == Set(EntryKind.allCases.map(\.rawValue)), "the fixture has every kind of entry")
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: original)
        let back = try Ledger(path: dir.file("back.sqlite"), create: true)
        let head = try back.copyLedger(from: postgres)
        #expect(head.hash == (try original.head().hash))
        let audit = try Auditor(ledger: back).run()
        #expect(audit.passed, "\(String(describing: audit.problem))")
        for command in [
            ["list", "--format", "json", "--include-dismissed"], ["sources", "--format", "json"],
            ["log", "--format", "json"],
        ] {
            let a = try ClaimLedgerBinary.run(command + ["--db", original.path])
            let b = try ClaimLedgerBinary.run(command + ["--db", back.path])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(command[0]) reads the same on the copy")
        }
        #expect(try back.reviewers() == original.reviewers())
    }

    @Test func aCopyIntoAnotherLedgerIsRefusedAndChangesNothing() throws {
        let dir = TemporaryDirectory()
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: try LedgerFixtures.seeded(dir))
        let other = try makeTemporaryLedger(in: dir, name: "other.sqlite")
        _ = try other.addReviewer("bob", addedBy: "desk")
        let before = try other.head()
        #expect(throws: LedgerError.self) { try other.copyLedger(from: postgres) }
        #expect(try other.head() == before)
    }
}
