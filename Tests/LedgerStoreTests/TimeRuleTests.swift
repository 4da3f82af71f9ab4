import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// `recorded_at` is a valid UTC time and never goes back (docs/LEDGER-FORMAT.md, issue 11 point 11),
/// checked by `audit` and by the independent verifier even when every hash is recomputed.
@Suite("The time rule", .serialized)
struct TimeRuleTests {
    @Test(arguments: ["1999-13-45T99:99:99Z", "2000-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "yesterday, about 3pm"])
    func aCorrectlyHashedEntryWithABadTimeFailsTheAudit(time: String) throws {
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        try rewriteRecomputingHashes(path, from: 5, ["UPDATE entry SET recorded_at = '\(time)' WHERE seq = 5"])
        for parallelFrom: Int64 in [.max, 1] {
            let report = try Auditor(ledger: Ledger(path: path, create: false), parallelFrom: parallelFrom).run()
            #expect(report.problem?.seq == 5, "\(time): \(String(describing: report.problem))")
            #expect(report.problem?.message.contains("recorded_at") == true)
        }
        let verifier = try runVerifier(path)
        #expect(verifier.status == 1, "\(verifier.stdout)")
        #expect(verifier.stdout.contains("entry 5: recorded_at"))
    }

    @Test func validTimesInOrderPass() {
        #expect(LedgerTime.isValid(Array("2024-02-29T23:59:60Z".utf8)))
        #expect(!LedgerTime.isValid(Array("2023-02-29T12:00:00Z".utf8)))
        #expect(!LedgerTime.isValid(Array("2024-01-01 12:00:00Z".utf8)))
        #expect(!LedgerTime.isValid(Array("2024-01-01T12:00:00+01:00".utf8)))
    }

    @Test func aClockThatWentBackRecordsThePreviousTimeAndSaysSo() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let last = try ledger.read { db in try String.fetchOne(db, sql: "SELECT max(recorded_at) FROM entry") }!
        ledger.clock = { Date(timeIntervalSince1970: 0) }  // 1970: far behind the entries
        var told: String?
        ledger.onClockBehind = { told = $0 }
        let claim = try ledger.read { db in try String.fetchOne(db, sql: "SELECT claim_id FROM claim LIMIT 1") }!
        try ledger.addNote(claimID: claim, text: "checked again", reviewer: "ann")
        let newest = try ledger.read { db in
            try String.fetchOne(db, sql: "SELECT recorded_at FROM entry ORDER BY seq DESC LIMIT 1")
        }
        #expect(newest == last)
        #expect(told == last)
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    private func runVerifier(_ path: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [ClaimLedgerBinary.packageRoot.appendingPathComponent("tools/verify_ledger.py").path, path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
