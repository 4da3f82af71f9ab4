import Testing

@testable import ClaimExtraction

@Suite("Sentences: one segmenter, as CoreNLP reads news")
struct SentenceRangesTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceRanges.of(text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func abbreviationsInitialsAndTimesDoNotEndASentence() {
        #expect(
            sentences("Roe v. Wade stands. Sens. Johnny Isakson of Georgia and Mr. Cruz agreed.")
                == ["Roe v. Wade stands.", "Sens. Johnny Isakson of Georgia and Mr. Cruz agreed."])
        #expect(sentences("George H.W. Bush spoke at 10:30 p.m. Tuesday in the U.S. Capitol.").count == 1)
        #expect(sentences("CHARLESTON, S.C. — In the fall of 2007, she ran.").count == 1)
        // A state delegate's title ("Del. Jane Roe", a quote once shown under "Del").
        #expect(sentences("Her niece, state Del. Marcia Price, shouted to the crowd.").count == 1)
    }

    @Test func anEllipsisLeavesWordsOutButAPeriodAfterItEndsTheSentence() {
        #expect(sentences("We will fight … We will win. We will ... Never stop.").count == 2)
        #expect(
            sentences("It depends on income…. The limits are clear.")
                == ["It depends on income….", "The limits are clear."])
        #expect(sentences("It was over. … Democratic groups, too.").count == 2)
    }

    @Test func thePronounIEndsASentenceAndABracketStartsOne() {
        #expect(sentences("“Neither do I. This debate needs to change.”").count == 2)
        #expect(sentences("J. K. Rowling wrote it. He was in trouble. [NYT.] Polls closed.").count == 4)
    }

    @Test func rangesAreOffsetsIntoTheOriginalTextAndNeverSpanALine() {
        let text = "Café\u{200B} owners met. They agreed.\nA new line. Another."
        let ranges = SentenceRanges.of(text)
        #expect(ranges.count == 4)
        #expect(sentences(text)[1] == "They agreed.")
        #expect(ranges.allSatisfy { r in !Array(text.unicodeScalars)[r].contains("\n") })
    }
}
