import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing

/// Issue 30, item 7: a writer refuses a file SQLite's own check calls damaged, and pays for that
/// check only when something other than a ClaimLedger writer changed the file since the last one.
@Suite("A writer's page check")
struct PageCheckTests {
    /// Records one note-sized change through a writer opened and released in this call.
    @discardableResult
    func write(_ path: String) throws -> Bool {
        let ledger = try Ledger(path: path, create: true)
        ledger.clock = { Date(timeIntervalSince1970: 1_767_225_600) }
        _ = try ledger.addReviewer("r\(try ledger.head().seq)", addedBy: "desk")
        return ledger.pageCheckRan
    }

    @Test func aFileAsTheLastWriterLeftItIsNotCheckedAgain() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger.sqlite")
        #expect(try write(path) == false)  // a new file: nothing to check
        #expect(try write(path) == false)  // as the last writer left it
        #expect(try write(path) == false)
        let readOnly = try Ledger(path: path, create: false, readOnly: true)
        #expect(try readOnly.reviewers().count == 3 && !readOnly.pageCheckRan)
    }

    @Test func aFileChangedByAnythingElseIsCheckedAgain() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger.sqlite")
        try write(path)
        // Another program touched it (its time changed): checked.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: path)
        #expect(try write(path) == true)
        #expect(try write(path) == false)
        // No mark (deleted, or a copy moved here without it): checked.
        try FileManager.default.removeItem(atPath: path + "-pagecheck")
        #expect(try write(path) == true)
        // A copy of the file with its mark: another inode, checked.
        try FileManager.default.copyItem(atPath: path, toPath: dir.file("copy.sqlite"))
        try FileManager.default.copyItem(atPath: path + "-pagecheck", toPath: dir.file("copy.sqlite-pagecheck"))
        #expect(try write(dir.file("copy.sqlite")) == true)
    }

    @Test func aDamagedFileIsRefusedEvenWithAMarkFromBefore() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger.sqlite")
        for _ in 0..<40 { try write(path) }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 4096)  // page 2, the entry log's root: zeroed
        try handle.write(contentsOf: Data(repeating: 0, count: 4096))
        try handle.close()
        #expect(throws: LedgerError.self) { try write(path) }
        #expect(throws: LedgerError.self) { try write(path) }  // and again: the mark was dropped
    }
}

/// The audit's page check, run beside the chain walk on its own connection for a large log and
/// after it for a small one: a zeroed index page (every hash intact) fails the audit either way.
@Suite("The audit's page check")
struct AuditPageCheckTests {
    @Test func aZeroedIndexPageFailsTheAuditWholeAndInHalves() throws {
        for parallelFrom: Int64 in [.max, 1] {
            let dir = TemporaryDirectory()
            let path = try smallLedger(dir).path
            let (root, pageSize) = try DatabaseQueue(path: path).read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_schema WHERE name = 'claim_by_speaker'")
                        ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                )
            }
            #expect(try Auditor(ledger: Ledger(path: path, create: false), parallelFrom: parallelFrom).run().passed)
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.seek(toOffset: UInt64((root - 1) * pageSize))
            try handle.write(contentsOf: Data(repeating: 0, count: pageSize))
            try handle.close()
            let report = try Auditor(
                ledger: Ledger(path: path, create: false, readOnly: true), parallelFrom: parallelFrom
            )
            .run()
            #expect(
                report.problem?.message.contains("damaged") == true,
                "\(parallelFrom): \(String(describing: report.problem))")
        }
    }
}
