import Foundation
import Testing
import TestSupport

/// Another application's SQLite file given as --db keeps every byte (issue 11, point 1).
@Suite("Files that are not ours", .serialized)
struct ForeignFileTests {
    /// Another application's database, made by the sqlite3 tool with `sql`.
    static func foreignFile(in cli: CLI, _ sql: String) throws -> String {
        let path = cli.dir.file("notes.sqlite")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, sql]
        try sqlite.run()
        sqlite.waitUntilExit()
        return path
    }

    @Test(arguments: [["list"], ["audit"], ["init"], ["show", "c-1"], ["report"]])
    func foreignSQLiteFileIsNotTouched(command: [String]) throws {
        let cli = CLI()
        let foreign = try ForeignFileTests.foreignFile(in: cli, "CREATE TABLE note(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note(text) VALUES ('keep me');")
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
