import ClaimExtraction
import Testing

/// Who "he", "Mr. Clinton" and a cue's subject stand for: a description in apposition to a name is
/// that person's, not the leader an article named earlier; an honorific's gender rules out a
/// namesake whose first name is the other gender's; a closing mark or "in a statement" does not
/// hide the subject. Each with a near miss that keeps its old reading.
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

    /// `the "woman card," Fiorina said, adding "…"`: the comma inside the closing mark opens the
    /// clause the participle hangs on (it gave "The senator", the sentence's first words).
    @Test(arguments: [ClaimExtractor.SpeakerChoice.rules, .learned])
    func aClosingMarkDoesNotHideTheParticiplesSubject(_ model: ClaimExtractor.SpeakerChoice) {
        let closing = speakers(
            "Carly Fiorina spoke in Iowa.\n\nThe senator will play the \u{201C}woman card,\u{201D} Fiorina said, adding \u{201C}we must attack her record.\u{201D}",
            model)
        #expect(closing == ["Carly Fiorina", "Carly Fiorina"])
        // An opening mark after the comma: what follows is quoted, not a subject.
        let opening = speakers("John Smith spoke.\n\nSmith said, \"We must go,\" adding \"and we will.\"", model)
        #expect(opening == ["John Smith", "John Smith"])
    }

    /// "in a statement", "in an interview" before the cue say where, not who.
    @Test(arguments: [
        ("The mayor in a statement said \u{201C}we will rebuild.\u{201D}", "mayor"),
        ("Dottie Deans in an interview called it \u{201C}an exciting campaign.\u{201D}", "Dottie Deans"),
        (
            "Dottie Deans is supporting Sanders and in a statement credited him for \u{201C}an exciting campaign.\u{201D}",
            "Dottie Deans"
        ),
        // Near miss: a role and its place.
        ("A doctor in Kenya said \u{201C}we will rebuild.\u{201D}", "doctor in Kenya"),
    ])
    func aStatementOrAnInterviewIsWhereNotWho(text: String, speaker: String) {
        #expect(speakers(text, .rules) == [speaker])
    }

    @Test func aParticiplesComplementIsNoSpeaker() {
        let based = speakers(
            "Based on the statement released by Fox News, Ailes \u{201C}has spoken to Donald Trump a few times.\u{201D}",
            .rules)
        #expect(based.allSatisfy { $0 != "Based" })
    }

    /// "citing her words" quotes the subject's own words, as "saying" does (PolNeAR's ten "citing"
    /// quotes are all the subject's).
    @Test func citingQuotesTheSubject() {
        let brown = speakers(
            "On Tuesday, Gov. Jerry Brown endorsed her, citing her \"long experience\" and preparedness.", .rules)
        #expect(brown == ["Jerry Brown"])
    }

    /// A surname that is also a word: "Will" after a quote's comma is George Will, not the auxiliary
    /// (the verb's object, Trump, had become the speaker); "May" is Theresa May once named, else a month.
    @Test func aSurnameThatIsAlsoAWordIsTheNamedPerson() {
        let will = speakers(
            "Columnist George Will wrote on Friday.\n\nFrom his call for a \u{201C}deportation force,\u{201D} Will described Trump as \u{201C}a caricature.\u{201D}",
            .rules)
        #expect(will == ["George Will", "George Will"])
        let may = speakers(
            "British Prime Minister Theresa May spoke.\n\nAfter the vote, May said \u{201C}we will leave.\u{201D}",
            .rules)
        #expect(may == ["Theresa May"])
        let month = speakers("In May said nobody \u{201C}we will leave.\u{201D}", .rules)
        #expect(month.allSatisfy { $0 != "May" })
    }

    /// Initials run together ("G.K. Butterfield") are part of the name, as spaced ones are; a
    /// function word after them starts a sentence instead ("N.J. The governor").
    @Test func initialsRunTogetherArePartOfTheName() {
        let q = "\u{201C}This is a disgusting day,\u{201D} "
        #expect(speakers(q + "said Rep. G.K. Butterfield (D-N.C.).") == ["G.K. Butterfield"])
        #expect(speakers(q + "said J.M. Berger, a fellow at the university.") == ["J.M. Berger"])
        #expect(speakers(q + "said J. R. Smith.") == ["J. R. Smith"])
        let state = speakers("Jane Roe moved to Trenton, N.J. The governor spoke later. " + q + "she said.")
        #expect(state == ["Jane Roe"])
    }
}
