import ClaimMatching
import Testing

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
