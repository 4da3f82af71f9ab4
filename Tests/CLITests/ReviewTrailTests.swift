import Foundation
import TestSupport
import Testing

/// Issue 15, item 3: a report cites every piece of evidence of the current verdict and every note,
/// in all formats; evidence of a verdict that was later reversed is history, not support.
@Suite("Evidence and notes in reports", .serialized)
struct ReviewTrailTests {
    private func ledger() throws -> (CLI, String) {
        let cli = CLI()
        let article = URL(fileURLWithPath: cli.dir.file("a.txt"))
        try "title: Trade\n\nExports rose 12 percent in 2023 to $4.1 billion, the ministry said on Monday.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        #expect(try cli.run("ingest", article.path).status == 0)
        let rows = try cli.json("list", "--format", "json") as! [[String: Any]]
        return (cli, rows[0]["id"] as! String)
    }

    @Test func everyFormatCitesBothPiecesOfEvidenceAndTheNotes() throws {
        let (cli, id) = try ledger()
        #expect(try cli.run("verify", id, "--evidence", "https://stats.example/exports-2023").status == 0)
        #expect(try cli.run("note", id, "Ministry figures match customs data").status == 0)
        #expect(try cli.run("verify", id, "--evidence", "Customs yearbook 2023, table 4").status == 0)
        for format in ["markdown", "html", "json", "csv", "claimreview"] {
            let out = try cli.run("report", "--format", format, "--review-url-base", "https://factcheck.example/r/")
            #expect(out.status == 0)
            #expect(out.stdout.contains("https://stats.example/exports-2023"), "\(format): first evidence missing")
            #expect(out.stdout.contains("Customs yearbook 2023, table 4"), "\(format): second evidence missing")
            #expect(out.stdout.contains("Ministry figures match customs data"), "\(format): note missing")
        }
        let report = try cli.json("report", "--format", "json") as! [String: Any]
        let claim = ((report["sources"] as! [[String: Any]])[0]["claims"] as! [[String: Any]])[0]
        #expect(
            (claim["decisions"] as! [[String: Any]]).map { $0["evidence"] as? String }
                == ["https://stats.example/exports-2023", "Customs yearbook 2023, table 4"])
        #expect((claim["notes"] as! [[String: Any]]).count == 1)
    }

    @Test func evidenceOfAReversedVerdictIsNotCitedForTheNewOne() throws {
        let (cli, id) = try ledger()
        #expect(try cli.run("verify", id, "--evidence", "https://old.example/first-look").status == 0)
        #expect(try cli.run("dispute", id, "--evidence", "https://new.example/recount").status == 0)
        let report = try cli.json("report", "--format", "json") as! [String: Any]
        let claim = ((report["sources"] as! [[String: Any]])[0]["claims"] as! [[String: Any]])[0]
        #expect(claim["status"] as? String == "disputed")
        #expect(
            (claim["decisions"] as! [[String: Any]]).map { $0["evidence"] as? String } == [
                "https://new.example/recount"
            ])
        #expect(!(try cli.run("report", "--format", "markdown")).stdout.contains("old.example"))
    }
}
