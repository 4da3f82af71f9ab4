/// Word differences between two wordings of a claim or quote, the earlier first.
public enum WordDiff {
    public enum Part: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The earlier text's words turned into the later one's, by their longest common subsequence
    /// (words compared without case, accents or punctuation around them).
    public static func parts(from earlier: String, to later: String) -> [Part] {
        let a = earlier.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = later.split(whereSeparator: \.isWhitespace).map(String.init)
        let ka = a.map(key)
        let kb = b.map(key)
        guard a.count * b.count <= 250_000 else { return a.map(Part.removed) + b.map(Part.added) }
        var length = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                length[i][j] = ka[i] == kb[j] ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
            }
        }
        var parts: [Part] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, ka[i] == kb[j] {
                parts.append(.same(b[j]))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || length[i + 1][j] >= length[i][j + 1]) {
                parts.append(.removed(a[i]))
                i += 1
            } else {
                parts.append(.added(b[j]))
                j += 1
            }
        }
        return parts
    }

    /// "this will [-never-] {+not+} happen": removed words in [- -], added in {+ +} (as `git diff --word-diff`).
    public static func marked(_ parts: [Part]) -> String {
        parts.map { part -> String in
            switch part {
            case .same(let w): return w
            case .removed(let w): return "[-\(w)-]"
            case .added(let w): return "{+\(w)+}"
            }
        }.joined(separator: " ")
    }

    static func key(_ word: String) -> String {
        MatchText.fold(word).filter { $0.isLetter || $0.isNumber }
    }
}

/// How a repeated claim or quote changed from an earlier source to a later one.
public struct Drift: Sendable, Equatable {
    /// The words, marked, when they differ.
    public var words: [WordDiff.Part]?
    /// Both speakers when they differ (a quote put in another mouth).
    public var speakers: (earlier: String?, later: String?)?
    /// Both sets of figures when they differ ("80 percent" against "84 percent").
    public var figures: (earlier: [String], later: [String])?

    public var isEmpty: Bool { words == nil && speakers == nil && figures == nil }

    /// Nil when the two say the same, by the same speaker, with the same figures. Words are compared
    /// when `compareWords` (the same quote, or a claim nearly the same: a longer claim that only
    /// repeats a clause is not a changed wording); figures when both give figures of the same kind.
    public static func between(
        earlier: String, earlierSpeaker: String?, later: String, laterSpeaker: String?,
        compareWords: Bool
    ) -> Drift? {
        var drift = Drift()
        if compareWords {
            let parts = WordDiff.parts(from: earlier, to: later)
            if parts.contains(where: { if case .same = $0 { return false } else { return true } }) {
                drift.words = parts
            }
        }
        let a = earlierSpeaker.map(MatchText.indexed)
        let b = laterSpeaker.map(MatchText.indexed)
        if let a, let b, a != b { drift.speakers = (earlierSpeaker, laterSpeaker) }
        drift.figures = differingFigures(figures(earlier), figures(later))
        return drift.isEmpty ? nil : drift
    }

    /// Figures with a unit (percent, a currency) differ when both texts give some of that unit and
    /// they are not the same; bare numbers (years, counts) when both give as many and they differ.
    static func differingFigures(_ a: [String], _ b: [String]) -> (earlier: [String], later: [String])? {
        for unit in [" percent", " usd", " eur", " gbp"] {
            let x = a.filter { $0.hasSuffix(unit) }
            let y = b.filter { $0.hasSuffix(unit) }
            if !x.isEmpty, !y.isEmpty, Set(x) != Set(y) { return (a, b) }
        }
        let x = a.filter { !$0.contains(" ") }
        let y = b.filter { !$0.contains(" ") }
        if !x.isEmpty, x.count == y.count, Set(x) != Set(y) { return (a, b) }
        return nil
    }

    /// The figures of a text as `MatchText` writes them, with a unit that follows ("80 percent", "1200000000 usd").
    static func figures(_ text: String) -> [String] {
        let words = MatchText.words(text)
        var result: [String] = []
        for (n, word) in words.enumerated() where MatchText.isNumber(word) {
            let unit =
                n + 1 < words.count && ["percent", "usd", "eur", "gbp"].contains(words[n + 1]) ? " " + words[n + 1] : ""
            result.append(word + unit)
        }
        return result
    }

    public static func == (l: Drift, r: Drift) -> Bool {
        l.words == r.words && l.speakers?.earlier == r.speakers?.earlier && l.speakers?.later == r.speakers?.later
            && l.figures?.earlier == r.figures?.earlier && l.figures?.later == r.figures?.later
    }
}
