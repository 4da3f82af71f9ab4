import Foundation
import GRDB
import LedgerSchema

/// The ledger point a report is made at: entry number, its hash and time.
public struct ReportStamp: Sendable, Equatable {
    public var asOf: Int64
    public var headHash: String
    public var recordedAt: String
}

extension Ledger {
    /// The stamp for a report at entry `asOf` (the head when nil). Refuses an entry that does not exist.
    public func reportStamp(asOf: Int64?) throws -> ReportStamp {
        let head = try self.head()
        let seq = asOf ?? head.seq
        guard seq >= 0, seq <= head.seq else {
            throw LedgerError.refused(
                "--as-of \(seq) is past the last entry (\(head.seq)); give an entry number from 1 to \(head.seq).")
        }
        if seq == 0 { return ReportStamp(asOf: 0, headHash: EntryEncoding.genesisHash, recordedAt: "") }
        return try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.entryAt.sql), arguments: [seq]) else {
                throw LedgerError.unknownID("entry \(seq)")
            }
            return ReportStamp(asOf: seq, headHash: row["hash"], recordedAt: row["recorded_at"])
        }
    }

    /// Each source (with its text) and its claims matching `filter` in article order, as they stood
    /// after `stamp.asOf`, one source at a time so memory does not grow with the ledger. Sources with
    /// no matching claim are skipped.
    /// `withMatches`: each claim's `matches` (claims of other sources recorded by then that repeat it,
    /// with their status then; matched on the claims' current wording, which the search index holds).
    public func forEachReportSource(
        _ stamp: ReportStamp, filter: ClaimFilter, withMatches: Bool = false,
        _ body: (RecordedSource, [ClaimRecord]) throws -> Void
    ) throws {
        var filter = filter
        filter.asOf = stamp.asOf
        filter.order = .position
        filter.limit = nil
        try read { db in
            let sources = try Row.fetchCursor(
                db.makeStatement(sql: (filter.sourceID == nil ? LedgerQuery.reportSources : .reportSource).sql),
                arguments: ["as_of": stamp.asOf, "source": filter.sourceID])
            while let row = try sources.next() {
                let source = try RecordedSource(db, row: row, ledger: self)
                var claims: [ClaimRecord] = []
                var one = filter
                one.sourceID = source.sourceID
                // A source alone in the ledger has nothing to match (a report of one huge article
                // would otherwise search once per claim for nothing).
                let matching =
                    try withMatches
                    && Bool.fetchOne(
                        db.cachedStatement(sql: LedgerQuery.claimsElsewhere.sql),
                        arguments: ["source": source.sourceID, "as_of": stamp.asOf]) == true
                try forEachClaim(db, one, query: .claimsOfSource) { claim in
                    var claim = try withReviewTrail(db, claim, asOf: stamp.asOf)
                    if matching {
                        claim.matches = try matches(db, of: claim, before: stamp.asOf + 1, limit: 5, asOf: stamp.asOf)
                            .map { ClaimReference($0, of: claim) }
                    }
                    claims.append(claim)
                }
                if !claims.isEmpty { try body(source, claims) }
            }
        }
    }
}
