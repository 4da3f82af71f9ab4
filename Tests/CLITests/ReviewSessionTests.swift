import Foundation
import TestSupport
import Testing

/// Runs the built binary against a ledger of its own: an SQLite file in a temporary folder, or a
/// fresh PostgreSQL database under `CLAIMLEDGER_TEST_ENGINE=postgres` (`TestEngine`).
struct CLI {
    let dir = TemporaryDirectory()
    let db: String
    /// What the binary is run with: the ledger's address (and the local copy's file on PostgreSQL).
    let environment: [String: String]
    /// The SQLite file holding the ledger's typed rows: the ledger itself, or on PostgreSQL this
    /// machine's local copy (to read, never to tamper with: the record is in the database).
    var sqliteFile: String { environment["CLAIMLEDGER_LOCAL_COPY"] ?? db }

    init() {
        let ledger = TestEngine.ledger(in: dir)
        db = ledger.db
        environment = ledger.environment.merging(["CLAIMLEDGER_DB": ledger.db]) { $1 }
    }

    @discardableResult
    func run(_ args: String..., env: [String: String] = [:], stdin: Data? = nil) throws -> ProcessResult {
        try ClaimLedgerBinary.run(args, in: dir.path, environment: environment.merging(env) { $1 }, stdin: stdin)
    }

    func json(_ args: String...) throws -> Any {
        let result = try ClaimLedgerBinary.run(args, in: dir.path, environment: environment)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A new ledger holding one article with this text, ingested as `a.txt`.
    static func ingesting(_ article: String) throws -> CLI {
        let cli = CLI()
        cli.dir.write("a.txt", article)
        #expect(try cli.run("ingest", cli.dir.file("a.txt")).status == 0)
        return cli
    }
}

@Suite("End to end: a review session with the built binary", .serialized)
struct ReviewSessionTests {
    @Test func fullReviewSession() throws {
        let cli = CLI()
        #expect(try cli.run("init").status == 0)
        let added = try cli.run(
            "add", "--source-title", "Evening news, Channel 5", "--speaker", "Jane Doe",
            "Unemployment fell to 3 percent in 2024.")
        #expect(added.status == 0, "\(added.stderr)")
        let first = String(added.stdout.prefix { $0 != " " })
        #expect(first.hasPrefix("c-"))
        let second = String(
            try cli.run(
                "add", "--source-title", "Evening news, Channel 5", "--quote", "--speaker", "Jane Doe",
                "We built more schools than anyone."
            ).stdout.prefix { $0 != " " })
        let unverified = try cli.json("list", "--status", "unverified", "--format", "json") as! [[String: Any]]
        #expect(unverified.count == 2)
        #expect(Set(unverified.map { $0["id"] as! String }) == [first, second])
        #expect(
            unverified.allSatisfy {
                $0["status"] as? String == "unverified" && ($0["source"] as? String)?.hasPrefix("s-") == true
            })

        let verified = try cli.run("verify", first, "--evidence", "https://stats.example/2024", "--reviewer", "ann")
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("→ verified"))
        #expect(
            try cli.run(
                "dispute", second, "--evidence", "Ministry of Education, 2024 report", "--note", "Fewer than 2019"
            ).status == 0)
        #expect(try cli.run("note", first, "Double-checked with the agency").status == 0)

        let shown = try cli.run("show", first)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("verified"))
        #expect(shown.stdout.contains("https://stats.example/2024"))
        #expect(shown.stdout.contains("Double-checked with the agency"))
        #expect(shown.stdout.contains("— ann"))
        let history = (try cli.json("show", first, "--format", "json") as! [String: Any])["history"] as! [[String: Any]]
        #expect(history.map { $0["event"] as! String } == ["recorded", "status", "note"])

        #expect((try cli.json("list", "--status", "unverified", "--format", "json") as! [Any]).isEmpty)
        #expect(
            (try cli.json("list", "--status", "disputed", "--format", "json") as! [[String: Any]]).first?["id"]
                as? String == second)

        let ndjson = try cli.run("list", "--format", "ndjson").stdout.split(separator: "\n")
        #expect(ndjson.count == 2)
        let csv = try cli.run("list", "--format", "csv").stdout
        #expect(csv.hasPrefix("id,kind,status,text,speaker"))

        let log = try cli.run("log")
        #expect(log.stdout.contains("status_changed"))
        let entries = try cli.json("log", "--format", "json") as! [[String: Any]]
        #expect(entries.map { $0["seq"] as! Int } == [1, 2, 3, 4, 5, 6])

        let audit = try cli.run("audit")
        #expect(audit.status == 0)
        #expect(audit.stdout.hasPrefix("audit passed: 6 entries, head "))
    }

    @Test func errorPathsExitWithTheirCodes() throws {
        let cli = CLI()
        // No ledger yet: reading commands say how to make one.
        let missing = try cli.run("list")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("claimledger init"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))

        let added = try cli.run("add", "--source-title", "Radio interview", "The bridge cost 2 million euros.")
        let id = String(added.stdout.prefix { $0 != " " })

        let noEvidence = try cli.run("verify", id)
        #expect(noEvidence.status == 4)
        #expect(noEvidence.stderr.contains("--evidence"))
        let emptyEvidence = try cli.run("dispute", id, "--evidence", " ")
        #expect(emptyEvidence.status == 4)

        let unknown = try cli.run("verify", "c-ffffff", "--evidence", "x")
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("No claim or source matches ID c-ffffff"))
        let injected = try cli.run("show", "c-1' OR '1'='1")
        #expect(injected.status == 3)

        // Two claims: an empty prefix of "c-" is ambiguous and lists both.
        try cli.run("add", "--source-title", "Radio interview", "Tolls rose 10 percent.")
        let all = (try cli.json("list", "--format", "json") as! [[String: Any]]).map { $0["id"] as! String }
        let common = zip(all[0], all[1]).prefix { $0 == $1 }.count
        let ambiguous = try cli.run("show", String(all[0].prefix(max(common, 3))))
        if common >= 3 {
            #expect(ambiguous.status == 3)
            #expect(ambiguous.stderr.contains("ambiguous"))
        }

        let badFormat = try cli.run("list", "--format", "xml")
        #expect(badFormat.status == 64)
        let badStatus = try cli.run("list", "--status", "true")
        #expect(badStatus.status == 64)

        // Nothing above wrote anything: 3 entries (source, two claims).
        #expect(try cli.run("audit").stdout.contains("3 entries"))

        // A file that is not a ledger is left alone.
        let notes = cli.dir.write("notes.txt", "my notes")
        let refused = try cli.run("init", "--db", notes)
        #expect(refused.status == 4)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
    }

    @Test(.onTheSQLiteFile) func auditNamesTheEntryAfterTampering() throws {
        let cli = CLI()
        try cli.run("add", "--source-title", "Speech", "Crime fell 20 percent.")
        let id = String(try cli.run("add", "--source-title", "Speech", "Taxes rose twice.").stdout.prefix { $0 != " " })
        try cli.run("verify", id, "--evidence", "https://example.org")
        // With the sqlite3 tool: drop the guard, rewrite the evidence, put the guard back.
        let sql = """
            DROP TRIGGER entry_no_update;
            UPDATE entry SET payload = replace(payload, 'example.org', 'exampl3.org') WHERE seq = 4;
            CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
            BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on entry refused'); END;
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [cli.db, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let audit = try cli.run("audit")
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("entry 4"))
    }
}
