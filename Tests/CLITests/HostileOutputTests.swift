import Foundation
import TestSupport
import Testing

/// Issue 30, items 8 and 11: evidence files are never overwritten by accident, and output that
/// cannot be written ends with a clear error (exit 4), never a trap or a half-written file.
@Suite("End to end: output into a hostile world", .serialized)
struct HostileOutputTests {
    func ingested() throws -> CLI {
        let cli = CLI()
        let article = cli.dir.write(
            "a.txt",
            "Exports rose 12 percent in 2025, the ministry said. Imports fell 3 percent in 2024, officials said.\n")
        #expect(try cli.run("ingest", article).status == 0)
        return cli
    }

    func shell(_ cli: CLI, _ command: String) throws -> ProcessResult {
        try ClaimLedgerBinary.runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: cli.dir.path,
            environment: cli.environment.merging(["CL": ClaimLedgerBinary.url.path]) { $1 })
    }

    @Test func checkpointOutputKeepsAnOlderCheckpointAndRefusesWhatIsNoFile() throws {
        let cli = try ingested()
        let first = cli.dir.file("cp.txt")
        #expect(try cli.run("checkpoint", "-o", first).status == 0)
        let kept = try String(contentsOfFile: first, encoding: .utf8)
        _ = try cli.run("note", try NotAFileTests.firstClaim(cli), "checked", "--reviewer", "ann")
        let again = try cli.run("checkpoint", "-o", first)
        #expect(
            again.status == 4 && again.stderr.contains("already exists") && again.stderr.contains("cp-2.txt"),
            "\(again.stderr)")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == kept)
        #expect(try cli.run("checkpoint", "-o", first, "--force").status == 0)
        #expect(try String(contentsOfFile: first, encoding: .utf8) != kept)
        #expect(mkfifo(cli.dir.file("fifo"), 0o600) == 0)
        #expect(symlink(first, cli.dir.file("link.txt")) == 0)
        for path in [cli.dir.file("fifo"), cli.dir.file("link.txt"), "/dev/null"] {
            let refused = try cli.run("checkpoint", "-o", path, "--force")
            #expect(refused.status == 4 && refused.stderr.contains("not a regular file"), "\(path): \(refused.stderr)")
        }
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still the device")
        #expect(lstat(cli.dir.file("link.txt"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test(arguments: ["list", "report", "report --format csv", "log"])
    func aFullDeviceAsStandardOutputIsAnErrorNotATrap(_ command: String) throws {
        let cli = try ingested()
        let result = try shell(cli, "\"$CL\" \(command) > /dev/full")
        #expect(
            result.status == 4 && result.stderr.contains("could not write the output"),
            "\(command): \(result.status) \(result.stderr)")
    }

    /// A file size limit stands in for a full disk: the write fails part way (SIGXFSZ ignored).
    @Test func reportToAFileThatCannotBeWrittenLeavesNothingBehind() throws {
        let cli = CLI()
        let sentences = (1...1_500).map {
            "Exports to market \($0) rose \($0 % 90 + 2) percent in 2023, the ministry said."
        }
        let article = cli.dir.write("long.txt", "Trade figures\n\n" + sentences.joined(separator: " ") + "\n")
        #expect(try cli.run("ingest", article).status == 0)
        // 256 blocks: room for SQLite's 32 KiB shared-memory file, not for the report (~1 MB).
        let result = try shell(cli, "trap '' XFSZ; ulimit -f 256; \"$CL\" report --format html -o out.html")
        #expect(result.status == 4 && result.stderr.contains("Cannot write"), "\(result.status) \(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path)
        #expect(!left.contains { $0.hasPrefix("out.html") }, "\(left)")
    }
}

/// Issue 30, item 7: a page SQLite itself calls damaged fails the audit (it passed, while `list` exited 5).
@Suite("End to end: a damaged page fails the audit", .serialized)
struct DamagedPageTests {
    @Test(.onTheSQLiteFile) func aZeroedIndexPageFailsTheAudit() throws {
        let cli = CLI()
        let seeds = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds").path
        #expect(try cli.run("ingest", seeds).status == 0)
        #expect(try cli.run("audit").status == 0)
        let id = String(
            try cli.run("list", "--format", "csv").stdout.split(separator: "\n").dropFirst().first?.prefix { $0 != "," }
                ?? "")
        let article = cli.dir.write("radio.txt", "Fares rose 4 percent in 2025, the transport office said.\n")
        let probe = try ClaimLedgerBinary.runProcess(
            URL(fileURLWithPath: "/usr/bin/sqlite3"),
            [
                cli.db,
                "SELECT rootpage FROM sqlite_schema WHERE name = 'claim_by_speaker'; PRAGMA page_size;",
            ])
        let numbers = probe.stdout.split(separator: "\n").compactMap { Int($0) }
        #expect(numbers.count == 2, "\(probe.stdout) \(probe.stderr)")
        guard numbers.count == 2, let handle = FileHandle(forUpdatingAtPath: cli.db) else { return }
        try handle.seek(toOffset: UInt64((numbers[0] - 1) * numbers[1]))
        try handle.write(contentsOf: Data(repeating: 0, count: numbers[1]))
        try handle.close()
        let audit = try cli.run("audit")
        #expect(audit.status == 1 && audit.stderr.contains("damaged"), "\(audit.status) \(audit.stderr)")
        // And a writer refuses the damaged file (it kept appending to it): exit 5, not a byte written.
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        for args in [
            ["note", id, "checked the figures"], ["add", "--source-title", "Radio", "Fares rose 4 percent."],
            ["ingest", article], ["reviewer", "add", "zed"],
        ] {
            let refused = try ClaimLedgerBinary.run(args, in: cli.dir.path, environment: cli.environment)
            #expect(
                refused.status == 5 && refused.stderr.contains("SQLite's own check")
                    && refused.stderr.contains("nothing was written"),
                "\(args): \(refused.status) \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: cli.db + "-wal"))) ?? Data()
        #expect(wal.isEmpty)
    }
}
