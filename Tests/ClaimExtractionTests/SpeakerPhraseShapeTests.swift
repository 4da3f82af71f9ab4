import ClaimExtraction
import Testing

/// Speaker phrases the rules misread on PolNeAR's train split (issue 28's classes): a relative
/// clause with commas of its own, a participle or adverb opening the sentence, a time adjunct
/// between subject and verb, a present-tense cue after the quote. Each with a near miss that must
/// keep its old reading.
@Suite("Speaker phrases of real news")
struct SpeakerPhraseShapeTests {
    @Test func aRelativeClauseWithCommasIsNoSpeaker() {
        let q = quotes(
            "Marco Rubio, whose hometown, Miami, is projected to be largely underwater, argues that government efforts will \u{201C}destroy our economy.\u{201D}"
        )
        #expect(q.first?.speaker == "Marco Rubio")
        let description = quotes(
            "Willie Minor, an actor in Dallas, who runs a theater, recalled, \u{201C}We were never told.\u{201D}")
        #expect(description.first?.speaker == "Willie Minor")
        let clause = quotes(
            "They feared a speech like Pat Buchanan's at the 1992 Republican convention, when Mr. Buchanan, who had failed to win, called for a \u{201C}cultural war\u{201D} that night."
        )
        #expect(clause.first?.speaker?.hasSuffix("Buchanan") == true)
        let twoNames = quotes(
            "Of Carson, Levine, who has given money to Marco Rubio, said, \u{201C}He\u{2019}s flat-out scary.\u{201D}")
        #expect(twoNames.first?.speaker == "Levine")
    }

    @Test func aParticipleOpeningTheSentenceIsNoSpeaker() {
        let q = quotes(
            "Appearing before cheering supporters Monday morning, Suu Kyi, 70, said it was too early but added, \u{201C}I think you all have an idea of the results.\u{201D}"
        )
        #expect(q.first?.speaker == "Suu Kyi")
        let name = quotes("Manning said the plan was \u{201C}a disaster from the start.\u{201D}")
        #expect(name.first?.speaker == "Manning")
    }

    @Test func aTimeBetweenSubjectAndVerbIsNoSpeaker() {
        let later = quotes("Priebus later Thursday told Fox News: \u{201C}Both men are meeting next week.\u{201D}")
        #expect(later.first?.speaker == "Priebus")
        let during = quotes(
            "Sanders during a Sunday thanked its members \u{201C}for their support in my campaign\u{201D} at a rally.")
        #expect(during.first?.speaker == "Sanders")
        let bare = quotes("Trump Thursday said the deal was \u{201C}the worst ever made.\u{201D}")
        #expect(bare.first?.speaker == "Trump")
    }

    @Test func aPresentCueAfterTheQuoteNamesItsSpeaker() {
        let q = quotes(
            "\u{201C}I am not sure,\u{201D} says Diana Ruocco, a student. \u{201C}Our ideas of success are different,\u{201D} agrees Michelle Stevens, 30, of Gainesville."
        )
        #expect(q.map(\.speaker) == ["Diana Ruocco", "Michelle Stevens"])
        let noun = quotes(
            "Hillary Clinton says Donald Trump\u{2019}s flurry of late-night tweets targeting a former beauty queen was \u{201C}unhinged, even for him.\u{201D}"
        )
        #expect(noun.first?.speaker == "Hillary Clinton")
    }

    @Test func aRoleAfterANameIsTheNames() {
        let open = quotes(
            "Anthony Anton, president and CEO of Washington Restaurant Association stated, \u{201C}It\u{2019}s not a political problem; it\u{2019}s a math problem.\u{201D}"
        )
        #expect(open.first?.speaker == "Anthony Anton")
        let long = quotes(
            "Mark Holden, chairman of the board of Freedom Partners, the network's funding arm, said it would act only if \"a candidate were able to garner support.\""
        )
        #expect(long.first?.speaker == "Mark Holden")
        let named = quotes(
            "At the launch in Cupertino, CEO Tim Cook said the phone was \u{201C}the best we have made.\u{201D}")
        #expect(named.first?.speaker == "Tim Cook")
    }

    /// Found on PolNeAR dev, checked on train (one more right there, none lost): a role after a name,
    /// then a second description, before the verb.
    @Test func aRoleThenADescriptionAfterANameAreTheNames() {
        let pruitt = quotes(
            "\u{201C}It\u{2019}s an invasion of the state regulatory domain,\u{201D} Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at an event."
        )
        #expect(pruitt.first?.speaker == "Scott Pruitt")
        let ayrault = quotes(
            "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said the \u{201C}provocation cannot be left without consequences.\u{201D}"
        )
        #expect(ayrault.first?.speaker == "Jean-Marc Ayrault")
        // Near miss: a description with no title keeps the reading it had (the second description's name).
        let described = quotes(
            "Mary Roe, the woman next door, a friend of the family, said she heard \u{201C}nothing at all.\u{201D}")
        #expect(described.first?.speaker == "Mary Roe")
    }

    /// Found on PolNeAR dev, checked on train (two more right there, none lost): a home town with
    /// the AP's abbreviation of its state is the appositive's, not the speaker.
    @Test func aTownAndItsAbbreviatedStateAreNoSpeaker() {
        for state in ["Va.", "Calif.", "N.Y.", "Virginia"] {
            let q = quotes(
                "Johnnie Wilson, of Springfield, \(state), said he had fought \u{201C}for the nation\u{2019}s rights.\u{201D}"
            )
            #expect(q.first?.speaker == "Johnnie Wilson", "\(state)")
        }
        // Near miss: a name that ends in an abbreviation is no state ("Jr.").
        let junior = quotes("Martin Luther King Jr., the preacher, said he had \u{201C}a dream.\u{201D}")
        #expect(junior.first?.speaker == "Martin Luther King Jr.")
    }

    /// Found on PolNeAR dev (train unchanged): a sentence's subject that is a possessor, a role and
    /// a name is the name, not the possessor.
    @Test func aNameAfterAPossessorAndARoleIsTheSubject() {
        let mook = quotes(
            "Hillary Clinton\u{2019}s campaign manager Robby Mook said as much in an interview, arguing that Trump \u{201C}lashed out at our generals.\u{201D}"
        )
        #expect(mook.first?.speaker == "Robby Mook")
        // Near miss: without a name after the role, the possessor's reading stays.
        let campaign = quotes(
            "Hillary Clinton\u{2019}s campaign said as much in a statement, arguing that Trump \u{201C}lashed out at our generals.\u{201D}"
        )
        #expect(campaign.first?.speaker == "Hillary Clinton")
    }

    /// A possessive that ends in "s" and a bare mark is a possessive too: the outlet's writer is the
    /// speaker, never a name run on from the outlet ("RealClearPolitics David Byler", "CBS' John …").
    @Test(arguments: [
        ("RealClearPolitics\u{2019} David Byler wrote that \"this will depend on the primaries.\"", "David Byler"),
        ("CBS' John Dickerson said \"this will depend on the primaries.\"", "John Dickerson"),
        ("The New Republic's Jeet Heer said \"this will depend on the primaries.\"", "Jeet Heer"),
    ])
    func anOutletsPossessiveIsNoPartOfItsWritersName(text: String, speaker: String) {
        #expect(quotes("The race\n\n" + text).map(\.speaker) == [speaker])
    }

    /// Found on PolNeAR dev: a transcript's paragraphs open with their speaker's label in capitals,
    /// and a paragraph that goes on without one keeps the last label's speaker.
    @Test func aTranscriptsLabelNamesItsSpeaker() {
        let q = quotes(
            """
            Mike Pence spoke to Chris Wallace on Sunday. Partial transcript as follows:

            "WALLACE: Do you really see those two as equivalent?

            "PENCE: Well, look, you know, Mark Cuban has been out there saying some pretty tough stuff.

            "But the truth is that Donald Trump has a unique way of communicating to the American people.
            """)
        #expect(q.map(\.speaker) == ["Chris Wallace", "Mike Pence", "Mike Pence"])
        // Near miss: a heading's word in capitals is no speaker.
        let update = quotes("The mayor spoke on Monday.\n\n\"UPDATE: The council has voted to close the plant.\"")
        #expect(update.first?.speaker != "UPDATE")
    }

    /// Found on PolNeAR train (one more right, none lost on train or dev): "with" and a name before a
    /// participle give the participle its own subject.
    @Test func aNameAfterWithIsTheParticiplesSubject() {
        let q = quotes(
            "Republicans who agree that the prison should be closed were irritated, with Sen. John McCain calling it a \u{201C}Chinese menu.\u{201D}"
        )
        #expect(q.first?.speaker == "John McCain")
        // Near miss: no name after "with"; the clause's subject stays.
        let plain = quotes(
            "Senator Jane Roe left the hearing early, with reporters watching, calling it a \u{201C}waste of time.\u{201D}"
        )
        #expect(plain.first?.speaker == "Jane Roe")
    }

    /// Found on PolNeAR train (two more right, none lost on train or dev): a sentence that starts
    /// inside the previous quote has no subject there; a participle after the attribution shares it.
    @Test func aParticipleAfterAQuoteSharesItsAttributionsSubject() {
        let q = quotes(
            "She asked if it was out of the question.\n\n\"Absolutely not. Absolutely not,\" Clinton responded, remarking that she is \"looking for a team\" and that the most important member would be her running mate."
        )
        #expect(q.map(\.speaker) == ["Clinton", "Clinton"])
        // Near miss: a sentence that starts outside quotes keeps its own subject for the verb it shares.
        let volker = quotes(
            "Kurt Volker said he never used the term \"investigation\" and added, \"I was not aware of that.\"")
        #expect(volker.last?.speaker == "Kurt Volker")
    }

    /// Found on PolNeAR train (one more right, none lost on train or dev): a sentence's subject that
    /// is a capitalised description, a role and a name is the name.
    @Test func aNameAfterADescriptionAndARoleIsTheSentencesSubject() {
        let bush = quotes(
            "Former Republican presidential candidate Jeb Bush broke down what was wrong to the Dutch newspaper NRC Handelsblad: \u{201C}What Trump did was so insensitive.\u{201D}"
        )
        #expect(bush.first?.speaker == "Jeb Bush")
        // Near miss: no role and name after the capitalised run; it stays the subject.
        let senate = quotes("The Senate Republicans voted to call the bill \u{201C}a bridge too far.\u{201D}")
        #expect(senate.first?.speaker == "Senate Republicans")
    }

    /// Found on PolNeAR train (one more right, none lost on train or dev): the period of a state's
    /// abbreviation inside the attribution after a quote does not end it.
    @Test func anAbbreviationsPeriodDoesNotEndTheAttributionAfterAQuote() {
        let q = quotes(
            "Twenty-four percent said she did nothing wrong.\n\n''I just don't think so,'' Cecelia Purner, 67, a retired teacher in Allentown, Pa., said."
        )
        #expect(q.first?.speaker == "Cecelia Purner")
        // Near miss: a period with no comma after it still ends the attribution.
        let ended = quotes(
            "The poll was taken in June.\n\n''I just don't think so,'' Mary Smith said. Jones, a teacher in Allentown, Pa., agreed."
        )
        #expect(ended.first?.speaker == "Mary Smith")
    }

    /// Issue 28's class `"…," said oil and gas worker Jane Roe.`: a description the lexicon does not
    /// know as a title, then a name closing the sentence, was passed over for the speaker before.
    @Test func aDescriptionThenANameAfterTheCueIsTheNameAndTheQuoteAfterIsTheirs() {
        let q = quotes(
            "\u{201C}We will not close it,\u{201D} said Jane Roe.\n\n\u{201C}We need the jobs here,\u{201D} said oil and gas worker John Smith. \u{201C}It feeds our families.\u{201D}"
        )
        #expect(q.map(\.speaker) == ["Jane Roe", "John Smith", "John Smith"])
    }

    @Test(arguments: [
        ("\u{201C}Nobody asked us,\u{201D} said plant worker Ann Lee, who has worked there for years.", "Ann Lee"),
        (
            "The symptoms came on quickly.\n\n\u{201C}I was unable to stand,\u{201D} wrote 43-year-old Martin Taylor of Aberdeenshire, Scotland, in a case study.",
            "Martin Taylor"
        ),
    ])
    func aDescriptionThenANameAfterTheCueIsTheName(text: String, speaker: String) {
        #expect(quotes(text).first?.speaker == speaker)
    }

    /// Near misses: a place after a preposition or a quantifier is never the one described.
    @Test(arguments: ["many people in New York City today", "angry fans outside", "fans across", "everyone inside"])
    func aPlaceAfterTheDescriptionIsNoSpeaker(words: String) {
        var rules = ClaimExtractor()
        rules.speakerChoice = .rules
        let found = rules.extract(
            "Jane Roe spoke first.\n\n\u{201C}It is over,\u{201D} said \(words) Madison Square Garden.")
        #expect(found.quotes.first.map { $0.speaker != "Madison Square Garden" } == true)
    }
}
