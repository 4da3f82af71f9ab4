import Foundation
import LedgerAudit
import LedgerSchema
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing
import TransparencyLog

@testable import PostgresLedger

/// The entry log on PostgreSQL (issue 32): the same entries, hashes, head and checkpoints as on
/// SQLite; one chain under concurrent writers; the database itself refuses rewrites.
@Suite("Ledger on PostgreSQL", .enabled(if: PostgresTestDatabase.available))
struct PostgresLedgerTests {
    @Test func aCopyHasTheSameHeadAuditAndCheckpointAndCatchesUp() throws {
        let dir = TemporaryDirectory()
        let sqlite = try LedgerFixtures.seeded(dir)
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        var told: [Int64] = []
        let head = try postgres.copy(from: sqlite, batch: 10) { told.append($0) }
        let sqliteHead = try sqlite.head()
        #expect(head.seq == sqliteHead.seq && head.hash == sqliteHead.hash)
        #expect(told.count > 1 && told.last == head.seq, "progress per batch")
        let onSQLite = try Auditor(ledger: sqlite).run()
        let onPostgres = try ChainAudit.run(postgres)
        #expect(onSQLite.passed && onPostgres.passed)
        #expect(onPostgres.entryCount == onSQLite.entryCount && onPostgres.headHash == onSQLite.headHash)
        #expect(try ChainAudit.run(sqlite) == onSQLite, "the chain audit gives the full audit's head")
        let origin = try sqlite.defaultOrigin()
        #expect(try postgres.defaultOrigin() == origin)
        #expect(try postgres.checkpoint(origin: origin) == sqlite.checkpoint(origin: origin))

        // A checkpoint signed on SQLite holds on PostgreSQL; entries added later are copied after it.
        let signer = try NoteSigner(name: "desk.example/ledger")
        let body = try sqlite.checkpoint(origin: origin).body
        let saved = try CheckpointAudit.Saved(name: "monday", text: body + "\n" + signer.signatureLine(for: body))
        let claim = try #require(try sqlite.claims().first)
        try sqlite.addNote(claimID: claim.claim.claimID, text: "called the ministry", reviewer: "ann")
        let caughtUp = try postgres.copy(from: sqlite)
        let later = try sqlite.head()
        #expect(caughtUp.seq == later.seq && caughtUp.seq > sqliteHead.seq)
        let outcome = try ChainAudit.outcome(postgres, AuditRequest(checkpoints: [saved], verifier: signer.verifier))
        #expect(outcome.passed && outcome.report.headHash == later.hash)
    }

    @Test func anotherLedgerIsNotCopiedOverAnExistingOne() throws {
        let dir = TemporaryDirectory()
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: try LedgerFixtures.seeded(dir))
        let other = try makeTemporaryLedger(in: dir, name: "other.sqlite")
        _ = try other.addReviewer("bob", addedBy: "desk")
        #expect(throws: LedgerError.self) { try postgres.copy(from: other) }
        #expect(try ChainAudit.run(postgres).passed)
    }

    /// Four connections append 25 entries each at once: one chain of 100, nothing lost or doubled.
    @Test func appendsFromManyConnectionsMakeOneChain() throws {
        let url = try PostgresTestDatabase.fresh()
        let writers = try (0..<4).map { _ in try PostgresLedger(address: try PostgresAddress(url), create: true) }
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: writers.count) { w in
            for n in 0..<25 {
                do {
                    // A kind whose typed row names no other row (the database makes it from the payload).
                    try writers[w].append(
                        kind: .ratingDefined,
                        payload: "{\"label\":\"w\(w) n\(n)\",\"means\":\"verified\",\"value\":3,\"reviewer\":\"r\"}")
                } catch { failures.add() }
            }
        }
        #expect(failures.count == 0)
        let report = try ChainAudit.run(writers[0])
        #expect(report.passed && report.entryCount == 100)
        var payloads = Set<String>()
        try writers[1].forEachEntry(from: 1, { payloads.insert($0.payload) }, limit: .max)
        #expect(payloads.count == 100)
    }

    /// UPDATE, DELETE, TRUNCATE and an entry that does not follow the head are refused by the
    /// database; a superuser who switches the guards off and rewrites is caught by the audit.
    @Test func theDatabaseRefusesRewritesAndTheAuditCatchesThem() throws {
        let dir = TemporaryDirectory()
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: try LedgerFixtures.seeded(dir))
        for attack in [
            "UPDATE entry SET payload = '{}' WHERE seq = 3", "DELETE FROM entry WHERE seq = 3", "TRUNCATE entry",
            "INSERT INTO entry VALUES (999, 'note_added', '2026-01-01T00:00:00Z', repeat('0', 64), '{}', repeat('0', 64))",
        ] {
            #expect(throws: LedgerError.self, "\(attack)") { try postgres.run(attack) }
        }
        #expect(try ChainAudit.run(postgres).passed)
        try postgres.run("ALTER TABLE entry DISABLE TRIGGER USER")
        try postgres.run("UPDATE entry SET payload = replace(payload, 'a', 'e') WHERE seq = 5")
        let report = try ChainAudit.run(postgres)
        #expect(report.problem?.seq == 5, "\(String(describing: report.problem))")
    }

    /// The commands on the built binary: copy, audit, checkpoint and list agree across engines; a
    /// password never shows.
    @Test func theCommandsCopyAuditAndCheckpointAcrossEngines() throws {
        let dir = TemporaryDirectory()
        let sqlite = try LedgerFixtures.seeded(dir)
        let url = try PostgresTestDatabase.fresh()
        let empty = try ClaimLedgerBinary.run(["audit", "--db", url])
        #expect(empty.status == 3 && empty.stderr.contains("claimledger copy --from FILE"), "\(empty.stderr)")
        let copied = try ClaimLedgerBinary.run(["copy", "--from", sqlite.path, "--to", url])
        let head = try sqlite.head()
        #expect(copied.status == 0 && copied.stdout.contains("holds \(head.seq) entries, head \(head.hash)"))
        let onSQLite = try ClaimLedgerBinary.run(["audit", "--db", sqlite.path])
        let onPostgres = try ClaimLedgerBinary.run(["audit", "--db", url])
        #expect(
            onPostgres.status == 0 && onPostgres.stdout.hasPrefix(onSQLite.stdout.trimmingCharacters(in: .newlines)))
        let checkpoint = try ClaimLedgerBinary.run(["checkpoint", "--db", url])
        let sqliteCheckpoint = try ClaimLedgerBinary.run(["checkpoint", "--db", sqlite.path])
        #expect(checkpoint.status == 0 && checkpoint.stdout == sqliteCheckpoint.stdout)
        let logged = try ClaimLedgerBinary.run(["log", "--format", "ndjson", "--db", url])
        let sqliteLog = try ClaimLedgerBinary.run(["log", "--format", "ndjson", "--db", sqlite.path])
        #expect(logged.status == 0 && logged.stdout == sqliteLog.stdout, "log lists the same entries")
        let local = ["CLAIMLEDGER_LOCAL_COPY": dir.file("local.sqlite")]
        let listed = try ClaimLedgerBinary.run(["list", "--format", "json", "--db", url], environment: local)
        let sqliteListed = try ClaimLedgerBinary.run(["list", "--format", "json", "--db", sqlite.path])
        #expect(listed.status == 0 && listed.stdout == sqliteListed.stdout, "list reads the same: \(listed.stderr)")
        var parts = try #require(URLComponents(string: url))
        parts.password = "hunter2"
        parts.port = 1
        let refused = try ClaimLedgerBinary.run(["audit", "--db", try #require(parts.string)])
        #expect(refused.status == 5 && !refused.stderr.contains("hunter2"), "\(refused.stderr)")
    }

    @Test func aDatabaseWithoutALedgerIsNotOneUntilCreated() throws {
        let url = try PostgresTestDatabase.fresh()
        #expect(throws: LedgerError.missingLedger(path: try PostgresAddress(url).shown)) {
            try PostgresLedger(address: try PostgresAddress(url), create: false)
        }
        let empty = try PostgresLedger(address: try PostgresAddress(url), create: true)
        #expect(try empty.head().seq == 0 && ChainAudit.run(empty).passed)
        _ = try PostgresLedger(address: try PostgresAddress(url), create: true)  // opening again changes nothing
    }
}

final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
