import LedgerStore

/// CSV: one row per claim, RFC 4180 quoting, formula-looking cells neutralised.
struct CSVReport: ReportRenderer {
    static let header = ["source", "source_title", "source_url", "claim", "kind", "status", "text", "speaker", "cue",
                         "via", "claim_type", "score", "evidence", "reviewer", "reviewed_at", "note"]

    mutating func begin(_ summary: ReportSummary) -> String { CSV.row(CSVReport.header) }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        var out = ""
        for c in claims {
            out += CSV.row([source.shortID, source.title, source.url, c.shortID, c.kind.rawValue, c.status.rawValue, c.text, c.speaker,
                            c.cue, c.via, c.claimType, c.score.map { String(format: "%.2f", $0) }, c.evidence,
                            c.reviewer, c.reviewedAt, c.note])
        }
        return out
    }

    mutating func end() -> String { "" }
}
