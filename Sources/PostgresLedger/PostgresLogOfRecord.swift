import LedgerSchema
import LedgerStore

/// The entry log on PostgreSQL as the log of record of servers' local SQLite copies (issue 32):
/// an append holds the database's append lock (an advisory lock, for the length of one
/// transaction) from the moment the local write starts until its entries are inserted.
extension PostgresLedger: LogOfRecord {
    public var name: String { address.shown }

    public func beginAppend() throws {
        lock.lock()
        do {
            try run("BEGIN")
            try run(PostgresLedgerQuery.appendLock.sql)
            appending = true
        } catch {
            _ = try? run("ROLLBACK")
            lock.unlock()
            throw error
        }
    }

    public func finishAppend(_ entries: [Entry]) throws {
        guard appending else { return }
        appending = false
        defer { lock.unlock() }
        do {
            if !entries.isEmpty { try insert(entries) }
            try run("COMMIT")
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    public func abandonAppend() {
        guard appending else { return }
        appending = false
        _ = try? run("ROLLBACK")
        lock.unlock()
    }
}
