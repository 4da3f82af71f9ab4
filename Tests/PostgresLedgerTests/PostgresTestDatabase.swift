import Foundation
import PostgresLedger
import Testing

/// A new, empty database per test on the PostgreSQL server `CLAIMLEDGER_TEST_POSTGRES` names
/// (`.ci/run` starts one: Scripts/postgres_start.sh). Without it the tests that need a server are
/// skipped, except in CI (`CI=true`), where they run and fail: CI never passes without PostgreSQL.
enum PostgresTestDatabase {
    static let server = ProcessInfo.processInfo.environment["CLAIMLEDGER_TEST_POSTGRES"]
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    static var available: Bool { server != nil || required }

    /// The address of a database made for one test.
    static func fresh() throws -> String {
        let server = try #require(server, "CLAIMLEDGER_TEST_POSTGRES is not set (Scripts/postgres_start.sh prints it)")
        let name = "claimledger_t" + UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(16)
        return try PostgresLedger.makeDatabase(name, on: server)
    }
}
