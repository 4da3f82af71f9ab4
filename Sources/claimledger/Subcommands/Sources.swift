import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the sources (articles) in the ledger, oldest first, with their claims counted by status.",
            discussion: """
                A title guessed from an article's first sentence is marked "(guessed title)"; set the right one with
                `claimledger correct s-… --title "…" --reason "…"`. `claimledger show s-…` shows one source and its history.
                Example: claimledger sources --format json
                """)
        @OptionGroup var ledger: LedgerOptions
        @Option(help: ArgumentHelp("Show the sources as they stood after this entry number.", valueName: "entry"))
        var asOf: Int64?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                if let asOf { _ = try l.reportStamp(asOf: asOf) }  // refuses an entry past the head
                var listing = SourceListing.listing(
                    format: output.format, styling: .forStandardOutput(),
                    terminalWidth: Styling.terminalWidth())
                out(listing.render(try l.sources(asOf: asOf)))
            }
        }
    }
}
