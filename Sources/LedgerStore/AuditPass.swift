import CSQLiteDefensive
import Crypto
import Foundation
import GRDB
import LedgerSchema

// The streaming pass of `audit`. It reads rows straight from SQLite's buffers (no Swift String
// per column): at a million entries the audit reads about a gigabyte, and building values for it
// cost more than hashing it.

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
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
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

extension UnsafeBufferPointer<UInt8> {
    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }

    func equals(_ other: [UInt8]) -> Bool { other.withUnsafeBufferPointer { equals($0) } }
}

/// Calls `body` with `value` in decimal ASCII, written on the stack (no allocation per number).
@inline(__always)
func withDecimal<R>(_ value: Int64, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    var storage = (UInt64(0), UInt64(0), UInt64(0))            // 24 bytes: 20 digits and a sign fit
    return withUnsafeMutableBytes(of: &storage) { buffer in
        var v = value.magnitude
        var start = buffer.count
        repeat { start -= 1; buffer[start] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 } while v > 0
        if value < 0 { start -= 1; buffer[start] = UInt8(ascii: "-") }
        return body(UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
}

/// One stretch of the log, entries `first...last`, checked in one pass:
/// - the chain: numbering without gaps, each link, each hash recomputed from the canonical
///   encoding (docs/LEDGER-FORMAT.md);
/// - the typed tables: walked beside the entries in `seq` order (a merge join), every entry has its
///   one row in the table of its kind, no table has a row without its entry, and each row,
///   re-encoded with the payload writer (column names as keys), is its entry's payload byte for byte.
/// `audit` runs two stretches at once, one per core, and checks that they meet.
struct AuditShare {
    var first: Int64
    var last: Int64
    /// Whether `first` starts the log (the stretch's first entry links to the genesis hash).
    var fromGenesis: Bool { first == 1 }
    /// Read the tables to their end: rows after `last` belong to no entry.
    var toTheEnd: Bool
    var checkChain = true
    /// Read tables whole in seq order (the authoritative, slower way) instead of by rowid.
    var bySeq = false

    struct Outcome {
        var chainProblem: AuditReport.Problem?
        /// The entries verified, and the hash of the last one (the head when the stretch is whole).
        var lastSeq: Int64
        var lastHash: [UInt8]
        /// The prev_hash the first entry carries, to be checked against the stretch before.
        var firstPrevHash: [UInt8]?
        /// The first and last `recorded_at` of the stretch: times never go back across stretches either.
        var firstRecordedAt: [UInt8]?
        var lastRecordedAt: [UInt8] = []
        var rowProblem: AuditReport.Problem?
        /// The rows were not in seq order, or a row problem was found reading by rowid: the tables
        /// must be read again by seq to say what is wrong.
        var needsSeqOrder = false
        /// Per table, the rowid of the first row after this stretch (nil at the table's end).
        var stoppedAt: [Int64?] = []
        var startedAt: [Int64?] = []
    }

    /// One table's rows, with the JSON key written before each column.
    final class TableStream {
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
                        let text = UnsafeBufferPointer(start: sqlite3_column_text(handle, index),
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

    /// The table whose rows each kind of entry adds.
    static let tables: [EntryKind: String] = [
        .sourceRecorded: "source", .claimRecorded: "claim", .statusChanged: "review",
        .noteAdded: "note", .correction: "correction",
    ]
    static let tagLine = Array((EntryEncoding.tag + "\n").utf8)
    /// The index in `EntryKind.allCases` of the kind spelled by these bytes, or nil.
    @inline(__always)
    static func kindIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        EntryKind.allCases.firstIndex { $0.rawValue.utf8.elementsEqual(bytes) }
    }

    static func rowProblem(_ seq: Int64, _ table: String) -> AuditReport.Problem {
        .init(seq: seq, message: "the \(table) table disagrees with this entry (a derived row was altered, added or removed)")
    }

    func run(_ db: Database) throws -> Outcome {
        // The tables, each from where this stretch begins.
        var streams: [TableStream] = []
        var startedAt: [Int64?] = []
        for kind in EntryKind.allCases {
            let name = kind.rawValue
            var from: Int64? = nil
            if !bySeq {
                from = fromGenesis ? Int64.min
                    : try Int64.fetchOne(db, sql: AuditQuery.firstRow(entryKind: name).sql, arguments: [first]) ?? Int64.max
                startedAt.append(from == Int64.max ? nil : from)
            }
            streams.append(try TableStream(db, table: AuditShare.tables[kind]!, sql: (bySeq ? AuditQuery.rowsBySeq(entryKind: name) : .rows(entryKind: name)).sql,
                                           fromRowid: from, last: toTheEnd ? .max : last))
        }

        var outcome = Outcome(lastSeq: first - 1, lastHash: fromGenesis ? Array(EntryEncoding.genesisHash.utf8) : [])
        outcome.startedAt = startedAt
        var expectedSeq = first
        var previous: [UInt8]? = fromGenesis ? Array(EntryEncoding.genesisHash.utf8) : nil
        var recomputed = [UInt8](repeating: 0, count: 64)
        var header: [UInt8] = []
        header.reserveCapacity(256)
        var writer = PayloadWriter()
        var checkRows = true
        func chainProblem(_ seq: Int64, _ message: String) -> Outcome {
            var o = outcome
            o.chainProblem = .init(seq: seq, message: message)
            return o
        }

        // The seq of each table's next row in this stretch (.max when none), in EntryKind order.
        var pending = streams.map { $0.pendingSeq ?? .max }
        let rows = try RawCursor(db, sql: AuditQuery.entriesBetween.sql, arguments: [first, last])
        while try rows.step() {
            guard rows.type(0) == SQLITE_INTEGER else { return chainProblem(expectedSeq, "its number is not an integer") }
            let seq = rows.int64(0)
            guard let kind = rows.text(1), let recordedAt = rows.text(2), let prevHash = rows.text(3),
                  let payload = rows.text(4), let hash = rows.text(5)
            else { return chainProblem(seq, "a field is missing or not text") }
            let kindIndex = AuditShare.kindIndex(kind)

            if checkChain {
                if seq != expectedSeq {
                    return chainProblem(expectedSeq, seq > expectedSeq
                                        ? "missing: the log jumps from entry \(expectedSeq - 1) to \(seq)"
                                        : "out of order: entry \(seq) appears after entry \(expectedSeq - 1)")
                }
                if kindIndex == nil {
                    return chainProblem(seq, "unknown kind \"\(String(decoding: kind, as: UTF8.self))\"")
                }
                if let previous {
                    if !prevHash.equals(previous) {
                        return chainProblem(seq, "prev_hash does not match entry \(seq - 1)'s hash (the chain is broken)")
                    }
                } else {
                    outcome.firstPrevHash = Array(prevHash)          // checked against the stretch before
                }
                // The canonical encoding: the header lines, then the payload in place.
                header.removeAll(keepingCapacity: true)
                header.append(contentsOf: AuditShare.tagLine)
                withDecimal(seq) { header.append(contentsOf: $0) }; header.append(0x0A)
                header.append(contentsOf: kind); header.append(0x0A)
                header.append(contentsOf: recordedAt); header.append(0x0A)
                header.append(contentsOf: prevHash); header.append(0x0A)
                var hasher = SHA256()
                header.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(payload))
                hasher.finalize().writeHex(into: &recomputed)
                if !hash.equals(recomputed) {
                    let stored = String(decoding: hash, as: UTF8.self)
                    let mine = String(decoding: recomputed, as: UTF8.self)
                    return chainProblem(seq, "its content does not match its hash (stored \(stored.prefix(12))…, recomputed \(mine.prefix(12))…)")
                }
                if let problem = timeProblem(recordedAt, after: outcome.lastRecordedAt, seq: seq) { return chainProblem(seq, problem) }
                if outcome.firstRecordedAt == nil { outcome.firstRecordedAt = Array(recordedAt) }
                outcome.lastRecordedAt.removeAll(keepingCapacity: true)
                outcome.lastRecordedAt.append(contentsOf: recordedAt)
                if previous == nil { previous = recomputed } else { swap(&previous!, &recomputed) }
                outcome.lastSeq = seq
                outcome.lastHash = previous!
                expectedSeq += 1
            }

            guard checkRows else { continue }
            if let kindIndex {
                let own = streams[kindIndex]
                if pending[kindIndex] == seq, own.encodeCurrent(into: &writer), writer.matches(payload) {
                    try own.advance()
                    pending[kindIndex] = own.pendingSeq ?? .max
                } else if pending[kindIndex] >= seq {                    // its row is missing or differs
                    outcome.rowProblem = AuditShare.rowProblem(seq, own.table)
                    checkRows = false
                    continue
                }
            }
            // A table's pending row with this seq or an earlier one has no entry of its kind.
            if let n = pending.indices.first(where: { pending[$0] <= seq }) {
                outcome.rowProblem = AuditShare.rowProblem(pending[n], streams[n].table)
                checkRows = false
            }
        }
        if checkChain && expectedSeq <= last {
            return chainProblem(expectedSeq, "missing: the log jumps from entry \(expectedSeq - 1) past entry \(last)")
        }
        if checkRows {
            // Rows left over in this stretch belong to no entry.
            if let stray = streams.compactMap({ s in s.pendingSeq.map { ($0, s.table) } }).min(by: { $0.0 < $1.0 }) {
                outcome.rowProblem = AuditShare.rowProblem(stray.0, stray.1)
            }
        }
        outcome.needsSeqOrder = !bySeq && (outcome.rowProblem != nil || streams.contains { $0.outOfOrder })
        outcome.stoppedAt = streams.map { $0.currentRowid }
        return outcome
    }
}
