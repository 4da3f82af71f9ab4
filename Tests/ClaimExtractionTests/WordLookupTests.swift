import Testing

@testable import ClaimExtraction

@Suite("Looking words up")
struct WordLookupTests {
    /// Enough words that probes collide and wrap round the table.
    let words = (0..<3000).map { "w\($0)" } + ["", "said", "naïve", "##s", "s", "a-b", "Ünïcödé"]

    @Test func everyWordFindsItsOwnValueAndNoOtherWordFindsOne() {
        let table = ByteKeyedTable(Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) }))
        for (k, word) in words.enumerated() { #expect(table[word] == k) }
        for absent in ["w3000", "w-1", "Said", "naive", "##", "said "] { #expect(table[absent] == nil) }
        #expect(Set(table.entries.map(\.key)) == Set(words))
    }

    @Test func anEmptyTableFindsNothing() {
        let table = ByteKeyedTable<Int>([:])
        #expect(table["said"] == nil && table.value(ofBytes: [0x61][...], continuation: true) == nil)
        #expect(Array(table.entries).isEmpty)
    }

    @Test func bytesAreLookedUpWithOrWithoutAContinuationMark() {
        let table = ByteKeyedTable(["##able": 1, "able": 2, "un": 3])
        let bytes = Array("unable".utf8)
        #expect(table.value(ofBytes: bytes[2...], continuation: true) == 1)
        #expect(table.value(ofBytes: bytes[2...], continuation: false) == 2)
        #expect(table.value(ofBytes: bytes[..<2], continuation: false) == 3)
        #expect(table.value(ofBytes: bytes[..<2], continuation: true) == nil)
        #expect(table.value(ofBytes: bytes[1...], continuation: false) == nil)
    }

    @Test func theWordCountIsTokenisingsUpToTheLimit() {
        let texts = [
            "", "  ", "one", "Mr. Smith said", "U.S. officials", "isn't it", "3,000 and 3.5", "Sanders’ campaign",
            "—, ;", "Jong-un", "FranÃ§ois Hollande", "a . b", "x,y",
        ]
        for text in texts {
            let s = Array(text.unicodeScalars)
            let words = tokenize(s, 0..<s.count).filter(\.isWord).count
            for limit in 1...4 { #expect(wordCount(s, 0..<s.count, upTo: limit) == min(words, limit), "\(text)") }
        }
    }
}
