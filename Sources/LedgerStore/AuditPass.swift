import CSQLiteDefensive
import Crypto
import Foundation
import GRDB
import LedgerSchema

// The two streaming passes of `audit`. Each reads its rows straight from SQLite's buffers (no
// Swift String per column): at a million entries the audit reads about a gigabyte, and building
// values for it cost more than hashing it.

/// A prepared statement stepped by hand, its columns read as bytes in place.
final class RawCursor {
    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database

    init(_ db: Database, sql: String, arguments: [Int64] = []) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
    }

    /// Moves to the next row; false after the last.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }
    func name(_ column: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(column))) }
    func type(_ column: Int) -> Int32 { sqlite3_column_type(handle, Int32(column)) }
    func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }
    func double(_ column: Int) -> Double { sqlite3_column_double(handle, Int32(column)) }

    /// The column's text as UTF-8 bytes, valid until the next step; nil unless the value is TEXT.
    func text(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
        guard type(column) == SQLITE_TEXT, let pointer = sqlite3_column_text(handle, Int32(column)) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, Int32(column))))
    }
}

extension UnsafeBufferPointer<UInt8> {
    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }

    func equals(_ other: [UInt8]) -> Bool { other.withUnsafeBufferPointer { equals($0) } }
}

/// Pass 1: every entry once — numbering without gaps, each link, each hash recomputed.
struct ChainWalk {
    static let tagLine = Array((EntryEncoding.tag + "\n").utf8)
    static let kinds: [[UInt8]] = EntryKind.allCases.map { Array($0.rawValue.utf8) }
    static let hexDigits = Array("0123456789abcdef".utf8)

    func run(_ db: Database) throws -> AuditReport {
        var expectedSeq: Int64 = 1
        var previous = Array(EntryEncoding.genesisHash.utf8)
        var recomputed = [UInt8](repeating: 0, count: 64)
        let rows = try RawCursor(db, sql: LedgerSchema.query("entries_from"), arguments: [1])
        func fail(_ seq: Int64, _ message: String) -> AuditReport {
            AuditReport(entryCount: expectedSeq - 1, headHash: String(decoding: previous, as: UTF8.self),
                        problem: .init(seq: seq, message: message))
        }
        var header: [UInt8] = []
        header.reserveCapacity(256)
        var digits = [UInt8](repeating: 0, count: 24)
        while try rows.step() {
            guard rows.type(0) == SQLITE_INTEGER else { return fail(expectedSeq, "its number is not an integer") }
            let seq = rows.int64(0)
            guard let kind = rows.text(1), let recordedAt = rows.text(2), let prevHash = rows.text(3),
                  let payload = rows.text(4), let hash = rows.text(5)
            else { return fail(seq, "a field is missing or not text") }
            if seq != expectedSeq {
                return fail(expectedSeq, seq > expectedSeq
                            ? "missing: the log jumps from entry \(expectedSeq - 1) to \(seq)"
                            : "out of order: entry \(seq) appears after entry \(expectedSeq - 1)")
            }
            if !ChainWalk.kinds.contains(where: { kind.equals($0) }) {
                return fail(seq, "unknown kind \"\(String(decoding: kind, as: UTF8.self))\"")
            }
            if !prevHash.equals(previous) {
                return fail(seq, "prev_hash does not match entry \(seq - 1)'s hash (the chain is broken)")
            }
            // The canonical encoding (docs/LEDGER-FORMAT.md): the header lines, then the payload in place.
            header.removeAll(keepingCapacity: true)
            header.append(contentsOf: ChainWalk.tagLine)
            header.append(contentsOf: decimal(seq, into: &digits)); header.append(0x0A)
            header.append(contentsOf: kind); header.append(0x0A)
            header.append(contentsOf: recordedAt); header.append(0x0A)
            header.append(contentsOf: prevHash); header.append(0x0A)
            var hasher = SHA256()
            header.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(payload))
            var n = 0
            for byte in hasher.finalize() {
                recomputed[n] = ChainWalk.hexDigits[Int(byte >> 4)]
                recomputed[n + 1] = ChainWalk.hexDigits[Int(byte & 0x0F)]
                n += 2
            }
            if !hash.equals(recomputed) {
                let stored = String(decoding: hash, as: UTF8.self)
                let mine = String(decoding: recomputed, as: UTF8.self)
                return fail(seq, "its content does not match its hash (stored \(stored.prefix(12))…, recomputed \(mine.prefix(12))…)")
            }
            swap(&previous, &recomputed)
            expectedSeq += 1
        }
        return AuditReport(entryCount: expectedSeq - 1, headHash: String(decoding: previous, as: UTF8.self), problem: nil)
    }
}

/// `value` in decimal ASCII, written at the end of `buffer`; valid while `buffer` is unchanged.
func decimal(_ value: Int64, into buffer: inout [UInt8]) -> UnsafeBufferPointer<UInt8> {
    var v = value.magnitude
    var start = buffer.count
    repeat {
        start -= 1
        buffer[start] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
    } while v > 0
    if value < 0 { start -= 1; buffer[start] = UInt8(ascii: "-") }
    return buffer.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start...]) }
}

/// Pass 2: the typed tables must be exactly what the entries' payloads say. Walks the entries and
/// each table in `seq` order side by side (a merge join): every entry has its one row in the table
/// of its kind, no table has a row without its entry, and each row re-encodes — with the payload
/// writer, column names as keys — to its entry's payload byte for byte. Queries: Schema/q_audit.sql.
struct DerivedRowCheck {
    /// One table's rows, with the JSON key written before each column.
    final class TableStream {
        let table: String
        let cursor: RawCursor
        let keys: [[UInt8]]
        var currentSeq: Int64?

        init(_ db: Database, table: String, sql: String) throws {
            self.table = table
            let cursor = try RawCursor(db, sql: sql)
            self.cursor = cursor
            keys = (0..<cursor.columnCount).map { Array("\"\(cursor.name($0))\":".utf8) }
            try advance()
        }

        /// Moves to the next row; throws `OutOfOrder` when rows stop following seq order.
        func advance() throws {
            let previous = currentSeq
            currentSeq = try cursor.step() ? cursor.int64(0) : nil
            if let previous, let currentSeq, currentSeq <= previous { throw OutOfOrder() }
        }

        /// The current row as payload JSON: `{` + each non-null column as `"name":value` + `}`.
        func encodeCurrent(into writer: inout PayloadWriter) -> Bool {
            writer.reset()
            for column in 1..<keys.count {
                switch cursor.type(column) {
                case SQLITE_NULL: continue
                case SQLITE_TEXT: writer.rawField(keys[column], text: cursor.text(column)!)
                case SQLITE_INTEGER: writer.rawField(keys[column], integer: cursor.int64(column))
                case SQLITE_FLOAT: writer.rawField(keys[column], number: StableJSON.number(cursor.double(column)))
                default: return false
                }
            }
            writer.close()
            return true
        }
    }

    /// The table whose rows each kind of entry adds.
    static let tables: [EntryKind: String] = [
        .sourceRecorded: "source", .claimRecorded: "claim", .statusChanged: "review",
        .noteAdded: "note", .correction: "correction",
    ]

    struct OutOfOrder: Error {}

    /// Reads tables in rowid order; when that finds a problem or rows out of seq order, reads them
    /// again in seq order, whose answer is the one reported.
    func run(_ db: Database) throws -> AuditReport.Problem? {
        do {
            if try run(db, bySeq: false) == nil { return nil }
        } catch is OutOfOrder {}
        return try run(db, bySeq: true)
    }

    func run(_ db: Database, bySeq: Bool) throws -> AuditReport.Problem? {
        var streams: [TableStream] = []
        var streamOfKind: [(kind: [UInt8], stream: TableStream)] = []
        for kind in EntryKind.allCases {
            let kindName = kind.rawValue
            let sql = LedgerSchema.auditQuery(bySeq ? kindName + "/by_seq" : kindName)
            guard let table = DerivedRowCheck.tables[kind] else { preconditionFailure("no table for \(kindName)") }
            let stream = try TableStream(db, table: table, sql: sql)
            streams.append(stream)
            streamOfKind.append((Array(kindName.utf8), stream))
        }
        func problem(_ seq: Int64, _ table: String) -> AuditReport.Problem {
            .init(seq: seq, message: "the \(table) table disagrees with this entry (a derived row was altered, added or removed)")
        }
        var writer = PayloadWriter()
        let entries = try RawCursor(db, sql: LedgerSchema.auditQuery("entry_payloads"))
        while try entries.step() {
            let seq = entries.int64(0)
            guard let kind = entries.text(1), let payload = entries.text(2) else { continue }  // the chain walk reports it
            let own = streamOfKind.first(where: { kind.equals($0.kind) })?.stream
            // A row in any table with this seq or an earlier one that was not consumed has no entry of its kind.
            for stream in streams where stream !== own {
                if let rowSeq = stream.currentSeq, rowSeq <= seq { return problem(rowSeq, stream.table) }
            }
            guard let own else { continue }
            guard let rowSeq = own.currentSeq, rowSeq >= seq else {
                return problem(own.currentSeq ?? seq, own.table)
            }
            if rowSeq > seq { return problem(seq, own.table) }                        // its row is missing
            guard own.encodeCurrent(into: &writer), writer.matches(payload) else { return problem(seq, own.table) }
            try own.advance()
        }
        // Rows left over belong to no entry.
        if let stray = streams.compactMap({ s in s.currentSeq.map { ($0, s.table) } }).min(by: { $0.0 < $1.0 }) {
            return problem(stray.0, stray.1)
        }
        return nil
    }
}
