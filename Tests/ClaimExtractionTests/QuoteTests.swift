import ClaimExtraction
import Testing

func quotes(_ text: String) -> [ExtractedQuote] { ClaimExtractor().extract(text).quotes }

/// The text between `start` and `end` code points.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[start..<end]))
}

@Suite("Quotes and their speakers")
struct QuoteTests {
    @Test func attributionAfterTheQuote() {
        let q = quotes(
            "Mayor Anna Berg spoke on Monday.\n\n\u{201C}We will rebuild the bridge by spring,\u{201D} Berg said.")
        #expect(q.count == 1)
        #expect(q.first?.text == "We will rebuild the bridge by spring,")
        #expect(q.first?.speaker == "Anna Berg")
        #expect(q.first?.cue == "said")
    }

    @Test func invertedAttribution() {
        let q = quotes("\"The budget is balanced for the first time,\" said Finance Minister Carl Olsen.")
        #expect(q.first?.speaker == "Carl Olsen")
    }

    @Test func attributionBeforeWithColon() {
        let q = quotes("The ministry said in a statement: \"Prices will fall next year across the country.\"")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "ministry")
    }

    @Test func splitQuoteSharesItsSpeaker() {
        let text = "Coach Dana Reyes was happy. \"We played hard,\" she said, \"and we earned this win tonight.\""
        let q = quotes(text)
        #expect(q.map(\.text) == ["We played hard,", "and we earned this win tonight."])
        #expect(q.allSatisfy { $0.speaker == "Dana Reyes" })
    }

    @Test func partialQuoteInReportedSpeech() {
        let q = quotes(
            "Russian President Vladimir Putin spoke in Hanoi. Putin said the withdrawal \"apparently will never happen.\""
        )
        #expect(q.first?.text == "apparently will never happen.")
        #expect(q.first?.speaker == "Vladimir Putin")
    }

    @Test func titlesResolveToTheNamedPerson() {
        let text = """
            Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi.

            The Kremlin leader also recalled the help given "in the fight against the invaders of the past."

            "It is important that Vietnam remembers this," the Russian president added.
            """
        let q = quotes(text)
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Vladimir Putin" })
    }

    /// A description with a title names the person the story is about only when the article gave
    /// that person no other role: "the senator" is not the epidemiologist named last.
    @Test func aTitleIsNotGivenToSomeoneWithAnotherRole() {
        let q = quotes(
            "Dr. Emily Chen, an epidemiologist at Stanford University, disagreed. \u{201C}They are undercounting,\u{201D} Chen said.\n\n\u{201C}I have not decided,\u{201D} the senator replied."
        )
        #expect(q.map(\.speaker) == ["Emily Chen", "senator"])
        // Near miss: a person named without a role is still the one "the actor" stands for.
        let actor = quotes("Tom Hanks arrived late. \u{201C}I was stuck in traffic,\u{201D} the actor said.")
        #expect(actor.first?.speaker == "Tom Hanks")
    }

    /// A paragraph that opens with a quote but goes on in words of its own is not a quote-only
    /// paragraph continuing the speaker before; an unclosed quotation with a nested one still is.
    @Test func wordsAfterAQuoteEndItsParagraphsContinuation() {
        let verdict = quotes(
            "\u{201C}We are investing more,\u{201D} Jane Roe said.\n\n\u{201C}We are out of options\u{201D} \u{2014} that was the verdict of a nurse in Leeds."
        )
        #expect(verdict.map(\.speaker) == ["Jane Roe", nil])
        let nested = quotes(
            "In his post, John Smith noted there should be \u{201C}zero shame\u{201D} involved.\n\n\u{201C}Nobody failed to 'carry', these things just happen.\n\n\u{201C}But there needs to be zero shame around it.\u{201D}"
        )
        #expect(nested.dropFirst().allSatisfy { $0.speaker == "John Smith" }, "\(nested.map(\.speaker))")
    }

    /// "said Biden was …" makes Biden the subject of what was said, not the one a later "he" stands
    /// for: that is still the speaker of the sentence.
    @Test func aNameInWhatWasSaidIsNotWhomHeStandsFor() {
        let q = quotes(
            "Former President Donald Trump, speaking at a rally in Ohio, said Biden was \u{201C}the worst president in history.\u{201D} He added that he would \u{201C}fix it on day one.\u{201D}"
        )
        #expect(q.map(\.speaker) == ["Donald Trump", "Donald Trump"])
        // Near miss: a name right after "said" and then punctuation is the speaker.
        let inverted = quotes(
            "\u{201C}We will win,\u{201D} said Joe Biden. He added that he would \u{201C}never give up.\u{201D}")
        #expect(inverted.map(\.speaker) == ["Joe Biden", "Joe Biden"])
    }

    /// `"…" suggests that Phoenix …`: a name after "that" is inside what is said, not its speaker,
    /// who is the sentence's subject; "said the senator" after a quote still names one.
    @Test func aNameAfterThatIsInsideWhatWasSaid() {
        let q = quotes(
            "City Attorney Brad Holm said in the letter that the advertisement \u{201C}unmistakably and wrongfully\u{201D} suggests that Phoenix and its officers support the campaign."
        )
        #expect(q.map(\.speaker) == ["Brad Holm"])
        let inverted = quotes("Lawmakers met on Monday. \u{201C}We will not wait,\u{201D} said the senator from Ohio.")
        #expect(inverted.map(\.speaker) == ["senator from Ohio"])
    }

    @Test func pronounsFollowTheLastSubject() {
        let text = """
            Wild coach Bruce Boudreau praised the team. Defenseman Ryan Suter agreed.

            "He's used to scoring goals, getting points," he said.
            """
        #expect(quotes(text).first?.speaker == "Ryan Suter")
    }

    @Test func relayIsKeptAsVia() {
        let text = """
            Russian President Vladimir Putin spoke to reporters.

            "The issue will be cross-cutting," Putin was quoted as saying by "Meduza" publication.
            """
        let q = quotes(text)
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Vladimir Putin")
        #expect(q.first?.via == "Meduza")
        #expect(q.first?.cue == "quoted as saying")
    }

    @Test func documentsAndGovernmentsSpeak() {
        let text = """
            The two countries issued a joint statement on Friday.

            "Cooperation in the field of defense is not directed against third countries," said this document.

            Washington criticized Hanoi, saying: "No country should give Putin a platform for his war."
            """
        let q = quotes(text)
        #expect(q.map(\.speaker) == ["joint statement", "Washington"])
    }

    @Test func accordingTo() {
        let q = quotes("According to the company, sales \"grew faster than in any year before\" in 2023.")
        #expect(q.first?.speaker == "company")
        #expect(q.first?.cue == "according to")
    }

    @Test func noSpeakerRatherThanAGuess() {
        let text =
            "The crowd gathered at noon.\n\n\"This city deserves better than empty promises and closed schools.\""
        let q = quotes(text)
        #expect(q.count == 1)
        #expect(q.first?.speaker == nil)
    }

    @Test func multiParagraphQuote() {
        let text = """
            Senator Maria Lopez spoke for an hour.

            "We have waited long enough for this law to pass the chamber.

            "Every family in this state will feel the difference next year," Lopez said.
            """
        let q = quotes(text)
        #expect(q.count == 2)
        #expect(q.first?.text == "We have waited long enough for this law to pass the chamber.")
        #expect(q.allSatisfy { $0.speaker == "Maria Lopez" })
    }

    @Test func unclosedQuoteRunsToTheEndOfItsParagraph() {
        let text =
            "President To Lam told a Russian envoy that Hanoi \"considers Russia to be one of the priority partners.\n\nThe talks ended."
        let q = quotes(text)
        #expect(q.first?.text == "considers Russia to be one of the priority partners.")
        #expect(q.first?.speaker == "To Lam")
    }

    @Test func nestedQuoteStaysInsideItsOuterQuote() {
        let text = "\"They asked me, 'Why did you leave the party so early?' and I had no answer,\" Jones said."
        let q = quotes(text)
        #expect(q.count == 1)
        #expect(q.first?.text == "They asked me, 'Why did you leave the party so early?' and I had no answer,")
    }

    @Test func singleCurlyQuotes() {
        let q = quotes("\u{2018}We will not give up this fight,\u{2019} the union\u{2019}s leader Tom Hale said.")
        #expect(q.count == 1)
        #expect(q.first?.text == "We will not give up this fight,")
    }

    /// A doubled curly single mark opens and closes once, as the doubled straight one does.
    /// Two quotes joined by "and", attributed after the second, are one speaker's: the first does
    /// not take the appositive's role; a quote followed by other words keeps its own reading.
    @Test func quotesJoinedByAndShareTheirAttribution() {
        let q = quotes(
            "The talks ended.\n\nGuns are \u{201C}the ultimate public health crisis\u{201D} and \u{201C}stunt children\u{2019}s growth,\u{201D} Howard Dean, the former governor of Vermont, proclaimed on Tuesday."
        )
        #expect(q.map(\.speaker) == ["Howard Dean", "Howard Dean"])
    }

    /// A curly mark typed the wrong way round closes or opens where only that fits; a mark after a
    /// word and before a space is a close, after a space and before a word an open.
    @Test func curlyMarksTypedTheWrongWayRound() {
        let q = quotes(
            "The talks ended.\n\n\u{201C}It's unusual,\u{201C} said Larry Noble, an attorney. \u{201C}It's a hard thing to do.\u{201D}\n\n"
                + "Others disagreed. \u{201D}We will win,\u{201D} Maria Lopez said."
        )
        #expect(q.map(\.text) == ["It's unusual,", "It's a hard thing to do.", "We will win,"])
        #expect(q.map(\.speaker) == ["Larry Noble", "Larry Noble", "Maria Lopez"])
        // The German pair „…“ closes on the mark English opens with.
        let german = quotes("Die Lage.\n\n\u{201E}We will manage this,\u{201C} Angela Merkel said.")
        #expect(german.map(\.text) == ["We will manage this,"])
    }

    @Test func doubledCurlySingleMarks() {
        let q = quotes(
            "\u{2018}\u{2018}We will never accept it,\u{2019}\u{2019} Smith said. \u{2018}\u{2018}It is wrong.\u{2019}\u{2019}"
        )
        #expect(q.map(\.text) == ["We will never accept it,", "It is wrong."])
        #expect(q.map(\.speaker) == ["Smith", "Smith"])
    }

    /// A doubled straight mark that closes a quote ending in a nested one (`'…,'''`), or that
    /// stands apart after a space (`coalitions, '' said`), still closes it: the next quote is its own.
    @Test(arguments: [
        "''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said. ''It is all lies.''",
        "''We are told all the time, Kosovo is a special case, '' Mr. Putin said. ''It is all lies. ''",
    ])
    func doubledStraightMarksCloseAfterANestedQuoteOrASpace(text: String) {
        let q = quotes(text)
        #expect(q.count == 2)
        #expect(q.first?.text.hasPrefix("We are told all the time,") == true)
        #expect(q.last?.text == "It is all lies.")
        #expect(q.map(\.speaker) == ["Putin", "Putin"])
    }

    /// `the late '90s` and `'em` leave letters out: no quote opens there, so the doubled marks around it still
    /// pair; and a doubled mark's quote that runs on into the next paragraph is kept, as a double
    /// mark's is.
    @Test func elidedYearsAndRunOnDoubledMarks() {
        let q = quotes(
            "''It was hard to square the man I knew in the late '90s with this one,'' Mr. Singer said.\n\n"
                + "''If he went into a synagogue, we'd call it out,'' Mr. Jones said. ''It is hate.\n\n''We know what it is.''"
        )
        #expect(q.map(\.text).first == "It was hard to square the man I knew in the late '90s with this one,")
        #expect(q.map(\.speaker) == ["Singer", "Jones", "Jones", "Jones"])
        // Near misses: a quote that opens on a number, and the elided word inside one.
        let numbers = quotes(
            "''Get 'em out of here,'' Mr. Trump said. He cited '27 companies with 2,836 subsidiaries.'")
        #expect(numbers.map(\.text) == ["Get 'em out of here,", "27 companies with 2,836 subsidiaries."])
    }

    /// A paragraph that quotes someone is article text even when it names a newsletter or an
    /// advertisement, or says "subscribe".
    @Test(arguments: [
        "\"We can win anywhere,\" said Jon Ralston, who runs a Nevada politics newsletter.",
        "\"I don't subscribe to that view,\" said Jon Ralston.",
        "Jon Ralston said the advertisement \"unmistakably and wrongfully\" suggests the police support him.",
    ])
    func aQuotedParagraphIsNotBoilerplate(paragraph: String) {
        let q = quotes("The race\n\n" + paragraph + "\n\nSign up for our newsletter.\n\n\"Advertisement\"")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Jon Ralston")
    }

    @Test func namesAndScareQuotesAreNotQuotes() {
        let text = """
            The report was published by the "Meduza" publication. Officials called it "fake". The show "Dancing With the Stars" ended.

            Other News

            6 films the Soviets considered 'threatening to the state order'
            """
        #expect(quotes(text).isEmpty)
    }

    /// A show's name before its star is no quote of the star's; words closed by a comma before a
    /// noun like "campaign" are still speech (`"…," campaign manager Robby Mook said` was dropped).
    @Test func aShowBeforeItsStarIsNoQuoteButACommaClosesSpeech() {
        #expect(quotes("\"Orange is the New Black\" star Dascha Polanco opened up about her body.").isEmpty)
        let q = quotes("\"We will win this state,\" campaign manager Robby Mook said.")
        #expect(q.map(\.speaker) == ["Robby Mook"])
    }

    @Test func offsetsAreCodePointsIntoTheBody() {
        let text =
            "Caf\u{E9} owner \u{1F600} Ana Lima spoke. \u{201C}Business is up 20 percent this year,\u{201D} Lima said."
        let q = quotes(text)
        #expect(q.count == 1)
        if let quote = q.first {
            #expect(slice(text, quote.start, quote.end) == quote.text)
        }
    }
}
