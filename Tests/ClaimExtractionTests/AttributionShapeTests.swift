import ClaimExtraction
import Testing

/// Attribution shapes found missing on PolNeAR's train split (issue 12).
@Suite("Attribution shapes of real news")
struct AttributionShapeTests {
    @Test func quoteInThePredicateTakesTheSubject() {
        let q = quotes("When Trump spoke, Senator Marco Rubio fired back forcefully: \u{201C}If they sue us in a court in Miami, they are going to lose.\u{201D}")
        #expect(q.first?.speaker == "Marco Rubio")
    }

    @Test func wholeQuotedSentenceThenShortAttributionSentence() {
        let q = quotes("\u{201C}Russia, if you are listening, I hope you are able to find the emails.\u{201D} Trump said.")
        #expect(q.first?.speaker == "Trump")
    }

    @Test func askedRightAfterTheQuoteNamesTheSpeaker() {
        let q = quotes("\"Why should the nomination be grabbed from him?\" asked Bennett, now a radio host.")
        #expect(q.first?.speaker == "Bennett")
    }

    @Test func possessiveAppositiveAndTheQuoteAfterTheAttribution() {
        let q = quotes("\u{201C}We will take back the state capitols,\u{201D} Jeff Weaver, Sanders\u{2019} campaign manager, said in a statement. \u{201C}The leaders we raise money for are the senators of tomorrow.\u{201D}")
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Jeff Weaver" })
    }

    @Test func ageThenDescriptionAppositive() {
        let q = quotes("Chelsea Clinton, 35, the daughter of Bill Clinton, said on Twitter on Monday, \u{201C}Next summer, Charlotte is going to be a big sister!\u{201D}")
        #expect(q.first?.speaker == "Chelsea Clinton")
    }

    @Test func speakerNamedInTheSentenceBefore() {
        let q = quotes("Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running out of time to find an alternative.\"")
        #expect(q.first?.speaker == "Dianne Bystrom")
    }

    @Test func ambiguousSurnameIsNotExpandedToTheWrongPerson() {
        let text = "Bill Clinton and Hillary Clinton arrived on Monday.\n\nClinton, 35, said on Twitter, \u{201C}Next summer, Charlotte is going to be a big sister!\u{201D}"
        #expect(quotes(text).first?.speaker == "Clinton")
    }
}

@Suite("Layout of real news")
struct LayoutShapeTests {
    @Test func signedQuoteLinesAreTextNotHeadings() {
        let text = "Readers wrote to us after the debate.\n\n\u{201C}He can\u{2019}t even answer a question without scaring people about something else first.\u{201D} \u{2015} Esther Tapia\n\n\u{201C}The most unqualified child to ever run for president.\u{201D} \u{2015} Francisco Herrero"
        let q = quotes(text)
        #expect(q.map(\.speaker) == ["Esther Tapia", "Francisco Herrero"])
    }

    @Test func paragraphCutBeforeItsPeriodKeepsItsQuotes() {
        let text = "The senator spoke for an hour on Monday. \"We will not give up on this bill,\" Senator Ana Ruiz said at the rally, and she went on to list the votes she still needs"
        #expect(quotes(text).first?.speaker == "Ana Ruiz")
    }
}

/// Pronouns agree with what the article shows of a person's gender (issue 12: "she" had been
/// resolved to a man).
@Suite("Pronoun gender")
struct PronounGenderTests {
    @Test func sheSkipsTheManNamedLast() {
        let text = "Hillary Clinton campaigned in Ohio on Monday. Donald Trump stayed in New York.\n\n\u{201C}We will win this state,\u{201D} she said."
        #expect(quotes(text).first?.speaker == "Hillary Clinton")
        #expect(quotes(text.replacingOccurrences(of: "she said", with: "he said")).first?.speaker == "Donald Trump")
    }

    @Test func rolesTellTheGenderWhenTheFirstNameDoesNot() {
        let text = "Spokeswoman Robin Ortega spoke first. Then Mark Blake answered questions.\n\n\u{201C}The budget is fine,\u{201D} she said."
        // "Robin" is borne by both genders: the role tells.
        #expect(quotes(text).first?.speaker == "Robin Ortega")
        // A name that tells nothing stays a candidate: "Jordan" may be "she".
        let open = "Spokeswoman Robin Ortega spoke first. Then Jordan Blake answered questions.\n\n\u{201C}The budget is fine,\u{201D} she said."
        #expect(quotes(open).first?.speaker == "Jordan Blake")
    }

    @Test func unknownGenderStillResolves() {
        let text = "Xu Wen heads the ministry.\n\n\u{201C}Exports will rise,\u{201D} she said."
        #expect(quotes(text).first?.speaker == "Xu Wen")
    }
}
