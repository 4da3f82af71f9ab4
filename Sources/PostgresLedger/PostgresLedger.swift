import Foundation
import LedgerSchema
import LedgerStore
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import TransparencyLog

/// A ledger's entry log on PostgreSQL (issue 32): the same entries, bytes and hashes as SQLite's,
/// so `ChainAudit`, checkpoints and inclusion proofs answer the same on both. One connection;
/// its calls are serialised, and appends from any number of connections or machines are
/// serialised by the database (an advisory lock held to the end of the append's transaction).
public final class PostgresLedger: EntryChain, @unchecked Sendable {
    public let address: PostgresAddress
    /// The time source for `recorded_at`; tests replace it.
    public var clock: @Sendable () -> Date = { Date() }
    /// The schema version this binary writes on PostgreSQL.
    public static var schemaVersion: Int { PostgresSchema.migrations.count }
    /// Entries read per round trip when the log is read in order.
    static let page = 5_000

    /// Made again when the server closed it (a restart, a network break) and no transaction was open.
    var connection: PostgresConnection
    /// One statement or transaction at a time on the connection.
    let lock = NSRecursiveLock()
    /// Whether an append of a local copy holds the append lock (`beginAppend`).
    var appending = false
    /// Whether a transaction is open on the connection (a lost one is then not made again: what
    /// the transaction did is gone with it, and its caller must hear so).
    var transactionOpen = false

    /// Connects and, with `create`, makes the schema in an empty database (or brings an older one
    /// up to date). Without `create`, a database without a ledger is `LedgerError.missingLedger`.
    public init(address: PostgresAddress, create: Bool) throws {
        self.address = address
        connection = try Self.connect(address)
        try prepareSchema(create: create)
    }

    /// postgres-nio's own messages stay unsaid: what goes wrong reaches the user as `LedgerError`.
    static let quietLogger: Logger = {
        var logger = Logger(label: "claimledger.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// The event loop every connection of this process runs on: its own thread, never one the web
    /// server answers requests on. The ledger's calls wait for their answers; had the connection
    /// been made on the waiting thread's own loop (`singleton.any()` from a request, as after a
    /// reconnect), the answer could never arrive.
    static let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()

    /// A connection to the address's database, waited for; failing, a `LedgerError.unreachable`.
    static func connect(_ address: PostgresAddress) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(
                on: loop, configuration: address.configuration(), id: 1,
                logger: quietLogger
            ).wait()
        } catch {
            throw LedgerError.unreachable(address: address.shown, reason: reason(error))
        }
    }

    deinit { try? connection.close().wait() }

    private func prepareSchema(create: Bool) throws {
        try inTransaction {
            try run(PostgresLedgerQuery.appendLock.sql)  // two first commands make one schema
            let exists = try run(PostgresLedgerQuery.schemaExists.sql).first?.decode(Bool.self) ?? false
            guard exists || create else { throw LedgerError.missingLedger(path: address.shown) }
            let version =
                exists ? Int(try run(PostgresLedgerQuery.schemaVersion.sql).first?.decode(Int32.self) ?? 0) : 0
            guard version <= Self.schemaVersion else {
                throw LedgerError.newerSchema(found: version, known: Self.schemaVersion)
            }
            for migration in PostgresSchema.migrations[version...] {
                for statement in PostgresSchema.statements(of: migration) { try run(statement) }
            }
        }
    }

    public func head() throws -> (seq: Int64, hash: String) {
        guard let row = try run(PostgresLedgerQuery.head.sql).first else { return (0, EntryEncoding.genesisHash) }
        let (seq, hash, _) = try row.decode((Int64, String, String).self)
        return (seq, hash)
    }

    /// Appends one entry after the head, under the append lock; its time is never earlier than
    /// the entry before (the time rule, as on SQLite).
    @discardableResult
    public func append(kind: EntryKind, payload: String) throws -> Entry {
        try inTransaction {
            try run(PostgresLedgerQuery.appendLock.sql)
            let head = try run(PostgresLedgerQuery.head.sql).first.map {
                let (seq, hash, recordedAt) = try $0.decode((Int64, String, String).self)
                return (seq: seq, hash: hash, recordedAt: Optional(recordedAt))
            }
            let entry = Entry.following(head, kind: kind, payload: payload, now: clock()).entry
            try insert([entry])
            return entry
        }
    }

    public func forEachEntry(from seq: Int64, _ body: (Entry) throws -> Void, limit: Int) throws {
        var next = seq
        var left = limit
        while left > 0 {
            let rows = try run(PostgresLedgerQuery.entriesFrom.sql, PostgresBindings(next, Int64(min(left, Self.page))))
            for row in rows {
                let (seq, kind, recordedAt, prevHash, payload, hash) = try row.decode(
                    (Int64, String, String, String, String, String).self)
                try body(
                    Entry(
                        seq: seq, kind: kind, recordedAt: recordedAt, prevHash: prevHash, payload: payload, hash: hash))
                next = seq + 1
            }
            left -= rows.count
            if rows.count < min(left + rows.count, Self.page) { break }
        }
    }

    public var leafStream: Merkle.LeafStream {
        { [self] lo, hi, body in
            guard lo < hi else { return }
            try forEachEntry(from: Int64(lo) + 1, { try body(Self.leafHash(of: $0)) }, limit: hi - lo)
        }
    }
}
