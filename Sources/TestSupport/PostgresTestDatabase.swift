import Foundation
import LedgerStore
import PostgresLedger
import ReviewerAccess

/// A new, empty database per test on the PostgreSQL server `CLAIMLEDGER_TEST_POSTGRES` names
/// (`.ci/run` starts one: Scripts/postgres_start.sh). Without it the tests that need a server are
/// skipped, except in CI (`CI=true`), where they run and fail: CI never passes without PostgreSQL.
public enum PostgresTestDatabase {
    public static let server = ProcessInfo.processInfo.environment["CLAIMLEDGER_TEST_POSTGRES"]
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    public static var available: Bool { server != nil || required }

    /// The address of a database made for one test.
    public static func fresh() throws -> String {
        guard let server else {
            throw TestSetupError("CLAIMLEDGER_TEST_POSTGRES is not set (Scripts/postgres_start.sh prints it)")
        }
        let name = "claimledger_t" + UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(16)
        return try PostgresLedger.makeDatabase(name, on: server)
    }
}

/// Which engine the end-to-end suites run the binary on: `CLAIMLEDGER_TEST_ENGINE=postgres` puts
/// every ledger they make in a fresh PostgreSQL database (with a local copy in the test's folder),
/// so the same suite checks both engines (`.ci/run` runs it twice). Tests that work on the SQLite
/// file itself (tampering with it, older schemas) are marked `.onTheSQLiteFile` and run once.
public enum TestEngine: String, Sendable {
    case sqlite, postgres

    /// The local copy's file in a test's folder, shared by the binary and the test's own ledger.
    public static let localCopy = "local-copy.sqlite"

    public static let current =
        TestEngine(
            rawValue: ProcessInfo.processInfo.environment["CLAIMLEDGER_TEST_ENGINE"] ?? "sqlite") ?? .sqlite

    /// A ledger address for one test in `dir`, and the environment the binary needs to use it.
    public static func ledger(in dir: TemporaryDirectory) -> (db: String, environment: [String: String]) {
        switch current {
        case .sqlite: return (dir.file("ledger.sqlite"), [:])
        case .postgres:
            do {
                return (try PostgresTestDatabase.fresh(), ["CLAIMLEDGER_LOCAL_COPY": dir.file(localCopy)])
            } catch {
                fatalError("CLAIMLEDGER_TEST_ENGINE=postgres: \(error)")
            }
        }
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension TestEngine {
    /// The ledger `ledger(in:)` made, opened in-process as a server opens it: the SQLite file, or on
    /// PostgreSQL a local copy (file `copy` in `dir`: one per server) following the database.
    public static func open(
        db: String, in dir: TemporaryDirectory, copy: String = localCopy, concurrentReads: Bool = false
    ) throws -> Ledger {
        switch current {
        case .sqlite: return try Ledger(path: db, create: true, concurrentReads: concurrentReads)
        case .postgres:
            let ledger = try Ledger(path: dir.file(copy), create: true, concurrentReads: concurrentReads)
            try ledger.follow(try PostgresLedger(address: try PostgresAddress(db), create: true))
            return ledger
        }
    }

    /// A new ledger in `dir`'s file `file`: the ledger itself on SQLite, on PostgreSQL the local
    /// copy of a fresh database.
    public static func fresh(in dir: TemporaryDirectory, file: String) throws -> Ledger {
        switch current {
        case .sqlite: return try Ledger(path: dir.file(file), create: true)
        case .postgres: return try open(db: try PostgresTestDatabase.fresh(), in: dir, copy: file)
        }
    }

    /// Where a desk on this ledger keeps its sessions: nil (the SQLite file) or the database.
    public static func deskState(db: String) throws -> (any DeskStateStore)? {
        current == .postgres ? try PostgresDeskState(address: try PostgresAddress(db)) : nil
    }
}
