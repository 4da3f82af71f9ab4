import Foundation
import GRDB
import LedgerSchema

/// A source as recorded: its payload (`s.title`, `s.url`…: one shape, `SourcePayload`), its short
/// ID and its entry.
@dynamicMemberLookup
public struct RecordedSource: Sendable, Equatable {
    public var source: SourcePayload
    public var shortID: String
    public var seq: Int64
    /// The article's text (nil for a source recorded by hand).
    public var body: String? { source.text }

    public subscript<T>(dynamicMember field: KeyPath<SourcePayload, T>) -> T { source[keyPath: field] }
}

extension Ledger {
    /// The full claim ID that `typed` (a unique prefix, with or without `c-`) names.
    public func resolveClaimID(_ typed: String) throws -> String {
        try resolve(typed, table: .claim)
    }

    /// The full source ID that `typed` (a unique prefix, with or without `s-`) names.
    public func resolveSourceID(_ typed: String) throws -> String {
        try resolve(typed, table: .source)
    }

    private func resolve(_ typed: String, table: IDTable) throws -> String {
        guard let (kind, hex) = Identifiers.normalisePrefix(typed), kind == nil || kind == table.marker.first else {
            throw LedgerError.unknownID(typed)
        }
        let candidates = try read { db in
            try String.fetchAll(db.cachedStatement(sql: table.withPrefix.sql), arguments: ["lo": hex, "hi": hex + "g"])
        }
        switch candidates.count {
        case 0: throw LedgerError.unknownID(typed)
        case 1: return candidates[0]
        default:
            let shown = candidates.prefix(10).map { table.marker + $0.prefix(max(hex.count + 2, 8)) }
            throw LedgerError.ambiguousID(typed, candidates: shown + (candidates.count > 10 ? ["…"] : []))
        }
    }

    /// The short form people type: `c-` or `s-` plus the shortest unique prefix.
    func shortID(_ db: Database, _ id: String, table: IDTable) throws -> String {
        let below = try String.fetchOne(db.cachedStatement(sql: table.below.sql), arguments: [id])
        let above = try String.fetchOne(db.cachedStatement(sql: table.above.sql), arguments: [id])
        return table.marker + id.prefix(Identifiers.shortLength(of: id, neighbours: [below, above]))
    }

    /// Every entry about a claim, oldest first (a quote's attribution checks and its assignments among them).
    public func history(claimID: String) throws -> [HistoryEvent] {
        try read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: LedgerQuery.claimHistory.sql), arguments: ["claim_id": claimID])
            let checks =
                try attributionChecks(db, claimID: claimID, asOf: Int64.max)
                + assignments(db, claimID: claimID, asOf: Int64.max)
            return
                (try rows.map { row in
                    HistoryEvent(
                        seq: row["seq"], change: try HistoryEvent.Change(claimRow: row), reviewer: row["reviewer"],
                        recordedAt: row["recorded_at"], hash: row["hash"], publishedBy: row["published_by"])
                } + checks).sorted { $0.seq < $1.seq }
        }
    }

    /// A recorded source with its corrections, as the ledger stood after entry `asOf` (nil: the head).
    public func source(id: String, asOf: Int64? = nil) throws -> RecordedSource {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: LedgerQuery.sourceByID.sql),
                    arguments: ["source": id, "as_of": asOf ?? Int64.max])
            else { throw LedgerError.unknownID(id) }
            return try RecordedSource(db, row: row, ledger: self)
        }
    }
}

extension RecordedSource {
    /// A row of the `source_fields` queries: the one source decoder.
    init(_ db: Database, row: Row, ledger: Ledger) throws {
        source = SourcePayload(
            sourceID: row["source_id"], sha256: row["sha256"], title: row["title"], outlet: row["outlet"],
            author: row["author"], published: row["published"], url: row["url"], text: row["body"],
            titleGuessed: (row["title_guessed"] as Int?) == 1)
        shortID = try ledger.shortID(db, source.sourceID, table: .source)
        seq = row["seq"]
    }
}
