import Foundation
import LedgerAudit
import LedgerStore
import PostgresLedger

/// `--only postgres --postgres URL` (issue 32): the ledger's entry log on PostgreSQL beside SQLite,
/// for one ledger size: `copy` (entries/s), the chain audit on each engine, then appends from 1,
/// 4 and 8 connections at once (one chain: the advisory lock serialises them), with their
/// throughput and latency. Each size gets a database of its own on the server URL names.
/// Between the two, the same ledger used through a local copy beside SQLite (`localCopyFigures`).
func postgresFigures(_ ledger: Ledger, size: Int, server: String) throws {
    let url = try PostgresLedger.makeDatabase("claimledger_bench_\(size)", on: server, replacing: true)
    let target = try PostgresLedger(address: try PostgresAddress(url), create: true)
    let copySeconds = try seconds { try target.copy(from: ledger, batch: 2_000) }
    var reports: [AuditReport] = []
    let onSQLite = try seconds { reports.append(try ChainAudit.run(ledger)) }
    let onPostgres = try seconds { reports.append(try ChainAudit.run(target)) }
    line(
        String(
            format:
                "postgresql: copy %.0f entries/s (%.1f s); chain audit %.2f s on SQLite, %.2f s on PostgreSQL (%@)",
            Double(size) / copySeconds, copySeconds, onSQLite, onPostgres,
            reports[0].headHash == reports[1].headHash && reports.allSatisfy(\.passed) ? "same head, passed" : "DIFFER")
    )
    try localCopyFigures(ledger, url: url, size: size)
    try newMachineFigures(url: url, size: size)
    // Entries appended straight to the log (ratings defined, whose typed rows the database makes):
    // last, for the log's throughput alone.
    for writers in [1, 4, 8] { try concurrentAppends(url, writers: writers, each: 200) }
    let after = try ChainAudit.run(target)
    line("  after the appends: chain audit \(after.passed ? "passed" : "FAILED"), \(after.entryCount) entries")
}

/// A new machine's first command: a fresh local copy follows the whole log (every entry's link
/// and hash checked, its typed rows, search index, queue and stored matches made).
private func newMachineFigures(url: String, size: Int) throws {
    let file = "\(options.work)/new-machine-\(size).sqlite"
    removeLedgerFiles(file)
    let database = try PostgresLedger(address: try PostgresAddress(url), create: false)
    let copy = try Ledger(path: file, create: true)
    let wall = try seconds { try copy.follow(database) }
    line(
        String(
            format: "  a new machine's local copy made from the log: %.1f s (%.0f entries/s), head %@",
            wall, Double(try copy.head().seq) / wall, try copy.head() == database.head() ? "the database's" : "DIFFERS")
    )
    removeLedgerFiles(file)
}

/// `writers` connections appending `each` entries at once: appends per second and latency.
private func concurrentAppends(_ url: String, writers: Int, each: Int) throws {
    let connections = try (0..<writers).map { _ in try PostgresLedger(address: try PostgresAddress(url), create: false)
    }
    let times = LatencyLog()
    // One thread per writer (a concurrent loop runs only as many at once as there are cores).
    let done = DispatchGroup()
    let wall = seconds {
        for w in 0..<writers {
            done.enter()
            Thread.detachNewThread {
                for n in 0..<each {
                    let ms = seconds {
                        _ = try? connections[w].append(
                            kind: .ratingDefined,
                            payload:
                                "{\"label\":\"bench \(w) \(n)\",\"means\":\"verified\",\"value\":3,\"reviewer\":\"bench\"}"
                        )
                    }
                    times.add(ms * 1000)
                }
                done.leave()
            }
        }
        done.wait()
    }
    let sorted = times.values.sorted()
    line(
        String(
            format: "  %d writer%@ x %d appends: %.0f appends/s; latency p50 %.1f ms, p99 %.1f ms", writers,
            writers == 1 ? "" : "s", each, Double(writers * each) / wall, sorted[sorted.count / 2],
            sorted[sorted.count * 99 / 100]))
}

final class LatencyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Double] = []
    func add(_ ms: Double) { lock.withLock { times.append(ms) } }
    var values: [Double] { lock.withLock { times } }
}
