/// The ledger's SQL for PostgreSQL (issue 32), beside SQLite's: its migrations (`pg001_…`) and
/// its named queries (`pgq_entry_log.sql`), carried inside the binary like the rest.
public enum PostgresSchema {
    /// The migrations in the order they apply; index + 1 is the schema version.
    public static let migrations: [String] = [
        String(decoding: PackageResources.pg001_entry_log_sql, as: UTF8.self)
    ]

    /// A migration's statements, one by one (the server takes one per call): split at each `;`
    /// that ends a line outside a `$$` function body; comment lines are left out.
    public static func statements(of migration: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        var inBody = false
        for line in migration.split(separator: "\n", omittingEmptySubsequences: false) {
            if current.isEmpty && (line.hasPrefix("--") || line.allSatisfy(\.isWhitespace)) { continue }
            current.append(line)
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && line.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
        return statements
    }

    static let queries: [String: String] = Dictionary(
        uniqueKeysWithValues: LedgerSchema.namedQueries(
            String(decoding: PackageResources.pgq_entry_log_sql, as: UTF8.self)
        )
        .map { ($0.name, $0.sql) })
}

/// Every query of `pgq_entry_log.sql` by name (a test proves that each resolves).
public enum PostgresLedgerQuery: String, CaseIterable, Sendable {
    case schemaVersion = "schema_version"
    case schemaExists = "schema_exists"
    case appendLock = "append_lock"
    case head
    case appendEntries = "append_entries"
    case entriesFrom = "entries_from"

    /// The SQL text.
    public var sql: String {
        guard let sql = PostgresSchema.queries[rawValue] else {
            preconditionFailure("no query named \(rawValue) in pgq_entry_log.sql")
        }
        return sql
    }
}
