import ClaimExtraction
import Testing

/// Quotes whose speaker is named only by what introduces them: a label and a colon with a party tag
/// or a role before the name, or the sentence before in the same paragraph (issue 28, from PolNeAR
/// train's unattributed quotes).
@Suite("Quotes introduced by a label or the sentence before")
struct IntroducedQuoteTests {
    private let hearing = "Lawmakers questioned officials on Tuesday.\n\n"

    @Test func aPartyTagMayStandBetweenTheNameAndTheColon() {
        let q = quotes(
            hearing + "Sen. Jane Roe (D-Md.): \"We have not seen the report, and we will not vote without it.\"")
        #expect(q.first?.speaker == "Jane Roe")
    }

    @Test func aRoleMayOpenTheLabel() {
        let q = quotes(
            hearing + "Former attorney general John Doe: \"The review is over and the findings are public.\"")
        #expect(q.first?.speaker == "John Doe")
    }

    /// A name before a colon after other words is whom the sentence speaks to, not who speaks.
    @Test func aNameAfterOtherWordsIsNoLabel() {
        let q = quotes(hearing + "The senator had a message for John Smith: \"Stop blocking the bill.\"")
        #expect(q.first?.speaker != "John Smith")
    }

    @Test func theSentenceBeforeInTheParagraphIntroducesTheQuote() {
        let q = quotes(
            "The city announced new spending on Friday. Mayor Ann Lee spoke about the plan in a statement on Friday. "
                + "\"The budget is balanced, and the parks will stay open.\"")
        #expect(q.first?.speaker == "Ann Lee")
    }

    /// After a quote in the same paragraph, the sentence between is no introduction: the words
    /// after `"…," Lee said, a point she made to callers who asked…` name the callers, not a speaker.
    @Test func aQuoteEarlierInTheParagraphKeepsTheSentenceBeforeFromIntroducing() {
        let q = quotes(
            "\"The parks will stay open,\" Lee said. Later the reporters asked about the budget. "
                + "\"We have the money.\"")
        #expect(q.count == 2)
        #expect(q.last?.speaker != "reporters")
    }
}
