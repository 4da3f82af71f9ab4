import Foundation
import GRDB
import LedgerSchema
import TestSupport
import Testing

@testable import LedgerStore

/// The table and the column list an `INSERT INTO table (…) VALUES (…)` names, and its values.
struct InsertStatement {
    let table: String
    let columns: [String]
    let values: [String]

    init?(_ sql: String) {
        guard let into = sql.range(of: "INSERT INTO ") else { return nil }
        let rest = sql[into.upperBound...]
        func list(_ text: Substring) -> [String] {
            text[text.firstIndex(of: "(")!...].dropFirst().prefix { $0 != ")" }.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\"", with: "")
            }
        }
        table = String(rest.prefix { $0 != " " && $0 != "(" })
        columns = list(rest)
        values = rest.range(of: "VALUES").map { list(rest[$0.upperBound...]) } ?? []
    }
}

/// Issue 31 item 2: every table's insert names its columns' parameters after them (bound by name,
/// `Bindings.add(_:as:)`), and the audit reads each kind of entry's payload from columns of the
/// payload's own names.
@Suite("Table columns by name")
struct TableColumnsTests {
    static let library = LedgerQuery.allCases.filter { $0.rawValue.hasPrefix("insert_") }

    @Test func everyInsertButTheClaimsBindsEachColumnByItsName() throws {
        for query in TableColumnsTests.library where query != .insertClaim {
            let insert = try #require(InsertStatement(query.sql), "\(query)")
            #expect(insert.values == insert.columns.map { ":" + $0 }, "\(query)")
        }
        #expect(InsertStatement(LedgerQuery.insertClaim.sql)?.columns == ClaimTableColumn.allCases.map(\.name))
    }

    @Test func everyInsertWritesEveryColumnOfItsTable() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        for query in TableColumnsTests.library {
            let insert = try #require(InsertStatement(query.sql))
            let table = try ledger.read { db in
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(insert.table))").map { $0["name"] as String }
            }
            #expect(Set(table) == Set(insert.columns) && table.count == insert.columns.count, "\(query)")
        }
    }

    /// With one entry of every kind, the audit's query for a kind reads (after its row number and
    /// `seq`) columns named as the payload's keys, in their sorted order, and every key its payloads
    /// carry. (That it reads no column a payload lacks is the audit's own byte-for-byte comparison.)
    @Test func theAuditReadsEachPayloadFromColumnsOfItsKeys() throws {
        let dir = TemporaryDirectory()
        let ledger = try LedgerFixtures.everyKind(dir)
        let (keys, columns) = try ledger.read { db in
            var keys: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, payload FROM entry") {
                let payload = try JSONSerialization.jsonObject(with: Data((row["payload"] as String).utf8))
                keys[row["kind"], default: []].formUnion((payload as? [String: Any] ?? [:]).keys)
            }
            let columns = try EntryKind.allCases.map { kind in
                (kind.rawValue, try db.makeStatement(sql: AuditQuery.rows(entryKind: kind.rawValue).sql).columnNames)
            }
            return (keys, Dictionary(uniqueKeysWithValues: columns))
        }
        for kind in EntryKind.allCases {
            let read = try #require(columns[kind.rawValue])
            #expect(read.count > 2 && read[1] == "seq", "\(kind)")
            let fields = Array(read.dropFirst(2))
            #expect(fields == fields.sorted(), "\(kind)")
            let carried = try #require(keys[kind.rawValue], "no \(kind) entry")
            #expect(carried.isSubset(of: fields), "\(kind): \(fields) vs \(carried)")
        }
    }
}
