import Foundation
import LedgerStore
import NIOSSL
import PostgresNIO

/// Where a ledger on PostgreSQL lives, as `--db` and `CLAIMLEDGER_DB` take it:
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`
/// (`postgres://` too; the password may also come from `PGPASSWORD`). TLS as libpq does it by
/// default: `prefer` tries it and goes on without when the server has none.
public struct PostgresAddress: Sendable, Equatable {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// Whether `--db` names a PostgreSQL database rather than an SQLite file.
    public static func names(_ db: String) -> Bool { db.hasPrefix("postgresql://") || db.hasPrefix("postgres://") }

    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.names(url), let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            throw LedgerError.refused(
                "\(url) is not a PostgreSQL address; write postgresql://USER@HOST[:PORT]/DATABASE. Nothing was opened.")
        }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard let user = parts.user, !user.isEmpty, !database.isEmpty, !database.contains("/") else {
            throw LedgerError.refused(
                "\(url) names no user or no database; write postgresql://USER@HOST[:PORT]/DATABASE. Nothing was opened."
            )
        }
        let mode = parts.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw LedgerError.refused("sslmode=\(mode) is not known here; use disable, prefer or require.")
        }
        self.host = host
        self.port = parts.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = (parts.password?.removingPercentEncoding ?? parts.password) ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The address as messages show it: never the password.
    public var shown: String { "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}

extension PostgresAddress {
    /// Where this machine keeps its local copy of the ledger at this address (the typed rows and
    /// derived data every command reads, made from the database's entry log): $CLAIMLEDGER_LOCAL_COPY,
    /// else DATABASE-HASH.sqlite in $XDG_CACHE_HOME/claimledger (default ~/.cache/claimledger),
    /// HASH naming host, port and database, so two databases never share a copy.
    public func localCopyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["CLAIMLEDGER_LOCAL_COPY"], !path.isEmpty { return path }
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        let key = hexSHA256("\(host):\(port)/\(database)").prefix(12)
        let name = database.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }
        return cache + "/claimledger/" + String(name) + "-" + key + ".sqlite"
    }
}
