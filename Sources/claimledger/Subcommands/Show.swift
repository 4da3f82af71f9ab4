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
        @Option(help: ArgumentHelp("Show the claim's sentence and N sentences either side (default: its whole paragraph; 0: the sentence alone).", valueName: "N"))
        var context: Int?

        func validate() throws {
            if let context, context < 0 { throw ValidationError("--context must be 0 or more sentences.") }
        }

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let claimID = try l.resolveClaimID(id)
                let claim = try l.claim(id: claimID)
                let source = try l.source(id: claim.sourceID)
                let history = try l.history(claimID: claimID)
                let size: ContextSize = context.map { .sentences($0) } ?? .paragraph
                switch format {
                case .table: out(ClaimDetail.text(claim, source: source, history: history, styling: .forStandardOutput(), context: size))
                case .json: out(ClaimDetail.json(claim, source: source, history: history, context: size))
                }
            }
        }
    }
}
