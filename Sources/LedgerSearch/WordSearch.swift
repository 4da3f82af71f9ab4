import ClaimMatching
import Foundation
import GRDB

/// `list --search` and `report --search`: every word of the search, in any order, with case and
/// accents ignored ("oldest president" finds "the oldest serving President"; "sao paulo" finds
/// "São Paulo"). Words are matched as parts of the text's words ("percent" finds "percentage").
package enum WordSearch {
    /// Lowercase, without accents or other combining marks: what both sides are compared as
    /// (the search index's folding, `MatchText.fold`).
    package static func fold(_ text: String) -> String { MatchText.fold(text) }

    /// The search's folded words as a JSON array, the `:search` argument of the claims queries
    /// (nil when the search has no words).
    package static func argument(_ search: String?) -> String? {
        guard let search else { return nil }
        let words = fold(search).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty, let data = try? JSONSerialization.data(withJSONObject: words),
            let json = String(data: data, encoding: .utf8)
        else { return nil }
        return json
    }

    /// The search as an FTS5 query on the index's `body` column: each of its words, normalised as the
    /// index is (`MatchText`: "80%" finds "80 percent") and in any form (Porter stems: "visits" finds
    /// "visited"), all of them. Whole words, not beginnings of words: a prefix query reads every
    /// word that starts so (45 ms for one common word at a million claims, against 0.3 ms).
    /// Nil when the search has no words.
    package static func indexQuery(_ search: String?) -> String? {
        guard let search else { return nil }
        let words = MatchText.words(search)
        guard !words.isEmpty else { return nil }
        return "body : (" + words.map(MatchPlan.quoted).joined(separator: " AND ") + ")"
    }

    /// `claimledger_fold(text)` in SQL: the same folding, for the claims queries' filter.
    package static let sqlFunction = DatabaseFunction("claimledger_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return fold(text)
    }
}
