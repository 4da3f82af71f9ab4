/// Place names that follow a city after a comma ("Columbia, South Carolina"), and datelines
/// ("PHILADELPHIA, July 25 (UPI) —", "Washington (AFP) –") that open an article's first paragraph.
enum Places {
    /// US states (lowercased, words joined by a space).
    static let states: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
        "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
        "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
        "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming", "d.c", "d.c.",
    ]

    /// The AP's abbreviations of state names ("Springfield, Va."), without their period.
    static let stateAbbreviations: Set<String> = [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla",
        "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va", "wash", "w.va", "wis", "wyo",
    ]

    /// Whether `t[range]` is exactly a state's name or its abbreviation ("Va." or "Calif." as one
    /// token, "Va" and its period as two).
    static func isState(_ t: [Token], _ range: Range<Int>) -> Bool {
        if let last = range.last, t[last].lower.hasSuffix(".") || t[last].text == "." {
            // The abbreviation's word: the token itself ("Calif."), or the one before its period ("Va", ".").
            let word: Token? =
                switch (range.count, t[last].text) {
                case (2, "."): t[range.lowerBound]
                case (1, let text) where text != ".": t[last]
                default: nil
                }
            guard let word, word.isWord, word.isCapitalised else { return false }
            return stateAbbreviations.contains(word.lower.hasSuffix(".") ? String(word.lower.dropLast()) : word.lower)
                || states.contains(word.lower)
        }
        guard !range.isEmpty, range.count <= 2, t[range].allSatisfy({ $0.isWord && $0.isCapitalised }) else {
            return false
        }
        return states.contains(t[range].map(\.lower).joined(separator: " "))
    }

    /// Where a block's text starts for finding a subject: after its dateline when `from` is the
    /// block's start and one opens it before `limit`, else `from`.
    static func afterDateline(_ t: [Token], from: Int, limit: Int) -> Int {
        guard from == 0, let end = datelineEnd(t, from: 0), end < limit else { return from }
        return end
    }

    /// The index after a dateline that opens the tokens at `from`, or nil: up to ten capitalised
    /// words, numbers, commas and a parenthesised agency, closed by a dash.
    private static func datelineEnd(_ t: [Token], from: Int) -> Int? {
        var i = from
        var words = 0
        var agency = false
        // "PHILADELPHIA" or "(AFP)": a name followed by a dash alone is an aside ("Jason Sims — a teacher —").
        let shouting =
            from < t.count && t[from].text.count >= 3
            && t[from].text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        while i < t.count, i - from <= 12 {
            let tok = t[i]
            if ["\u{2014}", "\u{2013}", "-", "--"].contains(tok.text) {
                return words > 0 && (agency || shouting) ? i + 1 : nil
            }
            if tok.text == "(" { agency = true }
            if tok.isWord {
                guard tok.isCapitalised || tok.isNumber else { return nil }
                words += 1
            } else if ![",", "(", ")", "."].contains(tok.text) {
                return nil
            }
            i += 1
        }
        return nil
    }
}
