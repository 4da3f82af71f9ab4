import GRDB

extension Ledger {
    /// `read` on this file alone.
    ///
    /// A writer's single connection (a `DatabaseQueue`) reads in a transaction of its own, not
    /// GRDB's `read`: that sets `PRAGMA query_only` on and off around each read, and SQLite expires
    /// every prepared statement of the connection when a flag pragma changes, so each read made the
    /// next write prepare all of its statements (and their triggers) again — about a twelfth of an
    /// ingest. The read-only guard is kept another way: a read that changed any row is rolled back
    /// and refused.
    func readLocally<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            guard let single = queue as? DatabaseQueue, !readOnly else {
                return try queue.read(body)
            }
            return try single.writeWithoutTransaction { db in
                // One connection for both: the write cache goes before a read.
                if holdsWriteCache {
                    try db.execute(sql: "PRAGMA cache_size = -\(Ledger.readCacheKiB)")
                    holdsWriteCache = false
                }
                return try Ledger.snapshot(db, body)
            }
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    static let readWrote =
        "A read changed the ledger; the change was undone and nothing was kept. This is a bug in ClaimLedger."

    /// `body` in a deferred transaction (one snapshot of the file), rolled back and refused if it
    /// changed anything.
    static func snapshot<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        let changesBefore = db.totalChangesCount
        var result: T?
        try db.inTransaction(.deferred) {
            result = try body(db)
            guard db.totalChangesCount == changesBefore else { throw LedgerError.refused(Ledger.readWrote) }
            return .commit
        }
        return result!
    }
}
