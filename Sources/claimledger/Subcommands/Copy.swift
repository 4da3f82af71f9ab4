import ArgumentParser
import Foundation
import LedgerAudit
import LedgerStore
import PostgresLedger

extension ClaimLedgerCommand {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a ledger's entries into a PostgreSQL database, byte for byte.",
            discussion: """
                Every entry keeps its number, time, payload and hash, so `audit` on both sides prints the same head \
                and a checkpoint made on one verifies on the other. Each entry's link and hash are checked before \
                it is written; a database that already holds the start of the same ledger is brought up to date, \
                one that holds another ledger is refused. On PostgreSQL the entry log is kept so far (the typed \
                tables, search and queue are not yet): copying back to SQLite is not possible yet.
                Example: claimledger copy --from desk.sqlite --to postgresql://claimledger@db.example/ledger
                """)

        @Option(help: ArgumentHelp("The SQLite ledger to copy.", valueName: "path")) var from: String
        @Option(
            help: ArgumentHelp(
                "The PostgreSQL database to copy into (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]).",
                valueName: "url"))
        var to: String

        func run() throws {
            try runReportingErrors {
                guard PostgresAddress.names(to) else {
                    throw LedgerError.refused(
                        "--to must be a PostgreSQL database (postgresql://USER@HOST/DB); copying into an SQLite file is not possible yet."
                    )
                }
                guard !PostgresAddress.names(from) else {
                    throw LedgerError.refused(
                        "--from must be an SQLite ledger file; copying from PostgreSQL is not possible yet.")
                }
                let source = try Ledger(path: from, create: false, readOnly: true)
                let target = try PostgresLedger(address: try PostgresAddress(to), create: true)
                let total = try source.head().seq
                let shown = isatty(STDERR_FILENO) == 1 && total > 10_000
                let head = try target.copy(from: source) { done in
                    if shown {
                        FileHandle.standardError.write(Data("\r\u{1B}[Kcopied \(done) of \(total) entries".utf8))
                    }
                }
                if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                out("copied: \(target.address.shown) holds \(head.seq) entries, head \(head.hash)\n")
            }
        }
    }
}
