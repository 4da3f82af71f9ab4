import GRDB
import LedgerSchema
import TestSupport
import Testing

@testable import LedgerStore

/// Issue 31 item 2: a claim's columns are named once in Swift (`ClaimColumn`, `ClaimTableColumn`)
/// and checked here against the SQL that reads and writes them, so the two cannot drift apart.
@Suite("Claim columns by name")
struct ClaimColumnsTests {
    @Test func theClaimsQueriesGiveTheColumnsInTheirOrder() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let names = try ledger.read { db in
            try db.makeStatement(sql: LedgerQuery.claimByID.sql).columnNames
        }
        #expect(names == ClaimColumn.allCases.map(\.name))
    }

    @Test func theInsertBindsEveryColumnOfTheTableInItsOrder() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let table = try ledger.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(claim)").map { $0["name"] as String }
        }
        let listed = try #require(InsertStatement(LedgerQuery.insertClaim.sql)).columns
        #expect(listed == ClaimTableColumn.allCases.map(\.name))
        #expect(Set(table) == Set(listed) && table.count == listed.count)
    }

    /// The copy from another engine (`q_replay.sql`) writes each table's columns as the library's
    /// own insert does, and every kind of entry has its statement.
    @Test func theReplayWritesTheColumnsTheLibrarysInsertsWrite() {
        func columns(_ sql: String) -> (table: String, columns: [String])? {
            InsertStatement(sql).map { ($0.table, $0.columns) }
        }
        let inserts = Dictionary(
            uniqueKeysWithValues: LedgerQuery.allCases.filter { $0.rawValue.hasPrefix("insert_") }.compactMap {
                columns($0.sql)
            })
        #expect(Set(LedgerSchema.replay.keys) == Set(EntryKind.allCases.map(\.rawValue)))
        for statement in LedgerSchema.replay.values.joined() {
            let replayed = columns(statement)
            #expect(replayed != nil && inserts[replayed!.table] == replayed!.columns, "\(statement.prefix(60))")
        }
    }

    @Test func namesAreTheSQLSpelling() {
        #expect(ClaimColumn.claimID.name == "claim_id" && ClaimColumn.sentenceStart.name == "sentence_start")
        #expect(ClaimColumn.speakerConfidence.name == "speaker_confidence" && ClaimColumn.end.name == "end")
    }
}
