import ArgumentParser
import LedgerStore

extension ClaimLedgerCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a claim or quote by hand.",
            discussion: """
                Attach it to an ingested source with --source ID, or describe a source without text (a broadcast, \
                a speech) with --source-title and optionally --source-url, --outlet, --published.
                Example: claimledger add --source-title "Evening news, Channel 5" --speaker "Jane Doe" "Unemployment fell to 3 percent."
                """)

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "ID of an ingested source (s-…).") var source: String?
        @Option(help: "Title of a source without text.") var sourceTitle: String?
        @Option(help: "URL of that source.") var sourceUrl: String?
        @Option(help: "Outlet of that source.") var outlet: String?
        @Option(help: "Publication date of that source.") var published: String?
        @Option(help: "Who said or claimed it.") var speaker: String?
        @Flag(help: "It is a direct quote (default: a factual claim).") var quote = false
        @Argument(help: "The words of the claim or quote.") var text: String

        func validate() throws {
            if source == nil && sourceTitle == nil {
                throw ValidationError(
                    "Say where the claim comes from: --source ID (an ingested source) or --source-title TITLE.")
            }
            if source != nil && sourceTitle != nil {
                throw ValidationError("Give either --source or --source-title, not both.")
            }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: true)
                var newSource: SourcePayload?
                var existing: String?
                if let source {
                    existing = try l.resolveSourceID(source)
                } else if let sourceTitle {
                    newSource = SourcePayload(
                        sourceID: Identifiers.sourceID(
                            title: sourceTitle, url: sourceUrl, outlet: outlet, published: published),
                        sha256: nil, title: sourceTitle, outlet: outlet, author: nil, published: published,
                        url: sourceUrl, text: nil)
                }
                let (claimID, outcome) = try l.addClaim(
                    sourceID: existing, newSource: newSource,
                    kind: quote ? .quote : .claim, text: text, speaker: speaker)
                let claim = try l.claim(id: claimID)
                switch outcome {
                case .appended(let entry):
                    out("\(claim.shortID)  recorded as entry \(entry.seq) (unverified)\n")
                case .alreadyRecorded:
                    out("\(claim.shortID)  already in the ledger; nothing new recorded\n")
                }
            }
        }
    }
}
