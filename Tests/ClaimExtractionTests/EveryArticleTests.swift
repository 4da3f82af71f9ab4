import ClaimExtraction
import Foundation
import TestSupport
import Testing

/// The extractor over every article we have (issue 12: "never traps"): the shared seeds and
/// development corpus beside the checkout, and every article under Tests/. Spans must be exact.
@Suite("Every article we have")
struct EveryArticleTests {
    static func articles() -> [URL] {
        let root = ClaimLedgerBinary.packageRoot
        let folders = [
            root.appendingPathComponent("../shared/devcorpus"), root.appendingPathComponent("../shared/seeds"),
            root.appendingPathComponent("seeds"), root.appendingPathComponent("Tests"),
        ]
        var found: [URL] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where url.pathExtension == "txt" { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    @Test func everyArticleExtractsWithExactSpans() throws {
        let files = EveryArticleTests.articles()
        #expect(files.count >= 12)  // at least the seeds and the annotated development set
        for file in files {
            let data = try Data(contentsOf: file)
            guard let article = try? ArticleReader.read(Array(data), name: file.lastPathComponent) else { continue }
            let scalars = Array(article.body.unicodeScalars)
            let result = ClaimExtractor().extract(article.body)
            for item in result.quotes.map({ ($0.start, $0.end, $0.text) })
                + result.claims.map({ ($0.start, $0.end, $0.text) })
            {
                #expect(item.0 <= item.1 && item.1 <= scalars.count, "\(file.lastPathComponent)")
                #expect(
                    String(String.UnicodeScalarView(scalars[item.0..<item.1])) == item.2, "\(file.lastPathComponent)")
            }
        }
    }
}
