import Foundation
import LedgerStore
import TestSupport
import Testing

@testable import FactCheckImport

/// Issue 33: a quote checked on two axes and published as ClaimReview comes back from `import` as
/// a quote with both: its verdict on what it says and its attribution check, never the
/// attribution's rating taken for a verdict on what it says.
@Suite("End to end: quotes round-trip through ClaimReview")
struct QuoteRoundTripTests {
    static let article = """
        title: Budget day

        "We will cut taxes by 10 percent next year," Finance Minister Ana Lopes said on Monday.

        "Nobody will lose a job," Labour Minister Rui Costa said.
        """

    @Test func bothAxesOfAQuoteSurviveExportAndImport() throws {
        let newsroom = CLI()
        #expect(try newsroom.run("ingest", newsroom.dir.write("a.txt", QuoteRoundTripTests.article)).status == 0)
        let quotes =
            try newsroom.json("list", "--kind", "quote", "--sort", "position", "--format", "json") as! [[String: Any]]
        #expect(quotes.count == 2)
        let (taxes, jobs) = (quotes[0]["id"] as! String, quotes[1]["id"] as! String)
        #expect(
            try newsroom.run("dispute", taxes, "--evidence", "https://budget.example/plan", "--rating", "False").status
                == 0)
        #expect(
            try newsroom.run("attribution", taxes, "misquoted", "--evidence", "https://video.example/presser").status
                == 0)
        // Said as quoted, what it says not yet decided: only its attribution review is published.
        #expect(
            try newsroom.run("attribution", jobs, "confirmed", "--evidence", "https://video.example/costa").status == 0)
        #expect(
            try newsroom.run(
                "publisher", "set", "--name", "Example Fact Check", "--url", "https://fc.example",
                "--review-url", "https://fc.example/r/{id}"
            ).status == 0)
        let file = newsroom.dir.file("reviews.json")
        let export = try newsroom.run("report", "--format", "claimreview", "-o", file)
        #expect(export.status == 0, "\(export.stderr)")

        let partner = CLI()
        let imported = try partner.run("import", file, "--reviewer", "tomas")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout.hasPrefix(
                "Imported 3 reviews: 2 new (1 unverified, 1 disputed), 0 already recorded; "
                    + "2 quotes checked for whether they were said as quoted."), "\(imported.stdout)")
        let rows = try partner.json("list", "--format", "json") as! [[String: Any]]
        #expect(rows.count == 2 && rows.allSatisfy { $0["kind"] as? String == "quote" }, "\(rows)")
        let byText = Dictionary(uniqueKeysWithValues: rows.map { ($0["text"] as! String, $0) })
        let taxesAgain = try #require(byText[quotes[0]["text"] as! String], "\(byText.keys)")
        let jobsAgain = try #require(byText[quotes[1]["text"] as! String], "\(byText.keys)")
        #expect(taxesAgain["status"] as? String == "disputed" && taxesAgain["rating"] as? String == "False")
        #expect(taxesAgain["attribution"] as? String == "misquoted" && taxesAgain["speaker"] as? String == "Ana Lopes")
        // The attribution's "Said as quoted" (5 of 5) is not a verdict that what Rui Costa said is true.
        #expect(jobsAgain["status"] as? String == "unverified" && jobsAgain["attribution"] as? String == "confirmed")
        #expect(jobsAgain["speaker"] as? String == "Rui Costa")
        let shown = try partner.run("show", taxesAgain["id"] as! String).stdout
        #expect(shown.contains("said as   misquoted  (evidence: https://fc.example/r/"), "\(shown)")
        // Credit: the attribution check is the publisher's, imported by tomas (never tomas's own).
        #expect(shown.contains("said as quoted? misquoted  evidence: https://fc.example/r/"), "\(shown)")
        #expect(shown.components(separatedBy: "— Example Fact Check, imported by tomas").count == 3, "\(shown)")
        let log = try partner.run("log").stdout
        #expect(log.contains("said as quoted? misquoted  by Example Fact Check, imported by tomas"), "\(log)")
        #expect(!log.contains("said as quoted? misquoted  by tomas"), "\(log)")

        let republished =
            try partner.json("report", "--format", "claimreview", "--review-url-base", "https://partner.example/")
            as! [[String: Any]]
        let aspects = republished.compactMap { ($0["reviewAspect"] as? String)?.prefix(7) }
        #expect(aspects.sorted() == ["attribu", "attribu", "content"], "\(republished)")
        let authors = republished.compactMap { ($0["author"] as? [String: Any])?["name"] as? String }
        #expect(authors == ["Example Fact Check", "Example Fact Check", "Example Fact Check"], "\(republished)")
        let again = try partner.run("import", file, "--reviewer", "tomas")
        #expect(again.stdout.hasPrefix("Imported 3 reviews: 0 new, 2 already recorded."), "\(again.stdout)")
        #expect(try partner.json("log", "--format", "json") is [Any])
        #expect(try partner.run("audit").status == 0)
    }

    /// A review whose aspect is attribution but whose rating names no attribution verdict records
    /// no check: the rating is kept in a note on the quote.
    @Test func anAttributionRatingThatNamesNoVerdictIsANote() throws {
        let partner = CLI()
        let review: [String: Any] = [
            "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://fc.example/r/1#attribution",
            "claimReviewed": "Ana Lopes said: “We will cut taxes.”",
            "reviewAspect": "attribution: whether the speaker said it as quoted",
            "itemReviewed": ["@type": "Claim", "author": ["@type": "Person", "name": "Ana Lopes"]],
            "author": ["@type": "Organization", "name": "Example Checks"],
            "reviewRating": [
                "@type": "Rating", "alternateName": "Half true", "ratingValue": 3, "bestRating": 5, "worstRating": 1,
            ],
        ]
        let file = partner.dir.file("one.json")
        try JSONSerialization.data(withJSONObject: [review]).write(to: URL(fileURLWithPath: file))
        let imported = try partner.run("import", file, "--reviewer", "tomas")
        #expect(
            imported.stdout.hasPrefix("Imported 1 review: 1 new (1 unverified), 0 already recorded."),
            "\(imported.stdout)")
        let row = try #require((try partner.json("list", "--format", "json") as! [[String: Any]]).first)
        #expect(row["text"] as? String == "We will cut taxes." && row["kind"] as? String == "quote")
        #expect(row["status"] as? String == "unverified" && row["attribution"] as? String == nil)
        let shown = try partner.run("show", row["id"] as! String).stdout
        #expect(shown.contains("Said as quoted? Rated “Half true” (3 of 1–5) by Example Checks"), "\(shown)")
    }
}

/// How a published attribution rating is read: by its label (as the reports write it, or typed as
/// at the command line), else by its value only where one verdict has it.
@Suite("Import: attribution ratings")
struct AttributionRatingTests {
    @Test(
        arguments: [
            (PublishedRating(label: "Said as quoted"), AttributionVerdict.confirmed),
            (PublishedRating(label: "out of context"), .outOfContext),
            (PublishedRating(label: "not-said"), .notSaid),
            (PublishedRating(label: "MISQUOTED", value: 5, best: 5, worst: 1), .misquoted),
            (PublishedRating(label: nil, value: 10, best: 10, worst: 0), .confirmed),
            (PublishedRating(label: "Odd", value: 2, best: 5, worst: 1), .outOfContext),
        ] as [(PublishedRating, AttributionVerdict)])
    func aRatingNamesItsVerdict(_ rating: PublishedRating, _ verdict: AttributionVerdict) {
        #expect(QuoteReviews.verdict(rating) == verdict)
    }

    /// 1 of 5 is both "misquoted" and "not said": a value that does not say which names none.
    @Test func anAmbiguousOrMissingRatingNamesNone() {
        #expect(QuoteReviews.verdict(PublishedRating(label: nil, value: 1, best: 5, worst: 1)) == nil)
        #expect(QuoteReviews.verdict(PublishedRating(label: "Half true", value: 3, best: 5, worst: 1)) == nil)
        #expect(QuoteReviews.verdict(nil) == nil)
    }
}
