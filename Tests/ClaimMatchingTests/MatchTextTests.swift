import TestSupport
import Testing

@testable import ClaimMatching

@Suite struct MatchTextTests {
    @Test(arguments: [
        ("More than 80 percent of imports", "more than 80 percent of imports"),
        ("more than 80% of imports", "more than 80 percent of imports"),
        ("eighty per cent of imports", "80 percent of imports"),
        ("Eighty-four percent", "84 percent"),
        ("$1.2bn in aid", "1200000000 usd in aid"),
        ("1.2 billion dollars in aid", "1200000000 usd in aid"),
        ("€3 million", "3000000 eur"),
        ("Putin's fifth visit", "putin 5th visit"),
        ("his 5th visit", "his 5th visit"),
        ("one hundred and five people", "105 people"),
        ("1,200.5 tonnes; (2, 3).", "1200p5 tonnes | 2 | 3"),
        ("São Paulo, Jan 2023", "sao paulo | january 2023"),
        ("two thousand and twenty", "2020"),
    ])
    func normalises(_ text: String, _ expected: String) {
        #expect(MatchText.indexed(text) == expected)
    }

    @Test func queryWordsLeaveOutCommonWordsAndRepeats() {
        #expect(
            MatchText.queryWords("This is the fifth visit, the FIFTH visit")
                == ["this", "5th", "visit"].filter { !StopWords.contains($0) })
    }

    @Test func hostileTextIsOnlyWords() {
        let words = MatchText.words("<script>alert(1)</script> \u{202E}evil\u{202C} javascript:void(0)")
        #expect(words == ["script", "alert", "1", "script", "evil", "javascript", "void", "0"])
    }
}

/// The byte-by-byte reading of ASCII text must give exactly what the Character-by-Character one
/// gives: the search index's rows (and so every ledger's `audit --search-index`) depend on it.
@Suite("ASCII text read by bytes")
struct ASCIISplitTests {
    static let alphabet = Array("aZq09 .,;:()[]!?%$'\"-\t\r\n\u{0B}\u{0C}\u{1C}_/@#&*+=<>~`^{}|\\".utf8)

    @Test func randomASCIIReadsTheSameByBytesAsByCharacters() {
        var random = SplitMix(state: 45)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<40, using: &random)
            let bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &random)! }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(RawToken.split(text) == RawToken.splitCharacters(text), "\(bytes)")
        }
    }

    @Test func sentencesReadTheSameByBytesAsByCharacters() {
        let texts = [
            "Exports rose 12.5% in 2023, to $1,200.5 billion (officials said).", "It's the ministers' plan: 3.14.",
            "Line one.\r\nLine two.", "U.S. growth was 2.1 percent.", "'quoted' words, O'Brien's and rock'n'roll",
            "1,2,3... 4.5.6. end.", "",
        ]
        for text in texts { #expect(RawToken.split(text) == RawToken.splitCharacters(text), "\(text)") }
        #expect(RawToken.split("Café 5%") == RawToken.splitCharacters("Café 5%"), "non-ASCII text reads by Characters")
    }
}
