import Foundation
import LedgerSchema
import LedgerStore
import PostgresNIO

/// The connection's calls, made one at a time and waited for (the ledger's API is synchronous, as
/// on SQLite; the waiting thread is never one of Swift's concurrency pool's), and what the server
/// says turned into `LedgerError`.
extension PostgresLedger {
    @discardableResult
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(
                PostgresNIO.PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.quietLogger
            ).wait()
                .rows
        } catch {
            throw translate(error)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func inTransaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try run("BEGIN")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    /// Inserts entries in one statement (rows in order: the guard trigger sees each one before).
    func insert(_ entries: [Entry]) throws {
        var binds = PostgresBindings()
        binds.append(entries.map(\.seq))
        binds.append(entries.map(\.kind))
        binds.append(entries.map(\.recordedAt))
        binds.append(entries.map(\.prevHash))
        binds.append(entries.map(\.payload))
        binds.append(entries.map(\.hash))
        try run(PostgresLedgerQuery.appendEntries.sql, binds)
    }

    func translate(_ error: any Error) -> any Error {
        if error is LedgerError { return error }
        return LedgerError.unreachable(address: address.shown, reason: Self.reason(error))
    }

    /// What the server or the network said, in one line (never the password).
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
