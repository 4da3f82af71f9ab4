import ClaimExtraction
import Foundation
import TestSupport
import Testing

/// Fuzzing with real text (issue 12): paragraphs of every article we have, cut at random code
/// points (mid-word, mid-quote, between a combining mark and its letter) and spliced in random
/// order, with their quotation marks unbalanced. Extraction must not trap and its spans stay exact.
@Suite("Spliced real paragraphs")
struct SpliceFuzzTests {
    static let paragraphs: [[Unicode.Scalar]] = {
        EveryArticleTests.articles().flatMap { url -> [[Unicode.Scalar]] in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            return text.components(separatedBy: "\n\n").map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        }
    }()

    static func splice(_ rng: inout SplitMix) -> String {
        let all = paragraphs
        var scalars: [Unicode.Scalar] = []
        for _ in 0..<(2 + Int(rng.next() % 10)) {
            let p = all[Int(rng.next() % UInt64(all.count))]
            let a = Int(rng.next() % UInt64(p.count))
            let b = Int(rng.next() % UInt64(p.count))
            scalars += p[min(a, b)...max(a, b)]
            scalars += [["\n\n", " ", "\n", "\u{201C}", "\"", ". "][Int(rng.next() % 6)]].flatMap(\.unicodeScalars)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test(arguments: 0..<300)
    func splicedParagraphsGiveExactSpans(seed: Int) throws {
        try #require(SpliceFuzzTests.paragraphs.count >= 50)
        var rng = SplitMix(state: UInt64(seed) &* 104_729 &+ 17)
        let text = SpliceFuzzTests.splice(&rng)
        let scalars = Array(text.unicodeScalars)
        let result = ClaimExtractor().extract(text)
        for item in result.quotes.map({ ($0.start, $0.end, $0.text) })
            + result.claims.map({ ($0.start, $0.end, $0.text) })
        {
            #expect(item.0 >= 0 && item.0 <= item.1 && item.1 <= scalars.count, "seed \(seed)")
            #expect(String(String.UnicodeScalarView(scalars[item.0..<item.1])) == item.2, "seed \(seed)")
        }
    }
}
