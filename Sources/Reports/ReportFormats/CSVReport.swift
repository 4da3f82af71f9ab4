import LedgerStore

/// CSV: one row per claim, RFC 4180 quoting, formula-looking cells neutralised.
struct CSVReport: ReportRenderer {
    static let header = [
        "source", "source_title", "source_url", "claim", "kind", "status", "text", "speaker", "cue",
        "via", "claim_type", "score", "evidence", "reviewer", "reviewed_at", "note", "notes", "rating",
        "checked_before", "also_claimed_in", "attribution", "attribution_evidence",
    ]

    mutating func begin(_ summary: ReportSummary) -> String { CSV.row(CSVReport.header) }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        var out = ""
        for c in claims {
            out += CSV.row(
                [
                    source.shortID, source.title, source.url, c.shortID, c.kind.rawValue, c.status.rawValue, c.text,
                    c.speaker,
                    c.cue, c.via, c.claimType, c.score.map { Decimals.two($0) },
                    CSVReport.lines(c.decisions.compactMap(\.evidence)), c.credit, c.reviewedAt, c.note,
                    CSVReport.lines(c.notes.map { "\($0.noteText ?? "") (\($0.reviewer ?? "—"), \($0.recordedAt))" }),
                    c.rating,
                ]
                    + ReportMatches.csv(c) + [
                        c.kind == .quote ? c.attribution?.rawValue : nil, QuoteAxes.check(c)?.evidence,
                    ])
        }
        return out
    }

    mutating func end() -> String { "" }

    /// Several values in one cell, one per line (nil when there are none).
    static func lines(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: "\n") }
}
