import CSQLiteDefensive
import Foundation
import GRDB
import LedgerSchema
import LedgerSearch

/// Opening a file safely: what it is checked for before SQLite may write to it, and how a
/// connection is set up for writers and for readers.
extension Ledger {
    /// The connection's settings. GRDB's own WAL setup is not used: it writes to the file on every
    /// open (a table created and dropped when the -wal file is empty), which made readers wait for
    /// writers and fail in a read-only folder.
    package static func configuration(busyTimeout: TimeInterval, readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            guard claimledger_enable_defensive(db.sqliteConnection) == SQLITE_OK else {
                throw LedgerError.damaged("cannot enable SQLite's defensive mode")
            }
            // FULL: a commit that returned is on disk, even after a power cut (see README).
            db.add(function: WordSearch.sqlFunction)
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = FULL") }
            try SearchIndex.createPending(db)
            if readOnly { try readAsCurrentVersion(db) }
        }
        return config
    }

    /// A reader of a ledger of an older schema version (which it may not migrate) sees it as the
    /// current version through TEMP views (`LedgerSchema.readCompatibility`); nothing is written
    /// to the file. A file that is not a ClaimLedger is left alone (the open refuses it later).
    static func readAsCurrentVersion(_ db: Database) throws {
        guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Ledger.applicationID,
            var version = try Int.fetchOne(db, sql: "PRAGMA user_version"), version >= 1
        else { return }
        while version < Ledger.schemaVersion {
            if let sql = LedgerSchema.readCompatibility[version] { try db.execute(sql: sql) }
            version += 1
            if version == 4 { try SearchIndex.refresh(db) }  // the TEMP index of c004
        }
    }

    /// A reader in a folder it cannot write opens the file as immutable: SQLite could not create
    /// the -shm file it needs otherwise, and nobody can be writing there. Not when a -wal file holds
    /// commits (immutable would not read them): then SQLite reads it through the existing -shm.
    static func connectionPath(_ path: String, readOnly: Bool) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard readOnly, access(folder.isEmpty ? "." : folder, W_OK) != 0 else { return path }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard walSize == 0 else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:" + escaped + "?immutable=1"
    }

    /// SQLite files start with "SQLite format 3\0"; an empty file is a new database.
    static func checkSQLiteHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError.refused("Cannot read \(path); check its permissions.")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) {
            throw LedgerError.notALedger(path: path)
        }
    }

    /// Refuses another application's SQLite file before anything is written to it: read through a
    /// read-only connection that changes no journal mode, so a foreign file keeps every byte.
    /// It waits for a lock like a writer does: another process may be checkpointing the WAL.
    static func checkOwnership(path: String, busyTimeout: TimeInterval) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        let config = Ledger.configuration(busyTimeout: busyTimeout, readOnly: true)
        // The ledger's own tables tell an altered header (a wrong application_id) from another application's file.
        let (appID, tables, ledgerTables): (Int32, Int, Int)
        do {
            let reader = try DatabaseQueue(path: Ledger.connectionPath(path, readOnly: true), configuration: config)
            (appID, tables, ledgerTables) = try reader.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: LedgerQuery.schemaSize.sql) ?? 0,
                    try Int.fetchOne(db, sql: LedgerQuery.ledgerTables.sql) ?? 0
                )
            }
            try reader.close()
        } catch let error as DatabaseError {
            throw Ledger.translate(error, path: path)
        }
        if tables > 0 && appID != Ledger.applicationID {
            if ledgerTables == 3 { throw LedgerError.alteredHeader(path: path, applicationID: appID) }
            throw LedgerError.notALedger(path: path)
        }
    }

    /// Whether `path` (after symlinks) is a regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }
}

extension Ledger {
    /// Whether the ledger's file exists, after refusing what cannot be one: not a regular file (a
    /// folder, /dev/null, a FIFO: before SQLite creates a -journal or -wal beside it), missing when
    /// it may not be created, not SQLite or another program's, or in a folder that does not exist.
    static func checkPath(_ path: String, create: Bool, busyTimeout: TimeInterval) throws -> Bool {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if exists, !Ledger.isRegularFile(path) { throw LedgerError.notAFile(path: path) }
        if !exists && !create {
            throw LedgerError.missingLedger(path: path)
        }
        if exists {
            try Ledger.checkSQLiteHeader(path: path)
            try Ledger.checkOwnership(path: path, busyTimeout: busyTimeout)
        } else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                throw LedgerError.refused(
                    "The folder \(dir) does not exist; create it first or choose another --db path.")
            }
        }
        return exists
    }
}
