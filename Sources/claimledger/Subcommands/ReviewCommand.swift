import ArgumentParser
import LedgerStore
import Reports
import ReviewSession

extension ClaimLedgerCommand {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review claims one at a time at the terminal, one key per decision.",
            discussion: """
                The queue takes the filters of `list`; by default the unverified claims, most check-worthy first.
                Each claim is shown in its paragraph with the span marked, its speaker, source, score and history.
                Keys: v verify, d dispute (both ask for evidence; Tab offers the last again), a said as quoted? (a quote's \
                attribution: c, m, o or n, then evidence), n note, s correct the speaker, \
                x dismiss (asks why), u undo the session's last decision, space skip, b back, q quit, ? help. Esc at a prompt \
                cancels the action.
                Every decision is one entry, exactly as `verify`, `dispute`, `note`, `correct` and `dismiss` make it.
                Example: claimledger review --source s-9f8e7d --kind claim
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @OptionGroup var filters: ClaimFilterOptions

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                var filter = try filters.filter(l)
                if filters.status.isEmpty { filter.status = .unverified }
                if filters.sort == nil { filter.order = .score }
                guard let terminal = RawTerminal() else {
                    throw LedgerError.refused(
                        "review is interactive: run it in a terminal. For scripts, use list, verify, dispute and note.")
                }
                let session = try ReviewSession(
                    ledger: l, filter: filter, reviewer: reviewer.name, terminal: terminal,
                    styling: .forStandardOutput())
                session.run()
            }
        }
    }
}
