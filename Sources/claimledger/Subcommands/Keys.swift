import ArgumentParser
import Foundation
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "The verifier keys this ledger trusts to sign its checkpoints: trust one, list them.",
            discussion: """
                A trusted key is an entry in the ledger, so `audit` covers it and the log says who trusted it. \
                Then `audit --checkpoint FILE` and `serve --checkpoint FILE` check every checkpoint's signature \
                without --key: a checkpoint none of the trusted keys signed fails. (--key, when given, is used \
                instead.) Only the verifier key enters the ledger, never the signer key.
                Example: claimledger keys trust ledger.pub
                """,
            subcommands: [List.self, Trust.self], defaultSubcommand: List.self)

        struct Trust: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Trust a verifier key (the line `claimledger keygen` printed, as text or a file) to sign checkpoints."
            )
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var reviewer: ReviewerOptions
            @Argument(help: "The verifier key, or a file holding it.") var key: String

            func run() throws {
                try runReportingErrors {
                    let verifier = try loadVerifier(key, signerRefused: true)
                    let l = try ledger.open(create: false)
                    let entry = try l.trustKey(verifier, trustedBy: reviewer.name)
                    out(
                        "key \(VisibleText.visible(verifier.name)) trusted (entry \(entry.seq)): checkpoints are now checked against it by default\n"
                    )
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the verifier keys this ledger trusts, oldest first.")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.openForReading()
                    var listing = TrustedKeyListing.listing(format: output.format, styling: .forStandardOutput())
                    out(listing.render(try l.trustedKeys()))
                }
            }
        }
    }
}
