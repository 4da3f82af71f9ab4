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

    @Test func theCommittedVocabularyIsBertsUncasedOne() {
        let shared = WordPieces.shared
        #expect(shared.count == CheckWorthyPieces.scores.count)
        #expect(!shared.pieces(of: ["Unemployment", "fell", "to", "3.5", "percent", "."]).isEmpty)
    }
}
