import FactCheckImport
import Foundation
import TestSupport
import Testing

/// `claimledger import`: published ClaimReview JSON-LD in (issue 14).
@Suite("End to end: importing published fact-checks", .serialized)
struct ImportTests {
    static func review(_ claim: String, url: String, rating: [String: Any]?, claimant: String? = nil) -> [String: Any] {
        var r: [String: Any] = [
            "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim, "url": url,
            "headline": "Fact check: " + claim, "author": ["@type": "Organization", "name": "Example Checks"],
            "datePublished": "2024-06-21",
        ]
        if let rating { r["reviewRating"] = rating }
        if let claimant { r["itemReviewed"] = ["@type": "Claim", "author": ["@type": "Person", "name": claimant]] }
        return r
    }

    static var reviews: [[String: Any]] {
        [
            review(
                "Vietnam bought 80% of its weapons from Russia", url: "https://checks.example/1",
                rating: ["@type": "Rating", "alternateName": "Mostly True"], claimant: "AFP"),
            review(
                "Putin has visited Vietnam ten times", url: "https://checks.example/2",
                rating: ["@type": "Rating", "alternateName": "Pants on Fire!"]),
            review(
                "Hanoi will host the next summit", url: "https://checks.example/3",
                rating: [
                    "@type": "Rating", "alternateName": "Half True", "ratingValue": 3, "bestRating": 5,
                    "worstRating": 1,
                ]),
            review(
                "The summit cost $1.2bn", url: "https://checks.example/4",
                rating: [
                    "@type": "Rating", "alternateName": "Looks fine", "ratingValue": 1, "bestRating": 5,
                    "worstRating": 1,
                ]),
        ]
    }

    func write(_ cli: CLI, _ name: String, _ json: Any) throws -> String {
        cli.dir.write(name, String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }

    @Test func reviewsBecomeSourcesClaimsAndVerdicts() throws {
        let cli = CLI()
        let file = try write(cli, "reviews.json", ImportTests.reviews)
        let first = try cli.run("import", file, "--reviewer", "ann")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout == "Imported 4 reviews: 4 new (1 unverified, 1 verified, 2 disputed), 0 already recorded.\n"
                + "Rating labels added to the scale (see `claimledger ratings`): Pants on Fire!, Looks fine.\n",
            "\(first.stdout)")
        let claims = try cli.json("list", "--format", "json") as! [[String: Any]]
        let byText = Dictionary(uniqueKeysWithValues: claims.map { ($0["text"] as! String, $0) })
        #expect(byText["Vietnam bought 80% of its weapons from Russia"]?["status"] as? String == "verified")
        #expect(byText["Vietnam bought 80% of its weapons from Russia"]?["speaker"] as? String == "AFP")
        #expect(
            byText["Vietnam bought 80% of its weapons from Russia"]?["evidence"] as? String
                == "https://checks.example/1")
        #expect(byText["Putin has visited Vietnam ten times"]?["status"] as? String == "disputed")
        #expect(byText["Hanoi will host the next summit"]?["status"] as? String == "unverified")
        // ratingValue on its scale wins over the label.
        #expect(byText["The summit cost $1.2bn"]?["status"] as? String == "disputed")
        let half = try cli.run("show", byText["Hanoi will host the next summit"]!["id"] as! String).stdout
        #expect(half.contains("Rated “Half True” (3 of 1–5) by Example Checks"), "\(half)")
        // Each verdict keeps its label: one of the scale ("Mostly True" is "Mostly true"), or one added to it.
        #expect(byText["Vietnam bought 80% of its weapons from Russia"]?["rating"] as? String == "Mostly true")
        #expect(byText["Putin has visited Vietnam ten times"]?["rating"] as? String == "Pants on Fire!")
        #expect(byText["The summit cost $1.2bn"]?["rating"] as? String == "Looks fine")
        let scale = try cli.json("ratings", "--format", "json") as! [[String: Any]]
        #expect(
            scale.contains {
                $0["label"] as? String == "Looks fine" && $0["value"] as? Int == 1
                    && $0["means"] as? String == "disputed"
            })
        let again = try cli.run("import", file, "--reviewer", "ann")
        #expect(
            again.stdout.contains("0 new") && again.stdout.contains("4 already recorded")
                && !again.stdout.contains("Rating labels"))
        #expect(try cli.run("audit", "--search-index").status == 0)
        // An article claim that repeats an imported one is matched against it.
        let found =
            try cli.json(
                "similar", "--text", "Russia supplied eighty percent of the weapons Vietnam bought", "--format", "json")
            as! [[String: Any]]
        #expect(found.first?["text"] as? String == "Vietnam bought 80% of its weapons from Russia")
    }

    @Test func graphAndSingleObjectFormsAreRead() throws {
        let cli = CLI()
        let graph = try write(
            cli, "graph.json",
            [
                "@context": "https://schema.org",
                "@graph": [["@type": "WebPage", "name": "x"], ImportTests.reviews[0]],
            ])
        let single = try write(cli, "single.json", ImportTests.reviews[1])
        let result = try cli.run("import", graph, single, "--reviewer", "ann")
        #expect(result.stdout.hasPrefix("Imported 2 reviews: 2 new"), "\(result.stdout) \(result.stderr)")
    }

    @Test func aMalformedFileIsRefusedWithWhereAndNothingIsRecorded() throws {
        let cli = CLI()
        let good = try write(cli, "good.json", ImportTests.reviews)
        var missing = ImportTests.reviews
        missing[2]["claimReviewed"] = "  "
        let bad = try write(cli, "bad.json", missing)
        let refused = try cli.run("import", good, bad, "--reviewer", "ann")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("bad.json: $[2].claimReviewed: missing or empty"), "\(refused.stderr)")
        let listed =
            FileManager.default.fileExists(atPath: cli.db) ? try cli.json("list", "--format", "json") as! [Any] : []
        #expect(listed.isEmpty)
        let broken = cli.dir.write(
            "broken.json", "[{\"@type\": \"ClaimReview\",\n \"claimReviewed\": \"x\" \"url\": 1}]")
        let invalid = try cli.run("import", broken, "--reviewer", "ann")
        #expect(invalid.status == 4 && invalid.stderr.contains("not valid JSON"), "\(invalid.stderr)")
        let noReview = try write(cli, "none.json", ["@type": "WebPage"])
        #expect(try cli.run("import", noReview, "--reviewer", "ann").stderr.contains("no ClaimReview"))
        var badURL = ImportTests.reviews[0]
        badURL["url"] = "javascript:alert(1)"
        let js = try cli.run("import", try write(cli, "js.json", badURL), "--reviewer", "ann")
        #expect(js.status == 4 && js.stderr.contains("$.url"), "\(js.stderr)")
    }

    @Test func hostileStringsAreStoredAndShownInert() throws {
        let cli = CLI()
        let hostile = ImportTests.review(
            "<script>alert(1)</script> \u{202E}gnp.exe\u{1B}[2J cured it", url: "https://checks.example/x",
            rating: ["alternateName": "False"], claimant: "\u{1B}]8;;http://evil\u{07}Mallory")
        #expect(try cli.run("import", try write(cli, "h.json", [hostile]), "--reviewer", "ann").status == 0)
        let listed = try cli.run("list", env: ["NO_COLOR": "1"]).stdout
        #expect(!listed.contains("\u{1B}") && !listed.contains("\u{202E}"), "\(listed)")
        let html = try cli.run("report", "--format", "html").stdout
        #expect(!html.contains("<script>alert") && html.contains("&lt;script&gt;"))
    }

    @Test(arguments: [
        ("False", "disputed"), ("Pants on Fire", "disputed"), ("Misleading.", "disputed"), ("mostly false", "disputed"),
        ("True", "verified"), ("Correct", "verified"), ("Mostly True", "verified"), ("Half True", "unverified"),
        ("Unproven", "unverified"), ("Truely odd", "unverified"), ("False: the photo is from 2015", "disputed"),
    ])
    func labelsMapToStatuses(_ label: String, _ status: String) {
        let mapped = RatingMapping.status(of: PublishedRating(label: label))
        #expect((mapped?.rawValue ?? "unverified") == status)
    }

    /// Rating numbers that fit no 64-bit integer trapped (exit 132); they make the file malformed.
    @Test(arguments: [1e19, 1e300, -1e30] as [Double])
    func aRatingNumberTooLargeIsRefusedWithItsPath(_ value: Double) throws {
        let cli = CLI()
        var review = ImportTests.reviews[2]
        review["reviewRating"] = [
            "@type": "Rating", "alternateName": "False", "ratingValue": value, "bestRating": 5, "worstRating": 1,
        ]
        let result = try cli.run("import", try write(cli, "big.json", [review]), "--reviewer", "ann")
        #expect(
            result.status == 4 && result.stderr.contains("$[0].reviewRating.ratingValue"),
            "\(result.status) \(result.stderr)")
    }

    @Test(arguments: ["inf", "NaN", "-Infinity", "123456789012345678901234567890"])
    func aRatingNumberAsTextThatIsNoNumberIsRefused(_ value: String) throws {
        let cli = CLI()
        let file = cli.dir.write(
            "t.json",
            """
            [{"@type": "ClaimReview", "claimReviewed": "x y z", "url": "https://checks.example/t",
              "reviewRating": {"alternateName": "True", "ratingValue": "\(value)", "bestRating": 5, "worstRating": 1}},
             {"@type": "ClaimReview", "claimReviewed": "a b c", "url": "https://checks.example/u",
              "reviewRating": {"alternateName": "True", "ratingValue": \(value.hasPrefix("1") ? value : "3"), "bestRating": 5, "worstRating": 1}}]
            """)
        let result = try cli.run("import", file, "--reviewer", "ann")
        #expect(
            result.status == 4 && result.stderr.contains(".reviewRating.ratingValue"),
            "\(result.status) \(result.stderr)")
        let listed =
            FileManager.default.fileExists(atPath: cli.db) ? try cli.json("list", "--format", "json") as! [Any] : []
        #expect(listed.isEmpty)
    }

    /// 50 on a 1-5 scale labelled "False" was imported as verified: the label decides, the note says why.
    @Test func aValueOffItsScaleIsIgnoredForTheLabel() throws {
        #expect(RatingMapping.status(of: PublishedRating(label: "False", value: 50, best: 5, worst: 1)) == .disputed)
        #expect(RatingMapping.status(of: PublishedRating(label: "True", value: -7, best: 5, worst: 1)) == .verified)
        let cli = CLI()
        var review = ImportTests.reviews[2]
        review["reviewRating"] = [
            "@type": "Rating", "alternateName": "False", "ratingValue": 50, "bestRating": 5, "worstRating": 1,
        ]
        #expect(try cli.run("import", try write(cli, "off.json", [review]), "--reviewer", "ann").status == 0)
        let claim = try #require((try cli.json("list", "--format", "json") as! [[String: Any]]).first)
        #expect(claim["status"] as? String == "disputed")
        let shown = try cli.run("show", claim["id"] as! String).stdout
        #expect(shown.contains("outside its scale and was ignored"), "\(shown)")
    }

    @Test func aValueOnItsScaleWinsOverTheLabel() {
        #expect(RatingMapping.status(of: PublishedRating(label: "True", value: 1, best: 5, worst: 1)) == .disputed)
        #expect(RatingMapping.status(of: PublishedRating(label: nil, value: 9, best: 10, worst: 0)) == .verified)
        #expect(RatingMapping.status(of: PublishedRating(label: nil, value: 3, best: 5, worst: 1)) == nil)
    }
}

/// Issue 33: ClaimReview written by one ledger is read by another with its verdicts and their labels.
@Suite("End to end: ClaimReview round trip")
struct ClaimReviewRoundTripTests {
    @Test func exportedReviewsImportWithTheirVerdictsAndLabels() throws {
        let newsroom = CLI()
        newsroom.dir.write(
            "a.txt",
            """
            title: Budget day

            Exports rose 80 percent in 2023, the ministry said. Imports fell 12 percent in 2022, officials said.
            Unemployment reached 7 percent in 2021, the agency reported.
            """)
        #expect(try newsroom.run("ingest", newsroom.dir.file("a.txt")).status == 0)
        let ids =
            (try newsroom.json("list", "--kind", "claim", "--sort", "position", "--format", "json") as! [[String: Any]])
            .map { $0["id"] as! String }
        #expect(ids.count == 3)
        #expect(
            try newsroom.run(
                "ratings", "add", "Pants on fire", "--means", "disputed", "--value", "1", "--reviewer", "ann"
            ).status == 0)
        #expect(
            try newsroom.run(
                "verify", ids[0], "--evidence", "https://stats.example/1", "--rating", "Mostly true", "--reviewer",
                "ann"
            ).status == 0)
        #expect(
            try newsroom.run(
                "dispute", ids[1], "--evidence", "https://stats.example/2", "--rating", "Missing context", "--reviewer",
                "ann"
            ).status == 0)
        #expect(
            try newsroom.run(
                "dispute", ids[2], "--evidence", "https://stats.example/3", "--rating", "Pants on fire", "--reviewer",
                "ann"
            ).status == 0)
        let file = newsroom.dir.file("reviews.json")
        #expect(
            try newsroom.run(
                "publisher", "set", "--name", "Example Checks", "--url", "https://checks.example",
                "--review-url", "https://checks.example/r/{id}", "--reviewer", "ann"
            ).status == 0)
        let export = try newsroom.run("report", "--format", "claimreview", "-o", file)
        #expect(export.status == 0, "\(export.stderr)")
        let published =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [[String: Any]]
        #expect(published.allSatisfy { ($0["author"] as? [String: Any])?["name"] as? String == "Example Checks" })

        let partner = CLI()
        let imported = try partner.run("import", file, "--reviewer", "tomas")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported 3 reviews: 3 new (1 verified, 2 disputed)"), "\(imported.stdout)")
        let claims = try partner.json("list", "--format", "json") as! [[String: Any]]
        let byText = Dictionary(uniqueKeysWithValues: claims.map { ($0["text"] as! String, $0) })
        let rated = [
            ("Exports rose 80 percent in 2023, the ministry said.", "verified", "Mostly true"),
            ("Imports fell 12 percent in 2022, officials said.", "disputed", "Missing context"),
            ("Unemployment reached 7 percent in 2021, the agency reported.", "disputed", "Pants on fire"),
        ]
        for (text, status, rating) in rated {
            #expect(byText[text]?["status"] as? String == status, "\(text)")
            #expect(byText[text]?["rating"] as? String == rating, "\(text)")
            #expect((byText[text]?["evidence"] as? String)?.hasPrefix("https://checks.example/r/c-") == true, "\(text)")
        }
        // Credit (issue 33): the verdicts are the publisher's, imported by tomas, everywhere they show.
        #expect(
            claims.allSatisfy {
                $0["published_by"] as? String == "Example Checks" && $0["reviewer"] as? String == "tomas"
            })
        let anID = claims[0]["id"] as! String
        #expect(try partner.run("show", anID).stdout.contains("Example Checks, imported by tomas"))
        #expect(try partner.run("log").stdout.contains("by Example Checks, imported by tomas"))
        let markdown = try partner.run("report").stdout
        #expect(markdown.contains("by Example Checks, imported by tomas on "), "\(markdown)")
        // The review's date of publication travels with it (the review page is the imported source).
        let dates = Set(published.map { $0["datePublished"] as! String })
        let sources = try partner.json("sources", "--format", "json") as! [[String: Any]]
        #expect(Set(sources.compactMap { $0["published"] as? String }) == dates)
        // Published again by the partner: still the original publisher's review, at its own page.
        #expect(
            try partner.run(
                "publisher", "set", "--name", "Partner Desk", "--review-url", "https://partner.example/{id}",
                "--reviewer", "tomas"
            ).status == 0)
        let republished = try partner.json("report", "--format", "claimreview") as! [[String: Any]]
        #expect(republished.count == 3)
        for review in republished {
            #expect((review["author"] as? [String: Any])?["name"] as? String == "Example Checks")
            #expect((review["url"] as? String)?.hasPrefix("https://checks.example/r/c-") == true)
        }
        let again = try partner.run("import", file, "--reviewer", "tomas")
        #expect(again.stdout.contains("0 new") && again.stdout.contains("3 already recorded"), "\(again.stdout)")
        #expect(try partner.run("audit").status == 0)
    }
}
