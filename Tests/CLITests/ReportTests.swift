import Foundation
import LedgerStore
import TestSupport
import Testing

/// Compares `actual` with the golden file `name`; records it when missing or when
/// CLAIMLEDGER_RECORD_GOLDEN=1 is set, and then fails so nobody records by accident.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    let record = ProcessInfo.processInfo.environment["CLAIMLEDGER_RECORD_GOLDEN"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded golden file \(name); check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "report differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// A fixed ledger: the seed articles, three verified claims (one twice, with other evidence; one with a rating),
/// one disputed, one dismissed, a note, a correction of a claim and one of a source; then a wire copy
/// of two verified sentences.
func seededLedger() throws -> CLI {
    let cli = CLI()
    let env = ["CLAIMLEDGER_NOW": "2026-11-24T09:00:00Z", "CLAIMLEDGER_REVIEWER": "ann"]
    let seeds = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds").path
    #expect(try cli.run("ingest", seeds, env: env).status == 0)
    func id(_ search: String) throws -> String {
        let rows = try cli.json("list", "--search", search, "--format", "json") as! [[String: Any]]
        return rows[0]["id"] as! String
    }
    #expect(
        try cli.run(
            "verify", try id("80 percent of imports"), "--evidence", "https://www.sipri.org/databases/armstransfers",
            "--note", "SIPRI gives 84 percent", env: env
        ).status == 0)
    // A second decision with other evidence: the report cites both (issue 15, item 3).
    #expect(
        try cli.run("verify", try id("80 percent of imports"), "--evidence", "Reuters trade data, 2023", env: env)
            .status == 0)
    #expect(
        try cli.run(
            "verify", try id("fifth visit to Vietnam, he previously"), "--evidence",
            "Kremlin travel archive, 2001-2024",
            env: env
        ).status == 0)
    #expect(
        try cli.run(
            "dispute", try id("largest supplier of military equipment"), "--evidence",
            "https://www.sipri.org/databases/armstransfers", "--note", "Share fell below 50 percent after 2019",
            env: env
        ).status == 0)
    #expect(try cli.run("note", try id("cross-cutting"), "Check the Meduza original", env: env).status == 0)
    #expect(
        try cli.run(
            "correct", try id("No country should give Putin"), "--speaker", "U.S. State Department",
            "--reason", "The statement came from the State Department", env: env
        ).status == 0)
    // Issue 15, items 2, 9 and 10: a rating label, a dismissed claim (counted, never listed), a corrected source.
    #expect(
        try cli.run(
            "verify", try id("Vietnam has been an ally of Moscow"), "--evidence",
            "https://history.example/vietnam-ussr",
            "--rating", "Mostly true", env: env
        ).status == 0)
    #expect(
        try cli.run("dismiss", try id("Later, bilateral talks"), "--reason", "Nothing checkable", env: env).status == 0)
    let source = (try cli.json("sources", "--format", "json") as! [[String: Any]])[0]["id"] as! String
    #expect(
        try cli.run("correct", source, "--outlet", "Example Wire", "--reason", "From the article's page", env: env)
            .status == 0)
    // A wire copy of two verified sentences, recorded last: "Checked before as" and "Also claimed in".
    let wire = cli.dir.write(
        "wire.txt",
        "Putin in Hanoi\n\nThis is Putin's fifth visit to Vietnam, he previously visited this Asian country in 2001, "
            + "2006, 2013 and 2017.\n\nMoscow has been Vietnam's most important arms supplier for decades, accounting "
            + "for more than 80 percent of imports from 1995 to 2023, AFP reported.\n")
    #expect(try cli.run("ingest", wire, env: env).stdout.contains("2 seen before: 2 verified"))
    return cli
}

@Suite("Citation report", .serialized)
struct ReportTests {
    @Test(arguments: [
        ("markdown", "report.md"), ("html", "report.html"), ("json", "report.json"),
        ("csv", "report.csv"), ("claimreview", "report.claimreview.json"),
    ])
    func everyFormatMatchesItsGoldenFile(format: String, golden: String) throws {
        let cli = try seededLedger()
        let result = try cli.run(
            "report", "--format", format, "--publisher", "Example Fact Check",
            "--review-url-base", "https://factcheck.example/reviews/")
        #expect(result.status == 0, "\(result.stderr)")
        assertGolden(result.stdout, golden)
    }

    @Test func claimReviewCarriesTheRequiredFieldsForEveryReviewedClaim() throws {
        let cli = try seededLedger()
        // Issue 33: without a publisher, ClaimReview has no page per review: refused, nothing written.
        let refused = try cli.run("report", "--format", "claimreview")
        #expect(
            refused.status == 4 && refused.stdout.isEmpty && refused.stderr.contains("publisher set"),
            "\(refused.stderr)")
        #expect(
            try cli.run(
                "publisher", "set", "--name", "Example Fact Check", "--url", "https://factcheck.example",
                "--logo", "https://factcheck.example/logo.png", "--review-url", "https://factcheck.example/claims/{id}"
            ).status == 0)
        let reviews = try cli.json("report", "--format", "claimreview") as! [[String: Any]]
        #expect(reviews.count == 4)  // three verified, one disputed; unverified and dismissed claims are not reviews
        for review in reviews {
            #expect(review["@type"] as? String == "ClaimReview")
            #expect((review["claimReviewed"] as? String)?.isEmpty == false)
            let item = review["itemReviewed"] as! [String: Any]
            #expect(item["@type"] as? String == "Claim")
            // The claimant: a person or organisation, or no author when nobody is known; never the article's text.
            if let author = item["author"] as? [String: Any] {
                #expect(["Person", "Organization"].contains(author["@type"] as? String ?? ""))
                #expect((author["name"] as? String).map { $0.count < 60 && !$0.hasPrefix("Putin") } == true)
            }
            // Its own source first, then every other source that repeats it.
            let appearances = item["appearance"] as? [[String: Any]] ?? []
            #expect(!appearances.isEmpty && appearances.allSatisfy { $0["@type"] as? String == "CreativeWork" })
            let rating = review["reviewRating"] as! [String: Any]
            #expect(rating["bestRating"] as? Int == 5 && rating["worstRating"] as? Int == 1)
            // The decision's label on the scale, else the bare verdict at either end of it.
            let expected: [String: Int] = ["Verified": 5, "Disputed": 1, "Mostly true": 4]
            let name = rating["alternateName"] as? String ?? ""
            #expect(expected[name] != nil && rating["ratingValue"] as? Int == expected[name], "\(rating)")
            // Google's required and recommended properties: url, claimReviewed, reviewRating; author
            // (the publishing organisation), datePublished (ISO 8601), itemReviewed.
            let id = review["identifier"] as? String ?? ""
            #expect(id.hasPrefix("c-") && id.count >= 14, "a published ID stays unique as the ledger grows: \(id)")
            #expect(review["url"] as? String == "https://factcheck.example/claims/" + id)
            let author = review["author"] as? [String: Any]
            #expect(author?["@type"] as? String == "Organization" && author?["name"] as? String == "Example Fact Check")
            #expect(
                author?["url"] as? String == "https://factcheck.example"
                    && author?["logo"] as? String == "https://factcheck.example/logo.png")
            #expect((review["creator"] as? [String: Any])?["name"] as? String == "ann")
            let date = review["datePublished"] as? String ?? ""
            #expect(PublicationDate.normalised(date) == date, "\(date)")
            for appearance in appearances {
                #expect((appearance["datePublished"] as? String).map { PublicationDate.normalised($0) == $0 } ?? true)
            }
            ReportTests.expectSchemaOrgProperties(review)
        }
    }

    /// The properties schema.org defines for each type the output uses (with those it inherits from
    /// CreativeWork and Thing), as published at schema.org/ClaimReview, /Claim, /Rating, /Organization.
    static let schemaOrgProperties: [String: Set<String>] = [
        "ClaimReview": [
            "claimReviewed", "itemReviewed", "reviewRating", "reviewBody", "reviewAspect", "author", "creator",
            "datePublished",
            "identifier", "url", "publisher", "name", "headline",
        ],
        "Claim": [
            "appearance", "firstAppearance", "author", "claimInterpreter", "name", "datePublished", "identifier", "url",
        ],
        "CreativeWork": ["url", "headline", "datePublished", "publisher", "author", "identifier", "name"],
        "Organization": ["name", "url", "logo", "identifier"], "Person": ["name", "url", "identifier"],
        "Rating": ["ratingValue", "bestRating", "worstRating", "alternateName", "ratingExplanation", "author"],
    ]

    /// Every object names a type schema.org defines and only that type's properties, recursively.
    static func expectSchemaOrgProperties(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        if let list = value as? [Any] {
            for item in list { expectSchemaOrgProperties(item, sourceLocation: sourceLocation) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let type = object["@type"] as? String ?? "(none)"
        guard let allowed = schemaOrgProperties[type] else {
            Issue.record("unknown type \(type)", sourceLocation: sourceLocation)
            return
        }
        for (key, child) in object where !key.hasPrefix("@") {
            #expect(
                allowed.contains(key), "\(type).\(key) is not a schema.org property", sourceLocation: sourceLocation)
            expectSchemaOrgProperties(child, sourceLocation: sourceLocation)
        }
    }

    @Test func asOfRendersTheLedgerAsItStoodThenByteForByte() throws {
        let cli = try seededLedger()
        let before = try cli.run("report", "--format", "json").stdout
        let head = (try cli.json("log", "--format", "json") as! [[String: Any]]).count
        let env = ["CLAIMLEDGER_NOW": "2026-11-25T10:00:00Z"]
        let id =
            ((try cli.json("list", "--status", "unverified", "--limit", "1", "--format", "json") as! [[String: Any]])[
                0]["id"] as! String)
        #expect(try cli.run("dispute", id, "--evidence", "later evidence", env: env).status == 0)
        let asOf = try cli.run("report", "--format", "json", "--as-of", String(head)).stdout
        #expect(asOf == before)
        #expect(try cli.run("report", "--format", "json").stdout != before)
        #expect(try cli.run("report", "--as-of", "100000").status == 4)
    }

    @Test func hostileArticleTextIsEscapedEverywhere() throws {
        let cli = CLI()
        let article = """
            title: <script>alert('x')</script> **bold** [link](javascript:alert(1))
            outlet: =HYPERLINK("http://evil.example","click")
            url: javascript:alert(document.cookie)

            "<img src=x onerror=alert(1)> We will cut taxes by 40 percent next year," said Mayor Jane <b>Doe</b>.

            =cmd|' /C calc'!A0 reported that exports rose 12 percent in 2023, the ministry said.
            """
        let path = cli.dir.write("hostile.txt", article)
        #expect(try cli.run("ingest", path).status == 0)
        let ids = (try cli.json("list", "--format", "json") as! [[String: Any]]).map { $0["id"] as! String }
        for id in ids { #expect(try cli.run("verify", id, "--evidence", "javascript:alert(2)").status == 0) }

        let html = try cli.run("report", "--format", "html").stdout
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;"))

        let markdown = try cli.run("report").stdout
        #expect(!markdown.contains("<script>"))
        // No unescaped link syntax around the javascript: URL.
        #expect(markdown.range(of: #"(?<!\\)\]\(javascript:"#, options: .regularExpression) == nil)
        #expect(!markdown.contains("<javascript:"))
        #expect(markdown.contains("\\*\\*bold\\*\\*"))

        let csv = try cli.run("report", "--format", "csv").stdout
        for line in csv.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",") {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!(text.first.map { "=+-@".contains($0) } ?? false), "unneutralised cell: \(cell)")
            }
        }
        #expect(csv.contains("'=HYPERLINK") || !csv.contains("HYPERLINK"))
        let listCSV = try cli.run("list", "--format", "csv").stdout
        #expect(!listCSV.contains(",=cmd"))
        #expect(!listCSV.contains("\"=cmd"))
    }
}
