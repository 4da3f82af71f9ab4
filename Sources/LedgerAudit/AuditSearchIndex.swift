import Foundation
import GRDB
import LedgerSchema
import LedgerSearch
import LedgerStore

/// The audit of the search index's content (`audit --search-index`; every audit pairs its rows with
/// the claims, `checkDerivedTables`): every row is what the claims say now (recomputed and
/// compared), and FTS5's inverted index agrees with those rows (its `integrity-check`) — seconds
/// per 100,000 claims, so not part of every audit.
extension Auditor {
    func checkSearchIndex(_ db: Database, notes: inout [String]) throws -> AuditReport.Problem? {
        if let seq = try SearchIndex.firstDisagreement(db) {
            return .init(
                seq: seq,
                message: "the search index's row for this claim is not what the ledger says " + Self.rebuildAdvice)
        }
        return try checkInvertedIndex(notes: &notes)
    }

    /// FTS5's `integrity-check` is an INSERT, so it runs on a writable connection, in a transaction
    /// that is rolled back. The audit never waits for a writer: when another process holds the write
    /// lock, or this user cannot write the file, that one check is left out and a note says so.
    private func checkInvertedIndex(notes: inout [String]) throws -> AuditReport.Problem? {
        let skipped = "the search index's inverted index was not checked against its rows"
        guard access(ledger.path, W_OK) == 0 else {
            notes.append(skipped + " (FTS5's check needs a file this user can write)")
            return nil
        }
        let queue = try DatabaseQueue(
            path: ledger.path, configuration: Ledger.configuration(busyTimeout: 0, readOnly: false))
        defer { try? queue.close() }
        do {
            try queue.inTransaction(.deferred) { db in
                try db.execute(sql: LedgerQuery.indexIntegrity.sql)
                return .rollback
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            notes.append(skipped + " (another process was writing; run audit again)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            return .init(
                seq: nil,
                message: "the search index's inverted index disagrees with its rows (\(error.message ?? "corrupt")); "
                    + "it is derived data: `claimledger audit --rebuild-index` writes it anew")
        }
        return nil
    }
}
