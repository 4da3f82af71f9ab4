import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Ratings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The rating scale that verify and dispute take with --rating: list it, or add a label.",
            discussion: """
                Every ledger starts with True (5), Mostly true (4) → verified, and Missing context (3), Misleading (2), \
                False (1) → disputed. A label added, or defined again, is an entry in the ledger. ClaimReview reports \
                carry the label as alternateName and its value as ratingValue (worst 1, best 5).
                """,
            subcommands: [List.self, Add.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the rating scale, best first.")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.openForReading()
                    var listing = RatingListing.listing(format: output.format, styling: .forStandardOutput())
                    out(listing.render(try l.ratingScale().sorted(by: { $0.value > $1.value })))
                }
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a label to the scale, or define one again.",
                discussion: "Example: claimledger ratings add \"Half true\" --means disputed --value 3")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var reviewer: ReviewerOptions
            @Argument(help: "The label, as it is published, e.g. \"Half true\".") var label: String
            @Option(help: "The status it means: verified or disputed.") var means: ClaimStatus
            @Option(help: "Its place on the scale, 1 (worst) to 5 (best).") var value: Int

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.open(create: false)
                    let entry = try l.defineRating(label, means: means, value: value, reviewer: reviewer.name)
                    out(
                        "rating \"\(label.trimmingCharacters(in: .whitespacesAndNewlines))\" → \(means.rawValue), value \(value) (entry \(entry.seq))\n"
                    )
                }
            }
        }
    }
}
