import ArgumentParser
import Foundation
import LedgerStore
import Reports
import ReviewerAccess

extension ClaimLedgerCommand {
    struct ReviewerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reviewer",
            abstract:
                "The reviewers who sign in to `claimledger serve`: add one (a login token, shown once), list, revoke.",
            discussion: """
                Each reviewer is an entry in the ledger (the token only as a salted hash), so `audit` covers them.
                A name is given once in a ledger's life; a revoked reviewer cannot sign in, and every decision \
                they made stays theirs. Example: claimledger reviewer add ann
                """,
            subcommands: [List.self, Add.self, Revoke.self], defaultSubcommand: List.self)

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a reviewer and print their login token (once: it is stored only as a hash).")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var reviewer: ReviewerOptions
            @Argument(help: "The reviewer's name, as their decisions will carry it, e.g. ann.") var name: String
            @Flag(help: "Print the token alone on standard output (for scripts).") var tokenOnly = false

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.open(create: true)
                    let (entry, token) = try l.addReviewer(name, addedBy: reviewer.name)
                    if tokenOnly {
                        out(token + "\n")
                        return
                    }
                    let shown = VisibleText.visible(name.trimmingCharacters(in: .whitespacesAndNewlines))
                    out(
                        "reviewer \(shown) added (entry \(entry.seq)). Login token, shown this once:\n\n    \(token)\n\n"
                    )
                    note(
                        "Give it to \(shown) privately; they sign in to `claimledger serve` with it. Lost? Revoke this name and add the person under a new one."
                    )
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List every reviewer ever added, oldest first.")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.openForReading()
                    var listing = ReviewerListing.listing(format: output.format, styling: .forStandardOutput())
                    out(listing.render(try l.reviewers()))
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Revoke a reviewer: their token stops signing in (their open sessions end); their decisions stay theirs."
            )
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var reviewer: ReviewerOptions
            @Argument(help: "The reviewer's name.") var name: String

            func run() throws {
                try runReportingErrors {
                    let l = try ledger.open(create: false)
                    let entry = try l.revokeReviewer(name, revokedBy: reviewer.name)
                    out(
                        "reviewer \(VisibleText.visible(name.trimmingCharacters(in: .whitespacesAndNewlines))) revoked (entry \(entry.seq))\n"
                    )
                }
            }
        }
    }
}
