import CSQLiteDefensive
import Foundation
import GRDB
import LedgerStore

// The audit reads rows straight from SQLite's buffers (no Swift String per column): at a million
// entries it reads about a gigabyte, and building values for it cost more than hashing it.

/// A prepared statement stepped by hand, its columns read as bytes in place.
final class RawCursor {
    private let statement: Statement
    let handle: OpaquePointer
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
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    @inline(__always)
    var columnCount: Int { Int(sqlite3_column_count(handle)) }
    @inline(__always)
    func name(_ column: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(column))) }
    @inline(__always)
    func type(_ column: Int) -> Int32 { sqlite3_column_type(handle, Int32(column)) }
    @inline(__always)
    func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }

    /// The column's text as UTF-8 bytes, valid until the next step; nil unless the value is TEXT.
    @inline(__always)
    func text(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
        guard type(column) == SQLITE_TEXT, let pointer = sqlite3_column_text(handle, Int32(column)) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, Int32(column))))
    }
}

/// One table's rows, with the JSON key written before each column.
final class AuditTableStream {
    let table: String
    let cursor: RawCursor
    /// `"name":` of each column, one after the other in `keyBytes`.
    let keyBytes: [UInt8]
    let keyRanges: [Range<Int>]
    let last: Int64
    var currentSeq: Int64?
    var currentRowid: Int64?
    var outOfOrder = false

    init(_ db: Database, table: String, sql: String, fromRowid: Int64?, last: Int64) throws {
        self.table = table
        self.last = last
        let cursor = try RawCursor(db, sql: sql, arguments: fromRowid.map { [$0] } ?? [])
        self.cursor = cursor
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for column in 0..<cursor.columnCount {
            let key = Array("\"\(cursor.name(column))\":".utf8)
            ranges.append(bytes.count..<bytes.count + key.count)
            bytes += key
        }
        keyBytes = bytes
        keyRanges = ranges
        try advance()
    }

    /// Moves to the next row. A row after `last` is left for the next stretch.
    func advance() throws {
        let previous = currentSeq
        if try cursor.step() {
            currentRowid = cursor.int64(0)
            currentSeq = cursor.int64(1)
            if let previous, currentSeq! <= previous { outOfOrder = true }
        } else {
            currentRowid = nil
            currentSeq = nil
        }
    }

    /// The seq of the current row if it belongs to this stretch.
    var pendingSeq: Int64? { currentSeq.flatMap { $0 <= last ? $0 : nil } }

    /// The current row as payload JSON: `{` + each non-null column as `"name":value` + `}`.
    func encodeCurrent(into writer: inout PayloadWriter) -> Bool {
        writer.reset()
        let handle = cursor.handle
        return keyBytes.withUnsafeBufferPointer { keys in
            for column in 2..<keyRanges.count {
                let key = UnsafeBufferPointer(rebasing: keys[keyRanges[column]])
                let index = Int32(column)
                switch sqlite3_column_type(handle, index) {
                case SQLITE_NULL: continue
                case SQLITE_TEXT:
                    let text = UnsafeBufferPointer(
                        start: sqlite3_column_text(handle, index),
                        count: Int(sqlite3_column_bytes(handle, index)))
                    writer.rawField(key, text: text)
                case SQLITE_INTEGER: writer.rawField(key, integer: sqlite3_column_int64(handle, index))
                case SQLITE_FLOAT: writer.rawField(key, number: JSONNumber.text(sqlite3_column_double(handle, index)))
                default: return false
                }
            }
            writer.close()
            return true
        }
    }
}
