import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one claim: its sentence, speaker, source, status and whole history.")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The claim's ID (c-…), or any unique prefix of it.") var id: String
        @Option(help: "Output format: table or json.") var format: ShowFormat = .table

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let claimID = try l.resolveClaimID(id)
                let claim = try l.claim(id: claimID)
                let source = try l.source(id: claim.sourceID)
                let history = try l.history(claimID: claimID)
                switch format {
                case .table: out(ClaimDetail.text(claim, source: source, history: history, styling: .forStandardOutput()))
                case .json: out(ClaimDetail.json(claim, source: source, history: history))
                }
            }
        }
    }
}
