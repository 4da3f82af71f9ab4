import LedgerStore

/// A quote's two axes as every report words them: what it says (its status, "What it says:
/// Disputed") and whether its speaker said it as quoted ("Said as quoted? no — misquoted"), so a
/// disputed quote never reads as one that was never said.
enum QuoteAxes {
    /// The quote's attribution check in force (nil for a claim, or a quote never checked or whose
    /// check was taken back).
    static func check(_ c: ClaimRecord) -> HistoryEvent? {
        guard c.kind == .quote, let verdict = c.attribution, verdict != .unconfirmed else { return nil }
        return c.attributionChecks.last
    }

    /// The answer to "said as quoted?" in words.
    static func answer(_ c: ClaimRecord) -> String {
        switch c.attribution {
        case .confirmed: return "yes"
        case .misquoted: return "no — misquoted"
        case .outOfContext: return "out of context"
        case .notSaid: return "no — never said"
        case .unconfirmed, nil: return "not checked"
        }
    }

    /// "Verified: True" for a claim; "What it says: Verified: True · Said as quoted? yes" for a
    /// quote. `rating` is already escaped for the output.
    static func heading(_ c: ClaimRecord, rating: String?) -> String {
        let status = c.status.label + (rating.map { ": " + $0 } ?? "")
        guard c.kind == .quote else { return status }
        return "What it says: \(status) · Said as quoted? \(answer(c))"
    }
}
