import ArgumentParser
import LedgerStore

/// What `reopen` and `dismiss` share: claims and the reason.
struct ReasonOptions: ParsableArguments {
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var reviewer: ReviewerOptions
    @Argument(help: ArgumentHelp("The claims' IDs (c-…, or any unique prefix).",
                                 discussion: "Several IDs in one transaction: all of them, or none."))
    var ids: [String]
    @Option(help: "Why. Required.") var reason: String?
    @Option(help: "A note to keep with the decision.") var note: String?
    @OptionGroup var expect: ExpectOption
}

extension ClaimLedgerCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a verdict: the claims are unverified again (the verdict stays in the history).",
            discussion: "Example: claimledger reopen c-1a2b3c --reason \"Verified against the wrong year's table\"")
        @OptionGroup var options: ReasonOptions
        func run() throws {
            try recordDecisions(Verdict(.unverified, evidence: options.reason, note: options.note), ids: options.ids,
                                ledger: options.ledger, reviewer: options.reviewer, expecting: options.expect.expectStatus)
        }
    }

    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set claims aside as not check-worthy (opinion, mis-extraction); listings hide them.",
            discussion: """
                Dismissed claims leave `list` and the claims of reports; `list --status dismissed` shows them and \
                reports count them. `reopen` brings one back.
                Example: claimledger dismiss c-1a2b3c --reason "Opinion, nothing to check"
                """)
        @OptionGroup var options: ReasonOptions
        func run() throws {
            try recordDecisions(Verdict(.dismissed, evidence: options.reason, note: options.note), ids: options.ids,
                                ledger: options.ledger, reviewer: options.reviewer, expecting: options.expect.expectStatus)
        }
    }
}
