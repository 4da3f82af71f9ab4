import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the ledger's entries in order, with their hashes.",
            discussion: "Example: claimledger log --from 50 --format ndjson")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Start at this entry number.") var from: Int64 = 1

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openEntryLog()
                var listing = EntryLog.listing(format: output.format, styling: Styling.forStandardOutput())
                let stdout = StandardOutput()
                stdout.write(listing.header())
                try l.forEachEntry(from: from, { stdout.write(listing.row($0)) }, limit: .max)
                stdout.write(listing.footer())
                stdout.flush()
            }
        }
    }
}
