import ClaimExtraction
import Testing

/// A nickname in quotation marks inside a name (`Rep. Robert C. "Bobby" Scott`) is part of the
/// person's name: it never cuts the name in two, so the quote goes to the whole person.
@Suite("A quoted nickname inside a name")
struct NicknameTests {
    static let quote = "\u{201C}We will not let this stand,\u{201D} "

    @Test func theNameAroundANicknameIsTheSpeaker() {
        // Was "Robert C", then nobody, then the party tag for the same shapes.
        #expect(
            quotes(Self.quote + "said Rep. Robert C. \"Bobby\" Scott of Virginia.").first?.speaker == "Robert C. Scott")
        #expect(quotes(Self.quote + "Robert \"Bobby\" Scott said on Tuesday.").first?.speaker == "Robert Scott")
        #expect(
            quotes(Self.quote + "state Del. Marcia \u{201C}Cia\u{201D} Price (D-Newport News) shouted.").first?.speaker
                == "Marcia Price")
        #expect(quotes(Self.quote + "said Sen. John 'Jack' Reed of Rhode Island.").first?.speaker == "John Reed")
        #expect(quotes(Self.quote + "said Dwayne \"The Rock\" Johnson.").first?.speaker == "Dwayne Johnson")
    }

    @Test func aQuotedWordThatIsNoNicknameStays() {
        // Near misses: a scare-quoted word between a name and a verb, or after a title, is no nickname.
        #expect(
            quotes("Jane Roe called the plan \"reckless\" on Monday, adding: \u{201C}We will fight it.\u{201D}")
                .first?.speaker == "Jane Roe")
        let found = quotes("Acme \"Deeply\" Regrets, the headline ran. \u{201C}We will fight it,\u{201D} Roe said.")
        #expect(found.first?.speaker == "Roe")
        // The nickname's words stay in the claim's text: only the speaker's name leaves them out.
        let claim = claims("Rep. Robert C. \"Bobby\" Scott said the bill would cost $4 billion over 10 years.")
        #expect(claim.first?.text.contains("\"Bobby\"") == true)
        #expect(claim.first?.speaker == "Robert C. Scott")
    }
}
