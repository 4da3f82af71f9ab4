import Foundation
import LedgerSchema
import LedgerStore
import PostgresNIO

/// The connection's calls, made one at a time and waited for (the ledger's API is synchronous, as
/// on SQLite; the waiting thread is never one of Swift's concurrency pool's), and what the server
/// says turned into `LedgerError`.
extension PostgresLedger {
    /// Runs one statement. A connection the server closed (restarted, or the network broke) is
    /// made again, and the statement sent once more, outside a transaction only: inside one, what
    /// the transaction did is gone with the connection, and the caller must hear so.
    @discardableResult
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        let ending = sql == "COMMIT" || sql == "ROLLBACK"
        defer { if ending { transactionOpen = false } }
        do {
            do {
                return try query(sql, binds)
            } catch  where connection.isClosed && !transactionOpen && !ending {
                return try query(sql, binds)
            }
        } catch {
            throw translate(error)
        }
    }

    /// Sends one statement on a live connection (made again first when the server closed it
    /// outside a transaction; a closed connection's own calls may never answer).
    private func query(_ sql: String, _ binds: PostgresBindings) throws -> [PostgresRow] {
        if connection.isClosed {
            guard !transactionOpen else {
                throw LedgerError.unreachable(address: address.shown, reason: "connection lost")
            }
            connection = try Self.connect(address)
        }
        let rows = try connection.query(
            PostgresNIO.PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.quietLogger
        ).wait().rows
        if sql == "BEGIN" { transactionOpen = true }
        return rows
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
        if (error as? PSQLError)?.serverInfo?[.sqlState] == Self.readOnlyTransaction {
            return LedgerError.refused(
                "The database \(address.shown) is a read-only replica (a standby): it serves reads (list, show, reports, audit, copy --from), and writes go to the primary. Nothing was written."
            )
        }
        return LedgerError.unreachable(address: address.shown, reason: Self.reason(error))
    }

    /// SQLSTATE 25006: a write sent to a standby (or inside a read-only transaction).
    static let readOnlyTransaction = "25006"

    /// What the server or the network said, in one line (never the password).
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}

extension PostgresBindings {
    /// Bindings of these values, `$1`, `$2`, … in order.
    init(_ values: any PostgresNonThrowingEncodable & Sendable...) {
        self.init()
        for value in values { append(value) }
    }
}
