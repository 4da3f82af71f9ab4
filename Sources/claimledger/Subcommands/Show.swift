import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one claim: its sentence, speaker, source, status and whole history (or one source, s-…).")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The claim's ID (c-…) or a source's (s-…), or any unique prefix of it.") var id: String
        @Option(help: "Output format: table or json.") var format: ShowFormat = .table
        @Option(
            help: ArgumentHelp(
                "Show the claim's sentence and N sentences either side (default: its whole paragraph; 0: the sentence alone).",
                valueName: "N"))
        var context: Int?

        func validate() throws {
            if let context, context < 0 { throw ValidationError("--context must be 0 or more sentences.") }
        }

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                if id.lowercased().hasPrefix("s-") { return try showSource(l) }
                let claimID = try l.resolveClaimID(id)
                let claim = try l.claim(id: claimID)
                let source = try l.source(id: claim.sourceID)
                let history = try l.history(claimID: claimID)
                let size: ContextSize = context.map { .sentences($0) } ?? .paragraph
                let matches = try l.claimMatches(of: claim)
                switch format {
                case .table:
                    let text = ClaimDetail.text(
                        claim, source: source, history: history, styling: .forStandardOutput(),
                        context: size, matches: matches)
                    // On a terminal, words wrap whole at its edge (as in `review`); a pipe gets the lines as they are.
                    out(Styling.terminalWidth().map { Wrapping.wrap(text, width: $0) } ?? text)
                case .json:
                    out(ClaimDetail.json(claim, source: source, history: history, context: size, matches: matches))
                }
            }
        }

        func showSource(_ l: Ledger) throws {
            let sourceID = try l.resolveSourceID(id)
            guard let summary = try l.sources(sourceID: sourceID).first else { throw LedgerError.unknownID(id) }
            let history = try l.sourceHistory(sourceID: sourceID)
            switch format {
            case .table: out(SourceListing.detail(summary, history: history, styling: .forStandardOutput()))
            case .json: out(SourceListing.detailJSON(summary, history: history))
            }
        }
    }
}
