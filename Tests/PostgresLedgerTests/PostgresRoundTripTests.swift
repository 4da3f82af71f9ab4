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
    /// The sample articles, then one entry of every other kind.
    static func everyKind(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try PostgresLedgerTests.seededLedger(dir)
        let imported = try ClaimLedgerBinary.run([
            "import", ClaimLedgerBinary.packageRoot.appendingPathComponent("docs/examples/factchecks.json").path,
            "--db", ledger.path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let claims = try ledger.claims()
        let quote = try #require(claims.first { $0.kind == .quote }).claim.claimID
        let claim = try #require(claims.first { $0.kind == .claim })
        try ledger.defineRating("Mostly true", means: .verified, value: 4, reviewer: "ann")
        _ = try ledger.changeStatus(
            claimID: claim.claimID, to: .verified, evidence: "https://e.example", note: "n", reviewer: "ann")
        try ledger.addNote(claimID: quote, text: "called the ministry", reviewer: "ann")
        try ledger.correct(claimID: quote, field: .speaker, value: "Someone Else", reason: "typo", reviewer: "ann")
        _ = try ledger.correctSource(
            sourceID: claim.sourceID, changes: [(.title, "A title")], reason: "r", reviewer: "ann")
        try ledger.checkAttribution(claimID: quote, .confirmed, evidence: "the tape", reviewer: "ann")
        _ = try ledger.assign(claimIDs: [claim.claimID], to: "ann", reviewer: "ann")
        try ledger.setPublisher(
            try Publisher.payload(
                name: "Desk", url: "https://desk.example", logo: nil, reviewURL: "https://desk.example/c/{id}",
                setBy: "ann"))
        try ledger.trustKey(try NoteSigner(name: "desk.example/ledger").verifier, trustedBy: "ann")
        _ = try ledger.addReviewer("bob", addedBy: "ann")
        try ledger.revokeReviewer("bob", revokedBy: "ann")
        return ledger
    }

    @Test func aLedgerOfEveryKindGoesToPostgreSQLAndBackUnchanged() throws {
        let dir = TemporaryDirectory()
        let original = try Self.everyKind(dir)
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
        try postgres.copy(from: try PostgresLedgerTests.seededLedger(dir))
        let other = try makeTemporaryLedger(in: dir, name: "other.sqlite")
        _ = try other.addReviewer("bob", addedBy: "desk")
        let before = try other.head()
        #expect(throws: LedgerError.self) { try other.copyLedger(from: postgres) }
        #expect(try other.head() == before)
    }
}
