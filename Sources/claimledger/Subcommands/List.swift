import ArgumentParser
import LedgerStore
import Reports

/// The filters shared by `list` (and later `report`).
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: "Only claims with this status: unverified, verified or disputed.") var status: ClaimStatus?
    @Option(help: "Only quotes or only claims: quote or claim.") var kind: ClaimKindArgument?
    @Option(help: "Only claims whose speaker contains this text (any case).") var speaker: String?
    @Option(help: "Only claims from this source (an s-… ID or prefix).") var source: String?
    @Option(help: "Only claims whose text contains this (any case).") var search: String?
    @Option(help: "At most this many claims.") var limit: Int?

    enum ClaimKindArgument: String, ExpressibleByArgument, CaseIterable { case quote, claim }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
    }

    func filter(_ ledger: Ledger) throws -> ClaimFilter {
        ClaimFilter(status: status, kind: kind?.rawValue, speaker: speaker,
                    sourceID: try source.map { try ledger.resolveSourceID($0) }, search: search, limit: limit)
    }
}

extension ClaimLedgerCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List claims and quotes, newest first.",
            discussion: "Example: claimledger list --status unverified --kind claim --format json")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var filters: ClaimFilterOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                var listing = ClaimListing(format: output.format, styling: Styling.forStandardOutput())
                let stdout = StandardOutput()
                stdout.write(listing.header())
                try l.forEachClaim(try filters.filter(l)) { stdout.write(listing.row($0)) }
                stdout.write(listing.footer())
                stdout.flush()
            }
        }
    }
}
