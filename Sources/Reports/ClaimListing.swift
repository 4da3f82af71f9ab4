import Foundation
import LedgerStore

/// How `list` shows claims, in every listing format.
public enum ClaimListing {
    /// The table's columns, the fourth named for its figure.
    static func headers(_ figure: Figure) -> [String] {
        ["ID", "STATUS", "KIND", figure.header, "SOURCE", "SPEAKER", "TEXT"]
    }

    /// The figure in the table's fourth column: a claim's check-worthiness score, or, when a listing
    /// is about doubtful attributions, a quote's speaker confidence (claims have none, quotes no score).
    public enum Figure: Sendable {
        case score, confidence

        var header: String { self == .score ? "SCORE" : "CONF" }

        func text(_ c: ClaimRecord) -> String {
            let value = self == .score ? c.score : c.speakerConfidence
            return value.map { Decimals.two($0) } ?? "—"
        }
    }
    static let csvHeader = [
        "id", "kind", "status", "text", "speaker", "cue", "via", "claim_type", "score",
        "source", "source_title", "start", "end", "evidence", "reviewer", "reviewed_at", "rating",
        "assigned_to", "speaker_confidence",
    ]

    /// `terminalWidth`: fit each row to the terminal (the text cut with "…"); nil prints it whole.
    public static func listing(
        format: ListingFormat, styling: Styling, terminalWidth: Int? = nil, figure: Figure = .score
    ) -> Listing<ClaimRecord> {
        // On a narrow terminal the speaker column gives way first (down to 8), so the text keeps 20.
        let fixed = [10, 10, 5, 5, 9]
        let speakerWidth = TextTable.flexibleWidth(terminalWidth: terminalWidth, fixed: fixed)
        let table = TextTable(
            headers: headers(figure), widths: fixed + [speakerWidth, 0], terminalWidth: terminalWidth)
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { c in
                    table.line(
                        [
                            c.shortID, c.status.rawValue, c.kind.rawValue,
                            figure.text(c), c.sourceShortID, c.speaker ?? "—", c.text,
                        ],
                        decorate: [styling.bold, styling.status, { $0 }, { $0 }, styling.dim, { $0 }, { $0 }]) + "\n"
                },
                json: jsonObject,
                csvHeader: csvHeader,
                csvRow: csvRow,
                empty: "No claims match.\n"))
    }

    /// One claim's CSV fields, in `csvHeader`'s order.
    static func csvRow(_ c: ClaimRecord) -> [String?] {
        [
            c.shortID, c.kind.rawValue, c.status.rawValue, c.text, c.speaker, c.cue, c.via, c.claimType,
            c.score.map { Decimals.two($0) }, c.sourceShortID, c.sourceTitle,
            c.start.map(String.init), c.end.map(String.init), c.evidence, c.reviewer, c.reviewedAt, c.rating,
            c.assignedTo, c.speakerConfidence.map { String(format: "%.3f", $0) },
        ]
    }

    /// The object a script sees for one claim (`list --format json`), documented in the README.
    public static func jsonObject(_ c: ClaimRecord) -> JSONValue {
        .object([
            ("id", .string(c.shortID)), ("claim_id", .string(c.claimID)), ("kind", .string(c.kind.rawValue)),
            ("status", .string(c.status.rawValue)), ("text", .string(c.text)),
            ("speaker", .from(c.speaker)), ("speaker_confidence", .from(c.speakerConfidence)), ("cue", .from(c.cue)),
            ("via", .from(c.via)), ("claim_type", .from(c.claimType)), ("score", .from(c.score)),
            ("start", .from(c.start)), ("end", .from(c.end)), ("prefix", .from(c.prefix)), ("suffix", .from(c.suffix)),
            ("source", .string(c.sourceShortID)), ("source_title", .from(c.sourceTitle)),
            ("evidence", .from(c.evidence)), ("rating", .from(c.rating)), ("reviewer", .from(c.reviewer)),
            ("published_by", .from(c.publishedBy)), ("attribution", .from(c.attribution?.rawValue)),
            ("assigned_to", .from(c.assignedTo)),
            ("reviewed_at", .from(c.reviewedAt)), ("recorded_at", .from(c.recordedAt)), ("seq", .int(c.seq)),
        ])
    }
}
