import FactCheckImport
import Foundation
import TestSupport
import Testing

/// Matches stored once (issue 33, schema version 14): found when a claim is recorded, read by
/// `show`, reports and listings without searching again, shown on the earlier claim too, audited
/// as derived data and written anew by `audit --rebuild-index`.
@Suite("End to end: stored matches", .serialized)
struct StoredMatchesTests {
    func sqlite(_ cli: CLI, _ sql: String) throws -> String {
        let run = try ClaimLedgerBinary.runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [cli.sqliteFile, sql])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func ids(_ list: Any?) -> [String] { (list as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }

    @Test func theEarlierClaimSaysItWasClaimedLater() throws {
        let (cli, first, second) = try ClaimMatchingEndToEndTests().seeded()
        let shownFirst = try cli.json("show", first, "--format", "json") as! [String: Any]
        #expect(ids(shownFirst["seen_before"]).isEmpty)
        #expect(ids(shownFirst["claimed_later"]) == [second])
        let shownSecond = try cli.json("show", second, "--format", "json") as! [String: Any]
        #expect(ids(shownSecond["seen_before"]) == [first] && ids(shownSecond["claimed_later"]).isEmpty)
        let table = try cli.run("show", first).stdout
        #expect(table.contains("Also claimed later") && table.contains(second) && !table.contains("Seen before"))
    }

    /// The rows are what every reader reads: with them gone, nothing is searched again (and the
    /// rebuild finds them again).
    @Test func readersReadTheStoredRowsAndTheRebuildWritesThemAgain() throws {
        let (cli, first, second) = try ClaimMatchingEndToEndTests().seeded()
        let stored = try sqlite(cli, "SELECT count(*) FROM claim_match;")
        #expect(Int(stored) ?? 0 >= 1)
        // Every figure to the last digit: the rebuild runs in another process, and word weights are
        // summed in the words' order, not a `Set`'s (which changes from one process to the next).
        let rows = """
            SELECT claim_seq, earlier_seq, similarity, containment, clause_words, shared_words,
            shorter_words, place, relevance, top_relevance, next_relevance
            FROM claim_match ORDER BY claim_seq, earlier_seq;
            """
        let before = try sqlite(cli, rows)
        _ = try sqlite(cli, "DELETE FROM claim_match;")
        let shown = try cli.json("show", second, "--format", "json") as! [String: Any]
        #expect(ids(shown["seen_before"]).isEmpty)
        #expect(!(try cli.run("report").stdout.contains("Also claimed in")))
        let rebuilt = try cli.run("audit", "--rebuild-index", "--search-index")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try sqlite(cli, rows) == before)
        #expect(try sqlite(cli, "SELECT matched_from FROM match_coverage;") == "0")
        let again = try cli.json("show", second, "--format", "json") as! [String: Any]
        #expect(ids(again["seen_before"]) == [first])
    }

    @Test func auditCatchesAForgedOrAlteredMatch() throws {
        let (cli, _, _) = try ClaimMatchingEndToEndTests().seeded()
        #expect(try cli.run("audit", "--search-index").status == 0)
        let sameSource = """
            INSERT INTO claim_match SELECT b.seq, a.seq, 0.5, 0.5, 0, 2, 3, 1, 1, 1, 0
            FROM claim a JOIN claim b ON b.source_id = a.source_id AND b.seq > a.seq LIMIT 1;
            """
        let altered = "UPDATE claim_match SET shared_words = shared_words - 1;"
        let earlierCoverage = "UPDATE match_coverage SET matched_from = (SELECT max(seq) + 1 FROM entry);"
        for (tamper, everyAudit) in [(sameSource, true), (altered, false), (earlierCoverage, true)] {
            _ = try sqlite(cli, tamper)
            let deep = try cli.run("audit", "--search-index")
            #expect(deep.status == 1 && deep.stderr.contains("stored match"), "\(tamper): \(deep.stderr)")
            #expect(try cli.run("audit").status == (everyAudit ? 1 : 0), "\(tamper)")
            let repaired = try cli.run("audit", "--rebuild-index", "--search-index")
            #expect(repaired.status == 0, "\(repaired.stderr)")
        }
    }

    /// A correction finds the claim's matches again: words that no longer repeat anything lose them.
    @Test func aCorrectedClaimIsMatchedAgain() throws {
        let (cli, first, second) = try ClaimMatchingEndToEndTests().seeded()
        let corrected = try cli.run(
            "correct", second, "--text", "Zebras and quokkas met in a meadow near the river.", "--reason",
            "wrong claim",
            "--reviewer", "ann")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let shown = try cli.json("show", second, "--format", "json") as! [String: Any]
        #expect(ids(shown["seen_before"]).isEmpty)
        let shownFirst = try cli.json("show", first, "--format", "json") as! [String: Any]
        #expect(ids(shownFirst["claimed_later"]).isEmpty)
        #expect(try cli.run("audit", "--search-index").status == 0)
    }

    /// A large import records its claims without searching for each (pending): `show` searches for
    /// them when asked, the desk's filter is not offered, and `audit --rebuild-index` stores them.
    @Test func aLargeImportLeavesItsMatchesPendingUntilTheRebuild() throws {
        let (cli, first, _) = try ClaimMatchingEndToEndTests().seeded()
        let repeated = "This is Putin's fifth visit to Vietnam, he previously visited in 2001, 2006, 2013 and 2017."
        var reviews = [ImportTests.review(repeated, url: "https://checks.example/fifth", rating: nil)]
        for n in 1...ReviewImport.matchedImport {
            reviews.append(
                ImportTests.review(
                    "Generated review \(n) of a quokka census", url: "https://checks.example/g\(n)", rating: nil))
        }
        let imported = try cli.run("import", try ImportTests().write(cli, "archive.json", reviews), "--reviewer", "ann")
        #expect(
            imported.status == 0 && imported.stderr.contains("without looking for their matches"), "\(imported.stderr)")
        #expect(try sqlite(cli, "SELECT count(*) FROM match_pending;") == String(reviews.count))
        let found = try cli.json("list", "--search", "2017", "--format", "json") as! [[String: Any]]
        let importedID = try #require(found.first { ($0["text"] as? String) == repeated }?["id"] as? String)
        let shown = try cli.json("show", importedID, "--format", "json") as! [String: Any]
        #expect(ids(shown["seen_before"]).contains(first), "a pending claim's matches are searched when asked")
        #expect(try cli.run("audit", "--search-index").status == 0)
        let rebuilt = try cli.run("audit", "--rebuild-index")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try sqlite(cli, "SELECT count(*) FROM match_pending;") == "0")
        let stored = try sqlite(
            cli,
            "SELECT count(*) FROM claim_match m JOIN claim c ON c.seq = m.claim_seq WHERE c.text = '\(repeated.replacingOccurrences(of: "'", with: "''"))';"
        )
        #expect(Int(stored) ?? 0 >= 1)
    }

    /// A ledger of version 13 (no stored matches) still finds its claims' matches by searching,
    /// before and after it is migrated; `audit --rebuild-index` then stores them.
    @Test func anOlderLedgerSearchesUntilItsMatchesAreRebuilt() throws {
        let (cli, first, second) = try ClaimMatchingEndToEndTests().seeded()
        _ = try sqlite(cli, OlderSchema.beforeVersion14 + "PRAGMA user_version = 13;")
        let read = try cli.json("show", second, "--format", "json") as! [String: Any]
        #expect(ids(read["seen_before"]) == [first])
        #expect(try cli.run("note", second, "checked the wire", "--reviewer", "ann").status == 0)  // migrates
        #expect(try sqlite(cli, "SELECT count(*) FROM claim_match;") == "0")
        let migrated = try cli.json("show", first, "--format", "json") as! [String: Any]
        #expect(ids(migrated["claimed_later"]) == [second])
        #expect(try cli.run("audit", "--rebuild-index").status == 0)
        #expect(Int(try sqlite(cli, "SELECT count(*) FROM claim_match;")) ?? 0 >= 1)
    }
}
