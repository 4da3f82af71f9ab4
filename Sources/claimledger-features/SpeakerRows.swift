import ClaimExtraction
import Foundation

/// One quote with its speaker candidates, as tools/train/speakers.py reads it.
struct SpeakerRow: Encodable {
    struct Candidate: Encodable {
        var name: String
        var features: [Double]
    }

    var article: String
    var text: String
    var start: Int
    /// The speaker the rules chose, and the one the committed model chooses, with its confidence.
    var ruleSpeaker: String?
    var modelSpeaker: String?
    var confidence: Double?
    var candidates: [Candidate]
}

/// Writes the rows of every article named, and the feature names first (`{"featureNames": [...]}`).
func writeSpeakerCandidates(_ paths: ArraySlice<String>) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let names = ["featureNames": SpeakerFeature.allCases.map(\.name)]
    FileHandle.standardOutput.write(try encoder.encode(names) + Data("\n".utf8))
    var rules = ClaimExtractor()
    rules.speakerChoice = .rules
    let learned = ClaimExtractor()
    for path in paths {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let article = try ArticleReader.read(bytes, name: path)
        let ranked = rules.rankedQuotes(article.body, outlet: article.outlet)
        let chosen = learned.extract(article.body, outlet: article.outlet).quotes
        for (k, quote) in ranked.enumerated() {
            let model = k < chosen.count ? chosen[k] : nil
            let row = SpeakerRow(
                article: (path as NSString).lastPathComponent, text: quote.quote.text, start: quote.quote.start,
                ruleSpeaker: quote.quote.speaker, modelSpeaker: model?.speaker, confidence: model?.speakerConfidence,
                candidates: quote.candidates.map { SpeakerRow.Candidate(name: $0.name, features: $0.features) })
            FileHandle.standardOutput.write(try encoder.encode(row) + Data("\n".utf8))
        }
    }
}
