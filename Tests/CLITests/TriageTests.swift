import Foundation
import TestSupport
import Testing

/// Issue 15, items 4–6: search by words, the most check-worthy first, the claim in its paragraph.
@Suite("Triage: search, score, context", .serialized)
struct TriageTests {
    private func ledger() throws -> CLI {
        let cli = CLI()
        let article = URL(fileURLWithPath: cli.dir.file("a.txt"))
        try """
        title: Election night

        The mayor spoke first. Turnout rose to 64 percent in São Paulo, the highest since 1998, officials said.

        Mr. Lee urged voters to stay calm. Joe Biden became the oldest serving President of the United States in 2021.

        The city spent $40 million on new polling stations in 2020.
        """.write(to: article, atomically: true, encoding: .utf8)
        #expect(try cli.run("ingest", article.path).status == 0)
        return cli
    }

    private func texts(_ cli: CLI, _ args: String...) throws -> [String] {
        let result = try ClaimLedgerBinary.run(
            ["list", "--format", "json"] + args, in: cli.dir.path,
            environment: cli.environment)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]).map {
            $0["text"] as! String
        }
    }

    @Test func searchTakesAllWordsInAnyOrderIgnoringCaseAndAccents() throws {
        let cli = try ledger()
        #expect(try texts(cli, "--search", "oldest president").count == 1)
        #expect(try texts(cli, "--search", "PRESIDENT oldest").count == 1)
        #expect(try texts(cli, "--search", "sao paulo turnout").count == 1)
        #expect(try texts(cli, "--search", "oldest turnout").isEmpty)  // all words, in one claim
    }

    /// `--since DAY`: claims recorded on or after it (the clock pinned to put the article on a day).
    @Test func sinceKeepsTheClaimsRecordedFromThatDay() throws {
        let cli = CLI()
        let first = try cli.dir.write("a.txt", "title: A\n\nExports rose 12 percent in 2023, the ministry said.\n")
        let second = try cli.dir.write("b.txt", "title: B\n\nImports fell 8 percent in 2024, officials said.\n")
        #expect(try cli.run("ingest", first, env: ["CLAIMLEDGER_NOW": "2026-11-02T09:00:00Z"]).status == 0)
        #expect(try cli.run("ingest", second, env: ["CLAIMLEDGER_NOW": "2026-11-20T09:00:00Z"]).status == 0)
        #expect(try texts(cli, "--since", "2026-11-20").allSatisfy { $0.contains("Imports") })
        #expect(try texts(cli, "--since", "Nov 3, 2026").count == texts(cli, "--since", "2026-11-20").count)
        #expect(try texts(cli, "--since", "2026-11-01").count == texts(cli).count)
        #expect(try texts(cli, "--since", "2026-11-21").isEmpty)
        let bad = try cli.run("list", "--since", "someday")
        #expect(bad.status == 64 && bad.stderr.contains("--since takes a day"))
        let report = try cli.run("report", "--format", "csv", "--since", "2026-11-20").stdout
        #expect(report.contains("Imports") && !report.contains("Exports"))
    }

    @Test func minScoreAndSortByScore() throws {
        let cli = try ledger()
        let all = try cli.json("list", "--format", "json", "--sort", "score") as! [[String: Any]]
        let scores = all.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        #expect(Set(scores).count > 1)
        let top = scores[0]
        let high = try cli.json("list", "--format", "json", "--min-score", String(top)) as! [[String: Any]]
        #expect(!high.isEmpty && high.allSatisfy { ($0["score"] as? Double ?? 0) >= top })
        #expect(high.count < all.count)
        #expect(try cli.run("list", "--min-score", "7").status == 64)
    }

    @Test func theTableShowsScoreAndSourceAndFitsTheTerminal() throws {
        let cli = try ledger()
        let table = try cli.run("list").stdout
        #expect(table.hasPrefix("ID          STATUS      KIND   SCORE  SOURCE     SPEAKER"))
        #expect(table.contains("s-"))
        // Not a terminal: the text is whole (a pipe gets everything).
        #expect(table.contains("the highest since 1998, officials said."))
    }

    @Test func showGivesTheParagraphOrNSentences() throws {
        let cli = try ledger()
        let id =
            (try cli.json("list", "--format", "json", "--search", "oldest") as! [[String: Any]])[0]["id"] as! String
        let paragraph = try cli.run("show", id).stdout
        #expect(paragraph.contains("Mr. Lee urged voters to stay calm. [[Joe Biden"))
        #expect(!paragraph.contains("Turnout rose"))  // the previous paragraph is not its
        let alone = try cli.run("show", id, "--context", "0").stdout
        #expect(!alone.contains("urged voters"))
        let wider = try cli.run("show", id, "--context", "2").stdout
        #expect(wider.contains("Turnout rose") && wider.contains("Mr. Lee urged voters"))
        let json = try cli.json("show", id, "--format", "json", "--context", "1") as! [String: Any]
        // One segmenter: "Mr." does not end a sentence here any more than in extraction.
        #expect((json["context"] as? String)?.hasPrefix("Mr. Lee urged voters to stay calm.") == true)
        #expect(try cli.run("show", id, "--context", "-1").status == 64)
    }

    /// `show` on a terminal wraps its paragraph at word boundaries, each line within the width.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalShowWrapsWholeWords() throws {
        let cli = try ledger()
        let id =
            (try cli.json("list", "--format", "json", "--search", "oldest") as! [[String: Any]])[0]["id"] as! String
        let lines = try TriageTests.onTerminal(cli, "show \(id)", columns: 40)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        let words = Set(lines.joined(separator: " ").split(separator: " "))
        #expect(words.isSuperset(of: ["[[Joe", "Biden", "oldest", "serving", "President"]), "\(lines)")
    }

    static func onTerminal(_ cli: CLI, _ command: String, columns: Int) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(ClaimLedgerBinary.url.path)' \(command)", "/dev/null"]
        process.environment = [
            "CLAIMLEDGER_DB": cli.db, "COLUMNS": "\(columns)", "NO_COLOR": "1", "PATH": "/usr/bin:/bin",
            "TERM": "xterm",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n")
            .filter { !$0.isEmpty }
    }

    /// On a terminal (a pty from util-linux `script`), every row fits the width and long text ends in "…".
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalEveryRowFitsTheWidth() throws {
        let cli = try ledger()
        let lines = try TriageTests.onTerminal(cli, "list", columns: 72)
        #expect(lines.count >= 4)
        #expect(lines.allSatisfy { $0.count <= 72 }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("…") })
    }
}
