import Foundation
import Logging
import NIOPosix
import PostgresLedger
import PostgresNIO
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
        let address = try PostgresAddress(server)
        let name = "claimledger_t" + UUID().uuidString.prefix(12).lowercased().filter(\.isHexDigit)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: .init(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable), id: 1, logger: logger
        ).wait()
        defer { try? connection.close().wait() }
        _ = try connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).wait()
        guard var parts = URLComponents(string: server) else { throw PostgresAddress.Invalid() }
        parts.path = "/" + name
        return try #require(parts.string)
    }
}

extension PostgresAddress {
    struct Invalid: Error {}
}
