import Foundation
import TestSupport
import Testing

@testable import ClaimExtraction

@Suite("Word pieces")
struct WordPiecesTests {
    let vocabulary = WordPieces(
        ["[PAD]", "[UNK]", "un", "##aff", "##able", "afford", "##s", "cafe", "!", ",", "东", "京"].joined(separator: "\n")
    )

    func pieces(_ text: String) -> [Int32] { vocabulary.pieces(of: [text]) }

    @Test func aWordIsItsLongestKnownPrefixThenContinuations() {
        #expect(pieces("unaffable") == [2, 3, 4])
        #expect(pieces("affords") == [5, 6])
    }

    @Test func aWordWithAnUnmatchedPartIsUnknownAndDropped() {
        #expect(pieces("unaffxable affords") == [5, 6])
        #expect(pieces(String(repeating: "un", count: 51)).isEmpty)  // over 100 characters
    }

    @Test func punctuationAndIdeographsAreWordsOfTheirOwn() {
        #expect(pieces("afford!,un") == [5, 8, 9, 2])
        #expect(pieces("东京") == [10, 11])
    }

    @Test func textIsLowerCasedWithoutAccentsOrControlCharacters() {
        #expect(pieces("CAFÉ") == [7])
        #expect(pieces("ca\u{0}fe\u{200B}") == [7])
        #expect(WordPieces.words("Café\tDÉJÀ") == [Array("cafe".unicodeScalars), Array("deja".unicodeScalars)])
    }

    @Test func piecesPastTheTokenizersTruncationAreNotRead() {
        let long = Array(repeating: "afford", count: 600)
        #expect(vocabulary.pieces(of: long).count == WordPieces.maximumPieces)
    }

    /// Extraction reads pieces from its tokens (`pieces(of: [Token])`: a plain word's whole piece
    /// found when it was tokenised, marks from a table); the pieces equal those of the tokens' texts.
    @Test func piecesReadFromTokensEqualPiecesReadFromTheirTexts() throws {
        let root = ClaimLedgerBinary.packageRoot
        var texts = try ["seeds/000_ef25d13846437f12.txt", "seeds/004_8460d107cbcf0280.txt"].map {
            try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)
        }
        texts += [
            "Unaffordable U.S. don’t well-known 1,000 3.5% CAFÉ déjà-vu 东京 _x_ ~ \u{1} \u{7F} “quoted” — …",
            String(repeating: "antidisestablishmentarianism, ", count: 40) + String(repeating: "x", count: 120),
        ]
        for text in texts {
            let s = Array(text.unicodeScalars)
            for start in stride(from: 0, to: s.count, by: 200) {
                let tokens = tokenize(s, start..<min(s.count, start + 400))
                let shared = WordPieces.shared
                #expect(shared.pieces(of: tokens) == shared.pieces(of: tokens.map(\.text)))
            }
        }
    }

    @Test func theCommittedVocabularyIsBertsUncasedOne() {
        let shared = WordPieces.shared
        #expect(shared.count == CheckWorthyPieces.scores.count)
        #expect(!shared.pieces(of: ["Unemployment", "fell", "to", "3.5", "percent", "."]).isEmpty)
    }
}
