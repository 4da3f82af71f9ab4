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
        let cli = try CLI.ingesting(SpeakerConfidenceCLITests.article)
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

/// `list --sort confidence`: the least sure speaker first, its confidence in the table and in CSV.
@Suite("End to end: doubtful attributions first")
struct DoubtfulFirstTests {
    static let article = """
        title: Harbour plans

        Mayor Ann Lee opened the harbour on Monday. "The port will double its trade by 2030," Lee said.

        Shipping was slow last year.

        "Nobody asked the fishermen," a man at the quay said.

        Exports rose 80 percent in 2023, the ministry said.
        """

    @Test func theLeastSureSpeakerComesFirstWithItsConfidenceShown() throws {
        let cli = try CLI.ingesting(DoubtfulFirstTests.article)
        let rows = try cli.json("list", "--sort", "confidence", "--format", "json") as! [[String: Any]]
        let confidences = rows.map { $0["speaker_confidence"] as? Double }
        let known = confidences.prefix { $0 != nil }.map { $0! }
        #expect(known.count >= 1 && known == known.sorted(), "\(confidences)")
        #expect(confidences.dropFirst(known.count).allSatisfy { $0 == nil }, "the ones without come last")
        #expect(rows.contains { $0["kind"] as? String == "claim" }, "sorting leaves nothing out")

        let table = try cli.run("list", "--sort", "confidence").stdout
        let lines = table.split(separator: "\n")
        #expect(lines[0].contains("CONF") && !lines[0].contains("SCORE"), "\(table)")
        let first = String(format: "%.2f", known[0])
        #expect(lines[1].contains(rows[0]["id"] as! String) && lines[1].contains(first), "\(table)")
        #expect(try cli.run("list").stdout.split(separator: "\n")[0].contains("SCORE"), "other listings keep SCORE")

        let csv = try cli.run("list", "--sort", "confidence", "--format", "csv").stdout.split(
            whereSeparator: \.isNewline)
        #expect(csv[0].hasSuffix(",assigned_to,speaker_confidence"))
        #expect(csv[1].hasSuffix("," + String(format: "%.3f", known[0])), "\(csv[1])")
        let bad = try cli.run("list", "--sort", "surest")
        #expect(bad.status == 64 && bad.stderr.contains("confidence"), "\(bad.stderr)")
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
