import Foundation

/// What a text is compared on: the Porter stems of its normalised words, common words left out,
/// and its numbers ("80 percent" and "84%" share `percent` but not their figure).
public struct MatchTerms: Sendable, Equatable {
    public let stems: Set<String>
    public let numbers: Set<String>
    /// Each clause's stems (clauses as `MatchText.indexed` marks them).
    public let clauses: [Set<String>]
    /// The stems, and each clause's, in order: weights are summed in it, so the same two texts give
    /// the same figures to the last digit in every process (a `Set`'s order changes from one process
    /// to the next, and a sum's last digit with it).
    let orderedStems: [String]
    let orderedClauses: [[String]]

    /// From normalised words with clause breaks (`MatchText.indexed` split at spaces: a search index column).
    public init(indexedWords words: [String]) {
        let content = words.filter { !StopWords.contains($0) }
        var clauses: [Set<String>] = [[]]
        for word in content {
            if word == MatchText.clauseBreak {
                clauses.append([])
            } else {
                clauses[clauses.count - 1].insert(StemCache.stem(word))
            }
        }
        self.clauses = clauses.filter { !$0.isEmpty }
        stems = self.clauses.reduce(into: Set<String>()) { $0.formUnion($1) }
        numbers = Set(MatchText.numbers(content))
        orderedStems = stems.sorted()
        orderedClauses = self.clauses.map { $0.sorted() }
    }

    public init(indexed: String) { self.init(indexedWords: indexed.split(separator: " ").map(String.init)) }

    public init(text: String) { self.init(indexed: MatchText.indexed(text)) }
}

/// How alike two claims are, and how a first-stage relevance is adjusted (`similar`).
public enum Similarity {
    /// What two texts' distinctive words have in common, each word weighted by how rare it is
    /// (`weight`, e.g. its inverse document frequency): computed once per pair, read as similarity,
    /// containment and word counts.
    public struct Comparison: Sendable, Equatable {
        public var sharedWeight = 0.0, weightA = 0.0, weightB = 0.0
        public var sharedWords = 0, shorterWords = 0

        public init(_ a: MatchTerms, _ b: MatchTerms, weight: (String) -> Double) {
            for stem in a.orderedStems {
                let w = weight(stem)
                weightA += w
                if b.stems.contains(stem) {
                    sharedWeight += w
                    sharedWords += 1
                }
            }
            weightB = b.orderedStems.reduce(0) { $0 + weight($1) }
            shorterWords = min(a.stems.count, b.stems.count)
        }

        /// Dice's coefficient: 1 for the same words, 0 for none in common.
        public var similarity: Double { weightA + weightB > 0 ? 2 * sharedWeight / (weightA + weightB) : 0 }

        /// How much of the shorter text (by weight) the other holds, 0–1: a short claim inside a
        /// long post that repeats it reads 1 even when the post says much else.
        public var containment: Double { min(weightA, weightB) > 0 ? sharedWeight / min(weightA, weightB) : 0 }
    }

    /// The share of the two texts' distinctive words they have in common (`Comparison.similarity`).
    /// This is the similarity shown beside each match, comparable across searches (a relevance
    /// score is not).
    public static func overlap(_ a: MatchTerms, _ b: MatchTerms, weight: (String) -> Double) -> Double {
        Comparison(a, b, weight: weight).similarity
    }

    /// Whether the two share a clause: one of at least three distinctive words that is (nearly:
    /// 80% of its weight) inside a clause of the other ("This is Putin's fifth visit to Vietnam, he
    /// previously…" and "Putin's June 2024 trip is his fifth visit to Vietnam"). Such a claim repeats
    /// the earlier one, whatever else either says.
    public static func sharesClause(_ a: MatchTerms, _ b: MatchTerms, weight: (String) -> Double) -> Bool {
        sharedClause(a, b, weight: weight).words > 0
    }

    /// The largest clause the two share (as `sharesClause`): its distinctive words, and those of the
    /// largest shared clause whose words in common hold a figure ("fifth visit", "2,383 delegates";
    /// not "former President Bill Clinton"), 0 for none.
    public static func sharedClause(_ a: MatchTerms, _ b: MatchTerms, weight: (String) -> Double) -> (
        words: Int, withFigure: Int
    ) {
        var largest = 0
        var withFigure = 0
        for (x, orderedX) in zip(a.clauses, a.orderedClauses) {
            for (y, orderedY) in zip(b.clauses, b.orderedClauses) where min(x.count, y.count) >= 3 {
                let smaller = x.count <= y.count ? orderedX : orderedY
                let shared = orderedX.reduce(0) { y.contains($1) ? $0 + weight($1) : $0 }
                let whole = smaller.reduce(0) { $0 + weight($1) }
                guard whole > 0 && shared / whole >= 0.8 else { continue }
                largest = max(largest, smaller.count)
                if orderedX.contains(where: { MatchText.isNumber($0) && y.contains($0) }) {
                    withFigure = max(withFigure, smaller.count)
                }
            }
        }
        return (largest, withFigure)
    }

    /// "Seen before" never rests on fewer distinctive words in common than this, nor on a text with
    /// fewer than `seenBeforeShortest` (the decision itself is `SeenBeforeModel`'s).
    public static let seenBeforeSharedWords = 2
    public static let seenBeforeShortest = 3

    /// Inverse document frequency with BM25's smoothing (never negative).
    public static func idf(documents: Int, containing: Int) -> Double {
        log(1 + (Double(documents) - Double(containing) + 0.5) / (Double(containing) + 0.5))
    }

    /// The least similarity a search for earlier claims keeps (ingest's and reports' "seen before"
    /// and "also claimed in" searches; the model decides among what it keeps).
    public static let seenBefore = 0.1

    /// The second stage of ranking: BM25 relevance from the index, nudged by what BM25 cannot see.
    /// Claims that both give figures rank higher when a figure is the same and lower when none is;
    /// the same speaker ranks higher.
    public static func rerank(
        relevance: Double, query: MatchTerms, candidate: MatchTerms, sameSpeaker: Bool,
        sharesClause: Bool
    ) -> Double {
        var factor = sharesClause ? 2.0 : 1.0
        if !query.numbers.isEmpty && !candidate.numbers.isEmpty {
            factor *= query.numbers.isDisjoint(with: candidate.numbers) ? 0.9 : 1.1
        }
        if sameSpeaker { factor *= 1.1 }
        return relevance * factor
    }
}
