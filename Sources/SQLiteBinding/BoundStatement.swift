import CSQLiteDefensive
import GRDB

/// Values bound by hand on the append path.
///
/// GRDB's `StatementArguments` turn every value into a `DatabaseValue` first; at tens of
/// thousands of appends a second, that boxing and the retains and releases around it were about a
/// tenth of a bulk ingest (perf). Here each value goes straight to `sqlite3_bind_*`; SQLite copies
/// it (SQLITE_TRANSIENT), so nothing bound outlives the call.
package struct Bindings {
    fileprivate let handle: OpaquePointer
    /// The last parameter bound by place, and how many were bound in all.
    fileprivate var index: Int32 = 0
    fileprivate var bound: Int32 = 0
    fileprivate var failure: Int32 = SQLITE_OK
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    fileprivate init(_ handle: OpaquePointer) { self.handle = handle }

    private mutating func check(_ code: Int32) {
        bound += 1
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
    }

    /// The place of the parameter `:name`; a name the statement lacks is a programming error.
    private func place(_ name: String) -> Int32 {
        let place = sqlite3_bind_parameter_index(handle, ":" + name)
        precondition(place > 0, "the statement has no parameter :\(name)")
        return place
    }

    package mutating func add(_ value: String?) {
        index += 1
        bind(value, at: index)
    }

    /// Binds the parameter `:column` (the inserts name each column's parameter after it).
    package mutating func add(_ value: String?, as column: String) { bind(value, at: place(column)) }

    private mutating func bind(_ value: String?, at index: Int32) {
        guard var value else {
            check(sqlite3_bind_null(handle, index))
            return
        }
        let handle = handle
        let code = value.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, Bindings.transient)  // '' is not NULL
            }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), Bindings.transient)
            }
        }
        check(code)
    }

    package mutating func add(_ value: Int64?) {
        index += 1
        bind(value, at: index)
    }

    package mutating func add(_ value: Int64?, as column: String) { bind(value, at: place(column)) }

    private mutating func bind(_ value: Int64?, at index: Int32) {
        check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    package mutating func add(_ value: Int?) { add(value.map(Int64.init)) }

    package mutating func add(_ value: Int?, as column: String) { add(value.map(Int64.init), as: column) }

    package mutating func add(_ value: Double?) {
        index += 1
        bind(value, at: index)
    }

    package mutating func add(_ value: Double?, as column: String) { bind(value, at: place(column)) }

    private mutating func bind(_ value: Double?, at index: Int32) {
        check(value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }
}

extension Statement {
    /// Binds the values `bind` adds, in order, and runs the statement once.
    package func execute(_ db: Database, binding bind: (inout Bindings) -> Void) throws {
        _ = try step(db, binding: bind)
    }

    /// Binds the values, runs the statement, and tells whether it returned a row.
    package func returnsRow(_ db: Database, binding bind: (inout Bindings) -> Void) throws -> Bool {
        try step(db, binding: bind)
    }

    /// Runs the statement and reads its first row, if any, with `read`.
    package func firstRow<T>(
        _ db: Database, binding bind: (inout Bindings) -> Void = { _ in },
        read: (RowReader) -> T
    ) throws -> T? {
        try step(db, binding: bind) { read(RowReader(handle: sqliteStatement)) }
    }

    private func step(_ db: Database, binding bind: (inout Bindings) -> Void) throws -> Bool {
        try step(db, binding: bind) { true } ?? false
    }

    private func step<T>(_ db: Database, binding bind: (inout Bindings) -> Void, onRow: () -> T) throws -> T? {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { sqlite3_reset(handle) }
        var bindings = Bindings(handle)
        bind(&bindings)
        if bindings.bound != Int32(sqlite3_bind_parameter_count(handle)) {
            preconditionFailure(
                "\(sql): \(bindings.bound) values bound for \(sqlite3_bind_parameter_count(handle)) parameters")
        }
        if bindings.failure != SQLITE_OK { throw error(db, code: bindings.failure) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return onRow()
        case SQLITE_DONE: return nil
        default: throw error(db, code: sqlite3_extended_errcode(db.sqliteConnection))
        }
    }

    private func error(_ db: Database, code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}

/// The current row of a statement stepped by hand.
package struct RowReader {
    package let handle: OpaquePointer
    package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    package func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}
