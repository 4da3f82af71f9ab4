import ClaimExtraction
import Testing

/// Who "he" and "Mr. Clinton" stand for: a description in apposition to a name is that person's,
/// not the leader an article named earlier; an honorific's gender rules out a namesake whose first
/// name is the other gender's. Each with a near miss that keeps its old reading.
@Suite("Antecedents of pronouns and surnames")
struct AntecedentTests {
    private func speakers(_ text: String, _ model: ClaimExtractor.SpeakerChoice = .learned) -> [String?] {
        var extractor = ClaimExtractor()
        extractor.speakerChoice = model
        return extractor.extract("Farm news\n\nPresident Donald Trump spoke on Monday.\n\n" + text).quotes.map(
            \.speaker)
    }

    @Test(arguments: [ClaimExtractor.SpeakerChoice.rules, .learned])
    func aDescriptionInAppositionIsTheNamedPersons(_ model: ClaimExtractor.SpeakerChoice) {
        let head = speakers(
            "John Duvall, the head of the American Farm Bureau, said farmers faced hardship. \u{201C}Time is running out,\u{201D} he said.",
            model)
        #expect(head == ["John Duvall"])
        let participle = speakers(
            "Zippy Duvall, the president of the bureau, said farmers faced hardship. He urged Mr. Trump to make a deal, saying \u{201C}time is running out.\u{201D}",
            model)
        #expect(participle == ["Zippy Duvall"])
        // No closing comma: "the president" opens the main clause and is the president.
        let clause = speakers(
            "After meeting Angela Merkel, the president said farmers faced hardship. \u{201C}Time is running out,\u{201D} he said.",
            model)
        #expect(clause == ["Donald Trump"])
    }

    @Test func anHonorificRulesOutANamesakeOfTheOtherGender() {
        let text =
            "Hillary Clinton spoke. Mrs. Clinton spoke again. Former President Bill Clinton said nothing.\n\n"
            + "\u{201C}I will leave the board,\u{201D} Mr. Clinton said.\n\n\u{201C}We will win,\u{201D} Mrs. Clinton said."
        #expect(speakers(text) == ["Bill Clinton", "Hillary Clinton"])
        // A first name that tells no gender rules nobody out.
        let unknown = speakers("Zippy Duvall spoke on Tuesday.\n\n\u{201C}We are ready,\u{201D} Mr. Duvall said.")
        #expect(unknown == ["Zippy Duvall"])
    }
}
