import ArgumentParser
import Foundation
import LedgerAudit
import LedgerStore
import PostgresLedger

extension ClaimLedgerCommand {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a ledger entry for entry, byte for byte: SQLite or PostgreSQL, either way.",
            discussion: """
                Every entry keeps its number, time, payload and hash, so `audit` on both sides prints the same head \
                and a checkpoint made on one verifies on the other. Each entry's link and hash are checked before \
                it is written; a database that already holds the start of the same ledger is brought up to date, \
                one that holds another ledger is refused. On PostgreSQL the entry log is kept so far; copied back \
                into an SQLite file, every entry's typed rows are made from its payload and the search index, queue \
                and stored matches written anew, so every command works on the copy (from one SQLite file to \
                another, this makes a ledger again from its entries alone, and `audit` proves every row).
                Example: claimledger copy --from desk.sqlite --to postgresql://claimledger@db.example/ledger
                         claimledger copy --from postgresql://claimledger@db.example/ledger --to restored.sqlite
                """)

        @Option(
            help: ArgumentHelp(
                "The ledger to copy: an SQLite file, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…].",
                valueName: "path-or-url"))
        var from: String
        @Option(
            help: ArgumentHelp(
                "Where to copy it: a new or partly copied SQLite file, or a PostgreSQL database.",
                valueName: "path-or-url"))
        var to: String

        func run() throws {
            try runReportingErrors {
                guard from != to else {
                    throw LedgerError.refused("--from and --to name the same ledger; give another destination.")
                }
                let source: any EntryChain =
                    PostgresAddress.names(from)
                    ? try PostgresLedger(address: try PostgresAddress(from), create: false)
                    : try Ledger(path: from, create: false, readOnly: true)
                let report = progress(of: try source.head().seq)
                if PostgresAddress.names(to) {
                    let target = try PostgresLedger(address: try PostgresAddress(to), create: true)
                    done(target.address.shown, try target.copy(from: source, progress: report))
                } else {
                    done(to, try Ledger(path: to, create: true).copyLedger(from: source, progress: report))
                }
            }
        }

        /// On a terminal, how far a large copy has come.
        func progress(of total: Int64) -> (Int64) -> Void {
            let shown = isatty(STDERR_FILENO) == 1 && total > 10_000
            return { done in
                guard shown else { return }
                FileHandle.standardError.write(
                    Data("\r\u{1B}[Kcopied \(done) of \(total) entries\(done == total ? "\r\u{1B}[K" : "")".utf8))
            }
        }

        func done(_ destination: String, _ head: (seq: Int64, hash: String)) {
            out("copied: \(destination) holds \(head.seq) entries, head \(head.hash)\n")
        }
    }
}
