import Foundation
import TestSupport
import Testing

/// Issue 31 item 6: the view `claims_current` (what a user of `sqlite3` or Datasette reads) is the
/// claim `list` and `show` give: one definition, compared here field by field for every claim of a
/// ledger with decisions, corrections, an attribution check and a corrected source title.
@Suite("End to end: the claims_current view is the claim as listed", .serialized)
struct ClaimsViewTests {
    /// The ledger's rows of the view, read by the sqlite3 tool as a user would.
    func viewRows(_ cli: CLI) throws -> [String: [String: Any]] {
        let sqlite3 = try ClaimLedgerBinary.runProcess(
            URL(fileURLWithPath: "/usr/bin/sqlite3"),
            ["-json", cli.sqliteFile, "SELECT * FROM claims_current"])
        #expect(sqlite3.status == 0, "\(sqlite3.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(sqlite3.stdout.utf8)) as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["claim_id"] as! String, $0) })
    }

    /// Decisions of every kind on the seeds' claims, each touching a field the old view lacked.
    func decide(_ cli: CLI, _ listed: [[String: Any]]) throws {
        let quotes = listed.filter { $0["kind"] as? String == "quote" }.map { $0["id"] as! String }
        let claims = listed.filter { $0["kind"] as? String == "claim" }.map { $0["id"] as! String }
        let steps: [[String]] = [
            [
                "verify", claims[0], "--evidence", "https://stats.example/1", "--rating", "True", "--note",
                "checked twice",
            ],
            ["dispute", claims[1], "--evidence", "https://stats.example/2", "--rating", "False"],
            ["dismiss", claims[2], "--reason", "an opinion"],
            ["correct", claims[3], "--text", "A corrected text of the claim.", "--reason", "typo"],
            ["correct", quotes[0], "--speaker", "Jane Roe", "--reason", "misread"],
            ["correct", quotes[1], "--via", "Reuters", "--reason", "relayed"],
            ["attribution", quotes[2], "misquoted", "--evidence", "https://video.example/3"],
            ["correct", listed[0]["source"] as! String, "--title", "A corrected title", "--reason", "from the page"],
        ]
        for step in steps {
            let result = try ClaimLedgerBinary.run(step, in: cli.dir.path, environment: cli.environment)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    /// A listed value and the view's: the same, the figures as `list` rounds them.
    func same(_ listed: Any?, _ viewed: Any?) -> Bool {
        switch (listed, viewed) {
        case (nil, nil), (is NSNull, nil), (nil, is NSNull), (is NSNull, is NSNull): return true
        case (let a as NSNumber, let b as NSNumber): return abs(a.doubleValue - b.doubleValue) < 0.005 + 1e-9
        case (let a as String, let b as String): return a == b
        default: return false
        }
    }

    @Test func everyClaimOfTheViewIsTheClaimAsListed() throws {
        let cli = CLI()
        let seeds = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds").path
        #expect(try cli.run("ingest", seeds).status == 0)
        try decide(cli, try cli.json("list", "--format", "json", "--limit", "1000") as! [[String: Any]])
        let listed =
            try cli.json("list", "--format", "json", "--include-dismissed", "--limit", "1000") as! [[String: Any]]
        let view = try viewRows(cli)
        #expect(listed.count == view.count && listed.count > 40)
        for claim in listed {
            let row = try #require(view[claim["claim_id"] as! String])
            for (key, value) in claim where key != "id" && key != "source" {
                #expect(same(value, row[key]), "\(claim["id"]!) \(key): list \(value), view \(row[key] ?? "missing")")
            }
            #expect((claim["source"] as! String).dropFirst(2) == (row["source_id"] as! String).prefix(6))
        }
        // What the old view lacked, now there as show has it.
        #expect(view.values.contains { $0["note"] as? String == "checked twice" })
        #expect(view.values.contains { $0["source_title"] as? String == "A corrected title" })
        #expect(view.values.contains { $0["attribution"] as? String == "misquoted" })
        #expect(view.values.contains { $0["speaker_kind"] as? String == "person" })
        #expect(try cli.run("audit").status == 0)
    }
}
