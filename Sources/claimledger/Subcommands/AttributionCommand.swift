import ArgumentParser
import LedgerStore
import Reports

extension AttributionVerdict: ExpressibleByArgument {
    public init?(argument: String) { self.init(typed: argument) }
    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

extension ClaimLedgerCommand {
    struct AttributionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attribution",
            abstract: "Record whether a quote was said as quoted, with the evidence.",
            discussion: """
                A quote is checked on two axes. Its status (verify, dispute) is about what it says; its attribution \
                is whether the speaker said it as quoted: confirmed, misquoted (not these words), out-of-context \
                (said, but it meant something else), not-said, or unconfirmed (take a check back). Reports and \
                ClaimReview say which axis a verdict is on, so a disputed quote never reads as "never said".
                Example: claimledger attribution c-1a2b3c misquoted --evidence "https://example.org/full-transcript" \
                --note "She said 'may', not 'will'"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: "The quote's ID (c-…, or any unique prefix).") var id: String
        @Argument(help: "confirmed, misquoted, out-of-context, not-said or unconfirmed.") var verdict:
            AttributionVerdict
        @Option(help: "The evidence of what was said: a recording, a transcript, a source. Required.") var evidence:
            String?
        @Option(help: "A note to keep with the check.") var note: String?
        @Option(
            help: ArgumentHelp(
                "Refuse (exit 4, nothing recorded) unless the quote's attribution is still this one (`none`: never checked): for scripts, so a check never overrides one made meanwhile.",
                valueName: "verdict"))
        var expect: String?

        func validate() throws {
            if let expect, expect != "none", AttributionVerdict(typed: expect) == nil {
                throw ValidationError(
                    "--expect takes none, \(AttributionVerdict.allValueStrings.joined(separator: ", ")).")
            }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                let claimID = try l.resolveClaimID(id)
                let check = try l.checkAttribution(
                    claimID: claimID, verdict, evidence: evidence ?? "", note: note, reviewer: reviewer.name,
                    expecting: expect.flatMap(AttributionVerdict.init(typed:)), checkConflicts: expect != nil)
                let claim = try l.claim(id: claimID)
                var line =
                    "\(claim.shortID)  said as quoted? → \(verdict.argument) (entry \(check.entry.seq), by \(reviewer.name))"
                if let was = check.replaced { line += "; " + replacedPhrase(was, now: check.entry) }
                out(line + "\n")
            }
        }
    }
}
