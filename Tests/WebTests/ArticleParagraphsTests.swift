import Testing

@testable import WebReview

/// The article page's paragraphs: broken at line breaks, never inside a quote's or claim's span.
@Suite("The article's paragraphs")
struct ArticleParagraphsTests {
    func pieces(_ text: String, spans: [Range<Int>] = []) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return ArticleParagraphs.ranges(scalars, spans: spans).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    @Test func lineBreaksMakeParagraphsAndBlankOnesAreDropped() {
        #expect(pieces("One.\n\nTwo.\r\nThree.\n \n") == ["One.", "Two.", "Three."])
        #expect(pieces("") == [] && pieces("\n\n") == [])
        #expect(pieces("Only one.") == ["Only one."])
    }

    @Test func aSpanAcrossALineBreakIsNeverCut() {
        // "“Two\nthree”" is one quote's span (5..<15): its line break stays inside one paragraph.
        let text = "One.\n“Two\nthree” four.\nFive."
        #expect(pieces(text, spans: [5..<16]) == ["One.", "“Two\nthree” four.", "Five."])
        #expect(pieces(text) == ["One.", "“Two", "three” four.", "Five."])
    }

    @Test func aSpanStartingInWhiteSpaceKeepsItsParagraph() {
        #expect(pieces("One.\n  \nTwo.", spans: [6..<6]) == ["One.", "  ", "Two."])
    }
}
