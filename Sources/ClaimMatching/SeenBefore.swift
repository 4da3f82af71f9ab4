import Foundation

/// Whether an earlier claim is the same claim seen before: a logistic regression over how alike the
/// two are and how the earlier one stands among the search's results, trained on fact-checkers'
/// query-claim pairs (`tools/train/seen_before.py`; weights in `SeenBeforeModel.swift`).
public enum SeenBeforeModel {
    /// The figures of one result of a search, in the model's order.
    public struct Features: Sendable, Equatable {
        public var similarity, containment: Double
        /// The distinctive words of the largest shared clause (0: none).
        public var clauseWords: Int
        public var sharedWords, shorterWords: Int
        /// The result's place (1 = best) and relevance, the first result's and the next one's.
        public var rank: Int
        public var relevance, topRelevance, nextRelevance: Double
        /// The distinctive words of the largest shared clause whose words in common hold a figure
        /// (`Similarity.sharedClause`). Not stored with a match (0 when read back: a stored match
        /// was seen before when it was found, and nothing decides it again).
        public var figureClauseWords: Int
        /// Whether both claims are sentences of articles (each has a place in its source's text),
        /// not a fact-check imported or a sentence looked up: then `articleSimilarity` applies. Not
        /// stored with a match (false when read back, as `figureClauseWords`).
        public var betweenArticles: Bool

        public var sharesClause: Bool { clauseWords > 0 }

        public init(
            similarity: Double, containment: Double, clauseWords: Int, sharedWords: Int, shorterWords: Int,
            rank: Int, relevance: Double, topRelevance: Double, nextRelevance: Double, figureClauseWords: Int = 0,
            betweenArticles: Bool = false
        ) {
            self.similarity = similarity
            self.containment = containment
            self.clauseWords = clauseWords
            self.sharedWords = sharedWords
            self.shorterWords = shorterWords
            self.rank = rank
            self.relevance = relevance
            self.topRelevance = topRelevance
            self.nextRelevance = nextRelevance
            self.figureClauseWords = figureClauseWords
            self.betweenArticles = betweenArticles
        }

        /// As `features` in tools/train/seen_before.py.
        var vector: [Double] {
            let top = topRelevance > 0 ? topRelevance : 1e-9
            return [
                similarity, containment, sharesClause ? 1 : 0, Double(min(sharedWords, 10)) / 10,
                Double(min(shorterWords, 20)) / 20, rank == 1 ? 1 : 0, relevance / top,
                (relevance - nextRelevance) / top,
            ]
        }
    }

    public static func probability(_ vector: [Double]) -> Double {
        var z = bias
        for (w, x) in zip(weights, vector) { z += w * x }
        return 1 / (1 + exp(-z))
    }

    public static func probability(_ f: Features) -> Double { probability(f.vector) }

    /// Seen before: the model says so, or the best result shares a clause of at least
    /// `clauseWords` distinctive words with the query, a figure among the words in common (the
    /// same statement inside a longer text: "This is Putin's fifth visit to Vietnam, …"), and
    /// between two articles' sentences the two are at least `articleSimilarity` alike; or the two are
    /// the same text (`sameText` alike: a wire copy, at any place); always with at least two
    /// distinctive words in common and three in each text ("absolutely right" is never "…?
    /// Absolutely.").
    public static func isSeenBefore(_ f: Features) -> Bool {
        guard f.sharedWords >= Similarity.seenBeforeSharedWords, f.shorterWords >= Similarity.seenBeforeShortest else {
            return false
        }
        let alikeEnough = !f.betweenArticles || f.similarity >= articleSimilarity
        let clause = f.figureClauseWords >= clauseWords && f.rank == 1
        return alikeEnough && (probability(f) >= threshold || clause) || f.similarity >= sameText
    }

    /// How alike two articles' sentences must be for one to count as seen before on the model's
    /// word or a shared clause's. The model learnt from tweets against fact-checks, where the best of 14,000
    /// unlike claims with a lead over the next is usually the one; among one campaign's news (the
    /// same names, polls and delegates) the best result is usually another claim on the same
    /// subject. Read at random from the stored matches of PolNeAR's 924 train and dev articles, by
    /// how alike: under 0.3 none of 14 was the same claim, 0.3–0.4 2 of 12, 0.4–0.5 7 of 24, 0.5–0.6
    /// 11 of 24, 0.6–0.9 12 of 16, copies all; those under 0.5 that only the shared clause with a
    /// figure took, 3 of 20 ("the former first lady and U.S. senator", "46 percent of voters"). From
    /// 0.5 on, about 0.89 of what is stored is right. The cost: a repeat in other words ("Russia is
    /// the largest supplier of military equipment to Vietnam" after "Moscow has been Vietnam's most
    /// important arms supplier") is no longer found between two articles.
    public static let articleSimilarity = 0.5

    /// As alike as two texts are when one is the other, give or take a word in twenty. The model,
    /// trained with distinct claims that share a template ("J&J's vaccine contains …" against
    /// AstraZeneca's) as negatives, weighs where a result stands more than how alike it is, so a
    /// second copy level with the first would fall under its threshold.
    public static let sameText = 0.95

    /// The smallest shared clause that kept precision on the training pairs at 0.90 with the model
    /// of stops 48–56 (3 words read 0.83). Since stop 58 its words in common must hold a figure:
    /// in 300 PolNeAR articles 139 stored matches were the rule's alone, and of 25 read about 2
    /// were the same claim (the others a shared name: "former President Bill Clinton", "South
    /// Carolina and New Hampshire"); with the figure, 10 are, about 3 the same claim.
    public static let clauseWords = 4
}
