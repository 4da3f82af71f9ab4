import ClaimExtraction
import Foundation

/// Each article's sentences as the extractor reads them, for tools/segmenter_eval.py:
/// `{"article": PATH, "sentences": [[start, end], ...]}`, code point offsets into the file's text.
func writeSentences(_ paths: ArraySlice<String>) throws {
    struct Row: Encodable {
        var article: String
        var sentences: [[Int]]
    }
    let encoder = JSONEncoder()
    for path in paths {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let row = Row(article: path, sentences: SentenceRanges.of(text).map { [$0.lowerBound, $0.upperBound] })
        FileHandle.standardOutput.write(try encoder.encode(row) + Data("\n".utf8))
    }
}
