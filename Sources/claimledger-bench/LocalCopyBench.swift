import Foundation
import LedgerStore
import PostgresLedger

/// One engine of the side-by-side figures: the ledger in-process, and how the binary reaches it.
private struct SideBySideEngine {
    let name: String
    let ledger: Ledger
    let db: String
    let environment: [String: String]
}

/// The same ledger used on both engines side by side (issue 32): on SQLite, and on PostgreSQL
/// through a machine's local copy (made here by copying the SQLite file, as a machine that already
/// followed the log holds it). Notes appended in-process (each through the database's append lock
/// on PostgreSQL), and `verify` and `list` as whole processes, each engine on its own copy of the file.
func localCopyFigures(_ ledger: Ledger, url: String, size: Int) throws {
    let onSQLite = "\(options.work)/side-sqlite-\(size).sqlite"
    let localCopy = "\(options.work)/side-copy-\(size).sqlite"
    for file in [onSQLite, localCopy] {
        removeLedgerFiles(file)
        _ = runProcess("/usr/bin/sqlite3", [ledger.path, ".backup '\(file)'"])
    }
    defer { for file in [onSQLite, localCopy] { removeLedgerFiles(file) } }
    let followed = try Ledger(path: localCopy, create: false)
    try followed.follow(try PostgresLedger(address: try PostgresAddress(url), create: false))
    let engines = [
        SideBySideEngine(
            name: "SQLite", ledger: try Ledger(path: onSQLite, create: false), db: onSQLite, environment: [:]),
        SideBySideEngine(
            name: "PostgreSQL", ledger: followed, db: url, environment: ["CLAIMLEDGER_LOCAL_COPY": localCopy]),
    ]
    let claims = try followed.claims(ClaimFilter(status: .unverified, limit: 20)).map(\.claimID)
    for engine in engines { try measure(engine, claims: claims) }
    let database = try PostgresLedger(address: try PostgresAddress(url), create: false)
    line("  local copy and database agree: \(try followed.head() == database.head())")
}

/// 200 notes in-process, then `verify` and `list` as whole processes (medians of 5).
private func measure(_ engine: SideBySideEngine, claims: [String]) throws {
    let notes = 200
    // The first write to a copied file checks its pages once (a file changed by another program).
    _ = try engine.ledger.addNote(claimID: claims[0], text: "warm-up", reviewer: "bench")
    let wall = try seconds {
        for n in 0..<notes {
            _ = try engine.ledger.addNote(claimID: claims[n % 10], text: "bench \(n)", reviewer: "bench")
        }
    }
    let verify = median(claims[10..<15].map { processSeconds(["verify", "c-" + $0, "--evidence", "bench"], engine) })
    let list = median((0..<5).map { _ in processSeconds(["list", "--status", "unverified", "--limit", "50"], engine) })
    line(
        String(
            format:
                "  on %@: %d notes in-process %.0f appends/s; verify as a process %.1f ms; list --status unverified --limit 50 %.1f ms (medians of 5)",
            engine.name, notes, Double(notes) / wall, verify * 1000, list * 1000))
}

private func processSeconds(_ args: [String], _ engine: SideBySideEngine) -> Double {
    runProcess(
        claimledger, args + ["--db", engine.db],
        env: engine.environment.merging(["CLAIMLEDGER_REVIEWER": "bench"]) { $1 }
    ).seconds
}

func removeLedgerFiles(_ file: String) {
    for suffix in ["", "-wal", "-shm", "-pagecheck"] { try? FileManager.default.removeItem(atPath: file + suffix) }
}

private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
