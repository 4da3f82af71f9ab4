import Foundation
import GRDB
import LedgerSchema

/// A claim as it stands now: its record, corrections applied, and its latest status.
public struct CurrentClaim: Sendable, Equatable, Codable {
    public var claimID: String
    public var shortID: String
    public var seq: Int64
    public var sourceID: String
    public var sourceShortID: String
    public var sourceTitle: String?
    public var kind: String
    public var text: String
    public var speaker: String?
    public var cue: String?
    public var via: String?
    public var claimType: String?
    public var score: Double?
    public var start: Int?
    public var end: Int?
    public var prefix: String?
    public var suffix: String?
    public var sentenceStart: Int?
    public var sentenceEnd: Int?
    public var status: String
    public var statusSeq: Int64?
    public var evidence: String?
    public var reviewer: String?
    public var reviewedAt: String?
    public var recordedAt: String?

    init(row: Row, shortID: String, sourceShortID: String) {
        claimID = row["claim_id"]; self.shortID = shortID; seq = row["seq"]
        sourceID = row["source_id"]; self.sourceShortID = sourceShortID; sourceTitle = row["source_title"]
        kind = row["kind"]; text = row["text"]; speaker = row["speaker"]; cue = row["cue"]; via = row["via"]
        claimType = row["claim_type"]; score = row["score"]; start = row["start"]; end = row["end"]
        prefix = row["prefix"]; suffix = row["suffix"]
        sentenceStart = row["sentence_start"]; sentenceEnd = row["sentence_end"]
        status = row["status"]; statusSeq = row["status_seq"]; evidence = row["evidence"]
        reviewer = row["reviewer"]; reviewedAt = row["reviewed_at"]; recordedAt = row["recorded_at"]
    }
}

/// A source as recorded.
public struct RecordedSource: Sendable, Equatable {
    public var sourceID: String
    public var shortID: String
    public var seq: Int64
    public var sha256: String?
    public var title: String?
    public var outlet: String?
    public var author: String?
    public var published: String?
    public var url: String?
    public var body: String?
}

/// One event in a claim's history.
public struct HistoryEvent: Sendable, Equatable, Codable {
    public var seq: Int64
    public var event: String        // recorded, status, note, correction
    public var status: String?      // the new status, or the corrected field
    public var detail: String?      // evidence, note text, or corrected value and reason
    public var note: String?        // the note that came with a status change
    public var reviewer: String?
    public var recordedAt: String
    public var hash: String
}

/// Which claims a listing shows.
public struct ClaimFilter: Sendable, Equatable {
    public var status: ClaimStatus?
    public var kind: String?
    public var speaker: String?
    public var sourceID: String?
    public var search: String?
    public var limit: Int?
    /// Only claims recorded at or before this entry.
    public var asOf: Int64?

    public init(status: ClaimStatus? = nil, kind: String? = nil, speaker: String? = nil,
                sourceID: String? = nil, search: String? = nil, limit: Int? = nil, asOf: Int64? = nil) {
        self.status = status; self.kind = kind; self.speaker = speaker; self.sourceID = sourceID
        self.search = search; self.limit = limit; self.asOf = asOf
    }
}

extension Ledger {
    /// The full claim ID that `typed` (a unique prefix, with or without `c-`) names.
    public func resolveClaimID(_ typed: String) throws -> String {
        try resolve(typed, table: "claim", marker: "c")
    }

    /// The full source ID that `typed` (a unique prefix, with or without `s-`) names.
    public func resolveSourceID(_ typed: String) throws -> String {
        try resolve(typed, table: "source", marker: "s")
    }

    private func resolve(_ typed: String, table: String, marker: Character) throws -> String {
        guard let (kind, hex) = Identifiers.normalisePrefix(typed), kind == nil || kind == marker else {
            throw LedgerError.unknownID(typed)
        }
        let candidates = try read { db in
            try String.fetchAll(db.cachedStatement(sql: LedgerSchema.query("\(table)_ids_with_prefix")),
                                arguments: ["lo": hex, "hi": hex + "g"])
        }
        switch candidates.count {
        case 0: throw LedgerError.unknownID(typed)
        case 1: return candidates[0]
        default:
            let shown = candidates.prefix(10).map { "\(marker)-" + $0.prefix(max(hex.count + 2, 8)) }
            throw LedgerError.ambiguousID(typed, candidates: shown + (candidates.count > 10 ? ["…"] : []))
        }
    }

    /// The short form people type: `c-` or `s-` plus the shortest unique prefix.
    func shortID(_ db: Database, _ id: String, table: String, marker: String) throws -> String {
        let below = try String.fetchOne(db.cachedStatement(sql: LedgerSchema.query("\(table)_id_below")), arguments: [id])
        let above = try String.fetchOne(db.cachedStatement(sql: LedgerSchema.query("\(table)_id_above")), arguments: [id])
        return marker + id.prefix(Identifiers.shortLength(of: id, neighbours: [below, above]))
    }

    private func currentClaim(_ db: Database, _ row: Row) throws -> CurrentClaim {
        CurrentClaim(row: row,
                     shortID: try shortID(db, row["claim_id"], table: "claim", marker: "c-"),
                     sourceShortID: try shortID(db, row["source_id"], table: "source", marker: "s-"))
    }

    /// Claims matching `filter`, newest first, handed to `body` one at a time (constant memory).
    public func forEachClaim(_ filter: ClaimFilter, _ body: (CurrentClaim) throws -> Void) throws {
        try read { db in
            let arguments: StatementArguments = [
                "status": filter.status?.rawValue, "kind": filter.kind, "speaker": filter.speaker?.precomposedStringWithCanonicalMapping,
                "source": filter.sourceID, "search": filter.search?.precomposedStringWithCanonicalMapping, "as_of": filter.asOf,
                "limit": filter.limit ?? -1,
            ]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: LedgerSchema.query("list_claims")),
                                           arguments: arguments)
            while let row = try rows.next() {
                try body(try currentClaim(db, row))
            }
        }
    }

    /// Claims matching `filter`, newest first.
    public func claims(_ filter: ClaimFilter = ClaimFilter()) throws -> [CurrentClaim] {
        var result: [CurrentClaim] = []
        try forEachClaim(filter) { result.append($0) }
        return result
    }

    /// One claim as it stands now.
    public func claim(id: String) throws -> CurrentClaim {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerSchema.query("claim_by_id")),
                                             arguments: [id]) else { throw LedgerError.unknownID(id) }
            return try currentClaim(db, row)
        }
    }

    /// Every entry about a claim, oldest first.
    public func history(claimID: String) throws -> [HistoryEvent] {
        try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: LedgerSchema.query("claim_history")),
                                        arguments: [claimID])
            return try rows.map { row in
                let seq: Int64 = row["seq"]
                let event: String = row["event"]
                let note = event == "status"
                    ? try String.fetchOne(db.cachedStatement(sql: LedgerSchema.query("review_note")), arguments: [seq])
                    : nil
                return HistoryEvent(seq: seq, event: event, status: row["status"], detail: row["detail"],
                                    note: note, reviewer: row["reviewer"], recordedAt: row["recorded_at"],
                                    hash: row["hash"])
            }
        }
    }

    /// A recorded source.
    public func source(id: String) throws -> RecordedSource {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerSchema.query("source_by_id")),
                                             arguments: [id]) else { throw LedgerError.unknownID(id) }
            return RecordedSource(sourceID: row["source_id"],
                                  shortID: try shortID(db, row["source_id"], table: "source", marker: "s-"),
                                  seq: row["seq"], sha256: row["sha256"], title: row["title"],
                                  outlet: row["outlet"], author: row["author"], published: row["published"],
                                  url: row["url"], body: row["body"])
        }
    }
}
