import Foundation
import LedgerStore
import TestSupport
import Testing

/// `verify`, `dispute` and `note` on several IDs at once: one transaction, all or nothing (issue 15, item 8).
@Suite("Several claims decided at once", .serialized)
struct BatchDecisionTests {
    private func addThree(_ cli: CLI) throws -> [String] {
        try ["Crime fell 20 percent in 2023.", "Taxes rose twice since 2019.", "Exports doubled to $4 billion."].map {
            String(
                try cli.run("add", "--source-title", "Evening news", "--speaker", "Jane Doe", $0).stdout.prefix {
                    $0 != " "
                })
        }
    }

    private func entries(_ cli: CLI) throws -> Int {
        (try cli.json("audit", "--format", "json") as! [String: Any])["entries"] as! Int
    }

    @Test func severalIDsAreDecidedTogether() throws {
        let cli = CLI()
        let ids = try addThree(cli)
        let before = try entries(cli)
        let verified = try cli.run(
            "verify", ids[0], ids[1], ids[0], "--evidence", "https://stats.example", "--reviewer", "ann")
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.split(separator: "\n").count == 2, "a claim named twice is decided once")
        #expect(try entries(cli) == before + 2)
        let listed = try cli.json("list", "--status", "verified", "--format", "json") as! [[String: Any]]
        #expect(Set(listed.map { $0["id"] as! String }) == [ids[0], ids[1]])

        let noted = try cli.run("note", ids[1], ids[2], "Asked the ministry for the table", "--reviewer", "ann")
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stdout.contains("note added"))
        #expect(try entries(cli) == before + 4)
        #expect(try cli.run("audit").status == 0)
    }

    @Test func oneUnknownIDRecordsNothing() throws {
        let cli = CLI()
        let ids = try addThree(cli)
        let before = try entries(cli)
        let refused = try cli.run(
            "dispute", ids[0], "c-ffffffffff", ids[1], "--evidence", "Treasury tables", "--reviewer", "ann")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("c-ffffffffff"))
        let note = try cli.run("note", ids[0], "c-ffffffffff", "A note", "--reviewer", "ann")
        #expect(note.status != 0)
        #expect(try entries(cli) == before, "nothing was recorded")
        let unverified = try cli.json("list", "--status", "unverified", "--format", "json") as! [[String: Any]]
        #expect(unverified.count == 3)
        #expect(try cli.run("note", ids[0], "--reviewer", "ann").status == 64, "an ID without a note is a usage error")
    }

    /// Issue 15, item 11: a decision says which verdict it replaces; --expect-status refuses a claim
    /// that changed meanwhile, and records nothing for any of the IDs.
    @Test func aDecisionNamesTheVerdictItReplacesAndScriptsCanExpectAStatus() throws {
        let cli = CLI()
        let ids = try addThree(cli)
        // Two pinned times just after the ingest (within the clock's tolerance ahead of now).
        let at = Date().addingTimeInterval(100)
        #expect(
            try cli.run(
                "verify", ids[0], "--evidence", "https://a.example", "--reviewer", "joe",
                env: ["CLAIMLEDGER_NOW": LedgerTime.string(from: at)]
            ).status == 0)
        let second = try cli.run(
            "dispute", ids[0], "--evidence", "https://b.example", "--reviewer", "ann",
            env: ["CLAIMLEDGER_NOW": LedgerTime.string(from: at + 2)])
        #expect(second.stdout.contains("→ disputed"))
        #expect(second.stdout.contains("was verified by joe 2 s ago"))
        let before = try entries(cli)
        let refused = try cli.run(
            "verify", ids[1], ids[0], "--evidence", "https://c.example", "--expect-status", "unverified")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("is disputed") && refused.stderr.contains("Nothing was recorded"))
        #expect(try entries(cli) == before)
        #expect(
            try cli.run("verify", ids[1], "--evidence", "https://c.example", "--expect-status", "unverified").status
                == 0)
    }
}

/// Issue 29: `note c-546ade c-5e2949` (the text forgotten) recorded "c-5e2949" as the note.
@Suite("A note or reason that is only IDs")
struct OnlyIDsTests {
    @Test func aNoteOrReasonThatIsOnlyIDsIsRefusedWithAHint() throws {
        let cli = CLI()
        let ids = try ["Crime fell 20 percent in 2023.", "Taxes rose twice since 2019."].map {
            String(try cli.run("add", "--source-title", "Evening news", $0).stdout.prefix { $0 != " " })
        }
        let before = try cli.run("log").stdout
        let note = try cli.run("note", ids[0], ids[1], "--reviewer", "ann")
        #expect(
            note.status == 4 && note.stderr.contains("is only IDs") && note.stderr.contains("then the text"),
            "\(note.stderr)")
        let dismiss = try cli.run("dismiss", ids[0], "--reason", ids[1], "--reviewer", "ann")
        #expect(dismiss.status == 4 && dismiss.stderr.contains("is only IDs"), "\(dismiss.stderr)")
        #expect(try cli.run("log").stdout == before, "nothing was recorded")
        #expect(
            try cli.run("note", ids[0], "same as \(ids[1])", "--reviewer", "ann").status == 0,
            "words with an ID are a note")
    }
}

/// Issue 29: the reviewer silently defaulted to the login name ("root").
@Suite("The login name as reviewer")
struct LoginNameReviewerTests {
    @Test func theFirstDecisionUnderTheLoginNameSaysSoOnce() throws {
        let cli = CLI()
        let ids = try ["Crime fell 20 percent in 2023.", "Taxes rose twice since 2019."].map {
            String(try cli.run("add", "--source-title", "Evening news", $0).stdout.prefix { $0 != " " })
        }
        let env = ["CLAIMLEDGER_REVIEWER": "", "USER": "newsdesk"]
        let first = try cli.run("verify", ids[0], "--evidence", "https://a.example", env: env)
        #expect(
            first.status == 0 && first.stderr.contains("recorded as “newsdesk”, your login name")
                && first.stderr.contains("--reviewer NAME"))
        let second = try cli.run("verify", ids[1], "--evidence", "https://b.example", env: env)
        #expect(second.status == 0 && !second.stderr.contains("login name"), "said once")
        let named = try cli.run("dismiss", ids[0], "--reason", "opinion", "--reviewer", "ann")
        #expect(!named.stderr.contains("login name"))
    }
}
