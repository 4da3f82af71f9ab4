import Foundation
import LedgerStore

/// How `similar` shows the claims it found, best first, in every listing format.
public enum SimilarListing {
    static let headers = ["#", "ID", "ALIKE", "SEEN", "STATUS", "SOURCE", "SPEAKER", "TEXT"]

    public static func listing(format: ListingFormat, styling: Styling, terminalWidth: Int? = nil) -> Listing<
        (rank: Int, match: SimilarClaim)
    > {
        let fixed = [3, 10, 5, 4, 10, 9]
        let speakerWidth = TextTable.flexibleWidth(terminalWidth: terminalWidth, fixed: fixed)
        let table = TextTable(headers: headers, widths: fixed + [speakerWidth, 0], terminalWidth: terminalWidth)
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { hit in
                    let c = hit.match.claim
                    return table.line(
                        [
                            String(hit.rank), c.shortID, alike(hit.match), hit.match.isSeenBefore ? "yes" : "—",
                            c.status.rawValue, c.sourceShortID, c.speaker ?? "—", c.text,
                        ],
                        decorate: [
                            { $0 }, styling.bold, { $0 }, { $0 }, styling.status, styling.dim, { $0 }, { $0 },
                        ]) + "\n"
                },
                json: { jsonObject(rank: $0.rank, $0.match) },
                csvHeader: ["rank", "similarity", "shares_clause", "seen_before", "relevance"] + ClaimListing.csvHeader,
                csvRow: { hit in
                    [
                        String(hit.rank), number(hit.match.similarity), String(hit.match.sharesClause),
                        String(hit.match.isSeenBefore),
                        number(hit.match.relevance),
                    ] + ClaimListing.csvRow(hit.match.claim)
                },
                empty: "No similar claims found.\n"))
    }

    /// The claim's `list` object with its rank, similarity (0–1) and relevance.
    public static func jsonObject(rank: Int, _ match: SimilarClaim) -> JSONValue {
        guard case .object(let pairs) = ClaimListing.jsonObject(match.claim) else { return .null }
        return .object(
            [
                ("rank", .int(Int64(rank))), ("similarity", .double(rounded(match.similarity))),
                ("shares_clause", .bool(match.sharesClause)), ("seen_before", .bool(match.isSeenBefore)),
                ("containment", .double(rounded(match.containment))), ("shared_words", .int(Int64(match.sharedWords))),
                ("shorter_words", .int(Int64(match.shorterWords))),
                ("clause_words", .int(Int64(match.figures.clauseWords))),
                ("figure_clause_words", .int(Int64(match.figures.figureClauseWords))),
                ("relevance", .double(rounded(match.relevance))),
            ] + pairs)
    }

    /// "72%", with "*" when a clause is the same in both: how alike, for people.
    public static func alike(_ match: SimilarClaim) -> String {
        percent(match.similarity) + (match.sharesClause ? "*" : "")
    }

    /// "72%": how alike, for people.
    public static func percent(_ similarity: Double) -> String { "\(Int((similarity * 100).rounded()))%" }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    static func number(_ value: Double) -> String { String(format: "%.3f", value) }
}
