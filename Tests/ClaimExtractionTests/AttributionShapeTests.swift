import ClaimExtraction
import Testing

/// Attribution shapes found missing on PolNeAR's train split (issue 12).
@Suite("Attribution shapes of real news")
struct AttributionShapeTests {
    @Test func quoteInThePredicateTakesTheSubject() {
        let q = quotes(
            "When Trump spoke, Senator Marco Rubio fired back forcefully: \u{201C}If they sue us in a court in Miami, they are going to lose.\u{201D}"
        )
        #expect(q.first?.speaker == "Marco Rubio")
    }

    @Test func wholeQuotedSentenceThenShortAttributionSentence() {
        let q = quotes(
            "\u{201C}Russia, if you are listening, I hope you are able to find the emails.\u{201D} Trump said.")
        #expect(q.first?.speaker == "Trump")
    }

    @Test func askedRightAfterTheQuoteNamesTheSpeaker() {
        let q = quotes("\"Why should the nomination be grabbed from him?\" asked Bennett, now a radio host.")
        #expect(q.first?.speaker == "Bennett")
    }

    @Test func possessiveAppositiveAndTheQuoteAfterTheAttribution() {
        let q = quotes(
            "\u{201C}We will take back the state capitols,\u{201D} Jeff Weaver, Sanders\u{2019} campaign manager, said in a statement. \u{201C}The leaders we raise money for are the senators of tomorrow.\u{201D}"
        )
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Jeff Weaver" })
    }

    @Test func ageThenDescriptionAppositive() {
        let q = quotes(
            "Chelsea Clinton, 35, the daughter of Bill Clinton, said on Twitter on Monday, \u{201C}Next summer, Charlotte is going to be a big sister!\u{201D}"
        )
        #expect(q.first?.speaker == "Chelsea Clinton")
    }

    @Test func speakerNamedInTheSentenceBefore() {
        let q = quotes(
            "Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running out of time to find an alternative.\""
        )
        #expect(q.first?.speaker == "Dianne Bystrom")
    }

    /// The subject is found past "And then" and past "has since" (PolNeAR train gave nobody).
    @Test func theSubjectAfterTwoOpeningWordsAndAnAdverbAfterItsAuxiliary() {
        let attack = quotes(
            "The talks ended on Monday.\n\nAnd then Trump went fully on the attack, saying, \"Is the president going to mention the words? If not he should resign!\""
        )
        #expect(attack.first?.speaker == "Trump")
        let apology = quotes(
            "The talks ended on Monday.\n\nClinton has since apologized for what happened: \"Yes, I should have used two email addresses. Not doing so was a mistake.\""
        )
        #expect(apology.first?.speaker == "Clinton")
    }

    /// A headline in title case names nobody: "Obama Sees" is no fuller name of President Obama.
    /// A sentence of names is no headline.
    @Test func aTitleCaseHeadlineNamesNobody() {
        let text =
            "Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton.\n\nThe campaign worried about turnout on Monday.\n\nPresident Obama said: \"It's about me.\""
        #expect(quotes(text).first?.speaker == "Obama")
        let listed =
            "Donald Trump, Hillary Clinton and Bernie Sanders spoke on Monday.\n\n\"We will win,\" Sanders said."
        #expect(quotes(listed).first?.speaker == "Bernie Sanders")
    }

    @Test func ambiguousSurnameIsNotExpandedToTheWrongPerson() {
        let text =
            "Bill Clinton and Hillary Clinton arrived on Monday.\n\nClinton, 35, said on Twitter, \u{201C}Next summer, Charlotte is going to be a big sister!\u{201D}"
        #expect(quotes(text).first?.speaker == "Clinton")
    }
}

@Suite("Layout of real news")
struct LayoutShapeTests {
    @Test func signedQuoteLinesAreTextNotHeadings() {
        let text =
            "Readers wrote to us after the debate.\n\n\u{201C}He can\u{2019}t even answer a question without scaring people about something else first.\u{201D} \u{2015} Esther Tapia\n\n\u{201C}The most unqualified child to ever run for president.\u{201D} \u{2015} Francisco Herrero"
        let q = quotes(text)
        #expect(q.map(\.speaker) == ["Esther Tapia", "Francisco Herrero"])
    }

    /// A fact-check's roundup: each quotation its own paragraph, signed on the line under it. The
    /// signature claims nothing; a dash line under a paragraph of prose is its byline, no one's quote.
    @Test func aQuotationSignedOnTheLineUnderItTakesThatName() {
        let text =
            "The candidates clashed over taxes on Thursday night.\n\n\"Boeing and GE and other multinationals pay zero taxes.\"\n\n- Sanders.\n\nThat is a complex issue.\n\n\"I went to Wall Street before the crash and warned them.\"\n\n\u{2014} Hillary Clinton, Feb. 4 debate\n\nClinton said in 2007 that she \"sounded the alarm\" about mortgages.\n\n- Amber Phillips."
        let found = ClaimExtractor().extract(text)
        #expect(found.quotes.map(\.speaker) == ["Sanders", "Hillary Clinton", "Hillary Clinton"])
        #expect(!found.claims.contains { $0.text.contains("Feb. 4") || $0.text.contains("Sanders.") })
    }

    @Test func paragraphCutBeforeItsPeriodKeepsItsQuotes() {
        let text =
            "The senator spoke for an hour on Monday. \"We will not give up on this bill,\" Senator Ana Ruiz said at the rally, and she went on to list the votes she still needs"
        #expect(quotes(text).first?.speaker == "Ana Ruiz")
    }
}

/// Pronouns agree with what the article shows of a person's gender (issue 12: "she" had been
/// resolved to a man).
@Suite("Pronoun gender")
struct PronounGenderTests {
    @Test func sheSkipsTheManNamedLast() {
        let text =
            "Hillary Clinton campaigned in Ohio on Monday. Donald Trump stayed in New York.\n\n\u{201C}We will win this state,\u{201D} she said."
        #expect(quotes(text).first?.speaker == "Hillary Clinton")
        #expect(quotes(text.replacingOccurrences(of: "she said", with: "he said")).first?.speaker == "Donald Trump")
    }

    @Test func rolesTellTheGenderWhenTheFirstNameDoesNot() {
        let text =
            "Spokeswoman Robin Ortega spoke first. Then Mark Blake answered questions.\n\n\u{201C}The budget is fine,\u{201D} she said."
        // "Robin" is borne by both genders: the role tells.
        #expect(quotes(text).first?.speaker == "Robin Ortega")
        // A name that tells nothing stays a candidate: "Jordan" may be "she".
        let open =
            "Spokeswoman Robin Ortega spoke first. Then Jordan Blake answered questions.\n\n\u{201C}The budget is fine,\u{201D} she said."
        #expect(quotes(open).first?.speaker == "Jordan Blake")
    }

    @Test func unknownGenderStillResolves() {
        let text = "Xu Wen heads the ministry.\n\n\u{201C}Exports will rise,\u{201D} she said."
        #expect(quotes(text).first?.speaker == "Xu Wen")
    }
}

/// Shapes found on PolNeAR's train split in the third round (issue 12).
@Suite("Attribution shapes, third round")
struct AttributionShapesThirdRound {
    @Test func nameAndColonBeforeTheQuote() {
        let q = quotes(
            "Pollsters agree - Carl Bialik: \u{201C}One of the biggest lessons was a simple one: keep contacting voters.\u{201D}"
        )
        #expect(q.first?.speaker == "Carl Bialik")
    }

    @Test func quoteOnlyParagraphAfterAParagraphEndingWithACue() {
        let text =
            "When Wallace died in 1998, President Bill Clinton released the following statement:\n\n\u{201C}Hillary and I offer our condolences to the family and friends of George Wallace.\u{201D}"
        #expect(quotes(text).first?.speaker == "Bill Clinton")
    }

    /// `Dr. Ward stated:` is three words, as short as a heading, but its verb of speech and colon
    /// lead into the paragraphs below (here one holding a nested quotation, which left the ranker
    /// nobody to choose); a short line without such a verb (`Key points:`) names nobody.
    @Test func aShortLineEndingInAVerbOfSpeechAndAColonIsNoHeading() {
        let q = quotes(
            "Senate race\n\nThe senator spoke on Monday about the lawsuit.\n\nKey points:\n\n\"The solution is not politics, but personal property.\"\n\nDr. Ward stated:\n\n\"The department isn\u{2019}t about \u{201C}Equal Justice Under Law\u{201D} anymore. It\u{2019}s about the states.\n\n\"We will win this fight in the courts.\""
        )
        #expect(q.map(\.speaker) == [nil, "Ward", "Ward"])
    }

    /// A headline's title-cased words are not part of a name (`McCain Challenger Kelli Ward: …`):
    /// the speaker's full name comes from the article's sentences.
    @Test func aHeadlineDoesNotLengthenASpeakersName() {
        let q = quotes(
            "McCain Challenger Kelli Ward: Impeach AG Lynch\n\nFormer Arizona State Senator Dr. Kelli Ward called for the impeachment of the attorney general on Monday.\n\n\"The solution is not politics, but personal property,\" Ward said."
        )
        #expect(q.first?.speaker == "Kelli Ward")
    }

    /// A participle of shouting hangs on its own subject: after "with" (`with Trump yelling:`), after
    /// a subordinator (`when Sanders protesters interrupted her speech, shouting`), where the name
    /// only says whose the group is; a plain name after "when" is still the person.
    @Test func shoutingHangsOnItsOwnSubject() {
        let q = quotes(
            "Rally in the state\n\nThe first incident came during a speech at the State University of New York at Purchase, when Sanders protesters interrupted her speech, shouting \u{201C}she wins, we lose!\u{201D}\n\nThe rally ended early on Tuesday, when Bernie Sanders took the stage, saying \u{201C}we will win this state.\u{201D}\n\nSome of his supporters kicked a protester, with Trump yelling: \u{201C}Get him the hell out of here!\u{201D}"
        )
        #expect(q.map(\.speaker) == ["Sanders protesters", "Bernie Sanders", "Trump"])
    }

    /// People named by what they are (`Another child responded`, `One commenter wrote`) are shown so.
    @Test func aChildOrACommenterIsASpeaker() {
        let q = quotes(
            "Pelosi told a story about a young boy at the reception. Another child responded, \u{201C}That is the mayor of our town.\u{201D} One commenter wrote, \u{201C}We all know how she feels about the police.\u{201D}"
        )
        #expect(q.map(\.speaker) == ["child", "commenter"])
    }

    /// `…," Trump shot back.` names the speaker as `said` would; a subordinator opening the sentence
    /// is never a speaker (`While Will acknowledges…` had shown "While"); "shot" alone is no cue.
    @Test func aRetortNamesItsSpeakerAndWhileIsNobody() {
        let q = quotes(
            "Bush hit Trump over eminent domain.\n\n\"Jeb wants to be a tough guy tonight,\" Trump shot back.\n\nWhile Will acknowledges Trump\u{2019}s appeal as a \u{201C}forceful persona,\u{201D} he sees Christie as the better choice.\n\n\"Nobody saw it coming,\" the officer who shot the dog."
        )
        #expect(q.first?.speaker == "Trump")
        #expect(!q.contains { $0.speaker == "While" || $0.speaker == "dog" })
    }

    /// An opening adjunct, then a titled name and its appositive: the name is the subject, not the
    /// adjunct (`Dashing into a luncheon` had been shown as the speaker) nor an appositive of it.
    @Test func anOpeningAdjunctThenATitledNameAndItsAppositive() {
        let q = quotes(
            "Senate notes\n\nDashing into a luncheon, Senator Shelley Moore Capito, Republican of West Virginia, called over her shoulder, \"His comments are not helping.\"\n\nSpeaking to reporters on Monday, Senator Joe Manchin, Democrat of West Virginia, said, \"We need the votes.\""
        )
        #expect(q.map(\.speaker) == ["Shelley Moore Capito", "Joe Manchin"])
    }

    /// A quote-only paragraph takes the last cue of the paragraph before that names someone: the
    /// subject of "pledged" in a clause inside it names nobody.
    @Test func theParagraphBeforeGivesItsLastCueThatNamesSomeone() {
        let q = quotes(
            "Election notes\n\nDouglas Schoen elaborated in an editorial that superdelegates currently pledged to Clinton, even those who did so early, may reconsider.\n\n\u{201C}A Sanders win in California would underscore her weakness as a candidate.\u{201D}"
        )
        #expect(q.first?.speaker == "Douglas Schoen")
    }

    /// A description opening with a word in -ing, and an amount inside an organisation's name, before
    /// the name and its cue (`Fight for $15 organizing director Kendall Fells told`): the name, not the
    /// outlet named before; a participle clause after a quote still attributes nothing.
    @Test func aDescriptionWithAnAmountBeforeTheNameAndItsCue() {
        let q = quotes(
            "Wage fight\n\nWorkers marched on Monday, the Daily Caller reported.\n\n\u{201C}They have to decide whether to feed their kids,\u{201D} Fight for $15 organizing director Kendall Fells told Fox News.\n\n\u{201C}They care about two things,\u{201D} organizing director Kendall Fells told Fox News.\n\n\u{201C}We will win this,\u{201D} giving states more power and the Daily Caller a story."
        )
        #expect(q.map(\.speaker) == ["Kendall Fells", "Kendall Fells", nil])
    }

    /// An adverb opening a sentence is nobody (`Domestically, …` and `Hastily politicizing …` were
    /// shown as speakers); "who" right before its cue stands for the name before its comma; a surname
    /// with an adverb's letters (`Connolly`) and a first name (`Emily`) are still names.
    @Test func anOpeningAdverbIsNobodyAndWhoStandsForTheNameBeforeIt() {
        let q = quotes(
            "France\n\nDomestically, Trump\u{2019}s row triggered a reaction from U.S. President Barack Obama, who called the nominee \u{201C}unfit to serve\u{201D} as president.\n\nHastily politicizing the tragedy in Nice \u{2015} as he did after Paris \u{2015} Trump cast the blame on rivals and stressed \u{201C}Islamic terrorism\u{201D} again.\n\nConnolly, a Democrat, said the vote was \u{201C}a real disgrace for the county.\u{201D} Emily Ward agreed: \u{201C}It is a disgrace.\u{201D}"
        )
        #expect(q.count == 4)
        #expect(q.first?.speaker == "Barack Obama")
        #expect(!q.contains { ["Domestically", "Hastily"].contains($0.speaker ?? "") })
        #expect(q.suffix(2).map(\.speaker) == ["Connolly", "Emily Ward"])
    }

    @Test func aClauseBetweenQuoteAndCueIsNotTheSpeaker() {
        let q = quotes(
            "Speaking in Florida, Donald Trump insisted that he has \u{201C}expanded the Republican party,\u{201D} claiming that he is responsible for higher turnout in the primary states."
        )
        #expect(q.first?.speaker == "Donald Trump")
    }

    @Test func cityAndStateInsideTheSpeakerPhrase() {
        let a = quotes(
            "Stacy Baker of Columbia, South Carolina says she thinks Cruz can win if he keeps \u{201C}doing what he is doing.\u{201D}"
        )
        #expect(a.first?.speaker == "Stacy Baker")
        let b = quotes(
            "Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says Cruz will \u{201C}leave here with momentum.\u{201D}"
        )
        #expect(b.first?.speaker == "Dean Johnson")
    }

    @Test func datelineIsNotTheSubject() {
        let q = quotes(
            "WASHINGTON (AFP) \u{2013} Democrat Hillary Clinton has taken a swipe at her rival, saying that \u{201C}bombastic comments\u{201D} do more harm than good."
        )
        #expect(q.first?.speaker == "Hillary Clinton")
    }

    @Test func invertedSpeakerEndsWithANameNotAVerb() {
        let q = quotes(
            "Alan Wilson praised Rubio on defense and said the Florida senator can \u{201C}bring positive change\u{201D} to Washington."
        )
        #expect(q.first?.speaker == "Alan Wilson")
    }

    @Test func adverbNowAndAContractedPronoun() {
        let a = quotes(
            "House Republican Thomas Massie used to support Rand Paul, but now said Trump had \u{201C}the opportunity and the obligation to bring us together.\u{201D}"
        )
        #expect(a.first?.speaker == "Thomas Massie")
        let b = quotes(
            "Donald Trump spoke on Monday. At the time he\u{2019}d asked his aides to \u{201C}look into paying the fees.\u{201D}"
        )
        #expect(b.first?.speaker == "Donald Trump")
    }

    /// A manner ("by telephone"), a day or an interjection is never shown as the speaker.
    @Test func nobodyIsNamedByATimeAMannerOrAnInterjection() {
        let a = quotes(
            "\u{201C}It\u{2019}s nonsense,\u{201D} Mr. Trump said by telephone on Sunday. \u{201C}She has no plan at all.\u{201D}"
        )
        #expect(a.map(\.speaker) == ["Trump", "Trump"])
        let b = quotes(
            "Kicking off the day, the mayor spoke. \u{201C}Absolutely,\u{201D} the rally cheered. \u{201C}We have the votes now,\u{201D} said Friday."
        )
        #expect(!b.contains { ["Absolutely", "Friday", "Kicking"].contains($0.speaker ?? "") })
    }

    /// A time adjunct between the name and the verb, a possessive description, "calculations by X".
    @Test func aTimeAdjunctOrAPossessiveDescriptionIsNotTheSpeaker() {
        let a = quotes(
            "Much of his ire was directed at Bannon, who Beck on Wednesday called \u{201C}a horrible, despicable human being.\u{201D}"
        )
        #expect(a.first?.speaker == "Beck")
        let b = quotes(
            "Christie, New Jersey\u{2019}s sitting governor, repeated accusations that Rubio recites the same points, calling him a \u{201C}talented guy\u{201D} when asked."
        )
        #expect(b.first?.speaker == "Christie")
    }
}
