import Foundation
import TestSupport
import Testing

/// Issue 33: a quote is checked on two axes — what it says (its status) and whether it was said as
/// quoted (its attribution) — and every output says which axis a verdict is on.
@Suite("End to end: quotes on two axes", .serialized)
struct AttributionCLITests {
    static let article = """
        title: Budget day

        "We will cut taxes by 10 percent next year," Finance Minister Ana Lopes said on Monday.

        Exports rose 12 percent in 2023, the ministry said.
        """

    func ids(_ cli: CLI) throws -> (quote: String, claim: String) {
        let rows = try cli.json("list", "--format", "json") as! [[String: Any]]
        let quote = rows.first { $0["kind"] as? String == "quote" }?["id"] as! String
        let claim = rows.first { $0["kind"] as? String == "claim" }?["id"] as! String
        return (quote, claim)
    }

    /// `list --attribution` (and so report and review, which share the filters): quotes only;
    /// unconfirmed takes the quotes never checked.
    @Test func listFiltersOnHowAQuoteWasSaid() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", AttributionCLITests.article)).status == 0)
        let (quote, _) = try ids(cli)
        func listed(_ verdict: String) throws -> [String] {
            (try cli.json("list", "--attribution", verdict, "--format", "json") as! [[String: Any]]).map {
                $0["id"] as! String
            }
        }
        #expect(try listed("unconfirmed") == [quote] && listed("confirmed").isEmpty)
        #expect(try cli.run("attribution", quote, "out-of-context", "--evidence", "the whole speech").status == 0)
        #expect(try listed("out-of-context") == [quote] && listed("unconfirmed").isEmpty)
        let bad = try cli.run("list", "--attribution", "maybe")
        #expect(bad.status != 0 && bad.stderr.contains("--attribution"), "\(bad.stderr)")
        let report = try cli.run("report", "--attribution", "out-of-context").stdout
        #expect(report.contains("We will cut taxes") && !report.contains("Exports rose"), "\(report)")
    }

    /// Enter pressed twice, or a check taken back: the line says which check it replaced, as a
    /// verdict's does ("was verified by ann 4 s ago").
    @Test func aCheckSaysWhichCheckItReplaced() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", AttributionCLITests.article)).status == 0)
        let (quote, _) = try ids(cli)
        let first = try cli.run("attribution", quote, "misquoted", "--evidence", "https://tape.example/1")
        #expect(first.status == 0 && !first.stdout.contains("; was "), "\(first.stdout)")
        let again = try cli.run("attribution", quote, "misquoted", "--evidence", "https://tape.example/1")
        #expect(again.status == 0 && again.stdout.contains("; was misquoted by tester "), "\(again.stdout)")
        let back = try cli.run("attribution", quote, "out-of-context", "--evidence", "https://tape.example/2")
        let replaced = try #require(again.stdout.split(separator: "entry ").dropFirst().first?.prefix { $0.isNumber })
        #expect(back.stdout.contains("; was misquoted by tester ") && back.stdout.hasSuffix("(entry \(replaced))\n"))
    }

    @Test func aDisputedQuoteSaidAsQuotedNeverReadsAsNeverSaid() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", AttributionCLITests.article)).status == 0)
        let (quote, claim) = try ids(cli)
        #expect(
            try cli.run("dispute", quote, "--evidence", "https://budget.example/plan", "--rating", "False").status == 0)
        let confirmed = try cli.run("attribution", quote, "confirmed", "--evidence", "https://video.example/presser")
        #expect(
            confirmed.status == 0 && confirmed.stdout.contains("said as quoted? → confirmed"), "\(confirmed.stderr)")
        #expect(
            try cli.run("show", quote).stdout.contains("said as   confirmed  (evidence: https://video.example/presser)")
        )
        let markdown = try cli.run("report").stdout
        #expect(markdown.contains("What it says: Disputed: False · Said as quoted? yes**"), "\(markdown)")
        #expect(markdown.contains("Said as quoted? yes — checked by tester on "))
        let json = try cli.json("report", "--format", "json") as! [String: Any]
        let claims = ((json["sources"] as! [[String: Any]])[0]["claims"] as! [[String: Any]])
        let q = claims.first { $0["kind"] as? String == "quote" }!
        #expect(
            q["attribution"] as? String == "confirmed"
                && (q["attribution_check"] as? [String: Any])?["evidence"] as? String == "https://video.example/presser"
        )
        #expect(try cli.run("report", "--format", "csv").stdout.contains(",confirmed,https://video.example/presser"))
        #expect(
            try cli.run("report", "--format", "html").stdout.contains(
                "What it says: Disputed: False · Said as quoted? yes"))
        // ClaimReview: the content review says its aspect; the attribution is a review of its own.
        let reviews =
            try cli.json("report", "--format", "claimreview", "--review-url-base", "https://fc.example/r/")
            as! [[String: Any]]
        let aspects = reviews.compactMap { $0["reviewAspect"] as? String }
        #expect(
            aspects.contains { $0.hasPrefix("content") } && aspects.contains { $0.hasPrefix("attribution") },
            "\(reviews)")
        let attribution = reviews.first { ($0["reviewAspect"] as? String)?.hasPrefix("attribution") == true }
        #expect((attribution?["claimReviewed"] as? String)?.hasPrefix("Ana Lopes said: “We will cut taxes") == true)
        #expect((attribution?["reviewRating"] as? [String: Any])?["alternateName"] as? String == "Said as quoted")
        #expect((attribution?["url"] as? String)?.hasSuffix("#attribution") == true)
        ReportTests.expectSchemaOrgProperties(reviews)
        // A claim has no speaker to check; evidence is required; a stale --expect is refused.
        let notAQuote = try cli.run("attribution", claim, "misquoted", "--evidence", "x")
        #expect(notAQuote.status == 4 && notAQuote.stderr.contains("not a quote"), "\(notAQuote.stderr)")
        #expect(try cli.run("attribution", quote, "misquoted").status == 4)
        let stale = try cli.run("attribution", quote, "misquoted", "--evidence", "x", "--expect", "none")
        #expect(stale.status == 4 && stale.stderr.contains("attribution is now confirmed"), "\(stale.stderr)")
        #expect(
            try cli.run("attribution", quote, "not-said", "--evidence", "the office denies it", "--expect", "confirmed")
                .status == 0)
        #expect(try cli.run("report").stdout.contains("Said as quoted? no — never said"))
        #expect(try cli.run("log").stdout.contains("said as quoted? not-said  by tester"))
        #expect(try cli.run("audit").status == 0)
    }
}
