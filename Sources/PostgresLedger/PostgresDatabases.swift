import Foundation
import LedgerStore
import PostgresNIO

extension PostgresLedger {
    /// Makes the empty database `name` on the server `server` names (connecting to the database in
    /// its address), dropping one of that name first with `replacing`; returns the new database's
    /// address. For the tests' and the benchmark's own databases: `name` must be a plain identifier.
    public static func makeDatabase(_ name: String, on server: String, replacing: Bool = false) throws -> String {
        guard name.first?.isLetter == true, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { throw LedgerError.refused("\(name) is not a plain database name (letters, digits, _).") }
        let address = try PostgresAddress(server)
        let connection = try connect(address)
        defer { try? connection.close().wait() }
        for sql in (replacing ? ["DROP DATABASE IF EXISTS \(name)"] : []) + ["CREATE DATABASE \(name)"] {
            do {
                _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: quietLogger).wait()
            } catch {
                throw LedgerError.unreachable(address: address.shown, reason: reason(error))
            }
        }
        guard var parts = URLComponents(string: server) else { return server }
        parts.path = "/" + name
        return parts.string ?? server
    }
}
