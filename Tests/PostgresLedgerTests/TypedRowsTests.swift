import Foundation
import LedgerAudit
import LedgerStore
import PostgresNIO
import TestSupport
import Testing

@testable import PostgresLedger

/// The ledger's typed rows inside PostgreSQL (migration pg003): made by the database from each
/// entry as it is inserted, the same rows as SQLite's for every kind of entry, and never changed.
@Suite("Typed rows on PostgreSQL", .enabled(if: PostgresTestDatabase.available))
struct TypedRowsTests {
    /// Each table's rows as text, the same query on both engines (SQLite through its sqlite3 tool).
    static let shapes: [(table: String, columns: [String])] = [
        ("source", ["seq", "source_id", "coalesce(title, '')", "coalesce(url, '')", "coalesce(published, '')"]),
        ("claim", ["seq", "claim_id", "source_id", "kind", "text", "coalesce(speaker, '')", "coalesce(via, '')"]),
        ("speaker_confidence", ["seq"]),
        ("review", ["seq", "claim_id", "status", "evidence", "reviewer", "coalesce(rating, '')"]),
        ("review_credit", ["seq", "published_by"]), ("note", ["seq", "claim_id", "text", "reviewer"]),
        ("correction", ["seq", "claim_id", "field", "coalesce(value, '')", "reason"]),
        ("source_correction", ["seq", "source_id", "field", "coalesce(value, '')"]),
        ("rating", ["seq", "label", "means", "value"]), ("reviewer", ["seq", "name", "token_hash"]),
        ("reviewer_revocation", ["seq", "name"]), ("trusted_key", ["seq", "key"]),
        ("publisher", ["seq", "name", "review_url"]), ("attribution", ["seq", "claim_id", "verdict", "evidence"]),
        ("attribution_credit", ["seq", "published_by"]), ("assignment", ["seq", "claim_id", "coalesce(assignee, '')"]),
    ]

    @Test func everyKindOfEntryMakesTheSameRowsAsOnSQLite() throws {
        let dir = TemporaryDirectory()
        let sqlite = try LedgerFixtures.everyKind(dir)
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: sqlite)
        for (table, columns) in Self.shapes {
            let row = "(\(columns.joined(separator: " || '|' || ")))"
            let query = "SELECT \(row) AS r FROM \(table) ORDER BY seq"
            let result = try ClaimLedgerBinary.runProcess(
                URL(fileURLWithPath: "/usr/bin/sqlite3"), [sqlite.path, query])
            let onSQLite = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
                String.init)
            let onPostgres = try postgres.run(query.replacingOccurrences(of: row, with: row + "::text")).map {
                try $0.decode(String?.self) ?? ""  // a NULL in the row: sqlite3 prints an empty line
            }
            // Every table has rows in the fixture but attribution_credit (no imported attribution verdict).
            #expect(!onSQLite.isEmpty || table == "attribution_credit", "\(table): \(result.stderr)")
            #expect(onPostgres == onSQLite, "\(table)")
        }
    }

    @Test func typedRowsRefuseUpdateDeleteAndTruncate() throws {
        let dir = TemporaryDirectory()
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: try LedgerFixtures.seeded(dir))
        for statement in [
            "UPDATE claim SET speaker = 'Someone Else'", "DELETE FROM claim", "DELETE FROM reviewer", "TRUNCATE source",
        ] {
            #expect(throws: LedgerError.self, "\(statement)") { try postgres.run(statement) }
        }
        #expect(try postgres.run("SELECT count(*) FROM claim").first?.decode(Int64.self) ?? 0 > 0)
    }

    /// A superuser who switches the guards off and changes who said a quote is caught by `audit`,
    /// which names the entry.
    @Test func theAuditCatchesATypedRowChangedBehindItsBack() throws {
        let dir = TemporaryDirectory()
        let postgres = try PostgresLedger(address: try PostgresAddress(try PostgresTestDatabase.fresh()), create: true)
        try postgres.copy(from: try LedgerFixtures.seeded(dir))
        #expect(try postgres.audit(AuditRequest(checkpoints: [], verifier: nil)).passed)
        let quote = try #require(
            try postgres.run("SELECT seq FROM claim WHERE speaker IS NOT NULL ORDER BY seq LIMIT 1").first?.decode(
                Int64.self))
        try postgres.run("ALTER TABLE claim DISABLE TRIGGER USER")
        try postgres.run("UPDATE claim SET speaker = 'Someone Else' WHERE seq = \(quote)")
        let outcome = try postgres.audit(AuditRequest(checkpoints: [], verifier: nil))
        #expect(
            !outcome.passed && outcome.report.problem?.seq == quote, "\(String(describing: outcome.report.problem))")
        #expect(try ChainAudit.run(postgres).passed, "the entries themselves are untouched")
    }
}
