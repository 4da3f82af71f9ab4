import ArgumentParser
import Foundation
import LedgerStore
import Reports

extension ReportFormat: ExpressibleByArgument {}

extension ClaimLedgerCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the citation report: sources, claims, statuses and the evidence behind them.",
            discussion: """
                Formats: markdown (default), html (one self-contained file), json, csv (one row per claim, \
                safe for spreadsheets), claimreview (schema.org ClaimReview JSON-LD for every verified or \
                disputed claim). The report is stamped with the ledger entry it was made at; --as-of N \
                renders the ledger as it stood after entry N. The same ledger and arguments give the same bytes.
                Example: claimledger report --format html -o report.html --status verified
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var filters: ClaimFilterOptions
        @Option(help: "Output format: markdown, html, json, csv or claimreview.") var format: ReportFormat = .markdown
        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "Write to this file instead of standard output.",
                discussion:
                    "Written beside it and renamed into place, keeping an existing file's mode; a symbolic link is followed; a folder, device or pipe is refused (redirect standard output instead)."
            )) var output: String?
        @Option(help: "The organisation publishing the reviews (ClaimReview author).") var publisher: String?
        @Option(help: "Base URL of published reviews; each claim's review URL is this plus its ID.") var reviewUrlBase:
            String?
        @Flag(
            help: ArgumentHelp(
                "Leave out each claim's \"checked before as\" and \"also claimed in\" lines.",
                discussion:
                    "They are read from the matches stored when each claim was recorded (a claim recorded before the ledger stored them, or by a large import, is searched for: `claimledger audit --rebuild-index` stores them); a report of hundreds of thousands of claims is still faster without them."
            ))
        var noMatches = false

        func validate() throws {
            if filters.sort != nil {
                throw ValidationError("--sort does not apply to reports: they follow each article's order.")
            }
            if filters.limit != nil {
                throw ValidationError(
                    "--limit does not apply to reports; filter with --status, --kind, --speaker, --source or --search.")
            }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let report = CitationReport(
                    ledger: l, filter: try filters.filter(l),
                    options: ReportOptions(
                        publisher: publisher, reviewURLBase: reviewUrlBase,
                        withMatches: !noMatches))
                if let output {
                    try ReportFile.write(to: output) { write in try report.render(format, asOf: filters.asOf, to: write)
                    }
                    note("Wrote \(output) (\(format.rawValue)).")
                } else {
                    let stdout = StandardOutput()
                    try report.render(format, asOf: filters.asOf) { stdout.write($0) }
                    stdout.flush()
                }
            }
        }
    }
}
