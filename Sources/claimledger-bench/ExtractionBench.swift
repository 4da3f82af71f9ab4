import ArticleIngest
import ClaimExtraction
import Crypto
import Foundation

/// Real articles from the repository, repeated to the requested size.
func corpus(megabytes: Int) -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let dirs = ["seeds", "Tests/ClaimExtractionTests/DevSet/dev"]
    var texts: [String] = []
    for dir in dirs {
        let url = root.appendingPathComponent(dir)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".txt")
        {
            if let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path),
                let article = try? ArticleReader.read(Array(data), name: name)
            {
                texts.append(article.body)
            }
        }
    }
    precondition(!texts.isEmpty, "no articles found for the extraction benchmark")
    var result: [String] = []
    var bytes = 0
    var n = 0
    while bytes < megabytes << 20 {
        let text = texts[n % texts.count] + "\n\nParagraph \(n)."
        result.append(text)
        bytes += text.utf8.count
        n += 1
    }
    return result
}

/// Extraction speed on one core: three timed runs (best and median, since this machine is shared and
/// noisy), then the same text once more with the clock read between stages, for what each costs.
func extractionFigures(megabytes: Int) {
    let texts = corpus(megabytes: megabytes)
    let bytes = Double(texts.reduce(0) { $0 + $1.utf8.count })
    let extractor = ClaimExtractor()
    var found = 0
    let runs = (0..<3).map { _ in
        seconds {
            found = 0
            for text in texts {
                let e = extractor.extract(text)
                found += e.quotes.count + e.claims.count
            }
        }
    }.sorted()
    let hashT = seconds { for text in texts { _ = SHA256.hash(data: Array(text.utf8)) } }
    line(
        String(
            format:
                "extraction: %.1f MB/s on one core, best of 3 (median %.1f; %.1f MB, %d articles, %d items; floor >= 5 MB/s)  [reference: SHA-256 of the same text %.0f MB/s]",
            bytes / 1e6 / runs[0], bytes / 1e6 / runs[1], bytes / 1e6, texts.count, found, bytes / 1e6 / hashT))
    // The same text with the rules choosing speakers (no candidates, no ranker): what the ranker costs.
    var rules = ClaimExtractor()
    rules.speakerChoice = .rules
    let rulesRuns = (0..<3).map { _ in seconds { for text in texts { _ = rules.extract(text) } } }.sorted()
    line(
        String(
            format: "  with the rules choosing speakers (no ranker): %.1f MB/s best of 3 (median %.1f)",
            bytes / 1e6 / rulesRuns[0], bytes / 1e6 / rulesRuns[1]))
    let stages = extractor.stageSeconds(texts)
    let total = stages.values.reduce(0, +)
    for stage in ExtractionStage.allCases {
        let t = stages[stage] ?? 0
        line(String(format: "  %4.1f%%  %6.2f s  %@", 100 * t / total, t, stage.rawValue))
    }
}
