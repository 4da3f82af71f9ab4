import Foundation
import TestSupport
import Testing

/// Issue 15, items 2, 9 and 10 on the built binary: sources listed, shown and corrected; verdicts
/// taken back and claims dismissed; a rating scale kept in the ledger.
@Suite("End to end: sources, reopen and dismiss, ratings", .serialized)
struct SourcesAndVerdictsTests {
    /// A file without a header block, whose first line is a long paragraph.
    static let article = """
        ## 1. Kurt Volker, the former special envoy for Ukraine negotiations, told lawmakers on Thursday that he had urged Ukraine's new government to avoid interfering in US politics, according to his opening statement.

        Unemployment fell to 3.4 percent in 2023, the ministry said. "We will never stop," the minister said.

        """

    func ids(_ cli: CLI, _ args: String...) throws -> [String] {
        let result = try ClaimLedgerBinary.run(
            ["list", "--format", "json"] + args, in: cli.dir.path, environment: cli.environment)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]).map {
            $0["id"] as! String
        }
    }

    @Test func aGuessedTitleIsShortMarkedAndCorrectable() throws {
        let cli = CLI()
        let file = cli.dir.write("volker.txt", SourcesAndVerdictsTests.article)
        #expect(try cli.run("ingest", file).status == 0)
        let sources = try cli.json("sources", "--format", "json") as! [[String: Any]]
        let source = sources[0]
        let title = source["title"] as! String
        #expect(
            title
                == "1. Kurt Volker, the former special envoy for Ukraine negotiations, told lawmakers on Thursday that he had urged…",
            "\(title)")
        #expect(title.count <= 120 && source["title_guessed"] as? Bool == true)
        let id = source["id"] as! String
        #expect(try cli.run("sources").stdout.contains("(guessed title)"))
        // Re-ingesting with --title records nothing, and says how to correct it.
        let again = try cli.run("ingest", file, "--title", "Volker testimony")
        #expect(again.stdout.contains("claimledger correct \(id)"), "\(again.stdout)")

        let corrected = try cli.run(
            "correct", id, "--title", "Volker testimony", "--outlet", "Example Wire", "--reason", "From the page")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("title corrected") && corrected.stdout.contains("outlet corrected"))
        let shown = try cli.run("show", id)
        #expect(shown.stdout.contains("Volker testimony") && !shown.stdout.contains("guessed"), "\(shown.stdout)")
        #expect(shown.stdout.contains("corrected title: Volker testimony — From the page"))
        let claims = try cli.json("list", "--format", "json") as! [[String: Any]]
        #expect(claims.allSatisfy { $0["source_title"] as? String == "Volker testimony" })
        #expect(try cli.run("report").stdout.contains("## 1. Volker testimony"))
        // As the ledger stood before the correction.
        let head = claims.map { $0["seq"] as! Int }.max()!
        #expect(try cli.run("report", "--as-of", String(head)).stdout.contains("Kurt Volker, the former special envoy"))
        #expect(try cli.run("correct", id, "--title", "", "--reason", "x").status == 4)
        #expect(try cli.run("correct", id, "--speaker", "Someone", "--reason", "x").status == 64)
        #expect(try cli.run("audit").status == 0)
    }

    @Test func dismissHidesReopenTakesBackAndBothNeedAReason() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", SourcesAndVerdictsTests.article)).status == 0)
        let all = try ids(cli)
        let (first, second) = (all[0], all[1])
        #expect(try cli.run("dismiss", first).status == 4)  // a reason is required
        #expect(try cli.run("dismiss", first, "c-000000", "--reason", "x").status == 3)  // all or nothing
        #expect(try ids(cli, "--status", "dismissed").isEmpty)
        let dismissed = try cli.run("dismiss", first, "--reason", "Opinion, nothing to check")
        #expect(dismissed.status == 0 && dismissed.stdout.contains("→ dismissed"), "\(dismissed.stderr)")
        #expect(try !ids(cli).contains(first))
        #expect(try ids(cli, "--status", "dismissed") == [first])
        #expect(try ids(cli, "--include-dismissed").contains(first))
        let report = try cli.run("report").stdout
        #expect(report.contains("| Dismissed as not check-worthy (not listed) | 1 |") && !report.contains(first))

        #expect(try cli.run("reopen", second, "--reason", "x").status == 4)  // never decided: nothing to reopen
        #expect(try cli.run("verify", second, "--evidence", "https://stats.example").status == 0)
        let reopened = try cli.run("reopen", second, "--reason", "Wrong year's table")
        #expect(
            reopened.stdout.contains("→ unverified") && reopened.stdout.contains("was verified by tester"),
            "\(reopened.stdout)")
        #expect(try ids(cli, "--status", "unverified").contains(second))
        let history = try cli.run("show", second).stdout
        #expect(
            history.contains("→ verified  evidence: https://stats.example")
                && history.contains("→ unverified  reason: Wrong year's table"), "\(history)")
        #expect(try cli.run("reopen", first, "--reason", "Checkable after all").status == 0)
        #expect(try ids(cli).contains(first))
        #expect(try cli.run("audit").status == 0)
    }

    @Test func ratingsComeFromTheLedgersScale() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", SourcesAndVerdictsTests.article)).status == 0)
        let scale = try cli.json("ratings", "--format", "json") as! [[String: Any]]
        #expect(
            scale.map { $0["label"] as! String } == ["True", "Mostly true", "Missing context", "Misleading", "False"])
        let id = try ids(cli)[0]
        let wrong = try cli.run("verify", id, "--evidence", "x", "--rating", "False")
        #expect(wrong.status == 4 && wrong.stderr.contains("means disputed"), "\(wrong.stderr)")
        #expect(try cli.run("dispute", id, "--evidence", "x", "--rating", "Half true").status == 4)
        #expect(try ids(cli, "--status", "disputed").isEmpty)  // nothing recorded
        #expect(try cli.run("ratings", "add", "Half true", "--means", "disputed", "--value", "3").status == 0)
        #expect(try cli.run("ratings", "add", "Odd", "--means", "disputed", "--value", "9").status == 4)
        let rated = try cli.run("dispute", id, "--evidence", "https://stats.example", "--rating", "half TRUE")
        #expect(rated.status == 0 && rated.stdout.contains("as \"Half true\""), "\(rated.stdout) \(rated.stderr)")
        let listed = try cli.json("list", "--status", "disputed", "--format", "json") as! [[String: Any]]
        #expect(listed.first?["rating"] as? String == "Half true")
        #expect(
            try cli.run(
                "publisher", "set", "--name", "Example Fact Check", "--review-url",
                "https://factcheck.example/claims/{id}"
            ).status == 0)
        let review = try cli.json("report", "--format", "claimreview") as! [[String: Any]]
        let rating = review.first?["reviewRating"] as? [String: Any]
        #expect(rating?["alternateName"] as? String == "Half true" && rating?["ratingValue"] as? Int == 3)
        #expect(try cli.run("ratings").stdout.contains("Half true"))
        // A label defined again (in another case: labels match with case ignored) holds from then on;
        // a report as of before keeps the value it had.
        let before = (try cli.json("log", "--format", "json") as! [[String: Any]]).count
        #expect(try cli.run("ratings", "add", "half true", "--means", "disputed", "--value", "2").status == 0)
        func value(_ args: String...) throws -> Int? {
            let reviews = try ClaimLedgerBinary.run(
                ["report", "--format", "claimreview"] + args, in: cli.dir.path,
                environment: cli.environment)
            let parsed = try JSONSerialization.jsonObject(with: Data(reviews.stdout.utf8)) as! [[String: Any]]
            return (parsed.first?["reviewRating"] as? [String: Any])?["ratingValue"] as? Int
        }
        #expect(try value() == 2)
        #expect(try value("--as-of", String(before)) == 3)
        #expect(try cli.run("audit").status == 0)
    }
}
