import Foundation
import TestSupport
import Testing

/// `claimledger review` in a real terminal (a pseudo-terminal the test types into), issue 15 item 7.
@Suite("End to end: the interactive review session in a terminal", .serialized)
struct InteractiveReviewTests {
    func start(_ cli: CLI, _ args: [String] = [], env: [String: String] = [:]) throws -> PseudoTerminal {
        var environment = [
            "CLAIMLEDGER_DB": cli.db, "CLAIMLEDGER_REVIEWER": "ann", "TERM": "xterm", "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
        ]
        environment.merge(env) { $1 }
        return try PseudoTerminal(ClaimLedgerBinary.url, ["review"] + args, in: cli.dir.path, environment: environment)
    }

    @Test func decisionsMadeWithOneKeyAreEntriesAndCtrlCLeavesTheTerminalClean() throws {
        let cli = CLI()
        let seeds = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds").path
        #expect(try cli.run("ingest", seeds).status == 0)
        let total = (try cli.json("list", "--format", "json") as! [[String: Any]]).count
        let top =
            (try cli.json("list", "--sort", "score", "--kind", "claim", "--format", "json") as! [[String: Any]])[0][
                "id"] as! String

        let terminal = try start(cli, ["--kind", "claim"])
        #expect(terminal.waitFor("[?] help"), "\(terminal.screen)")
        #expect(
            terminal.screen.contains(top) && terminal.screen.contains("[["),
            "the most check-worthy claim first, its span marked")
        terminal.type("v")
        #expect(terminal.waitFor("Evidence (URL or citation): "))
        terminal.type("https://stats.example/2023\r")
        #expect(terminal.waitFor("→ verified"))
        #expect(terminal.waitFor("[?] help", count: 2))
        terminal.type("x")
        #expect(terminal.waitFor("Why dismiss it: "))
        terminal.type("Opinion\r")
        #expect(terminal.waitFor("→ dismissed"))
        #expect(terminal.waitFor("[?] help", count: 3))
        terminal.type("d")
        #expect(
            terminal.waitFor("(Tab: \u{201C}https://stats.example/2023\u{201D} again): "),
            "the evidence typed last is offered on Tab")
        terminal.type("\u{3}")  // Ctrl-C at the prompt: nothing recorded, the session ends
        #expect(terminal.waitFor("2 entries recorded"), "\(terminal.screen)")
        #expect(terminal.exitStatus() == 0)
        #expect(terminal.isInOrdinaryMode, "the terminal is left in raw mode")
        #expect(!terminal.screen.contains("\u{1B}["), "NO_COLOR: no escape sequences")

        let verified = try cli.json("list", "--status", "verified", "--format", "json") as! [[String: Any]]
        #expect(verified.map { $0["id"] as! String } == [top])
        #expect(verified.first?["reviewer"] as? String == "ann")
        #expect((try cli.json("list", "--status", "dismissed", "--format", "json") as! [[String: Any]]).count == 1)
        #expect((try cli.json("list", "--status", "disputed", "--format", "json") as! [[String: Any]]).isEmpty)
        #expect((try cli.json("list", "--format", "json") as! [[String: Any]]).count == total - 1)
        #expect(try cli.run("audit").status == 0)
    }

    @Test func withoutATerminalItSaysWhatToUseInstead() throws {
        let cli = CLI()
        #expect(try cli.run("init").status == 0)
        let result = try cli.run("review")
        #expect(result.status == 4 && result.stderr.contains("run it in a terminal"), "\(result.stderr)")
    }
}
