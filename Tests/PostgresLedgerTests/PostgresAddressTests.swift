import LedgerSchema
import LedgerStore
import PostgresLedger
import Testing

@Suite("PostgreSQL addresses and schema text")
struct PostgresAddressTests {
    @Test func anAddressIsReadAndShownWithoutItsPassword() throws {
        let a = try PostgresAddress(
            "postgresql://ann:s%40cret@db.example:6543/ledger?sslmode=require", environment: [:])
        #expect(a.host == "db.example" && a.port == 6543 && a.user == "ann" && a.password == "s@cret")
        #expect(a.database == "ledger" && a.tls == .require)
        #expect(a.shown == "postgresql://ann@db.example:6543/ledger")
        let b = try PostgresAddress("postgres://bob@127.0.0.1/desk", environment: ["PGPASSWORD": "pw"])
        #expect(b.port == 5432 && b.password == "pw" && b.tls == .prefer)
        #expect(PostgresAddress.names("postgresql://x@y/z") && !PostgresAddress.names("ledger.sqlite"))
    }

    @Test(arguments: [
        "postgresql://", "postgresql://db.example/ledger", "postgresql://ann@db.example/", "mysql://ann@db/x",
        "postgresql://ann@db.example/ledger?sslmode=maybe",
    ])
    func aBadAddressIsRefused(_ url: String) {
        #expect(throws: LedgerError.self) { try PostgresAddress(url, environment: [:]) }
    }

    @Test func aMigrationSplitsIntoStatementsKeepingFunctionBodiesWhole() {
        let statements = PostgresSchema.statements(of: PostgresSchema.migrations[0])
        #expect(statements.count == 9, "2 tables, 2 functions, 4 triggers, the version row")
        let function = statements.first { $0.hasPrefix("CREATE FUNCTION entry_follows_head") } ?? ""
        #expect(function.contains("RAISE EXCEPTION") && function.hasSuffix("END $$;"))
        #expect(statements.allSatisfy { !$0.hasPrefix("--") && $0.hasSuffix(";") })
        for query in PostgresLedgerQuery.allCases { #expect(!query.sql.isEmpty) }
    }
}
