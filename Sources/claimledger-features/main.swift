// The features the extractor's models read, for training them offline.
// `claimledger-features speakers FILE...`: each quote of each article with its speaker candidates
// and their features, one JSON object per quote (tools/train/speakers.py).
// `claimledger-features sentences FILE...`: each article's sentences (tools/segmenter_eval.py).
// Otherwise, sentences for tools/train/checkworthy.py: reads tab-separated lines `id<TAB>text[<TAB>label]` (a header line
// whose first field is not a number is skipped) and writes one JSON object per line:
// {"id": "...", "label": "...", "features": {"w:the": 1, ...}, "pieces": [2001, ...], "ruleScore": 0.5, "probability": 0.7}.
import ClaimExtraction
import Foundation

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]

struct Row: Encodable {
    var id: String
    var label: String?
    var features: [String: Double]
    /// The sentence's word pieces (ids in `WordPieceVocabulary`), for its static embedding.
    var pieces: [Int32]
    /// The rules' own score (`ClaimScorer`), and the committed model's probability.
    var ruleScore: Double
    var probability: Double
    /// Whether the extractor reports the sentence, as the paragraph of an article under a title line, as a claim:
    /// with the learned model and with the rules alone.
    var extracted: [String: Bool]
}

func extracted(_ text: String) -> [String: Bool] {
    var result: [String: Bool] = [:]
    for model in ClaimExtractor.ClaimModel.allCases {
        var extractor = ClaimExtractor()
        extractor.claimModel = model
        result[model.rawValue] = !extractor.extract("Debate transcript\n\n" + text).claims.isEmpty
    }
    return result
}

if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "speakers" {
    try writeSpeakerCandidates(CommandLine.arguments.dropFirst(2))
    exit(0)
}
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "sentences" {
    try writeSentences(CommandLine.arguments.dropFirst(2))
    exit(0)
}
while let line = readLine(strippingNewline: true) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard fields.count >= 2, Int(fields[0]) != nil else { continue }
    let text = fields[1]
    let row = Row(
        id: fields[0], label: fields.count > 2 ? fields[2] : nil, features: CheckWorthiness.features(of: text),
        pieces: CheckWorthiness.pieces(of: text),
        ruleScore: CheckWorthiness.ruleScore(of: text), probability: CheckWorthiness.probability(of: text),
        extracted: extracted(text))
    FileHandle.standardOutput.write(try encoder.encode(row) + Data("\n".utf8))
}
