import Foundation
import TestSupport
import Testing

@Suite("Two writers at once", .serialized)
struct ConcurrencyTests {
    /// Several processes change statuses at the same moment: every change lands exactly once, the chain stays whole.
    @Test func concurrentWritersNeitherForkNorLose() throws {
        let cli = CLI()
        var ids: [String] = []
        for n in 0..<4 {
            let out = try cli.run("add", "--source-title", "Debate", "Claim number \(n) about 5 percent.").stdout
            ids.append(String(out.prefix { $0 != " " }))
        }
        let perProcess = 10
        let writers = ids
        final class Failures: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
            var said: [String] = []
            func add(_ n: Int, _ stderr: String?) {
                lock.lock()
                count += n
                said.append(stderr ?? "not run")
                lock.unlock()
            }
        }
        let failures = Failures()
        let group = DispatchGroup()
        let db = cli.db
        let dir = cli.dir.path
        for id in writers {
            DispatchQueue.global().async(group: group) {
                for k in 0..<perProcess {
                    let args = k % 2 == 0 ? ["verify", id, "--evidence", "run \(k)"] : ["note", id, "note \(k)"]
                    let r = try? ClaimLedgerBinary.run(args, in: dir, environment: ["CLAIMLEDGER_DB": db])
                    if r?.status != 0 { failures.add(1, r?.stderr) }
                }
            }
        }
        group.wait()
        #expect(failures.count == 0, "\(failures.said)")
        let audit = try cli.run("audit")
        #expect(audit.status == 0, "\(audit.stderr)")
        // 1 source + 4 claims + every change.
        #expect(audit.stdout.contains("\(5 + ids.count * perProcess) entries"))
        let entries = try cli.json("log", "--format", "json") as! [[String: Any]]
        let notes = entries.filter { $0["kind"] as? String == "note_added" }.map {
            ($0["payload"] as! [String: Any])["text"] as! String
        }
        #expect(notes.count == ids.count * perProcess / 2)
    }

    @Test(.onTheSQLiteFile) func aWriterThatWaitsTooLongGetsTheBusyError() throws {
        let cli = CLI()
        let id = String(
            try cli.run("add", "--source-title", "Debate", "Claim about 5 percent.").stdout.prefix { $0 != " " })
        // Hold the write lock from another connection while claimledger tries to write.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [cli.db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = Pipe()
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let busy = try cli.run("verify", id, "--evidence", "x", env: ["CLAIMLEDGER_BUSY_TIMEOUT": "0.5"])
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(busy.status == 5)
        #expect(busy.stderr.contains("busy"))
        // Nothing was half-written, and retrying succeeds.
        #expect(try cli.run("audit").stdout.contains("2 entries"))
        #expect(try cli.run("verify", id, "--evidence", "x").status == 0)
    }
}
