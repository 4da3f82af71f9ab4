import Foundation
import LedgerSchema
import LedgerStore
import TestSupport
import Testing

/// A ledger an older claimledger wrote (schema version 1 or 2): read as it is, byte for byte, by
/// every command that only reads; migrated by the first command that writes, every entry and hash
/// kept (version 3 rebuilds the entry and review tables), and audited clean by both verifiers after.
@Suite("Ledgers of older schema versions", .serialized)
struct OlderLedgerTests {
    /// The SQL of a ledger of `version` holding a source, a claim and a decision, hashed as recorded.
    static func olderLedger(version: Int) -> String {
        var sql = LedgerSchema.migrations[..<version].joined(separator: "\n")
        sql += "\nPRAGMA application_id = \(Ledger.applicationID);\nPRAGMA user_version = \(version);\n"
        let sourceID = Identifiers.sourceID(title: "Evening news", url: nil, outlet: nil, published: nil)
        let claimID = Identifiers.claimID(
            sourceID: sourceID, kind: "claim", start: nil, end: nil, text: "Unemployment fell to 3 percent.")
        let payloads: [(String, String, String)] = [
            (
                "source_recorded",
                PayloadJSON.encode(
                    SourcePayload(
                        sourceID: sourceID, sha256: nil, title: "Evening news", outlet: nil,
                        author: nil, published: nil, url: nil, text: nil)),
                "INSERT INTO source (source_id, seq, title) VALUES ('\(sourceID)', 1, 'Evening news');"
            ),
            (
                "claim_recorded",
                PayloadJSON.encode(
                    ClaimPayload(
                        claimID: claimID, sourceID: sourceID, kind: .claim,
                        text: "Unemployment fell to 3 percent.", speaker: "Jane Doe")),
                "INSERT INTO claim (claim_id, seq, source_id, kind, text, speaker) VALUES ('\(claimID)', 2, '\(sourceID)', 'claim', 'Unemployment fell to 3 percent.', 'Jane Doe');"
            ),
            (
                "status_changed",
                PayloadJSON.encode(
                    StatusPayload(
                        claimID: claimID, status: .verified, evidence: "https://stats.example",
                        note: nil, reviewer: "ann")),
                "INSERT INTO review (seq, claim_id, status, evidence, reviewer) VALUES (3, '\(claimID)', 'verified', 'https://stats.example', 'ann');"
            ),
        ]
        var previous = EntryEncoding.genesisHash
        for (index, (kind, payload, row)) in payloads.enumerated() {
            let seq = Int64(index + 1)
            let time = "2026-01-0\(seq)T10:00:00Z"
            let hash = EntryEncoding.hash(seq: seq, kind: kind, recordedAt: time, prevHash: previous, payload: payload)
            sql +=
                "INSERT INTO entry VALUES (\(seq), '\(kind)', '\(time)', '\(previous)', '\(payload)', '\(hash)');\n\(row)\n"
            previous = hash
        }
        return sql
    }

    private func sqlite(_ path: String, _ sql: String) throws -> String {
        let p = Process()
        let out = Pipe()
        let input = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path]
        p.standardOutput = out
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.onTheSQLiteFile, arguments: [1, 2])
    func anOlderLedgerIsReadAsItIsThenMigratedByAWriter(version: Int) throws {
        let cli = CLI()
        _ = try sqlite(cli.db, OlderLedgerTests.olderLedger(version: version) + "PRAGMA journal_mode = WAL;")
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        #expect(try cli.run("audit").status == 0)
        let listed = try cli.run("list", "--format", "csv")
        #expect(listed.stdout.contains("Jane Doe"), "\(listed.stderr)")
        #expect(try cli.run("sources").stdout.contains("Evening news"))
        #expect(
            try cli.run("report", "--format", "claimreview", "--review-url-base", "https://factcheck.example/r/").status
                == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before, "a reader wrote to the file")
        #expect(try sqlite(cli.db, "PRAGMA user_version;") == String(version))

        let id = String(listed.stdout.split(whereSeparator: \.isNewline)[1].prefix { $0 != "," })
        let disputed = try cli.run("dispute", id, "--evidence", "https://stats.example/revised", "--rating", "False")
        #expect(disputed.status == 0, "\(disputed.stderr)")
        #expect(disputed.stdout.contains("was verified by ann"), "\(disputed.stdout)")
        #expect(try sqlite(cli.db, "PRAGMA user_version;") == String(Ledger.schemaVersion))
        // Every entry kept with its hash; the new decision names the one it replaced.
        #expect(try sqlite(cli.db, "SELECT count(*) FROM entry; SELECT replaces FROM review WHERE seq = 4;") == "4\n3")
        let audit = try cli.run("audit")
        #expect(audit.status == 0, "\(audit.stdout) \(audit.stderr)")
        let verifier = try ClaimLedgerBinary.runProcess(
            URL(fileURLWithPath: "/usr/bin/python3"),
            [ClaimLedgerBinary.packageRoot.appendingPathComponent("tools/verify_ledger.py").path, cli.db])
        #expect(verifier.status == 0, "\(verifier.stdout) \(verifier.stderr)")
    }
}
