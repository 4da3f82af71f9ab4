import Testing

@testable import ClaimMatching

@Suite struct PostTextTests {
    @Test(arguments: [
        (
            ".@BernieSanders Makes Epic Comeback To Win Nevada https://t.co/50pwDvDKId",
            ".@BernieSanders Makes Epic Comeback To Win Nevada"
        ),
        ("#FeelTheBern) and @JDIsaacson", "Feel The Bern) and JDIsaacson"),
        (
            "Bernie Sanders flying coach. #FeelTheBern pic.twitter.com/wa5G7x1K6o",
            "Bernie Sanders flying coach. Feel The Bern"
        ),
        ("Thanks @BernieSanders, and @real_donald!", "Thanks Bernie Sanders, and real donald!"),
        ("see WWW.example.org\nor HTTP://x.y now", "see or now"),
        ("@realDonaldTrump said #2A rights", "real Donald Trump said 2A rights"),
        ("a lone @ and # and e-mail a@b.org", "a lone @ and # and e-mail a@b.org"),
        ("@CNNPolitics reports", "CNNPolitics reports"),
    ])
    func readsPostMarksAsWords(_ post: String, _ expected: String) {
        #expect(PostText.words(post) == expected)
    }

    @Test func handlesAndHashtagsMatchTheWordsTheyHold() {
        let post = MatchTerms(text: PostText.words("#FeelTheBern with @BernieSanders https://t.co/x1"))
        let claim = MatchTerms(text: "Bernie Sanders supporters feel the Bern")
        #expect(post.stems.isSubset(of: claim.stems))
        #expect(!MatchTerms(text: "#FeelTheBern with @BernieSanders https://t.co/x1").stems.contains("sander"))
    }
}
