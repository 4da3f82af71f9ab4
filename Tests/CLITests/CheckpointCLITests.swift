import Foundation
import LedgerAudit
import TestSupport
import Testing

@Suite("Checkpoints and proofs from the command line", .serialized)
struct CheckpointCLITests {
    @Test func keygenCheckpointAuditAndProve() throws {
        let cli = CLI()
        let id = String(
            try cli.run("add", "--source-title", "Speech", "Crime fell 20 percent.").stdout.prefix { $0 != " " })
        let keygen = try cli.run("keygen", "--name", "factcheck.example/ledger", "-o", cli.dir.file("ledger.key"))
        #expect(keygen.status == 0)
        let verifierKey = keygen.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verifierKey.hasPrefix("factcheck.example/ledger+"))
        let mode =
            (try FileManager.default.attributesOfItem(atPath: cli.dir.file("ledger.key"))[.posixPermissions]
            as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try cli.run("keygen", "--name", "x", "-o", cli.dir.file("ledger.key")).status == 4)  // never overwrites

        let checkpoint = try cli.run("checkpoint", "--key", cli.dir.file("ledger.key"), "-o", cli.dir.file("cp1.txt"))
        #expect(checkpoint.status == 0)
        #expect(checkpoint.stdout.hasPrefix("factcheck.example/ledger\n2\n"))
        #expect(checkpoint.stdout.contains("\n\n\u{2014} factcheck.example/ledger "))

        try cli.run("verify", id, "--evidence", "https://stats.example")
        let audit = try cli.run("audit", "--checkpoint", cli.dir.file("cp1.txt"), "--key", verifierKey)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("consistent with 1 checkpoint") && !audit.stdout.contains("not checked"))
        // Issue 30, item 9: without --key a forged signature proves nothing, and the result says so.
        let unkeyed = try cli.run("audit", "--checkpoint", cli.dir.file("cp1.txt"))
        #expect(
            unkeyed.status == 0
                && unkeyed.stdout.contains("(signatures not checked: no --key, and the ledger trusts no key)"),
            "\(unkeyed.stdout)")
        let unkeyedJSON = try cli.run("audit", "--checkpoint", cli.dir.file("cp1.txt"), "--format", "json")
        #expect(unkeyedJSON.stdout.contains("\"signatures_checked\":false"), "\(unkeyedJSON.stdout)")
        // Issue 30, item 17: a file that is no checkpoint is refused input (4), not tampering (1).
        cli.dir.write("notes.txt", "just some notes\n")
        let notCheckpoint = try cli.run("audit", "--checkpoint", cli.dir.file("notes.txt"))
        #expect(
            notCheckpoint.status == 4 && notCheckpoint.stderr.contains("is not a checkpoint"), "\(notCheckpoint.stderr)"
        )

        // Issue 30, item 9: a ledger remembers the keys it trusts; then checkpoints are checked by default.
        cli.dir.write("ledger.pub", verifierKey + "\n")
        let signerRefused = try cli.run("keys", "trust", cli.dir.file("ledger.key"))
        #expect(signerRefused.status == 4 && signerRefused.stderr.contains("signer key"), "\(signerRefused.stderr)")
        let trusted = try cli.run("keys", "trust", cli.dir.file("ledger.pub"), "--reviewer", "ann")
        #expect(
            trusted.status == 0 && trusted.stdout.contains("key factcheck.example/ledger trusted (entry 4)"),
            "\(trusted.stderr)")
        #expect(try cli.run("keys", "trust", verifierKey).status == 4)  // once
        let listed = try cli.run("keys", "list", "--format", "json")
        #expect(
            listed.stdout.contains("\"trusted_by\":\"ann\"") && listed.stdout.contains(verifierKey), "\(listed.stdout)")
        let byDefault = try cli.run("audit", "--checkpoint", cli.dir.file("cp1.txt"))
        #expect(
            byDefault.status == 0 && byDefault.stdout.contains("(signed by key factcheck.example/ledger)"),
            "\(byDefault.stdout)")
        try cli.run("keygen", "--name", "factcheck.example/ledger", "-o", cli.dir.file("forger.key"))
        let forged = try cli.run("checkpoint", "--key", cli.dir.file("forger.key"), "-o", cli.dir.file("forged.txt"))
        #expect(forged.status == 0)
        let caught = try cli.run("audit", "--checkpoint", cli.dir.file("forged.txt"), "--format", "json")
        #expect(
            caught.status == 1 && caught.stdout.contains("\"signatures_checked\":true")
                && caught.stdout.contains("not signed by key"), "\(caught.stdout)")
        let unsigned = try cli.run("checkpoint", "-o", cli.dir.file("unsigned.txt"))
        #expect(try unsigned.status == 0 && cli.run("audit", "--checkpoint", cli.dir.file("unsigned.txt")).status == 1)
        #expect(try cli.run("audit").status == 0)

        // A checkpoint edited by one byte no longer verifies.
        var text = try String(contentsOfFile: cli.dir.file("cp1.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\n2\n", with: "\n1\n")
        cli.dir.write("cp-edited.txt", text)
        let edited = try cli.run("audit", "--checkpoint", cli.dir.file("cp-edited.txt"), "--key", verifierKey)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("not signed by key"))

        let proof = try cli.run("prove", id)
        #expect(proof.status == 0)
        cli.dir.write("proof.json", proof.stdout)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", ClaimLedgerBinary.packageRoot.appendingPathComponent("tools/verify_ledger.py").path,
            "prove", cli.dir.file("proof.json"),
        ]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        python.waitUntilExit()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(python.terminationStatus == 0, "\(said)")
        #expect(said.hasPrefix("ok: 2 entries"))
    }
}
