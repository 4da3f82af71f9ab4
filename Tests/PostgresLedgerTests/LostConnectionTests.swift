import Foundation
import LedgerStore
import PostgresNIO
import TestSupport
import Testing

@testable import PostgresLedger

/// The server closes a connection (it restarted, an administrator ended the session, the network
/// broke): the next call connects again; a transaction the loss cut short is reported, not
/// retried, and nothing it did is recorded. Simulated with `pg_terminate_backend`, which is what a
/// restart does to every client.
@Suite("A lost connection to PostgreSQL", .enabled(if: PostgresTestDatabase.available))
struct LostConnectionTests {
    @Test func theNextCallConnectsAgain() throws {
        let url = try PostgresTestDatabase.fresh()
        let ledger = try PostgresLedger(address: try PostgresAddress(url), create: true)
        try terminate(ledger, url: url)
        #expect(try ledger.head().seq == 0)
        try terminate(ledger, url: url)
        #expect(try ledger.head().seq == 0, "and again")
    }

    @Test func aTransactionCutShortIsReportedAndRecordsNothing() throws {
        let dir = TemporaryDirectory()
        let url = try PostgresTestDatabase.fresh()
        let log = try PostgresLedger(address: try PostgresAddress(url), create: true)
        try log.copy(from: try LedgerFixtures.seeded(dir))
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        try copy.follow(log)
        let claim = try #require(try copy.claims().first?.claimID)
        let before = try log.head()
        #expect(throws: LedgerError.self) {
            try log.inTransaction {
                try terminate(log, url: url)
                try log.run("SELECT 1")
            }
        }
        #expect(try log.head() == before, "the next call connects again; nothing was added")
        try copy.addNote(claimID: claim, text: "after the loss", reviewer: "r1")
        #expect(try log.head().seq == before.seq + 1)
        #expect(try copy.head() == log.head())
    }

    /// Ends the ledger's session from another connection and waits until its connection knows.
    private func terminate(_ ledger: PostgresLedger, url: String) throws {
        let pid = try #require(try ledger.run("SELECT pg_backend_pid()").first?.decode(Int32.self))
        let admin = try PostgresLedger(address: try PostgresAddress(url), create: false)
        try admin.run("SELECT pg_terminate_backend($1)", PostgresBindings(pid))
        for _ in 0..<200 where !ledger.connection.isClosed { Thread.sleep(forTimeInterval: 0.01) }
        #expect(ledger.connection.isClosed)
    }
}
