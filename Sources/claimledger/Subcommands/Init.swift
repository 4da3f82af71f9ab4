import ArgumentParser
import LedgerStore

extension ClaimLedgerCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an empty ledger.",
            discussion:
                "Refuses to touch a file that is not a ClaimLedger database. Running it on an existing ledger changes nothing."
        )

        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: true)
                let head = try l.head()
                out("Ledger ready at \(l.name) (\(head.seq) entries).\n")
            }
        }
    }
}
