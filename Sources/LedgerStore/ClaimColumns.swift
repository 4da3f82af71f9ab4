import GRDB
import SQLiteBinding

/// The columns of the claims queries (`claim_fields`, Schema/q_ledger.sql), in the query's order: a
/// claim row is read by these names, each at its place (reading by place is the listings' measured
/// fast path; a name lookup per column per row is not). `ClaimColumnsTests` checks them against the
/// query's own column names, so a column added to one and not the other fails a test, not a reader.
enum ClaimColumn: Int, CaseIterable {
    case claimID, seq, sourceID, kind, text, speaker, cue, via, claimType, score, start, end, prefix, suffix
    case sentenceStart, sentenceEnd, status, statusSeq, evidence, reviewer, note, reviewedAt, recordedAt
    case sourceTitle, sourceSeq, speakerKind, rating, speakerConfidence, publishedBy, attribution, assignedTo

    /// Its name in SQL.
    var name: String { ClaimColumn.snakeCase("\(self)") }

    /// "claimID" → "claim_id", "sentenceStart" → "sentence_start".
    static func snakeCase(_ name: String) -> String {
        name.replacingOccurrences(of: "ID", with: "Id").reduce(into: "") { out, c in
            out += c.isUppercase ? "_" + c.lowercased() : String(c)
        }
    }
}

/// The columns of the table `claim`, in the order `insert_claim` binds them (the table has no other).
enum ClaimTableColumn: Int, CaseIterable {
    case claimID, seq, sourceID, kind, text, speaker, cue, via, claimType, score, start, end, prefix, suffix
    case sentenceStart, sentenceEnd, speakerKind

    var name: String { ClaimColumn.snakeCase("\(self)") }
}

extension Row {
    /// A claim row's column by name, read straight from the statement (GRDB's fast path for
    /// `StatementColumnConvertible` values; a plain `DatabaseValueConvertible` read goes through a
    /// `DatabaseValue` and made full listings about 15% slower).
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: ClaimColumn) -> Value {
        self[column.rawValue]
    }
}

extension Bindings {
    /// Binds one column of the table `claim` for `claim`, recorded at entry `seq` (typed, as the
    /// append path binds: no boxing).
    mutating func add(_ column: ClaimTableColumn, of claim: ClaimPayload, seq: Int64) {
        switch column {
        case .claimID: add(claim.claimID)
        case .seq: add(seq)
        case .sourceID: add(claim.sourceID)
        case .kind: add(claim.kind.rawValue)
        case .text: add(claim.text)
        case .speaker: add(claim.speaker)
        case .cue: add(claim.cue)
        case .via: add(claim.via)
        case .claimType: add(claim.claimType)
        case .score: add(claim.score)
        case .start: add(claim.start)
        case .end: add(claim.end)
        case .prefix: add(claim.prefix)
        case .suffix: add(claim.suffix)
        case .sentenceStart: add(claim.sentenceStart)
        case .sentenceEnd: add(claim.sentenceEnd)
        case .speakerKind: add(claim.speakerKind?.rawValue)
        }
    }
}
