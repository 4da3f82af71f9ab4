import Foundation
import Reports
import TestSupport
import Testing

/// Issue 13: one output layer: every listing takes every format, and `list --as-of` and `--sort`
/// read claims as `report` does.
@Suite("One output layer for every listing", .serialized)
struct OutputLayerTests {
    static func ledger() throws -> CLI {
        let cli = CLI()
        try cli.run("add", "--source-title", "Evening news", "--speaker", "Jane Doe", "Unemployment fell to 3 percent.")
        try cli.run(
            "add", "--source-title", "Evening news", "--quote", "--speaker", "Jane Doe", "We built more schools.")
        return cli
    }

    @Test func logTakesEveryListingFormat() throws {
        let cli = try OutputLayerTests.ledger()
        let csv = try cli.run("log", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.first == "seq,kind,recorded_at,prev_hash,hash,payload")
        #expect(lines.count == 4)  // a source and two claims
        let array = try cli.json("log", "--format", "json") as! [[String: Any]]
        let lines2 = try cli.run("log", "--format", "ndjson").stdout.split(separator: "\n")
        #expect(array.count == 3 && lines2.count == 3)
        #expect((array[1]["payload"] as? [String: Any])?["text"] as? String == "Unemployment fell to 3 percent.")
        #expect(try cli.run("log", "--help").stdout.contains("csv"))
    }

    @Test func listAsOfShowsTheStatusOfThen() throws {
        let cli = try OutputLayerTests.ledger()
        let id = (try cli.json("list", "--kind", "claim", "--format", "json") as! [[String: Any]])[0]["id"] as! String
        #expect(try cli.run("verify", id, "--evidence", "https://stats.example/2024", "--reviewer", "ann").status == 0)
        let then = try cli.json("list", "--as-of", "3", "--format", "json") as! [[String: Any]]
        let now = try cli.json("list", "--format", "json") as! [[String: Any]]
        #expect(then.first { $0["id"] as? String == id }?["status"] as? String == "unverified")
        #expect(now.first { $0["id"] as? String == id }?["status"] as? String == "verified")
        let past = try cli.run("list", "--as-of", "99")
        #expect(past.status != 0 && past.stderr.contains("past the last entry"))
        let positions = try cli.json("list", "--sort", "position", "--format", "json") as! [[String: Any]]
        #expect(positions.map { $0["seq"] as! Int } == [2, 3])
        #expect(try cli.run("report", "--sort", "score").status == 64)
    }

    /// On a narrow terminal the speaker column gives way first, so the text keeps its 20 characters,
    /// and a row with long cells is as wide as the terminal: `list`'s columns and `similar`'s.
    @Test(arguments: [80, 88, 90, 95, 120])
    func aNarrowTerminalTakesFromTheSpeakerFirst(columns: Int) {
        for fixed in [[10, 10, 5, 5, 9], [3, 10, 5, 4, 10, 9]] {
            let speaker = TextTable.flexibleWidth(terminalWidth: columns, fixed: fixed)
            #expect((8...20).contains(speaker))
            let table = TextTable(headers: [], widths: fixed + [speaker, 0], terminalWidth: columns)
            let row = table.line(Array(repeating: String(repeating: "x", count: 200), count: fixed.count + 2))
            #expect(row.count == columns, "\(fixed) at \(columns)")
            let text = row.split(separator: " ").last?.count ?? 0
            if speaker > 8 && speaker < 20 { #expect(text == 20, "\(fixed) at \(columns)") }
            if speaker == 20 { #expect(text >= 20) }
        }
        #expect(TextTable.flexibleWidth(terminalWidth: nil, fixed: [3, 10]) == 20)
    }

    @Test func statusColoursFollowTheStatusInAFittedTableCell() {
        let colour = Styling(colour: true)
        #expect(colour.status("verified  ").hasPrefix("\u{1B}[32m"))  // was yellow: the padded cell never matched
        #expect(colour.status("disputed  ").hasPrefix("\u{1B}[31m"))
        #expect(colour.status("unverified").hasPrefix("\u{1B}[33m"))
        #expect(Styling.plain.status("verified  ") == "verified  ")
    }

    /// A negative limit is answered with what a limit may be, not with "missing value" (it was read
    /// as a flag).
    @Test func aNegativeLimitSaysWhatALimitMayBe() throws {
        let cli = CLI()
        let list = try cli.run("list", "--limit", "-1")
        #expect(list.status == 64 && list.stderr.contains("--limit must be 0 or more"), "\(list.stderr)")
        let similar = try cli.run("similar", "--text", "taxes rose", "--limit", "-2")
        #expect(similar.status == 64 && similar.stderr.contains("--limit must be 1 or more"), "\(similar.stderr)")
    }

    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let cli = CLI()
        for (typed, meant) in [("verfy", "verify"), ("lst", "list"), ("lsit", "list"), ("repot", "report")] {
            let result = try cli.run(typed)
            #expect(
                result.status == 64 && result.stderr.contains("Did you mean '\(meant)'?"), "\(typed): \(result.stderr)")
        }
        let unknown = try cli.run("xyz")
        #expect(unknown.status == 64 && unknown.stderr.contains("The commands are: init,"))
        #expect(try cli.run("help", "list").status == 0)
    }
}
