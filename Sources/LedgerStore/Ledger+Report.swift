import Foundation
import GRDB
import LedgerSchema

/// A claim as the ledger stood at some entry, with what a report needs.
public struct ReportClaim: Sendable, Equatable {
    public var claimID: String
    public var shortID: String
    public var seq: Int64
    public var kind: String
    public var text: String
    public var speaker: String?
    public var cue: String?
    public var via: String?
    public var claimType: String?
    public var score: Double?
    public var start: Int?
    public var end: Int?
    public var sentenceStart: Int?
    public var sentenceEnd: Int?
    public var status: String
    public var evidence: String?
    public var reviewer: String?
    public var note: String?
    public var reviewedAt: String?
}

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
            throw LedgerError.refused("--as-of \(seq) is past the last entry (\(head.seq)); give an entry number from 1 to \(head.seq).")
        }
        if seq == 0 { return ReportStamp(asOf: 0, headHash: EntryEncoding.genesisHash, recordedAt: "") }
        return try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerSchema.query("entry_at")), arguments: [seq]) else {
                throw LedgerError.unknownID("entry \(seq)")
            }
            return ReportStamp(asOf: seq, headHash: row["hash"], recordedAt: row["recorded_at"])
        }
    }

    /// Each source (with its text) and its claims matching `filter`, as they stood after `stamp.asOf`,
    /// one source at a time so memory does not grow with the ledger. Sources with no matching claim are skipped.
    public func forEachReportSource(_ stamp: ReportStamp, filter: ClaimFilter,
                                    _ body: (RecordedSource, [ReportClaim]) throws -> Void) throws {
        try read { db in
            let sources = try Row.fetchCursor(db.makeStatement(sql: LedgerSchema.query("report_sources")),
                                              arguments: ["as_of": stamp.asOf, "source": filter.sourceID])
            let claimsStatement = try db.makeStatement(sql: LedgerSchema.query("report_claims"))
            while let row = try sources.next() {
                let sourceID: String = row["source_id"]
                let source = RecordedSource(sourceID: sourceID, shortID: try shortID(db, sourceID, table: "source", marker: "s-"),
                                            seq: row["seq"], sha256: row["sha256"], title: row["title"], outlet: row["outlet"],
                                            author: row["author"], published: row["published"], url: row["url"], body: row["body"])
                var claims: [ReportClaim] = []
                let rows = try Row.fetchCursor(claimsStatement, arguments: [
                    "as_of": stamp.asOf, "source_id": sourceID, "status": filter.status?.rawValue, "kind": filter.kind,
                    "speaker": filter.speaker, "search": filter.search,
                ])
                while let c = try rows.next() {
                    claims.append(ReportClaim(
                        claimID: c["claim_id"], shortID: try shortID(db, c["claim_id"], table: "claim", marker: "c-"),
                        seq: c["seq"], kind: c["kind"], text: c["text"], speaker: c["speaker"], cue: c["cue"], via: c["via"],
                        claimType: c["claim_type"], score: c["score"], start: c["start"], end: c["end"],
                        sentenceStart: c["sentence_start"], sentenceEnd: c["sentence_end"], status: c["status"],
                        evidence: c["evidence"], reviewer: c["reviewer"], note: c["note"], reviewedAt: c["reviewed_at"]))
                }
                if !claims.isEmpty { try body(source, claims) }
            }
        }
    }
}
