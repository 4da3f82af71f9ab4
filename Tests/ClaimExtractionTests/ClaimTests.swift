import ClaimExtraction
import Foundation
import TestSupport
import Testing

func claims(_ text: String, by model: ClaimExtractor.ClaimModel = .learned) -> [ExtractedClaim] {
    var extractor = ClaimExtractor()
    extractor.claimModel = model
    return extractor.extract(text).claims
}

@Suite("Claims, sentences and boilerplate")
struct ClaimTests {
    @Test(arguments: [
        ("Unemployment fell to 3.5 percent in March, the lowest level since 1969.", ClaimType.statistic),
        ("The company was founded in 1998 in Oslo by two engineers.", ClaimType.date),
        ("This is Putin's fifth visit to Vietnam since he took office.", ClaimType.count),
        ("Russia is the largest supplier of military equipment to Vietnam.", ClaimType.ranking),
    ])
    func checkWorthySentencesAreTyped(sentence: String, type: ClaimType) {
        let found = claims(sentence)
        #expect(found.count == 1)
        #expect(found.first?.claimType == type)
        #expect((found.first?.score ?? 0) >= 0.3 && (found.first?.score ?? 2) <= 1)
    }

    @Test func attributedFactsNameTheirSource() {
        let found = claims(
            "Moscow supplied more than 80 percent of Vietnam's arms imports from 1995 to 2023, AFP reported.")
        #expect(found.first?.speaker == "AFP")
        let nyt = claims(
            "According to The New York Times, the visit was planned months in advance by both governments.")
        #expect(nyt.first?.speaker == "The New York Times")
    }

    @Test func followingSentenceAttributes() {
        let text =
            "Russian President Vladimir Putin made several statements at a press conference in Hanoi. This was reported by Russian publications."
        let found = claims(text)
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Russian publications")
    }

    @Test func questionsHeadingsAndBoilerplateAreNotClaims() {
        let text = """
            Will Russia intensify its attack on Ukraine in 2024?

            Putin Arrives On An Official Visit To Vietnam

            Only verified information is available on the OBOZ.UA Telegram channel and Viber. Do not fall for fakes!

            Subscribe to our newsletter for 5 stories every morning.

            Related to the topic

            Russia signed 12 agreements with Vietnam in 2024.
            """
        #expect(claims(text).isEmpty)
    }

    /// A site's disclaimer is boilerplate (devcorpus 17 reported it, and its advice to readers, as
    /// claims); the same words without the label still score as a claim.
    @Test func aDisclaimerIsNoClaim() {
        let views =
            "The views and investment tips expressed by investment experts on Moneycontrol.com are their own and not that of the website or its management."
        #expect(claims("Markets fell on Monday.\n\nDisclaimer: " + views).isEmpty)
        #expect(claims("Markets fell on Monday.\n\n" + views).count == 1)
    }

    /// A question is a claim only when the learned model is sure of it (a debater's assertion put as a
    /// question); a headline's or crosshead's question is not, and the rules never report one.
    @Test func aQuestionIsAClaimOnlyWhenTheModelIsSure() throws {
        let asserted =
            "Debate transcript\n\nWe learn that this President paid 50 times the tax in China, has a secret bank account with China, does business in China, and in fact, is talking about me taking money?"
        let found = try #require(claims(asserted).first)
        #expect(found.score >= 0.5)
        #expect(claims(asserted, by: .rules).isEmpty)
        #expect(claims("Tariffs explained\n\nWhat tariffs has the United States imposed?").isEmpty)
        // A lower floor asked for (`--min-score`) does not let a doubtful question through.
        let doubtful = "Is it true that 3 in 10 voters moved to the city in 2020?"
        #expect((0.05..<0.5).contains(CheckWorthiness.probability(of: doubtful)))
        var extractor = ClaimExtractor()
        extractor.minimumClaimScore = 0.05
        #expect(extractor.extract("Debate\n\n" + doubtful).claims.isEmpty)
        #expect(
            !extractor.extract("Debate\n\nIt is true that 3 in 10 voters moved to the city in 2020.").claims.isEmpty)
    }

    /// A boilerplate phrase counts only as whole words (a plural's "s" aside): "email use" is not
    /// "email us", and "We use cookies" still is boilerplate.
    @Test func boilerplatePhrasesAreWholeWords() {
        #expect(claims("The email use cost the department 3 million dollars in 2016.").count == 1)
        #expect(claims("We use cookies to count the 3 million visits of 2016.").isEmpty)
    }

    /// A transcript's line cut off by a dash is speech broken off, not a heading: it is read as a
    /// sentence (`His son walked out with a billion and a half dollars from China -`); a short
    /// title is still a heading.
    @Test func aLineCutOffByADashIsTextNotAHeading() {
        let transcript = """
            Second debate

            His son walked out with a billion and a half dollars from China -

            That is not true.
            """
        #expect(claims(transcript).map(\.text) == ["His son walked out with a billion and a half dollars from China -"])
        #expect(claims("Sports -\n\nThe club signed 3 new players in 2024 for 40 million euros.").count == 1)
    }

    /// A note that someone would not comment claims nothing; one that only opens the sentence
    /// leaves the rest to claim.
    @Test func aNoteThatSomeoneWouldNotCommentIsNoClaim() {
        #expect(
            claims("The Clinton campaign did not immediately respond to requests for comment on the 2016 report.")
                .isEmpty)
        #expect(claims("Both companies declined to comment on the $2 billion merger on Tuesday.").isEmpty)
        #expect(claims("A spokeswoman for the ministry could not be reached for comment by 5 p.m. on Friday.").isEmpty)
        #expect(
            claims("Norton, which declined to comment, returned the publication rights to Mr. Hurt in 2015.").count == 1
        )
        #expect(claims("He faced charges in 2015 for comments that insulted 3 million immigrants.").count == 1)
        #expect(
            claims("Adelson has given $20 million to the party since 2012, and his spokesman declined to comment.")
                .count
                == 1)
    }

    /// Credit and correction lines are the newsroom's notes, not claims.
    @Test func creditAndCorrectionLinesAreNotClaims() {
        let text = """
            Unemployment fell to 3.5 percent in March, the lowest level since 1969.

            (Reporting by Jason Lange and Dustin Volz; Additional reporting by Jim Finkle in Boston; Editing by Grant McCool.)

            This article has been updated to include comments from 12 DNC delegates.

            Correction: An earlier version of this story said the rate fell to 3.4 percent in 2019.

            Samantha Lachman contributed reporting from Charleston on March 3.
            """
        #expect(claims(text).map(\.text) == ["Unemployment fell to 3.5 percent in March, the lowest level since 1969."])
    }

    /// Five words can claim a fact; four are mostly captions and fragments.
    @Test func fiveWordsCanClaimAFact() {
        #expect(claims("We created 700,000 new jobs.").count == 1)
        #expect(claims("Jobs rose by 700,000.").isEmpty)
    }

    @Test func opinionWithoutACheckableCoreIsNotAClaim() {
        #expect(claims("In his opinion, the Western countries should then puzzle over where these weapons go.").isEmpty)
        #expect(claims("I think we can do better as a team and we probably will.").isEmpty)
    }

    @Test func sentencesSurviveAbbreviationsDecimalsAndInitials() {
        let text =
            "The U.S. economy grew 2.1 percent in 2019, Dr. Jane K. Smith of the No. 1 ranked institute said. Exports to the U.K. rose 4 percent in the same year."
        let found = claims(text)
        #expect(
            found.map(\.text) == [
                "The U.S. economy grew 2.1 percent in 2019, Dr. Jane K. Smith of the No. 1 ranked institute said.",
                "Exports to the U.K. rose 4 percent in the same year.",
            ])
    }

    @Test func sentencesWithQuotesEndingInQuestionOrExclamation() {
        let text =
            "\"Why would we stop now?\" she asked reporters on Monday. Sales rose 12 percent in 2023 across all regions."
        let found = claims(text)
        #expect(found.map(\.text) == ["Sales rose 12 percent in 2023 across all regions."])
    }
}

@Suite("Reading article files")
struct ArticleReaderTests {
    @Test func headerBlockIsMetadata() throws {
        let article = try ArticleReader.read(
            Array("title: Putin in Hanoi\noutlet: OBOZ.UA\nurl: https://example.org/a\n\nBody text.\n".utf8),
            name: "a.txt")
        #expect(article.title == "Putin in Hanoi")
        #expect(article.outlet == "OBOZ.UA")
        #expect(article.url == "https://example.org/a")
        #expect(article.body == "Body text.\n")
    }

    @Test func withoutHeaderTheFirstLineIsTheTitle() throws {
        let article = try ArticleReader.read(
            Array("Putin's visit to Vietnam\n\nBody: with a colon.\n".utf8), name: "a.txt")
        #expect(article.title == "Putin's visit to Vietnam")
        #expect(article.body.hasPrefix("Putin's visit"))
    }

    @Test func crlfIsNormalised() throws {
        let article = try ArticleReader.read(Array("One.\r\nTwo.\r\n".utf8), name: "a.txt")
        #expect(article.body == "One.\nTwo.\n")
    }

    @Test func binaryInvalidUTF8AndEmptyAreRefused() {
        #expect(throws: ArticleError.binary(name: "x.bin")) {
            try ArticleReader.read([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], name: "x.bin")
        }
        #expect(throws: ArticleError.invalidUTF8(name: "l.txt", byteOffset: 4)) {
            try ArticleReader.read(Array("Caf".utf8) + [0x20, 0xE9, 0x20], name: "l.txt")
        }
        #expect(throws: ArticleError.empty(name: "e.txt")) {
            try ArticleReader.read(Array(" \n\n ".utf8), name: "e.txt")
        }
        #expect(throws: ArticleError.invalidUTF8(name: "s.txt", byteOffset: 0)) {
            try ArticleReader.read([0xED, 0xA0, 0x80], name: "s.txt")
        }
    }
}

/// Issue 30, item 15: one ordinary sentence that starts like a navigation heading never ends an
/// article's extraction; a real tail (a heading, then only short link lines) is skipped and said.
@Suite("The navigation tail")
struct NavigationTailTests {
    static func seed(_ name: String) throws -> String {
        let url = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(arguments: [
        "Other news agencies confirmed this.", "See also the Kremlin statement below.",
        "More from the press conference",
    ])
    func aSentenceLikeAHeadingDoesNotEndTheArticle(_ inserted: String) throws {
        let text = try Self.seed("004_8460d107cbcf0280.txt")
        var paragraphs = text.components(separatedBy: "\n\n")
        let plain = ClaimExtractor().extract(text)
        paragraphs.insert(inserted, at: 3)
        let spiked = ClaimExtractor().extract(paragraphs.joined(separator: "\n\n"))
        #expect(spiked.quotes.map(\.text) == plain.quotes.map(\.text))
        #expect(Set(plain.claims.map(\.text)).isSubset(of: Set(spiked.claims.map(\.text))), "\(inserted)")
        #expect(spiked.skippedTail == plain.skippedTail)
    }

    @Test func aRealTailIsSkippedAndNamed() throws {
        let found = ClaimExtractor().extract(try Self.seed("004_8460d107cbcf0280.txt"))
        #expect(found.skippedTail?.heading == "Other News" && (found.skippedTail?.lines ?? 0) > 3)
        #expect(!found.claims.contains { $0.text.contains("Ukrainian films banned") })
        let text =
            "Title\n\nExports rose 5 percent in 2023, the ministry said on Monday in a statement.\n\nOther news agencies confirmed this."
        #expect(ClaimExtractor().extract(text).skippedTail == nil)
    }
}

/// Issue 30, item 17: UTF-16 text is named as such, with how to convert it (it was called "binary").
@Suite("UTF-16 articles")
struct UTF16ArticleTests {
    @Test func utf16IsNamedNotCalledBinary() throws {
        let text = "Exports rose 5 percent in 2023, the ministry said on Monday.\n"
        let withBOM = [UInt8]([0xFF, 0xFE]) + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [withBOM, bigEndian] {
            #expect(throws: ArticleError.utf16(name: "a.txt")) { try ArticleReader.read(bytes, name: "a.txt") }
        }
        #expect(throws: ArticleError.binary(name: "b")) {
            try ArticleReader.read([0, 1, 2, 3, 0, 0, 7, 8, 0, 0xFF, 0, 3], name: "b")
        }
        #expect(try ArticleReader.read(Array(text.utf8), name: "c").body.hasPrefix("Exports"))
    }
}
