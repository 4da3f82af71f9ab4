import Foundation
import TestSupport
import Testing

@testable import ClaimExtraction

@Suite("Learned check-worthiness")
struct CheckWorthinessTests {
    struct OracleRow: Decodable {
        var text: String
        var probability: Double
        var pieces: [Int32]
    }

    /// The Swift evaluation of the committed weights equals scikit-learn's predict_proba on the
    /// seeds' sentences (written by tools/train/checkworthy.py with the model).
    @Test func theSwiftModelReproducesTheTrainingLibrarysProbabilities() throws {
        let url = ClaimLedgerBinary.packageRoot.appendingPathComponent(
            "Tests/ClaimExtractionTests/Oracle/checkworthy_oracle.json")
        let rows = try JSONDecoder().decode([OracleRow].self, from: Data(contentsOf: url))
        #expect(rows.count > 50)
        for row in rows {
            let p = CheckWorthiness.probability(of: row.text)
            #expect(abs(p - row.probability) < 1e-9, "\(row.text): \(p) vs \(row.probability)")
        }
        #expect(
            rows.contains { $0.probability >= CheckWorthyModel.threshold }
                && rows.contains { $0.probability < CheckWorthyModel.threshold })
    }

    /// The Swift word-piece tokenizer gives the pieces Hugging Face's tokenizer gives (the ids of
    /// the static embedding the model reads) on the seeds' sentences.
    @Test func theWordPiecesAreTheTrainingTokenizers() throws {
        let url = ClaimLedgerBinary.packageRoot.appendingPathComponent(
            "Tests/ClaimExtractionTests/Oracle/checkworthy_oracle.json")
        let rows = try JSONDecoder().decode([OracleRow].self, from: Data(contentsOf: url))
        for row in rows { #expect(CheckWorthiness.pieces(of: row.text) == row.pieces, "\(row.text)") }
        #expect(rows.allSatisfy { !$0.pieces.isEmpty })
    }

    /// Extraction's fast path (table lookups) gives the dictionary path's probability.
    @Test func theFastPathEqualsTheFeatureDictionary() throws {
        let url = ClaimLedgerBinary.packageRoot.appendingPathComponent(
            "Tests/ClaimExtractionTests/Oracle/checkworthy_oracle.json")
        let rows = try JSONDecoder().decode([OracleRow].self, from: Data(contentsOf: url))
        for text in rows.map(\.text) + ["the the the of of the", "Rates rose 5 % in 2020 , 2020 and 5 % ."] {
            let s = Array(text.unicodeScalars)
            let tokens = tokenize(s, 0..<s.count)
            let rules = ClaimScorer.features(tokens, words: tokens.filter(\.isWord))
            #expect(
                abs(CheckWorthiness.probability(tokens, rules: rules) - CheckWorthiness.probability(of: text)) < 1e-12,
                "\(text)")
        }
    }

    @Test func featuresAreWordsPairsShapesAndRules() {
        let f = CheckWorthiness.features(of: "Exports rose 80 percent in 2023, AFP reported.")
        #expect(f["w:exports"] == 1 && f["w:<pct>"] == 1 && f["w:<year>"] == 1 && f["w:80"] == nil)
        #expect(f["b:<s> exports"] == 1 && f["b:rose <pct>"] == 1 && f["b:reported </s>"] == 1)
        #expect(f["r:statistic"] == 1 && f["r:date"] == 1 && f["r:attributed"] == 1 && f["r:length6-10"] == 1)
        let opinion = CheckWorthiness.features(of: "I think we should probably feel hopeful about it, I believe.")
        #expect(opinion["r:firstPerson"] == 1 && (opinion["r:opinion"] ?? 0) >= 1 && opinion["r:statistic"] == nil)
        #expect(CheckWorthiness.features(of: "Is that so?")["r:question"] == 1)
    }

    @Test func aFigureOfRecordOutranksAnOpinion() {
        let fact = CheckWorthiness.probability(
            of: "Unemployment fell to 3.5 percent in 2019, the lowest rate in fifty years.")
        let opinion = CheckWorthiness.probability(
            of: "I think we should all be a little more hopeful about the future.")
        #expect(fact > CheckWorthyModel.threshold && opinion < CheckWorthyModel.threshold)
    }

    @Test func theRulesRemainSelectableForComparison() {
        let text = "Headline\n\nThey voted to close the plant in 2019 after losses of $40 million, the company said."
        var rules = ClaimExtractor()
        rules.claimModel = .rules
        let learned = ClaimExtractor().extract(text).claims
        let byRules = rules.extract(text).claims
        #expect(learned.count == 1 && byRules.count == 1)
        #expect(learned.first?.score != byRules.first?.score)
    }
}
