import CSQLiteDefensive
import Foundation
import GRDB
import LedgerSchema
import LedgerSearch
import SQLiteBinding

/// An open ClaimLedger database: the append-only, hash-chained entry log.
///
/// Every write goes through `append`, inside a `BEGIN IMMEDIATE` transaction that
/// reads the head of the chain (never rescans it) and adds one entry after it.
public final class Ledger: @unchecked Sendable {
    /// `PRAGMA application_id` of every ClaimLedger file: "CLLG".
    public static let applicationID: Int32 = 0x434C_4C47
    /// The schema version this binary writes.
    public static var schemaVersion: Int { LedgerSchema.migrations.count }

    /// Page cache while writing and while reading, in KiB (SQLite's default is 2,000).
    static let writeCacheKiB = 65_536
    static let readCacheKiB = 2_000
    /// Whether the writing connection holds the write cache (changed only on that connection).
    var holdsWriteCache = false

    public let path: String
    /// One connection (a `DatabaseQueue`), or with `concurrentReads` a `DatabasePool`: one writer
    /// and several readers, each reading its own snapshot while the writer writes (WAL).
    let queue: any DatabaseWriter
    /// The time source for `recorded_at`; tests and reproducible runs replace it.
    public var clock: @Sendable () -> Date = { Date() }
    /// Told when the clock is earlier than the last entry's time (the entry is stamped with that time).
    public var onClockBehind: ((String) -> Void)?
    /// The log of record this file is a local copy of (`follow`), or nil: the file is the ledger.
    public internal(set) var logOfRecord: (any LogOfRecord)?

    /// Whether this connection may write (readers take no writer's lock and work in read-only folders).
    public let readOnly: Bool
    /// Whether opening this writer ran SQLite's page check (false: the file was exactly as the last
    /// writer left it after a passing check; see Ledger+PageCheck.swift).
    public private(set) var pageCheckRan = false
    /// This writer's file passed the page check (or is new): its commits keep the mark current.
    var marksPageCheck = false

    /// Opens the ledger at `path`.
    /// - Parameters:
    ///   - create: create the file and its schema when missing (the commands that write).
    ///   - busyTimeout: how long a writer waits for another process's lock.
    ///   - readOnly: for the commands that only read: nothing is written to the file, not even
    ///     the journal mode, so they answer at once while a writer holds the lock.
    ///   - concurrentReads: for a server: reads run on their own connections (up to
    ///     `readerCount` at once), never waiting for a write in progress or for each other.
    public init(
        path: String, create: Bool, busyTimeout: TimeInterval = 30, readOnly: Bool = false,
        concurrentReads: Bool = false
    ) throws {
        self.path = path
        self.readOnly = readOnly
        let exists = try Ledger.checkPath(path, create: create, busyTimeout: busyTimeout)
        do {
            let config = Ledger.configuration(busyTimeout: busyTimeout, readOnly: readOnly)
            if concurrentReads && !readOnly {
                try Ledger.setWAL(path: path, config: config)
                var pooled = config
                pooled.maximumReaderCount = Ledger.readerCount
                queue = try DatabasePool(path: path, configuration: pooled)
            } else {
                queue = try DatabaseQueue(path: Ledger.connectionPath(path, readOnly: readOnly), configuration: config)
                if !readOnly { try useWAL() }
            }
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
        // A writer refuses a file SQLite's own check calls damaged (issue 30, item 7): entries
        // appended to it would bury the damage, and the next reader might not get past it.
        if exists && !readOnly { pageCheckRan = try refuseDamagedFile() }
        marksPageCheck = !readOnly
        try prepareSchema(create: create)
    }

    /// A writer closes its connections, then notes the file's state (closing may checkpoint the
    /// -wal into the file), so the next command finds the file as it left it.
    deinit {
        guard marksPageCheck else { return }
        try? queue.close()
        markChecked()
    }

    /// Readers of a ledger opened with `concurrentReads`.
    public static let readerCount = 6

    /// WAL mode set on the file before a pool opens it (a pool needs it and would set it itself
    /// without our checks of the file).
    private static func setWAL(path: String, config: Configuration) throws {
        let single = try DatabaseQueue(path: path, configuration: config)
        try single.writeWithoutTransaction { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
        try single.close()
    }

    /// WAL mode, set once (it is stored in the file): a writer's first open of a new ledger.
    private func useWAL() throws {
        try queue.writeWithoutTransaction { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
    }

    /// A second, read-only connection to the same file: `audit` reads the log on two cores at once.
    package func openAuditReader() throws -> DatabaseQueue {
        try DatabaseQueue(
            path: Ledger.connectionPath(path, readOnly: true),
            configuration: Ledger.configuration(busyTimeout: 5, readOnly: true))
    }

    /// Checks that the file is a ClaimLedger (or empty), and applies missing migrations.
    private func prepareSchema(create: Bool) throws {
        let (appID, version, tables) = try read { db -> (Int32, Int, Int) in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                try Int.fetchOne(db, sql: LedgerQuery.schemaSize.sql) ?? 0
            )
        }
        if tables > 0 && appID != Ledger.applicationID {
            throw LedgerError.notALedger(path: path)
        }
        if version > Ledger.schemaVersion {
            throw LedgerError.newerSchema(found: version, known: Ledger.schemaVersion)
        }
        if version == Ledger.schemaVersion { return }
        if !create && tables == 0 {
            throw LedgerError.missingLedger(path: path)
        }
        // A reader reads an older version as it is (its connection shows it as the current one,
        // `readAsCurrentVersion`); the first command that writes migrates it.
        if readOnly { return }
        try write(foreignKeys: false) { db in
            // Re-read inside the write lock: another process may have migrated meanwhile.
            var current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            while current < Ledger.schemaVersion {
                try db.execute(sql: LedgerSchema.migrations[current])
                current += 1
                try db.execute(sql: "PRAGMA user_version = \(current)")
                // Version 4's search index is filled from the claims already recorded.
                if current == 4 { try SearchIndex.refresh(db) }
            }
            // A migration that rebuilds a table runs with foreign keys off (SQLite's procedure);
            // it commits only if every reference still holds.
            if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil {
                throw LedgerError.damaged(
                    "migrating to schema version \(current) would leave a reference dangling; nothing was changed")
            }
            try db.execute(sql: "PRAGMA application_id = \(Ledger.applicationID)")
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all of it is recorded, or nothing.
    ///
    /// While it runs, the page cache may grow to `writeCacheKiB`: a bulk ingest inserts into indexes
    /// keyed by random IDs, and with SQLite's default 2 MiB cache it wrote the same index pages to
    /// the WAL many times per transaction. The cache is kept from one write to the next (a bulk
    /// append's next transaction finds its index pages there: at a million entries, giving it back
    /// after each cost 5%), and shrinks back before the next read on the same connection, so reads
    /// (reports, listings of every claim) keep their small, constant memory.
    /// `foreignKeys: false` is for migrations only: SQLite rebuilds a table with them off.
    /// On the local copy of a log of record (`follow`), the entries are appended to that log first.
    public func write<T>(foreignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        if let logOfRecord { return try writeThrough(logOfRecord, foreignKeys: foreignKeys, body) }
        return try writeLocally(foreignKeys: foreignKeys, body)
    }

    /// `write` on this file alone.
    func writeLocally<T>(foreignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                if !holdsWriteCache { try db.execute(sql: "PRAGMA cache_size = -\(Ledger.writeCacheKiB)") }
                holdsWriteCache = true
                if !foreignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    try SearchIndex.flushPending(db)  // the index rows of the claims recorded
                    try MerkleBlocks.fill(db)  // the blocks of leaves this commit completes
                    return .commit
                }
                if marksPageCheck { markChecked() }
                return result!
            }
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot (on a local copy, after what others appended to the
    /// log of record is applied).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        if logOfRecord != nil { try catchUpIfBehind() }
        return try readLocally(body)
    }

    static func translate(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError.busy(path: path)
        case .SQLITE_NOTADB:
            return LedgerError.notALedger(path: path)
        case .SQLITE_CORRUPT:
            return LedgerError.damaged("SQLite reports the file as malformed (\(error.message ?? "corrupt"))")
        case .SQLITE_READONLY:
            return LedgerError.refused(
                "The ledger \(path) is read-only; nothing was written. Check the file's permissions or pass another --db."
            )
        case .SQLITE_FULL:
            return LedgerError.refused(
                "The disk is full; nothing was written. Free some space and run the command again.")
        case .SQLITE_CANTOPEN:
            return LedgerError.refused("Cannot open \(path); check that its folder exists and is writable.")
        case .SQLITE_CONSTRAINT:
            return LedgerError.refused(
                "The ledger refused the change (\(error.message ?? "a constraint failed")): its rules forbid it (docs/LEDGER-FORMAT.md); nothing was written."
            )
        case .SQLITE_IOERR:
            return LedgerError.refused(
                "Could not write \(path) (\(error.message ?? "I/O error")); nothing was written. Check the disk and run the command again."
            )
        default:
            return error
        }
    }

    /// Appends one entry after the current head, inside the caller's write transaction.
    @discardableResult
    public func append(_ db: Database, kind: EntryKind, payload: String) throws -> Entry {
        let head = try db.cachedStatement(sql: LedgerQuery.head.sql).firstRow(db) { row in
            (seq: row.int64(0), hash: row.string(1) ?? EntryEncoding.genesisHash, recordedAt: row.string(2))
        }
        let (entry, clockBehind) = Entry.following(head, kind: kind, payload: payload, now: clock())
        if let clockBehind { onClockBehind?(clockBehind) }
        try insertEntry(db, entry)
        return entry
    }

    /// Writes one entry's row as it is (its number, time and hash already made).
    func insertEntry(_ db: Database, _ entry: Entry) throws {
        try db.cachedStatement(sql: LedgerQuery.appendEntry.sql).execute(db) { values in
            values.add(entry.seq)
            values.add(entry.kind)
            values.add(entry.recordedAt)
            values.add(entry.prevHash)
            values.add(entry.payload)
            values.add(entry.hash)
        }
    }

    /// The last entry's number and hash; (0, genesis) for an empty ledger.
    public func head() throws -> (seq: Int64, hash: String) {
        try read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.head.sql))
            return (row?["seq"] ?? 0, row?["hash"] ?? EntryEncoding.genesisHash)
        }
    }

    /// Calls `body` with each entry from `seq` on (at most `limit`), in order, without loading them all.
    public func forEachEntry(from seq: Int64 = 1, _ body: (Entry) throws -> Void, limit: Int = .max) throws {
        try read { db in
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: LedgerQuery.entriesFrom.sql),
                arguments: [seq])
            var count = 0
            while count < limit, let row = try rows.next() {
                count += 1
                try body(
                    Entry(
                        seq: row[0], kind: row[1], recordedAt: row[2],
                        prevHash: row[3], payload: row[4], hash: row[5]))
            }
        }
    }
}
