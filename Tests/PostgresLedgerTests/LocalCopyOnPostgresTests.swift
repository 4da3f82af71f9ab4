import Foundation
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

@testable import PostgresLedger

/// Several machines on one ledger on PostgreSQL (issue 32): each keeps a local SQLite copy, every
/// write goes to the database first under its append lock, every read sees what the others wrote.
@Suite("Local copies of a ledger on PostgreSQL", .enabled(if: PostgresTestDatabase.available))
struct LocalCopyOnPostgresTests {
    /// Two copies (two machines) write at once: one chain, nothing lost, both copies audit clean.
    @Test func concurrentWritersOnTwoCopiesMakeOneChain() throws {
        let dir = TemporaryDirectory()
        let url = try PostgresTestDatabase.fresh()
        try PostgresLedger(address: try PostgresAddress(url), create: true).copy(from: try LedgerFixtures.seeded(dir))
        let copies = try ["a", "b"].map { name in
            let copy = try Ledger(path: dir.file("\(name).sqlite"), create: true)
            try copy.follow(try PostgresLedger(address: try PostgresAddress(url), create: false))
            return copy
        }
        let claims = try copies[0].claims().prefix(10).map(\.claimID)
        let start = try copies[0].head().seq
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: copies.count) { w in
            for claim in claims {
                do { try copies[w].addNote(claimID: claim, text: "note \(w)", reviewer: "r\(w)") } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.count == 0)
        let log = try PostgresLedger(address: try PostgresAddress(url), create: false)
        let report = try ChainAudit.run(log)
        #expect(report.passed && report.entryCount == start + Int64(2 * claims.count))
        for copy in copies {
            #expect(try copy.head() == log.head(), "each copy applies what the other wrote")
            var auditor = Auditor(ledger: copy)
            auditor.searchIndexContent = true
            #expect(try auditor.run().passed)
            #expect(
                try copy.history(claimID: claims[0]).filter { if case .note = $0.change { true } else { false } }.count
                    == 2)
        }
    }

    /// The binary on two machines' copies: an article ingested on one, a decision on the other,
    /// each read on both; the database's audit passes.
    @Test func theCommandsWorkOnTheDatabaseFromTwoMachines() throws {
        let dir = TemporaryDirectory()
        let url = try PostgresTestDatabase.fresh()
        let a = ["CLAIMLEDGER_LOCAL_COPY": dir.file("a.sqlite")]
        let b = ["CLAIMLEDGER_LOCAL_COPY": dir.file("b.sqlite")]
        let seed = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds/000_ef25d13846437f12.txt").path
        let ingested = try ClaimLedgerBinary.run(["ingest", seed, "--db", url], environment: a)
        let shownURL = try PostgresAddress(url).shown
        #expect(ingested.status == 0 && ingested.stderr.contains(shownURL), "\(ingested.stderr)")
        let listed = try ClaimLedgerBinary.run(["list", "--format", "json", "--db", url], environment: b)
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let id = try #require(claims.first?["id"] as? String)
        let verified = try ClaimLedgerBinary.run(
            ["verify", id, "--evidence", "https://e.example", "--reviewer", "bob", "--db", url], environment: b)
        #expect(verified.status == 0, "\(verified.stderr)")
        let shown = try ClaimLedgerBinary.run(["show", id, "--db", url], environment: a)
        #expect(shown.status == 0 && shown.stdout.contains("verified") && shown.stdout.contains("bob"))
        let audit = try ClaimLedgerBinary.run(["audit", "--db", url])
        let local = try ClaimLedgerBinary.run(["audit", "--search-index", "--db", dir.file("a.sqlite")])
        #expect(audit.status == 0 && local.status == 0 && audit.stdout.hasPrefix(local.stdout.prefix(40)))
    }
}
