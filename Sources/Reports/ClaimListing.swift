import Foundation
import LedgerStore

/// Renders claims for `list`: one protocol of output, four formats, streamed row by row.
public struct ClaimListing {
    public var format: ListingFormat
    public var styling: Styling
    private var count = 0

    public init(format: ListingFormat, styling: Styling) {
        self.format = format
        self.styling = styling
    }

    static let table = TextTable(headers: ["ID", "STATUS", "KIND", "SPEAKER", "TEXT"],
                                 widths: [10, 10, 5, 22, 0])
    static let csvHeader = ["id", "kind", "status", "text", "speaker", "cue", "via", "claim_type", "score",
                            "source", "source_title", "start", "end", "evidence", "reviewer", "reviewed_at"]

    /// The object a script sees for one claim (`list --format json`), documented in the README.
    public static func jsonObject(_ c: ClaimRecord) -> JSONValue {
        .object([
            ("id", .string(c.shortID)), ("claim_id", .string(c.claimID)), ("kind", .string(c.kind.rawValue)),
            ("status", .string(c.status.rawValue)), ("text", .string(c.text)),
            ("speaker", .from(c.speaker)), ("cue", .from(c.cue)), ("via", .from(c.via)),
            ("claim_type", .from(c.claimType)), ("score", .from(c.score)),
            ("start", .from(c.start)), ("end", .from(c.end)), ("prefix", .from(c.prefix)), ("suffix", .from(c.suffix)),
            ("source", .string(c.sourceShortID)), ("source_title", .from(c.sourceTitle)),
            ("evidence", .from(c.evidence)), ("reviewer", .from(c.reviewer)),
            ("reviewed_at", .from(c.reviewedAt)), ("recorded_at", .from(c.recordedAt)), ("seq", .int(c.seq)),
        ])
    }

    /// What goes before the first claim.
    public func header() -> String {
        switch format {
        case .table: return styling.bold(ClaimListing.table.line(ClaimListing.table.headers)) + "\n"
        case .json: return "["
        case .ndjson: return ""
        case .csv: return CSV.row(ClaimListing.csvHeader)
        }
    }

    /// One claim.
    public mutating func row(_ c: ClaimRecord) -> String {
        defer { count += 1 }
        switch format {
        case .table:
            let cells = [c.shortID, c.status.rawValue, c.kind.rawValue, c.speaker ?? "—", c.text]
            return ClaimListing.table.line(cells, decorate: [styling.bold, styling.status, { $0 }, { $0 }, { $0 }]) + "\n"
        case .json:
            return (count == 0 ? "\n  " : ",\n  ") + StableJSON.string(ClaimListing.jsonObject(c))
        case .ndjson:
            return StableJSON.string(ClaimListing.jsonObject(c)) + "\n"
        case .csv:
            return CSV.row([c.shortID, c.kind.rawValue, c.status.rawValue, c.text, c.speaker, c.cue, c.via, c.claimType,
                            c.score.map { String(format: "%.2f", $0) }, c.sourceShortID, c.sourceTitle,
                            c.start.map(String.init), c.end.map(String.init), c.evidence, c.reviewer, c.reviewedAt])
        }
    }

    /// What goes after the last claim.
    public func footer() -> String {
        switch format {
        case .table: return count == 0 ? "No claims match.\n" : ""
        case .json: return count == 0 ? "]\n" : "\n]\n"
        case .ndjson, .csv: return ""
        }
    }
}
