import ClaimExtraction
import Testing

/// Words around a subject that are not the speaker: an adverb between subject and verb, an adverb
/// opening a crosshead, where an organisation is based, a count before its group; and the speakers
/// a phrase names: a document's author, "in the words of".
@Suite("What stands around a speaker's name")
struct SubjectWordTests {
    @Test func anAdverbBeforeTheVerbIsNoPartOfTheSubject() {
        let long = claims(
            "Prison union representatives have long warned that staff shortages would cost $2 billion a year.")
        #expect(long.first?.speaker == "Prison union representatives")
        let first = quotes(
            "Instagram first introduced business accounts in 2016, saying they were \"a space for brands to grow.\"")
        #expect(first.first?.speaker == "Instagram")
    }

    @Test func aNameAfterACommaAndItsVerbIsTheSpeaker() {
        let found = claims(
            "At the time of Epstein's suicide, there were more than 30 staff vacancies at the facility, said Serene Gregg, local president of the union."
        )
        #expect(found.first?.speaker == "Serene Gregg")
        #expect(claims("Big Machine have twice denied doing anything wrong in 2019.").first?.speaker == "Big Machine")
        // Near misses: an appositive between subject and verb, a possessive after the verb.
        #expect(claims("Jill Stein, a physician, said exports rose 12 percent in 2023.").first?.speaker == "Jill Stein")
        let appositive = claims(
            "Steve Huhn, a former HP vice president of global sales, said Fiorina, then chief executive, cut 6,000 jobs in 2001."
        )
        #expect(appositive.first?.speaker == "Steve Huhn")
        #expect(
            claims("Exports rose 12 percent in 2023, said Mr. Lopes's aide.").first?.speaker == "Mr. Lopes's aide")
    }

    @Test func anAdverbOpeningALineIsNobody() {
        let found = claims("2. Never urged Ukraine to investigate Joe Biden over the $400 million in aid")
        #expect(found.allSatisfy { $0.speaker != "Never" })
        // Near miss: a first name that is also an auxiliary is a name.
        #expect(quotes("\u{201C}We will bring them home,\u{201D} Will Smith said.").first?.speaker == "Will Smith")
    }

    @Test func whereAnOrganisationIsBasedDescribesIt() {
        let found = quotes(
            "\u{201C}We lost $304.7 million this year,\u{201D} Sacramento-based McClatchy said in a filing.")
        #expect(found.first?.speaker == "McClatchy")
    }

    @Test func aCountOpeningTheClauseKeepsItsGroup() {
        let found = quotes(
            "Two federal prison officers were charged with falsifying records, stating they had \"checked on him every hour.\""
        )
        #expect(found.first?.speaker == "Two federal prison officers")
        #expect(quotes("Three senators said \"we were never told about this.\"").first?.speaker == "Three senators")
    }

    @Test func anIndefiniteSubjectIsSomeoneNew() {
        let before = "Jill Stein spoke in Boston on Monday.\n\n"
        #expect(claims(before + "A spokesman said the plan had failed in 2015.").last?.speaker == "spokesman")
        #expect(
            claims(before + "One official even suggested the plan had failed in 2015.").last?.speaker == "official")
        #expect(
            quotes(before + "Another official said, \u{201C}We will win this fight.\u{201D}").last?.speaker
                == "official")
        // The sentence's capital is not a name: no speaker at all.
        #expect(
            claims(before + "Another eight states, with 83 electoral votes, have split in 2012.").last?.speaker == nil)
        // Near miss: a definite description is the person named before it.
        #expect(
            claims("Gov. Eric Holcomb spoke on Monday. The governor said he was waiting for 2020.").last?.speaker
                == "Eric Holcomb")
    }

    @Test func aDocumentSaysWhatItsAuthorSays() {
        let q = "\u{201C}The market is factoring in a reasonable recovery,\u{201D} "
        #expect(
            quotes(q + "said a report from Kotak Institutional Equities.").first?.speaker
                == "Kotak Institutional Equities")
        #expect(quotes(q + "said a statement from the White House.").first?.speaker == "White House")
        // Near miss: data one cites is not the speaker.
        let cited = quotes(
            "Salceda, citing data from the U.S. State Department, said \"we have 400,000 workers there.\"")
        #expect(cited.first?.speaker == "Salceda")
    }

    @Test func inTheWordsOfNamesTheSpeaker() {
        #expect(
            quotes("In the words of Jane Roe, \u{201C}this is a disaster for the city.\u{201D}").first?.speaker
                == "Jane Roe")
        let patient = quotes(
            "Here is how bad things got in the words of the patient: \u{201C}I was unable to stand.\u{201D}")
        #expect(patient.first?.speaker == "patient")
        // Near miss: "words" alone is no cue.
        #expect(quotes("His words were harsh: \u{201C}we will not forget this day.\u{201D}").first?.speaker == nil)
    }

    /// `22% of Democratic claims as "entirely true"`: a counted plural noun is no speech verb, so the
    /// sentence's subject rated it (PolNeAR dev had these under "Democratic" and "Republican").
    @Test func aCountedClaimIsANounNotAVerb() {
        let text =
            "Conversely, PolitiFact rated 22% of Democratic claims as \u{201C}entirely true\u{201D} compared to 11% of Republican claims."
        #expect(quotes(text).first?.speaker == "PolitiFact")
        // Near misses: a subject of its own keeps the verb.
        #expect(
            quotes("The mayor of Springfield claims \"we will rebuild this town.\"").first?.speaker
                == "mayor of Springfield")
        #expect(
            quotes("One of the officials claims \"we were never told about this.\"").first?.speaker
                == "One of the officials")
    }

    @Test func anOfficeIsTheRoleNotTheNounAfterOf() {
        let q = "\u{201C}I never sent classified material,\u{201D} "
        #expect(quotes(q + "the former secretary of state said.").first?.speaker == "secretary of state")
        #expect(quotes(q + "the White House chief of staff said.").first?.speaker == "chief of staff")
        let claim = claims("The former secretary of state has long maintained that she sent 1,200 emails.")
        #expect(claim.first?.speaker == "secretary of state")
    }

    @Test func aNarratorInAnAdIsTheNarratorAndNeitherIsNoName() {
        #expect(
            quotes("\u{201C}Where were you?\u{201D} a narrator in the Clinton ad asks.").first?.speaker
                == "narrator in the Clinton ad")
        let both = quotes(
            "Neither Clinton nor Trump spoke on Friday.\n\nClinton once described the deal as \u{201C}the gold standard\u{201D} of trade deals."
        )
        #expect(both.first?.speaker == "Clinton")
        // "Rival" is a role before the name, not part of it; an ad's narrator is no one in the story.
        let rival = quotes(
            "Rival Hillary Clinton mocked the complaint, saying anyone who complains \u{201C}is not having a good night.\u{201D}"
        )
        #expect(rival.first?.speaker == "Hillary Clinton")
        let ad = quotes(
            "Jane Roe spoke first. Titled \u{201C}A Very Roe Christmas,\u{201D} the video pans around gifts. \u{201C}The gifts were all opened,\u{201D} says the ad\u{2019}s narrator."
        )
        #expect(ad.last.map { $0.speaker?.contains("narrator") ?? true } == true)
    }

    /// `"…," he told Rubio`: "he" was the last man named as a subject, Rubio himself.
    @Test func aPronounIsNeverTheOneItTold() {
        let text =
            "Rubio supporter Scott Szlachta told the senator that he drove from Chicago. Rubio co-sponsored a bill this year.\n\n"
            + "\u{201C}Citizens in my spot have been horribly abused by the program,\u{201D} he told Rubio."
        #expect(quotes(text).first?.speaker == "Scott Szlachta")
        var rules = ClaimExtractor()
        rules.speakerChoice = .rules
        #expect(rules.extract(text).quotes.first?.speaker == "Scott Szlachta")
        // Near miss: told an outlet, the pronoun still stands for the last man named.
        let outlet =
            "Sen. Marco Rubio co-sponsored a bill this year.\n\n\u{201C}We will pass it this spring,\u{201D} he told CNN."
        #expect(quotes(outlet).first?.speaker == "Marco Rubio")
        // Nor is "according to him" a listener: him is the speaker the relay names too.
        let according = quotes(
            "Vladimir Putin spoke on Friday. According to him, the West wants to \u{201C}strategically defeat Russia on the battlefield.\u{201D}"
        )
        #expect(according.first?.speaker == "Vladimir Putin")
    }
}
