import Foundation
import TestSupport
import Testing

/// The speaker ranker's confidence at the command line: in `extract`, `show` and `list`.
@Suite("End to end: speaker confidence")
struct SpeakerConfidenceCLITests {
    static let article = """
        title: Council vote

        Senator Jane Roe met Governor John Doe on Monday.

        "We will not raise taxes this year," Roe said after the meeting.

        "Not one cent more," she added.
        """

    @Test func extractGivesEachQuotesConfidenceAndTheRulesGiveNone() throws {
        let cli = CLI()
        cli.dir.write("a.txt", SpeakerConfidenceCLITests.article)
        let learned = try cli.json("extract", cli.dir.file("a.txt"), "--format", "json") as! [String: Any]
        let quotes = learned["quotes"] as! [[String: Any]]
        #expect(quotes.count == 2 && quotes.allSatisfy { $0["speaker"] as? String == "Jane Roe" })
        #expect(quotes.allSatisfy { (($0["speaker_confidence"] as? Double) ?? 0) > 0.5 })
        let rules =
            try cli.json("extract", cli.dir.file("a.txt"), "--format", "json", "--speakers", "rules") as! [String: Any]
        #expect((rules["quotes"] as! [[String: Any]]).allSatisfy { $0["speaker_confidence"] is NSNull })
        let refused = try cli.run("extract", cli.dir.file("a.txt"), "--speakers", "guess")
        #expect(refused.status != 0 && refused.stderr.contains("--speakers"))
    }

    @Test func showSaysHowSureAndListFindsTheDoubtful() throws {
        let cli = CLI()
        cli.dir.write("a.txt", SpeakerConfidenceCLITests.article)
        #expect(try cli.run("ingest", cli.dir.file("a.txt")).status == 0)
        let listed = try cli.json("list", "--kind", "quote", "--format", "json") as! [[String: Any]]
        let confidences = listed.compactMap { $0["speaker_confidence"] as? Double }
        #expect(confidences.count == 2)
        let id = listed[0]["id"] as! String
        let shown = try cli.run("show", id)
        #expect(shown.stdout.contains("Jane Roe  (confidence "), "\(shown.stdout)")
        let cut = confidences.min()!
        let doubtful = try cli.json("list", "--max-confidence", String(cut), "--format", "json") as! [[String: Any]]
        #expect(doubtful.count == 1 && doubtful[0]["speaker_confidence"] as? Double == cut)
        let none = try cli.json("list", "--min-confidence", "1", "--format", "json") as! [[String: Any]]
        #expect(none.allSatisfy { ($0["speaker_confidence"] as? Double) == 1 })
        let bad = try cli.run("list", "--max-confidence", "1.5")
        #expect(bad.status == 64 && bad.stderr.contains("--max-confidence must be between 0 and 1"))
    }
}

/// Issue 29: several `--status` values list the claims with any of them.
@Suite("End to end: several statuses")
struct SeveralStatusesTests {
    @Test func repeatedStatusListsAnyOfThem() throws {
        let cli = CLI()
        cli.dir.write(
            "a.txt",
            "Budget\n\nExports rose 80 percent in 2023, the ministry said. Imports fell 12 percent in 2022, officials said.\nUnemployment reached 7 percent in 2021, the agency reported.\n"
        )
        #expect(try cli.run("ingest", cli.dir.file("a.txt")).status == 0)
        let ids =
            (try cli.json("list", "--kind", "claim", "--sort", "position", "--format", "json") as! [[String: Any]]).map
        { $0["id"] as! String }
        #expect(ids.count == 3)
        #expect(try cli.run("verify", ids[0], "--evidence", "https://e.example/1", "--reviewer", "ann").status == 0)
        #expect(try cli.run("dismiss", ids[1], "--reason", "opinion", "--reviewer", "ann").status == 0)
        func listed(_ args: String...) throws -> Set<String> {
            let result = try ClaimLedgerBinary.run(
                ["list", "--kind", "claim", "--format", "json"] + args, in: cli.dir.path,
                environment: cli.environment)
            let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
            return Set(rows.map { $0["id"] as! String })
        }
        #expect(try listed("--status", "verified", "--status", "unverified") == [ids[0], ids[2]])
        #expect(try listed("--status", "verified", "--status", "dismissed") == [ids[0], ids[1]])
        #expect(try listed("--status", "verified", "--status", "verified") == [ids[0]])
        #expect(try listed() == [ids[0], ids[2]], "dismissed claims stay out unless named")
    }
}
