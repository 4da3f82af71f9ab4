import Foundation
import TestSupport
import Testing

/// "Has this been checked before?" with the built binary (issue 14): the sample articles' two
/// "fifth visit" claims linked on ingest, `similar`, `show`, `list --seen-before`, quote drift,
/// and the search index audited.
@Suite("End to end: claim matching", .serialized)
struct ClaimMatchingEndToEndTests {
    /// The first seed, then the second as a wire service might reprint it, its "fifth visit"
    /// sentence worded as the first seed words it (two articles' sentences in other words are not
    /// "seen before": `SeenBeforeModel.articleSimilarity`); the IDs of the two "fifth visit" claims.
    func seeded() throws -> (CLI, first: String, second: String) {
        let cli = CLI()
        let seeds = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds")
        let first = try cli.run(
            "ingest", seeds.appendingPathComponent("000_ef25d13846437f12.txt").path,
            env: ["CLAIMLEDGER_REVIEWER": "ann"])
        #expect(!first.stdout.contains("seen before"), "nothing was there before the first article")
        let original = try String(
            contentsOf: seeds.appendingPathComponent("004_8460d107cbcf0280.txt"), encoding: .utf8)
        let reprint = original.replacingOccurrences(
            of: "This is Putin's fifth visit to Vietnam, following last year's trips by Biden and Xi Jinping, who "
                + "sought guarantees of neutrality from Hanoi.",
            with: "This is Putin's fifth visit to Vietnam, he previously visited this Asian country in 2001, 2006, "
                + "2013 and 2017.")
        #expect(reprint != original)
        let second = try cli.run("ingest", cli.dir.write("reprint.txt", reprint), "--json")
        let line = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as! [String: Any]
        #expect((line["seen_before"] as? Int ?? 0) >= 1, "\(second.stdout)")
        let fifth = try cli.json("list", "--search", "fifth visit", "--format", "json") as! [[String: Any]]
        #expect(fifth.count == 2)
        // Newest first: the second article's claim, then the first's.
        return (cli, fifth[1]["id"] as! String, fifth[0]["id"] as! String)
    }

    @Test func theTwoFifthVisitClaimsAreLinked() throws {
        let (cli, first, second) = try seeded()
        let similar = try cli.json("similar", second, "--format", "json") as! [[String: Any]]
        #expect(similar.first?["id"] as? String == first)
        #expect(similar.first?["seen_before"] as? Bool == true && similar.first?["shares_clause"] as? Bool == true)
        #expect(
            try cli.run("verify", first, "--evidence", "https://kremlin.example/visits", "--reviewer", "ann").status
                == 0)
        let shown = try cli.json("show", second, "--format", "json") as! [String: Any]
        let earlier = shown["seen_before"] as! [[String: Any]]
        #expect(earlier.first?["id"] as? String == first && earlier.first?["status"] as? String == "verified")
        let seen = try cli.json("list", "--seen-before-as", "verified", "--format", "json") as! [[String: Any]]
        #expect(seen.map { $0["id"] as! String } == [second])
        #expect((try cli.json("list", "--seen-before-as", "disputed", "--format", "json") as! [[String: Any]]).isEmpty)
        let report = try cli.run("report").stdout
        #expect(report.contains("Checked before as Verified (\(first)"))
        // The earlier claim is not "seen before" itself: nothing came before it.
        let firstShown = try cli.json("show", first, "--format", "json") as! [String: Any]
        #expect((firstShown["seen_before"] as? [Any])?.isEmpty == true)
    }

    @Test func similarTextComparesFiguresAsValues() throws {
        let (cli, _, _) = try seeded()
        let found =
            try cli.json(
                "similar", "--text", "Russia supplied more than eighty per cent of Vietnam's arms imports",
                "--limit", "1", "--format", "json") as! [[String: Any]]
        #expect((found.first?["text"] as? String)?.contains("more than 80 percent of imports") == true)
        let none = try cli.run("similar", "--text", "zebra quokka", "--format", "json")
        #expect(none.status == 0 && none.stdout == "[]\n")
        #expect(try cli.run("similar").status == 64)
        #expect(try cli.run("similar", "c-zzzzzz").status == 3)
    }

    /// A post looked up as it was copied: its hashtags read as the words they join, its link as
    /// no words at all.
    @Test func similarTextReadsAPostsHashtagsAndLeavesOutItsLink() throws {
        let (cli, _, _) = try seeded()
        let found =
            try cli.json("similar", "--text", "#PutinInHanoi https://t.co/x9Zq", "--limit", "1", "--format", "json")
            as! [[String: Any]]
        let text = found.first?["text"] as? String ?? ""
        #expect(text.contains("Putin") && text.contains("Hanoi"), "\(found)")
        let link = try cli.run("similar", "--text", "https://t.co/x9Zq", "--format", "json")
        #expect(link.status == 0 && link.stdout == "[]\n")
    }

    @Test func listSearchUsesTheIndexNowAndTheTextAsItStoodWithAsOf() throws {
        let (cli, first, _) = try seeded()
        let percent = try cli.json("list", "--search", "80% imports", "--format", "json") as! [[String: Any]]
        #expect(percent.count == 1 && (percent[0]["text"] as? String)?.contains("80 percent") == true)
        let before = try cli.json("log", "--format", "json") as! [[String: Any]]
        let corrected = try cli.run(
            "correct", first, "--text", "This was Putin's sixth trip to Hanoi.", "--reason", "typo", "--reviewer", "ann"
        )
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let now = try cli.json("list", "--search", "sixth trip", "--format", "json") as! [[String: Any]]
        #expect(now.map { $0["id"] as! String } == [first])
        let old =
            try cli.json("list", "--search", "sixth trip", "--as-of", String(before.count), "--format", "json")
            as! [[String: Any]]
        #expect(old.isEmpty)
        let oldWording =
            try cli.json("list", "--search", "fifth", "--as-of", String(before.count), "--format", "json")
            as! [[String: Any]]
        #expect(oldWording.count == 2)
        #expect(try cli.run("audit", "--search-index").status == 0)
    }

    @Test func aQuoteThatChangedWordsOrSpeakerIsPointedOut() throws {
        let cli = CLI()
        let a = cli.dir.write(
            "a.txt", "Budget talks\n\n\"We will never raise taxes on working families,\" Jane Doe said on Monday.\n")
        let b = cli.dir.write(
            "b.txt", "Budget row\n\n\"We will not raise taxes on working families,\" John Roe said on Tuesday.\n")
        #expect(try cli.run("ingest", a).status == 0)
        #expect(try cli.run("ingest", b).stdout.contains("1 seen before"))
        let quotes = try cli.json("list", "--kind", "quote", "--format", "json") as! [[String: Any]]
        let shown = try cli.run("show", quotes[0]["id"] as! String, env: ["NO_COLOR": "1"]).stdout
        #expect(shown.contains("[-never-] {+not+}"), "\(shown)")
        #expect(shown.contains("speaker: Jane Doe → John Roe"), "\(shown)")
        // The report points it out too, on both claims.
        let report = try cli.run("report", "--format", "json").stdout
        #expect(
            report.contains("\"words\":\"We will [-never-] {+not+} raise taxes on working families,\""), "\(report)")
        #expect(try cli.run("report").stdout.contains("changed: words: We will \\[-never-\\] \\{+not+\\}"))
    }

    @Test(.onTheSQLiteFile) func auditCatchesATamperedSearchIndexAndRebuildRepairsIt() throws {
        let (cli, _, _) = try seeded()
        #expect(try cli.run("audit", "--search-index").status == 0)
        for tamper in [
            "UPDATE claim_index SET body = 'nothing to see' WHERE rowid = (SELECT min(rowid) FROM claim_index);",
            "DELETE FROM claim_index WHERE rowid = (SELECT max(rowid) FROM claim_index);",
            "UPDATE claim_index_data SET block = zeroblob(length(block)) WHERE id = (SELECT max(id) FROM claim_index_data);",
        ] {
            let sqlite = try ClaimLedgerBinary.runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [cli.db, tamper])
            #expect(sqlite.status == 0, "\(sqlite.stderr)")
            // A deleted row fails every audit; changed content, `audit --search-index`.
            let audit = try cli.run("audit", "--search-index")
            #expect(audit.status == 1, "\(tamper)")
            #expect(try cli.run("audit").status == (tamper.hasPrefix("DELETE") ? 1 : 0))
            #expect(audit.stderr.contains("search index"), "\(audit.stderr)")
            let repaired = try cli.run("audit", "--rebuild-index")
            #expect(repaired.status == 0, "\(repaired.stderr)")
        }
    }
}
