import Foundation
import TestSupport
import Testing

@testable import ClaimMatching

@Suite("Seen-before model")
struct SeenBeforeModelTests {
    struct Row: Decodable {
        var features: [Double]
        var probability: Double
    }

    /// The Swift evaluation equals scikit-learn's predict_proba (tools/train/seen_before.py wrote both).
    @Test func theSwiftModelReproducesTheTrainingLibrarysProbabilities() throws {
        let url = ClaimLedgerBinary.packageRoot.appendingPathComponent(
            "Tests/ClaimMatchingTests/Oracle/seen_before_oracle.json")
        let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: url))
        #expect(rows.count == 50)
        for row in rows { #expect(abs(SeenBeforeModel.probability(row.features) - row.probability) < 1e-12) }
    }

    @Test func featuresAreInTheTrainingScriptsOrder() {
        let f = SeenBeforeModel.Features(
            similarity: 0.5, containment: 0.8, clauseWords: 4, sharedWords: 12, shorterWords: 10,
            rank: 1, relevance: 8, topRelevance: 8, nextRelevance: 2)
        #expect(f.vector == [0.5, 0.8, 1, 1, 0.5, 1, 1, 0.75])
    }

    /// Short texts and a single shared word are never "seen before", however the model scores them.
    @Test func aSingleSharedWordOrAShortTextNeverCounts() {
        var f = SeenBeforeModel.Features(
            similarity: 0.9, containment: 1, clauseWords: 3, sharedWords: 1, shorterWords: 2,
            rank: 1, relevance: 10, topRelevance: 10, nextRelevance: 0)
        #expect(SeenBeforeModel.probability(f) > SeenBeforeModel.threshold && !SeenBeforeModel.isSeenBefore(f))
        f.sharedWords = 3
        f.shorterWords = 4
        #expect(SeenBeforeModel.isSeenBefore(f))
    }

    /// The best result's shared clause counts on its own only when its words in common hold a figure
    /// ("This is Putin's fifth visit to Vietnam, …"); a shared name ("former President Bill Clinton")
    /// is the model's to weigh.
    @Test func aSharedClauseCountsOnItsOwnOnlyWithAFigure() {
        var f = SeenBeforeModel.Features(
            similarity: 0.25, containment: 0.35, clauseWords: 6, sharedWords: 4, shorterWords: 10,
            rank: 1, relevance: 10, topRelevance: 10, nextRelevance: 9)
        #expect(SeenBeforeModel.probability(f) < SeenBeforeModel.threshold && !SeenBeforeModel.isSeenBefore(f))
        f.figureClauseWords = 6
        #expect(SeenBeforeModel.isSeenBefore(f))
        f.rank = 2
        #expect(!SeenBeforeModel.isSeenBefore(f))
    }

    /// The same text (a wire copy) is seen before at any place, even level with another copy; a
    /// text less alike in that place is the model's to decide, and it says no.
    @Test func theSameTextIsSeenBeforeAtAnyPlace() {
        var f = SeenBeforeModel.Features(
            similarity: 1, containment: 1, clauseWords: 9, sharedWords: 12, shorterWords: 12,
            rank: 2, relevance: 10, topRelevance: 10, nextRelevance: 10)
        #expect(SeenBeforeModel.isSeenBefore(f))
        f.similarity = 0.9
        #expect(SeenBeforeModel.probability(f) < SeenBeforeModel.threshold && !SeenBeforeModel.isSeenBefore(f))
    }

    /// Between two articles' sentences the model's word, or a shared clause's, counts only from
    /// half alike on: among one campaign's news the best result with a lead is usually another
    /// claim on the same subject. A fact-check, or a sentence looked up, is the model's to decide,
    /// as the CheckThat! pairs taught it; the same text counts either way.
    @Test func anArticlesSentenceMustBeHalfAlikeOnTheModelsWord() {
        var f = SeenBeforeModel.Features(
            similarity: 0.14, containment: 0.23, clauseWords: 0, sharedWords: 4, shorterWords: 13,
            rank: 1, relevance: 10, topRelevance: 10, nextRelevance: 0)
        #expect(SeenBeforeModel.isSeenBefore(f))
        f.betweenArticles = true
        #expect(SeenBeforeModel.probability(f) >= SeenBeforeModel.threshold && !SeenBeforeModel.isSeenBefore(f))
        f.similarity = SeenBeforeModel.articleSimilarity
        #expect(SeenBeforeModel.isSeenBefore(f))
        f.similarity = 0.14
        f.figureClauseWords = 4
        #expect(!SeenBeforeModel.isSeenBefore(f))
        f.betweenArticles = false
        #expect(SeenBeforeModel.isSeenBefore(f))
    }
}
