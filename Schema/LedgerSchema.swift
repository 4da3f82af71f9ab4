import Foundation

// Exposes the SQL files of this folder, embedded in the binary by SwiftPM
// (`.embedInCode`), so a copied `claimledger` needs nothing beside it.

/// The ledger's SQL, as shipped inside the binary: the single source of truth.
public enum LedgerSchema {
    /// The migrations in the order they apply; index + 1 is the schema version.
    public static let migrations: [String] = [
        String(decoding: PackageResources.v001_ledger_sql, as: UTF8.self),
        String(decoding: PackageResources.v002_speaker_kind_sql, as: UTF8.self),
        String(decoding: PackageResources.v003_sources_and_verdicts_sql, as: UTF8.self),
        String(decoding: PackageResources.v004_claim_index_sql, as: UTF8.self),
        String(decoding: PackageResources.v005_reviewers_sql, as: UTF8.self),
        String(decoding: PackageResources.v006_claim_queue_sql, as: UTF8.self),
        String(decoding: PackageResources.v007_speaker_confidence_sql, as: UTF8.self),
        String(decoding: PackageResources.v008_trusted_keys_sql, as: UTF8.self),
        String(decoding: PackageResources.v009_publisher_sql, as: UTF8.self),
        String(decoding: PackageResources.v010_attribution_sql, as: UTF8.self),
        String(decoding: PackageResources.v011_attribution_credit_sql, as: UTF8.self),
        withClaimFields(
            String(decoding: PackageResources.v012_claims_current_sql, as: UTF8.self), from: "claim_fields_v12"),
        withClaimFields(String(decoding: PackageResources.v013_assignments_sql, as: UTF8.self), from: "claim_fields"),
        String(decoding: PackageResources.v014_claim_matches_sql, as: UTF8.self),
        String(decoding: PackageResources.v015_queue_newest_first_sql, as: UTF8.self),
        String(decoding: PackageResources.v016_desk_sessions_sql, as: UTF8.self),
        String(decoding: PackageResources.v017_queue_ties_sql, as: UTF8.self),
        String(decoding: PackageResources.v018_merkle_blocks_sql, as: UTF8.self),
    ]

    /// Migrations 12 and 13 make the view `claims_current` from the library's own fragment
    /// `claim_fields` ("as of" every entry: a view takes no parameters), its comments and layout left
    /// out so that only a change of the SQL itself changes the view (and needs a migration that makes
    /// it again: `audit` compares a ledger's view with what the migrations make). A migration that
    /// has shipped reads its own frozen copy of the fragment (`claim_fields_v12`), so it keeps making
    /// the view it made.
    static func withClaimFields(_ migration: String, from name: String) -> String {
        guard let fragment = fragments[name] else { preconditionFailure("q_ledger.sql has no \(name)") }
        let code = fragment.split(separator: "\n").map { line in
            line.range(of: "--").map { line[..<$0.lowerBound] } ?? line
        }
        let sql = code.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return migration.replacingOccurrences(
            of: "{claim_fields}", with: sql.replacingOccurrences(of: ":as_of", with: String(Int64.max)))
    }

    /// Read compatibility: `readCompatibility[v]` lets a read-only connection to a ledger of
    /// version `v` read it as version `v + 1` with TEMP objects only (nil: nothing needed).
    public static let readCompatibility: [Int: String] = [
        1: String(decoding: PackageResources.c002_speaker_kind_sql, as: UTF8.self),
        2: String(decoding: PackageResources.c003_sources_and_verdicts_sql, as: UTF8.self),
        3: String(decoding: PackageResources.c004_claim_index_sql, as: UTF8.self),
        4: String(decoding: PackageResources.c005_reviewers_sql, as: UTF8.self),
        5: String(decoding: PackageResources.c006_claim_queue_sql, as: UTF8.self),
        6: String(decoding: PackageResources.c007_speaker_confidence_sql, as: UTF8.self),
        7: String(decoding: PackageResources.c008_trusted_keys_sql, as: UTF8.self),
        8: String(decoding: PackageResources.c009_publisher_sql, as: UTF8.self),
        9: String(decoding: PackageResources.c010_attribution_sql, as: UTF8.self),
        10: String(decoding: PackageResources.c011_attribution_credit_sql, as: UTF8.self),
        12: String(decoding: PackageResources.c013_assignments_sql, as: UTF8.self),
        13: String(decoding: PackageResources.c014_claim_matches_sql, as: UTF8.self),
        17: String(decoding: PackageResources.c018_merkle_blocks_sql, as: UTF8.self),
    ]

    /// Per kind of entry, the statements that write its typed rows from its payload
    /// (`q_replay.sql`: a kind's first statement, then its `kind/part`s, in file order).
    public static let replay: [String: [String]] = Dictionary(
        namedQueries(String(decoding: PackageResources.q_replay_sql, as: UTF8.self)).map {
            (String($0.name.prefix { $0 != "/" }), [$0.sql])
        }, uniquingKeysWith: +)

    /// Named audit checks (`q_audit.sql`), in file order.
    public static let auditQueries: [(name: String, sql: String)] =
        namedQueries(String(decoding: PackageResources.q_audit_sql, as: UTF8.self))

    /// The audit query called `name` in `q_audit.sql`; a missing name is a programming error.
    public static func auditQuery(_ name: String) -> String {
        guard let sql = auditQueries.first(where: { $0.name == name })?.sql else {
            preconditionFailure("no query named \(name) in q_audit.sql")
        }
        return sql
    }

    /// Named library queries (`q_ledger.sql`). A query may use another as a subquery by writing
    /// its name in braces (`FROM ({claims})`), so a filter is written once.
    /// A `-- fragment: X` section is such a part, never run on its own.
    public static var queries: [String: String] {
        Dictionary(uniqueKeysWithValues: rawQueries.keys.map { ($0, query($0)!) })
    }

    /// One named library query with its fragments in place, resolved the first time it is asked
    /// for (a command uses a few of the file's queries; resolving all of them took a part of every
    /// process's start).
    public static func query(_ name: String) -> String? {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let done = resolved[name] { return done }
        guard var sql = rawQueries[name] else { return nil }
        var from = sql.startIndex
        while let open = sql[from...].firstIndex(of: "{"), let close = sql[open...].firstIndex(of: "}") {
            if let fragment = fragments[String(sql[sql.index(after: open)..<close])] {
                let offset = sql.distance(from: sql.startIndex, to: open)
                sql.replaceSubrange(open...close, with: fragment)
                from = sql.index(sql.startIndex, offsetBy: offset)  // a fragment may name another
            } else {
                from = sql.index(after: open)
            }
        }
        resolved[name] = sql
        return sql
    }

    nonisolated(unsafe) private static var resolved: [String: String] = [:]
    private static let cacheLock = NSLock()
    private static let queryFile = String(decoding: PackageResources.q_ledger_sql, as: UTF8.self)
    private static let rawQueries: [String: String] = Dictionary(
        uniqueKeysWithValues: namedQueries(queryFile).map { ($0.name, $0.sql) })
    private static let fragments: [String: String] =
        Dictionary(uniqueKeysWithValues: namedQueries(queryFile, marker: "-- fragment: ").map { ($0.name, $0.sql) })

    /// Splits a file into the sections that follow each `-- name: X` line.
    static func namedQueries(_ text: String, marker: String = "-- name: ") -> [(name: String, sql: String)] {
        var result: [(String, String)] = []
        var name: String?
        var body: [Substring] = []
        func flush() {
            if let name {
                let sql = body.joined(separator: "\n").trimmingWhitespace()
                result.append((name, sql))
            }
            body = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- name: ") || line.hasPrefix("-- fragment: ") {
                flush()
                name = line.hasPrefix(marker) ? String(line.dropFirst(marker.count)) : nil
            } else if name != nil {
                body.append(line)
            }
        }
        flush()
        return result
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
