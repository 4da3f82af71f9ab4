import ArgumentParser
import LedgerStore
import Reports

/// The filters shared by `list` (and later `report`).
struct ClaimFilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only claims with this status: unverified, verified, disputed or dismissed. Repeat it for any of several (--status verified --status disputed).",
            valueName: "status"))
    var status: [ClaimStatus] = []
    @Flag(help: "Dismissed claims too (left out unless --status dismissed or this).") var includeDismissed = false
    @Option(help: "Only quotes or only claims: quote or claim.") var kind: ClaimKind?
    @Option(help: "Only claims whose speaker contains this text (any case).") var speaker: String?
    @Option(help: "Only claims from this source (an s-… ID or prefix).") var source: String?
    @Option(
        help:
            "Only claims whose text holds all these words, in any order and any form (case and accents ignored): whole words, so \"visit\" finds \"visited\" but \"staff\" not \"staffers\"."
    ) var search: String?
    @Option(parsing: .unconditional, help: "At most this many claims.") var limit: Int?
    @Flag(help: "Only claims that repeat an earlier claim of another source (see `claimledger similar`).")
    var seenBefore = false
    @Option(
        help: ArgumentHelp(
            "Only claims that repeat an earlier claim with this status (e.g. disputed): a checked claim coming round again.",
            valueName: "status"))
    var seenBeforeAs: ClaimStatus?
    @Option(
        help: ArgumentHelp(
            "Only claims whose check-worthiness score is at least this (0 to 1; quotes have no score and are left out).",
            valueName: "score"))
    var minScore: Double?
    @Option(
        help: ArgumentHelp(
            "Only quotes whose speaker extraction's ranker chose with at least this confidence (0 to 1).",
            valueName: "confidence"))
    var minConfidence: Double?
    @Option(
        help: ArgumentHelp(
            "Only quotes whose speaker the ranker chose with at most this confidence (0 to 1): the doubtful attributions, to check first. Quotes without one (no speaker found, or a reviewer corrected it) are left out.",
            valueName: "confidence"))
    var maxConfidence: Double?
    @Option(
        help: ArgumentHelp(
            "Only quotes whose attribution is this: confirmed, misquoted, out-of-context, not-said, or unconfirmed (never checked, or a check taken back).",
            valueName: "verdict"))
    var attribution: AttributionVerdict?
    @Option(
        help: ArgumentHelp(
            "Only claims someone is on: \(AssigneeArgument.help) for the claims nobody is on (see `claimledger assign`).",
            valueName: "name"))
    var assignedTo: String?
    @Option(
        help: ArgumentHelp(
            "Only claims recorded on or after this day (YYYY-MM-DD, or a date such as \"Nov 19, 2019\"), e.g. this week's.",
            valueName: "date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Show the ledger as it stood after this entry number: the claims recorded by then, with the status and corrections they had then (as `report --as-of`).",
            valueName: "entry"))
    var asOf: Int64?
    @Option(
        help:
            "Order: newest (last recorded first), position (article order), score (most check-worthy first; ties: figures, counts, rankings, dates, attributed claims, then others; within a kind, seen before first; then the newest article) or confidence (the least sure speaker first: quotes by the speaker ranker's confidence, lowest first, then the rest in article order). Default: position with --source, else newest."
    )
    var sort: ClaimOrder?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
        if let asOf, asOf < 0 { throw ValidationError("--as-of must be an entry number, 0 or more.") }
        if let since, PublicationDate.normalised(since) == nil {
            throw ValidationError("--since takes a day, e.g. --since \(PublicationDate.example).")
        }
        if let minScore, !(0...1).contains(minScore) {
            throw ValidationError("--min-score must be between 0 and 1, e.g. --min-score 0.5.")
        }
        for (flag, value) in [("--min-confidence", minConfidence), ("--max-confidence", maxConfidence)] {
            if let value, !(0...1).contains(value) {
                throw ValidationError("\(flag) must be between 0 and 1, e.g. \(flag) 0.7.")
            }
        }
    }

    /// Whether the listing is about how sure the speaker ranker was: its table then shows each
    /// quote's confidence where it shows a claim's score.
    var isAboutConfidence: Bool { minConfidence != nil || maxConfidence != nil || sort == .confidence }

    func filter(_ ledger: Ledger) throws -> ClaimFilter {
        if let asOf { _ = try ledger.reportStamp(asOf: asOf) }  // refuses an entry past the head
        let statuses = status.reduce(into: [ClaimStatus]()) { if !$0.contains($1) { $0.append($1) } }
        var filter = ClaimFilter(
            status: statuses.count == 1 ? statuses[0] : nil, kind: kind, speaker: speaker,
            sourceID: try source.map { try ledger.resolveSourceID($0) }, search: search, limit: limit,
            asOf: asOf, minScore: minScore, order: sort ?? (source == nil ? .newest : .position),
            withDismissed: includeDismissed)
        if statuses.count > 1 { filter.statuses = statuses }
        filter.minConfidence = minConfidence
        filter.maxConfidence = maxConfidence
        filter.attribution = attribution
        filter.since = since.flatMap(PublicationDate.normalised)
        filter.assignedTo = assignedTo.map { AssigneeArgument.filter($0, me: ReviewerOptions.defaultName) }
        if let seenBeforeAs {
            filter.seenBefore = .status(seenBeforeAs)
        } else if seenBefore {
            filter.seenBefore = .any
        }
        return filter
    }
}

extension ClaimLedgerCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List claims and quotes, newest first (article order with --source).",
            discussion: "Example: claimledger list --status unverified --kind claim --format json")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var filters: ClaimFilterOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                var listing = ClaimListing.listing(
                    format: output.format, styling: Styling.forStandardOutput(),
                    terminalWidth: Styling.terminalWidth(), figure: filters.isAboutConfidence ? .confidence : .score)
                let stdout = StandardOutput()
                stdout.write(listing.header())
                try l.forEachClaim(try filters.filter(l)) { stdout.write(listing.row($0)) }
                stdout.write(listing.footer())
                stdout.flush()
            }
        }
    }
}
