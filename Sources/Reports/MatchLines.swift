import ClaimMatching
import Foundation
import LedgerStore

/// How a claim's matches in other sources are shown: "seen before" in `show`, and a report's
/// "checked before as" and "also claimed in" lines, each with what changed on the way (drift).
public enum MatchLines {
    /// "words: …", "speaker: A → B", "figures: 80 percent → 84 percent": each change, for people.
    static func driftParts(_ drift: Drift) -> [String] {
        var parts: [String] = []
        if let words = drift.words { parts.append("words: " + WordDiff.marked(words)) }
        if let s = drift.speakers { parts.append("speaker: \(s.earlier ?? "—") → \(s.later ?? "—")") }
        if let f = drift.figures {
            parts.append("figures: \(f.earlier.joined(separator: ", ")) → \(f.later.joined(separator: ", "))")
        }
        return parts
    }

    /// The changes on one line (reports, which escape it themselves).
    public static func driftSummary(_ drift: Drift) -> String { driftParts(drift).joined(separator: "; ") }

    /// One match for people: "c-54eac3  verified (evidence: URL)  s-8d29b4 Title  11%*" and its drift below.
    public static func text(_ match: SimilarClaim, of claim: ClaimRecord, styling: Styling) -> String {
        let m = match.claim
        var line = "  " + styling.bold(m.shortID) + "  " + styling.status(m.status.rawValue)
        if let rating = m.rating { line += " \"\(VisibleText.visible(rating))\"" }
        if let evidence = m.evidence {
            line += "  (\(ClaimDetail.grounds(m.status.rawValue)): \(VisibleText.visible(evidence)))"
        }
        line +=
            "  \(m.sourceShortID) " + VisibleText.visible(m.sourceTitle ?? "(untitled)") + "  "
            + SimilarListing.alike(match) + " alike\n"
        line += "      " + VisibleText.visible(m.text) + "\n"
        if let drift = Drift.of(match, and: claim) { line += driftLines(drift) }
        return line
    }

    /// Each change on its own line, indented under a match.
    public static func driftLines(_ drift: Drift) -> String {
        driftParts(drift).map { "      " + VisibleText.visible($0) + "\n" }.joined()
    }

    /// One match for scripts: the claim's listing object with similarity and drift.
    public static func json(_ match: SimilarClaim, of claim: ClaimRecord) -> JSONValue {
        guard case .object(var pairs) = ClaimListing.jsonObject(match.claim) else { return .null }
        pairs.insert(("similarity", .double((match.similarity * 1000).rounded() / 1000)), at: 0)
        pairs.insert(("shares_clause", .bool(match.sharesClause)), at: 1)
        pairs.append(("drift", Drift.of(match, and: claim).map(driftJSON) ?? .null))
        return .object(pairs)
    }

    static func driftJSON(_ drift: Drift) -> JSONValue {
        .object([
            ("words", .from(drift.words.map(WordDiff.marked))),
            (
                "speaker",
                drift.speakers.map { .object([("earlier", .from($0.earlier)), ("later", .from($0.later))]) } ?? .null
            ),
            (
                "figures",
                drift.figures.map {
                    .object([
                        ("earlier", .array($0.earlier.map(JSONValue.string))),
                        ("later", .array($0.later.map(JSONValue.string))),
                    ])
                } ?? .null
            ),
        ])
    }
}
