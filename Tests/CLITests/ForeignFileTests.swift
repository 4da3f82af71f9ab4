import Foundation
import TestSupport
import Testing

/// Another application's SQLite file given as --db keeps every byte (issue 11, point 1).
@Suite("Files that are not ours", .serialized)
struct ForeignFileTests {
    /// Another application's database, made by the sqlite3 tool with `sql`.
    static func foreignFile(in cli: CLI, _ sql: String) throws -> String {
        let path = cli.dir.file("notes.sqlite")
        try sqlite3(path, sql)
        return path
    }

    /// Runs `sql` on the file at `path` with the sqlite3 tool, as another application or an attacker would.
    static func sqlite3(_ path: String, _ sql: String) throws {
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, sql]
        try sqlite.run()
        sqlite.waitUntilExit()
    }

    @Test(arguments: [["list"], ["audit"], ["init"], ["show", "c-1"], ["report"]])
    func foreignSQLiteFileIsNotTouched(command: [String]) throws {
        let cli = CLI()
        let foreign = try ForeignFileTests.foreignFile(
            in: cli, "CREATE TABLE note(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note(text) VALUES ('keep me');")
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let result = try ClaimLedgerBinary.run(command + ["--db", foreign], in: cli.dir.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a ClaimLedger database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
        #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"))
    }

    @Test func ingestIntoAForeignFileChangesNothing() throws {
        let cli = CLI()
        let foreign = try ForeignFileTests.foreignFile(in: cli, "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        let result = try ClaimLedgerBinary.run(["ingest", article, "--db", foreign], in: cli.dir.path)
        #expect(result.status != 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
    }
}

/// Paths that are not files, an altered header, and environment values that are not what they claim
/// (issue 11, points 3 and 12).
@Suite("Paths and settings that are not what they seem", .serialized)
struct NotAFileTests {
    @Test func devicesFoldersAndPipesAreRefusedBeforeAnythingIsCreated() throws {
        let cli = CLI()
        let fifo = cli.dir.file("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        for path in ["/dev/null", cli.dir.path, fifo] {
            for command in [["list"], ["init"], ["audit"]] {
                let result = try ClaimLedgerBinary.run(command + ["--db", path], in: cli.dir.path)
                #expect(result.status == 4, "\(command) \(path)")
                #expect(result.stderr.contains("is not a regular file"), "\(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test(.onTheSQLiteFile) func aZeroedApplicationIDFailsAuditWithExitOne() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        #expect(try cli.run("ingest", article).status == 0)
        try ForeignFileTests.sqlite3(cli.db, "PRAGMA application_id = 0")
        let audit = try cli.run("audit")
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("was altered outside ClaimLedger"), "\(audit.stderr)")
    }

    @Test func settingsThatAreNotValuesAreRefused() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        let busy = try cli.run("ingest", article, env: ["CLAIMLEDGER_BUSY_TIMEOUT": "abc"])
        #expect(busy.status == 4)
        #expect(busy.stderr.contains("CLAIMLEDGER_BUSY_TIMEOUT=abc is not a number of seconds"))
        let now = try cli.run("ingest", article, env: ["CLAIMLEDGER_NOW": "yesterday"])
        #expect(now.status == 4)
        #expect(!FileManager.default.fileExists(atPath: cli.db), "nothing was created")
        #expect(try cli.run("ingest", article, env: ["CLAIMLEDGER_BUSY_TIMEOUT": "2.5"]).status == 0)
    }

    /// Issue 30, item 6: a clock value that would poison the ledger for ever is refused, and the
    /// ledger stays as it was (it audits).
    @Test(arguments: [
        "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "1969-12-31T23:59:59Z",
        "2026-01-01T00:00:60Z", "2062-01-01T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+01:00",
    ])
    func aClockValueThatIsNoTimeOrAheadIsRefused(_ value: String) throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        #expect(try cli.run("ingest", article, env: ["CLAIMLEDGER_NOW": "2026-11-24T09:00:00Z"]).status == 0)
        let refused = try cli.run(
            "note", try Self.firstClaim(cli), "checked", "--reviewer", "ann", env: ["CLAIMLEDGER_NOW": value])
        #expect(refused.status == 4 && refused.stderr.contains("CLAIMLEDGER_NOW="), "\(value): \(refused.stderr)")
        #expect(try cli.run("audit").status == 0)
        #expect(try cli.run("log").stdout.components(separatedBy: "\n").filter { $0.contains("note_added") }.isEmpty)
    }

    static func firstClaim(_ cli: CLI) throws -> String {
        try #require((try cli.json("list", "--format", "json") as! [[String: Any]]).first?["id"] as? String)
    }
}

/// `report -o` keeps what the target file was (issue 11, point 2).
@Suite("report -o keeps the target what it was", .serialized)
struct ReportTargetTests {
    @Test func anExistingFileKeepsItsModeAndALinkIsFollowed() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        #expect(try cli.run("ingest", article).status == 0)
        let target = cli.dir.write("private.md", "old report\n")
        #expect(chmod(target, 0o600) == 0)
        #expect(try cli.run("report", "-o", target).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("Exports rose 12 percent"))
        let link = cli.dir.file("latest.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try cli.run("report", "--format", "csv", "-o", link).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "the link stays a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("source,"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cli.dir.path).allSatisfy { !$0.contains(".partial-") })
    }

    @Test func devicesAndPipesAreRefused() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        #expect(try cli.run("ingest", article).status == 0)
        let fifo = cli.dir.file("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        for path in ["/dev/null", fifo, cli.dir.path] {
            let result = try cli.run("report", "-o", path)
            #expect(result.status == 4, "\(path)")
            #expect(result.stderr.contains("is not a regular file"))
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
    }
}

/// Commands that only read never wait for a writer (issue 11, point 9): with the write lock held by
/// another process and no busy wait allowed, they still answer; a writer reports busy.
@Suite("Readers and a held write lock", .serialized)
struct ReadersDoNotWaitTests {
    @Test(.onTheSQLiteFile) func readersAnswerWhileAWriterHoldsTheLock() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        #expect(try cli.run("ingest", article).status == 0)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [cli.db]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(
            Data("BEGIN IMMEDIATE;\nCREATE TABLE IF NOT EXISTS lock_probe(x);\nSELECT 'held';\n".utf8))
        _ = output.fileHandleForReading.availableData  // "held": the lock is taken
        defer {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            holder.waitUntilExit()
        }
        for command in [["list"], ["audit"], ["log"], ["report"], ["checkpoint"]] {
            let result = try ClaimLedgerBinary.run(
                command, in: cli.dir.path,
                environment: ["CLAIMLEDGER_DB": cli.db, "CLAIMLEDGER_BUSY_TIMEOUT": "0"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let id = (try cli.json("list", "--format", "json") as! [[String: Any]])[0]["id"] as! String
        let writer = try cli.run("note", id, "a note", env: ["CLAIMLEDGER_BUSY_TIMEOUT": "0"])
        #expect(writer.status == 5, "a writer still waits for the lock and says busy: \(writer.stderr)")
    }
}
