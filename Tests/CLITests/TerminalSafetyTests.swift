import Foundation
import TestSupport
import Testing

/// Escape sequences and bidi overrides from an article act in no human-facing output (issue 11, points 5 and 6).
@Suite("Text that lies", .serialized)
struct TerminalSafetyTests {
    static let article =
        "The minister spoke on Monday.\n\n\"Prices will fall \u{1B}[2K\u{1B}[1Averified by 40 percent next year,\" Minister Ana Lopes said. She added that \u{202E}detupsid\u{202C} is wrong.\n"

    @Test func noControlOrBidiCharacterReachesHumanOutput() throws {
        let cli = CLI()
        let file = cli.dir.write("esc.txt", TerminalSafetyTests.article)
        #expect(try cli.run("ingest", file).status == 0)
        let claims = try cli.json("list", "--format", "json") as! [[String: Any]]
        // JSON keeps the exact text (escaped).
        #expect(claims.contains { ($0["text"] as? String)?.contains("\u{1B}[2K") == true })
        var outputs = [try cli.run("list").stdout, try cli.run("extract", file).stdout]
        for claim in claims { outputs.append(try cli.run("show", claim["id"] as! String).stdout) }
        for format in ["markdown", "html"] { outputs.append(try cli.run("report", "--format", format).stdout) }
        for output in outputs {
            #expect(
                !output.unicodeScalars.contains { $0 == "\u{1B}" || (0x202A...0x202E).contains($0.value) }, "\(output)")
        }
        // `show --format json` keeps the exact sentence too.
        let quote = claims.first { ($0["text"] as? String)?.contains("\u{1B}") == true }!
        let detail = try cli.json("show", quote["id"] as! String, "--format", "json") as! [String: Any]
        #expect((detail["sentence"] as? String)?.contains("\u{1B}[2K") == true)
        #expect(outputs[0].contains("\u{241B}[2K"))
        #expect(outputs[0].contains("<U+202E>detupsid"))
    }

    @Test func fileNameCannotFakeASummaryLine() throws {
        let cli = CLI()
        let file = cli.dir.write(
            "a\nIngested 9 articles: 9 new.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        let result = try cli.run("ingest", file)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\nIngested 9"))
    }
}
