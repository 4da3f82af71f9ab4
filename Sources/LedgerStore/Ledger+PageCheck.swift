import Foundation
import GRDB
import LedgerSchema

/// A writer refuses a file SQLite's own check calls damaged (issue 30, item 7), without paying that
/// check (whose cost grows with the file) on every command: after a check passes, and after each
/// of its own commits, a writer notes the file's state (device, inode, size and modification time
/// of the ledger and its -wal) in `LEDGER-pagecheck`. The next writer that finds the file exactly
/// so skips the check; anything else that changed the file (a crash mid-write, another tool, a
/// copy, a restore) changes the state, and the check runs. The mark is no security boundary: an
/// attacker who can write the ledger can write it too; `audit` always runs the check.
extension Ledger {
    /// The file holding the state a writer last left the ledger in after a passing page check.
    var pageCheckMarkPath: String { path + "-pagecheck" }

    /// The ledger's and its -wal's identity and change stamp, one line. A missing and an empty -wal
    /// read the same: SQLite creates an empty one whenever a connection opens the file.
    static func fileState(_ path: String) -> String {
        [path, path + "-wal"].map { file in
            var info = stat()
            guard stat(file, &info) == 0, info.st_size > 0 else { return "empty" }
            return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }.joined(separator: " ")
    }

    /// Runs SQLite's page check unless the file is as a writer left it after one passed; a damaged
    /// file is refused before anything is written. Returns whether the check ran.
    func refuseDamagedFile() throws -> Bool {
        let mark = try? String(contentsOfFile: pageCheckMarkPath, encoding: .utf8)
        if mark == Ledger.fileState(path) { return false }
        let findings: [String]?
        do {
            findings = try read { db in try Ledger.pageDamage(db) }
        } catch LedgerError.damaged(let message) {
            throw LedgerError.damaged("\(message); nothing was written")
        }
        if let findings {
            try? FileManager.default.removeItem(atPath: pageCheckMarkPath)
            throw LedgerError.damaged(
                "SQLite's own check of the file says \(findings.prefix(2).joined(separator: "; ")); nothing was written"
            )
        }
        markChecked()
        return true
    }

    /// What SQLite's page check (`PRAGMA quick_check`) finds wrong with the file, or nil when it
    /// answers "ok". Run by `audit` and, before writing, by writers.
    package static func pageDamage(_ db: Database) throws -> [String]? {
        let lines = try String.fetchAll(db, sql: AuditQuery.pageCheck.sql)
        return lines == ["ok"] ? nil : lines
    }

    /// Notes the file's state as checked (after a passing check, and after this writer's commits:
    /// SQLite's own writes from a checked state). A mark that cannot be written only means the
    /// next writer checks again.
    func markChecked() {
        try? Data(Ledger.fileState(path).utf8).write(to: URL(fileURLWithPath: pageCheckMarkPath), options: .atomic)
    }
}
