import ArgumentParser
import Foundation
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct PublisherCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publisher",
            abstract: "Who publishes this ledger's fact-checks: set it once, show it.",
            discussion: """
                `report --format claimreview` names the publisher as each review's author and gives each review \
                its page (url), from the review URL, where {id} stands for the claim's ID. The publisher is an \
                entry like any other: the log says who set it when, and a report made --as-of an older entry uses \
                the publisher in force then. Setting it again replaces it from then on.
                Example: claimledger publisher set --name "Example Fact Check" --url https://factcheck.example.org \
                --review-url "https://factcheck.example.org/claims/{id}"
                """,
            subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set the organisation that publishes the reviews, and where each review's page is.")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var reviewer: ReviewerOptions
            @Option(help: "The organisation's name, as readers know it.") var name: String
            @Option(
                help: ArgumentHelp(
                    "Each claim's review page, with {id} for the claim's ID.",
                    discussion: "e.g. https://factcheck.example.org/claims/{id}")) var reviewUrl: String
            @Option(help: "The organisation's site (https://…).") var url: String?
            @Option(help: "The organisation's logo (https://…).") var logo: String?

            func run() throws {
                try runReportingErrors {
                    let payload = try Publisher.payload(
                        name: name, url: url, logo: logo, reviewURL: reviewUrl,
                        setBy: reviewer.name)
                    let l = try ledger.open(create: true)
                    let entry = try l.setPublisher(payload)
                    out(
                        "Publisher set (entry \(entry.seq)): \(VisibleText.visible(payload.name)); each review's page is "
                            + "\(VisibleText.visible(payload.reviewURL)).\n")
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show who publishes this ledger's reviews.")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.openForReading()
                    var listing = PublisherListing.listing(format: output.format, styling: .forStandardOutput())
                    out(listing.render(try l.publisher().map { [$0] } ?? []))
                }
            }
        }
    }
}
