import ArgumentParser
import LedgerStore

/// What `reopen` and `dismiss` add: the reason.
struct ReasonOptions: ParsableArguments {
    @OptionGroup var target: DecisionTarget
    @Option(help: "Why. Required.") var reason: String?

    func record(_ status: ClaimStatus) throws {
        try target.record(Verdict(status, reason: reason, note: target.note))
    }
}

extension ClaimLedgerCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a verdict: the claims are unverified again (the verdict stays in the history).",
            discussion: "Example: claimledger reopen c-1a2b3c --reason \"Verified against the wrong year's table\"")
        @OptionGroup var options: ReasonOptions
        func run() throws {
            try options.record(.unverified)
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
            try options.record(.dismissed)
        }
    }
}
