import CSQLiteDefensive
import GRDB
import LedgerStore
import TestSupport
import Testing

@Suite("Ledger: reads")
struct ReadTests {
    /// A read on the writer's connection keeps the writer's prepared statements: GRDB's read sets
    /// `PRAGMA query_only` on and off, and SQLite then expires every statement of the connection,
    /// so each of ingest's reads made its next article prepare all of its statements again.
    @Test func aReadLeavesTheWritersStatementsPrepared() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let sql = "SELECT count(*) FROM entry WHERE seq > ?"
        let reprepared = { (db: Database) throws -> Int32 in
            let statement = try db.cachedStatement(sql: sql)
            _ = try Int.fetchOne(statement, arguments: [0])
            return sqlite3_stmt_status(statement.sqliteStatement, Int32(SQLITE_STMTSTATUS_REPREPARE), 0)
        }
        #expect(try ledger.write { db in try reprepared(db) } == 0)
        _ = try ledger.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") }
        #expect(try ledger.write { db in try reprepared(db) } == 0)
    }

    /// Reads stay reads: one that changed a row is rolled back and refused.
    @Test func aReadThatWritesIsRefusedAndKeepsNothing() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        #expect {
            try ledger.read { db in _ = try ledger.recordSource(db, sampleSource()) }
        } throws: { error in
            guard case LedgerError.refused = error else { return false }
            return true
        }
        #expect(try ledger.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") } == 0)
        #expect(try ledger.write { db in try ledger.recordSource(db, sampleSource()) } != nil)
    }
}
