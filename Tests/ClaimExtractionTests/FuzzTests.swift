import ClaimExtraction
import TestSupport
import Testing

/// Random article-like text: words, names, numbers, every kind of quotation mark, abbreviations,
/// newlines and blank lines, emoji and combining marks — what breaks tokenisers and pairing.
func randomArticle(_ rng: inout SplitMix, length: Int) -> String {
    let pieces = [
        "said", "Putin", "the", "Mr.", "U.S.", "No.", "1", "3.5", "percent", "\"", "\u{201C}", "\u{201D}",
        "\u{2018}", "\u{2019}", "'", "\u{00AB}", "\u{00BB}", ",", ".", "?", "!", ":", "\n", "\n\n", "—",
        "he", "according", "to", "Reuters", "told", "\u{1F600}", "e\u{301}", "Zoë", "2023", "J.", "K.",
        "Other News", "Related to the topic", "<script>", "=cmd", "\t", "  ", "«", "„", "…",
    ]
    var text = ""
    while text.unicodeScalars.count < length {
        text += pieces[Int(rng.next() % UInt64(pieces.count))]
        if rng.next() % 3 != 0 { text += " " }
    }
    return text
}

@Suite("Extraction never crashes and its spans are exact")
struct FuzzTests {
    @Test(arguments: 0..<400)
    func randomTextGivesValidSpans(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 7919)
        let text = randomArticle(&rng, length: Int(rng.next() % 600))
        let scalars = Array(text.unicodeScalars)
        let result = ClaimExtractor().extract(text)
        for q in result.quotes {
            #expect(q.start >= 0 && q.start <= q.end && q.end <= scalars.count, "seed \(seed)")
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text, "seed \(seed)")
            #expect(
                q.sentenceStart <= q.start && q.end <= q.sentenceEnd && q.sentenceEnd <= scalars.count, "seed \(seed)")
        }
        for c in result.claims {
            #expect(c.start >= 0 && c.start <= c.end && c.end <= scalars.count, "seed \(seed)")
            #expect(String(String.UnicodeScalarView(scalars[c.start..<c.end])) == c.text, "seed \(seed)")
            #expect(c.score >= 0 && c.score <= 1)
        }
    }

    /// An outer relay cue with no subject before it ("While Clinton has condemned…, the groups who
    /// wrote to her… say") gave an empty relay phrase, and reading its first word trapped.
    @Test func emptyRelayPhraseDoesNotTrap() {
        let text =
            "While Clinton has forcefully condemned the proposal, the groups who wrote to her on Thursday say "
            + "they are \u{201C}concerned your campaign is sending mixed messages when it comes to Islamophobia.\u{201D}"
        let result = ClaimExtractor().extract(text)
        #expect(result.quotes.count == 1)
        #expect(result.quotes.first?.via == nil)
    }

    /// One paragraph of about 270 kB dense with short quotations (136 kB took 8.7 s, 272 kB 38 s before): every stage is near-linear now
    /// (finding neighbours, the token before and after each mark, the sentence of each quote). It took
    /// minutes before; the bound is generous on purpose (speed is measured by the benchmark, not here).
    @Test func quoteDenseParagraphFinishes() {
        let pieces = [
            "\"Prices will fall,\" he said.", "Officials noted \"a big spectacle\" here.",
            "\"We will win,\" said Ana Lopes.", "The \"so-called\" plan rose 5 percent.",
        ]
        var rng = SplitMix(state: 3)
        let text = (0..<8_000).map { _ in pieces[Int(rng.next() % 4)] }.joined(separator: " ")
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ClaimExtractor().extract(text) }
        #expect(elapsed < .seconds(60))
    }

    @Test func pathologicalInputs() {
        let inputs = [
            "", " ", "\n\n\n", "\"", String(repeating: "\"", count: 10_000),
            String(repeating: "\u{201C}a ", count: 5_000),
            String(repeating: "word ", count: 200_000), String(repeating: "a.", count: 50_000),
            String(repeating: "\u{1F600}", count: 10_000), "\"unclosed quote at the very end",
        ]
        for text in inputs {
            let result = ClaimExtractor().extract(text)
            let count = text.unicodeScalars.count
            #expect(result.quotes.allSatisfy { $0.end <= count } && result.claims.allSatisfy { $0.end <= count })
        }
    }
}
