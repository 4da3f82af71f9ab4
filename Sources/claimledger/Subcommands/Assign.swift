import ArgumentParser
import LedgerStore
import Reports

/// Who `--to`, `--expect` and `list --assigned-to` name: a reviewer, `me`, or `nobody`.
enum AssigneeArgument {
    static let help = "a reviewer's name, `me` (you: --reviewer, $CLAIMLEDGER_REVIEWER or your login name) or `nobody`"

    static func filter(_ typed: String, me: String) -> AssigneeFilter {
        switch typed.lowercased() {
        case "nobody", "none": return .nobody
        case "me": return .reviewer(me)
        default: return .reviewer(typed)
        }
    }
}

extension ClaimLedgerCommand {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give claims to a reviewer (or take them yourself), so two people do not check the same one.",
            discussion: """
                Each assignment is a ledger entry like a decision: `show` and `log` say who gave which claim to \
                whom, and when. A claim already with that reviewer records nothing. When the ledger has \
                reviewers (`claimledger reviewer list`), a claim goes only to one of them. \
                `list --assigned-to NAME` (or me, or nobody) lists them; `unassign` gives a claim back.
                Examples: claimledger assign c-1a2b3c c-4d5e6f --to maria
                          claimledger assign c-1a2b3c --to me --expect nobody
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: "The claims' IDs (c-…, or any unique prefix).") var ids: [String]
        @Option(help: ArgumentHelp("Who is on them from now: \(AssigneeArgument.help).", valueName: "name"))
        var to: String
        @Option(help: ArgumentHelp(Assign.expectHelp, valueName: "name")) var expect: String?

        static let expectHelp =
            "Refuse (exit 4, nothing recorded) unless each claim is still with this reviewer (`nobody`: with no one): for scripts, so an assignment never takes a claim from someone who took it meanwhile."

        func validate() throws {
            if ids.isEmpty {
                throw ValidationError("Give at least one claim ID, e.g. claimledger assign c-1a2b3c --to maria.")
            }
        }

        func run() throws {
            try runReportingErrors {
                let target = AssigneeArgument.filter(to, me: reviewer.name)
                try Assign.record(ids, to: target, expect: expect, ledger: ledger, reviewer: reviewer)
            }
        }

        /// Records the assignments and says, claim by claim, what was recorded.
        static func record(
            _ ids: [String], to target: AssigneeFilter, expect: String?, ledger: LedgerOptions,
            reviewer: ReviewerOptions
        ) throws {
            let l = try ledger.open(create: false)
            let claimIDs = try ids.map { try l.resolveClaimID($0) }
            let assignee: String? = if case .reviewer(let name) = target { name } else { nil }
            let changes = try l.assign(
                claimIDs: claimIDs, to: assignee, reviewer: reviewer.name,
                expecting: expect.map { AssigneeArgument.filter($0, me: reviewer.name) })
            let whom = assignee.map { "with \($0)" } ?? "with nobody"
            for change in changes {
                if let entry = change.entry {
                    out(
                        "\(change.shortID)  \(HistoryEvent.assignmentText(assignee)) (entry \(entry.seq), by \(reviewer.name))\n"
                    )
                } else {
                    out("\(change.shortID)  already \(whom): nothing recorded\n")
                }
            }
        }
    }

    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give claims back: nobody is on them any more.",
            discussion: "Example: claimledger unassign c-1a2b3c --expect maria")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: "The claims' IDs (c-…, or any unique prefix).") var ids: [String]
        @Option(help: ArgumentHelp(Assign.expectHelp, valueName: "name")) var expect: String?

        func validate() throws {
            if ids.isEmpty { throw ValidationError("Give at least one claim ID, e.g. claimledger unassign c-1a2b3c.") }
        }

        func run() throws {
            try runReportingErrors {
                try Assign.record(ids, to: .nobody, expect: expect, ledger: ledger, reviewer: reviewer)
            }
        }
    }
}
