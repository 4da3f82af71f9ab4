import ClaimExtraction
import Testing

/// A role and where or for whom it works (`a doctor in Kenya said`, `a spokeswoman for Senator Jane
/// Roe said`): the speaker is the role, never the place or the principal after the preposition.
@Suite("A role's place or principal is not the speaker")
struct RoleDescriptionTests {
    static let quote = "\u{201C}We saw 40 patients in one week,\u{201D} "

    @Test func aPlaceAfterARoleIsWhereTheSpeakerIs() {
        #expect(quotes(Self.quote + "a doctor in Kenya said.").first?.speaker == "doctor in Kenya")
        #expect(
            quotes(Self.quote + "a doctor at the hospital in Kenya said.").first?.speaker
                == "doctor at the hospital in Kenya")
        #expect(
            quotes("A doctor in Kenya said, \u{201C}We saw 40 patients.\u{201D}").first?.speaker == "doctor in Kenya")
        #expect(quotes(Self.quote + "officials in Kenya said.").first?.speaker == "officials in Kenya")
        #expect(quotes(Self.quote + "a nurse from Texas told reporters.").first?.speaker == "nurse from Texas")
        // Near miss: the name before an appositive role is still the speaker.
        #expect(quotes(Self.quote + "Jane Roe, a nurse in Texas, said.").first?.speaker == "Jane Roe")
    }

    /// "the authors of the research published in the journal JAMA Psychiatry argued": where the
    /// research appeared is not who argues.
    @Test func aPublicationAfterAParticipleIsNoSpeaker() {
        let claim = "The authors of the research published in the journal JAMA Psychiatry argued that it is "
        #expect(quotes(claim + "\u{201C}a public health concern.\u{201D}").first?.speaker == "authors of the research")
        #expect(
            quotes("A study released in Boston said the rise was \u{201C}a public health concern.\u{201D}").first?
                .speaker != "Boston")
        #expect(
            quotes("Researchers based in Boston said the rise was \u{201C}a public health concern.\u{201D}").first?
                .speaker == "Researchers")
        // Near misses: a passive verb of its own, and a name with a role before the preposition.
        #expect(
            quotes("Mr. Trump was pressed in Iowa on why he had said it was \u{201C}a great honor.\u{201D}").first?
                .speaker == "Trump")
        #expect(quotes(Self.quote + "a doctor in Kenya said.").first?.speaker == "doctor in Kenya")
    }

    @Test func aSpokeswomansWordsAreNotHerPrincipals() {
        #expect(
            quotes(Self.quote + "a spokeswoman for Senator Jane Roe said.").first?.speaker
                == "spokeswoman for Senator Jane Roe")
        #expect(quotes(Self.quote + "the spokesman for Pfizer said.").first?.speaker == "spokesman for Pfizer")
        // Near miss: a titled name is the person ("Senator Jane Roe said").
        #expect(quotes(Self.quote + "Senator Jane Roe said.").first?.speaker == "Jane Roe")
    }

    /// A relative, a friend, a critic or a source close to someone speaks for themselves.
    @Test func aTieToSomeoneIsNotThatPerson() {
        let q = "\u{201C}We will appeal,\u{201D} "
        #expect(quotes(q + "the mother of Jane Roe said.").first?.speaker == "mother of Jane Roe")
        #expect(quotes(q + "a friend of Jane Roe said.").first?.speaker == "friend of Jane Roe")
        #expect(quotes(q + "a source close to Jane Roe said.").first?.speaker == "source close to Jane Roe")
        #expect(quotes(q + "a lawyer representing Jane Roe said.").first?.speaker == "lawyer representing Jane Roe")
        #expect(quotes(q + "an aide to Senator Jane Roe said.").first?.speaker == "aide to Senator Jane Roe")
        // Near misses: an office before the name (`secretary of state Madeleine Albright`) names her.
        #expect(
            quotes(q + "Former US secretary of state Madeleine Albright said.").first?.speaker == "Madeleine Albright")
        #expect(
            quotes(q + "the director of the FBI James Comey said.").first?.speaker?.hasSuffix("James Comey") == true)
    }

    /// After the verb or "according to": the role with its tie, or the name an appositive gives it.
    @Test func aRoleAfterTheVerbKeepsItsTie() {
        let q = "\u{201C}We will appeal,\u{201D} "
        #expect(quotes(q + "said a friend of Jane Roe.").first?.speaker == "friend of Jane Roe")
        #expect(
            quotes("According to a lawyer for Jane Roe, \u{201C}the ruling was wrong.\u{201D}").first?.speaker
                == "lawyer for Jane Roe")
        #expect(quotes(q + "said Jane Roe\u{2019}s lawyer, John Doe.").first?.speaker == "John Doe")
        let found = claims(
            "He had a say in investments worth $2 billion, said a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who ran for office."
        )
        #expect(found.first?.speaker == "Oleg Voloshyn")
        // Near misses: a surname that is also a role word ("King") takes no tie; a name going on in
        // lowercase ("the Tampa station") is no part of the tie.
        #expect(quotes(q + "said Representative Peter T. King of New York.").first?.speaker == "Peter T. King")
        let source = claims("The family lost $40,000 in 2016, according to a source at the Tampa station.")
        #expect(source.first?.speaker == "source")
    }

    @Test func aClaimsSourceIsTheRoleToo() {
        let found = claims("Doctors at a hospital in Kenya said 40 percent of the patients were children.")
        #expect(found.first?.speaker == "Doctors at a hospital in Kenya")
        let spokesman = claims("A spokesman for the ministry in France said exports rose 12 percent in 2023.")
        #expect(spokesman.first?.speaker == "spokesman for the ministry in France")
        // Near miss: a name with its home town after "of" is the person.
        #expect(
            claims("Jane Roe of Columbia said exports rose 12 percent in 2023.").first?.speaker
                == "Jane Roe of Columbia")
    }

    /// `the lawyer, John Doe, said`: the role names the person between the commas, who is the speaker.
    @Test func aNameBetweenCommasAfterARoleIsTheSpeaker() {
        let q = "\u{201C}We will appeal,\u{201D} "
        #expect(quotes(q + "the lawyer, John Doe, said.").first?.speaker == "John Doe")
        #expect(quotes(q + "Jane Roe\u{2019}s lawyer, John Doe, said.").first?.speaker == "John Doe")
        #expect(quotes(q + "a lawyer for the news outlets, David Schulz, said.").first?.speaker == "David Schulz")
        #expect(
            quotes(q + "the minister of the economy, Mr. Guajardo Villarreal, said.").first?.speaker
                == "Guajardo Villarreal")
        // Near misses: a relative clause between the commas names nobody; after a name and its role,
        // the name between the commas is the newspaper's.
        #expect(quotes(q + "the lawyer, who represents Jane Roe, said.").first?.speaker == "lawyer")
        #expect(quotes(q + "the company\u{2019}s lawyer, Acme Corp, said.").first?.speaker != "Acme Corp")
        #expect(quotes(q + "the lawyer, Tuesday Morning, said.").first?.speaker == "lawyer")
        #expect(quotes(q + "the officials, Jane Roe, said.").first?.speaker == "officials")
        #expect(quotes(q + "one of his advisers, Jane Roe, said.").first?.speaker == "Jane Roe")
        #expect(
            quotes(q + "Jane Roe, the editor of the city\u{2019}s newspaper, The Courier, said.").first?.speaker
                == "Jane Roe")
    }

    /// A role after "a" (`said a Microsoft spokesperson`) and a principal that is not a name (`for the
    /// company`) are the speaker too; so is a part of a group (`one of Jane Roe's lawyers`).
    @Test func aRoleWithoutANameIsStillTheSpeaker() {
        let q = "\u{201C}We will appeal,\u{201D} "
        #expect(quotes(q + "said a Microsoft spokesperson.").first?.speaker == "Microsoft spokesperson")
        #expect(quotes(q + "a spokesperson for the company said.").first?.speaker == "spokesperson for the company")
        #expect(quotes(q + "said a spokesperson for the company.").first?.speaker == "spokesperson for the company")
        #expect(
            quotes(q + "said a doctor at the hospital in Kenya.").first?.speaker == "doctor at the hospital in Kenya")
        #expect(
            quotes(q + "said one of Jane Roe\u{2019}s lawyers.").first?.speaker == "one of Jane Roe\u{2019}s lawyers")
        #expect(quotes(q + "two of the senators said.").first?.speaker == "two of the senators")
        // "a longtime adviser" is someone new, not the adviser named before; "the adviser" is him.
        let named = "Jake Sullivan, a senior adviser, spoke first. "
        #expect(quotes(named + q + "said a longtime adviser.").first?.speaker == "longtime adviser")
        #expect(quotes(named + q + "the adviser said.").first?.speaker == "Jake Sullivan")
        // Near misses: a part of something that is not people, and a role followed by a verb.
        #expect(quotes(q + "said one of the reports.").first?.speaker == nil)
        #expect(
            quotes("He said a spokesman would \u{201C}answer every question.\u{201D}").first?.speaker != "spokesman")
        let voters = claims("About two-thirds of Republican voters in all five states say Trump shares their values.")
        #expect(voters.first?.speaker == nil)
    }

    /// A role word between capitalised words ("Former Obama speechwriter Jon Favreau", "Republican
    /// pollster Whit Ayres") ends the role: the name after it is the person, never the words before
    /// it nor someone named earlier.
    @Test func theNameAfterARoleWordIsThePerson() {
        let start = "President Barack Obama spoke on Monday. Clinton campaign chairman John Podesta spoke too.\n\n"
        let column = quotes(
            start
                + "Former Obama speechwriter Jon Favreau published a column, entitled, \u{201C}Why Electing Hillary in 2016 is More Important Than Electing Obama in 2008.\u{201D}"
        )
        #expect(column.first?.speaker == "Jon Favreau")
        for (role, name) in [("Republican pollster", "Whit Ayres"), ("Obama consultant", "Cornell Belcher")] {
            let said = quotes(
                start + "\(role) \(name) is skeptical. \u{201C}His better bet is to try,\u{201D} he said.")
            #expect(said.first?.speaker == name)
        }
        // Near miss: without a name after it, the role is the speaker.
        #expect(
            quotes("\u{201C}We will win,\u{201D} a Republican pollster said.").first?.speaker == "Republican pollster")
    }
}
