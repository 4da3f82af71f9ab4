/// The ledger's SQL for PostgreSQL (issue 32), beside SQLite's: its migrations (`pg001_…`) and
/// its named queries (`pgq_*.sql`), carried inside the binary like the rest.
public enum PostgresSchema {
    /// The migrations in the order they apply; index + 1 is the schema version.
    public static let migrations: [String] = [
        String(decoding: PackageResources.pg001_entry_log_sql, as: UTF8.self),
        String(decoding: PackageResources.pg002_desk_state_sql, as: UTF8.self),
        String(decoding: PackageResources.pg003_typed_rows_sql, as: UTF8.self),
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
        uniqueKeysWithValues: [
            PackageResources.pgq_entry_log_sql, PackageResources.pgq_desk_state_sql, PackageResources.pgq_typed_rows_sql,
        ]
            .flatMap { LedgerSchema.namedQueries(String(decoding: $0, as: UTF8.self)) }
            .map { ($0.name, $0.sql) })
}

/// Every query of `pgq_entry_log.sql`, `pgq_desk_state.sql` and `pgq_typed_rows.sql` by name (a test proves that each
/// resolves).
public enum PostgresLedgerQuery: String, CaseIterable, Sendable {
    case schemaVersion = "schema_version"
    case schemaExists = "schema_exists"
    case readOnly = "read_only"
    case appendLock = "append_lock"
    case head
    case appendEntries = "append_entries"
    case entriesFrom = "entries_from"
    case typedRowsDisagreeing = "typed_rows_disagreeing"
    case deskSessionOpen = "desk_session_open"
    case deskSessionsExpiredDelete = "desk_sessions_expired_delete"
    case deskSessionOf = "desk_session_of"
    case deskSessionClose = "desk_session_close"
    case deskSessionsCloseOfReviewer = "desk_sessions_close_of_reviewer"
    case deskSignInFailures = "desk_sign_in_failures"
    case deskSignInFailureAdd = "desk_sign_in_failure_add"
    case deskSignInFailuresForget = "desk_sign_in_failures_forget"

    /// The SQL text.
    public var sql: String {
        guard let sql = PostgresSchema.queries[rawValue] else {
            preconditionFailure("no query named \(rawValue) in pgq_*.sql")
        }
        return sql
    }
}
