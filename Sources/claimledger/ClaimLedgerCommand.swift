import ArgumentParser

/// `claimledger`: keep every quote and claim of the articles you check, with its speaker,
/// source and verification status, in an append-only, hash-chained ledger.
@main
struct ClaimLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimledger",
        abstract: "Record, review and prove the quotes and claims of news articles.",
        discussion: """
            A ledger is one SQLite file (--db, $CLAIMLEDGER_DB, else ./claimledger.sqlite). Nothing in it is \
            ever updated or deleted: every change is a new, hash-chained entry that `audit` checks.

            A first session:
              claimledger ingest seeds/                    record the sample articles and what they claim
              claimledger list --status unverified         what is left to check
              claimledger verify c-1a2b3c --evidence URL   record a decision, with its evidence
              claimledger show c-1a2b3c                    the claim in its sentence, and its history
              claimledger audit                            prove nothing was rewritten

            Exit codes: 0 success, 1 audit failed, 3 unknown or ambiguous ID (or no ledger), \
            4 refused (missing evidence, invalid input), 5 ledger busy or damaged, 64 bad usage.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Extract.self, Ingest.self, Add.self, List.self, Show.self, Similar.self, Sources.self,
            Review.self, Verify.self, Dispute.self, AttributionCommand.self, Assign.self, Unassign.self,
            Reopen.self, Dismiss.self, Note.self, Correct.self, Import.self, Ratings.self, ReviewerCommand.self,
            Serve.self, Log.self, Audit.self, Report.self, Keygen.self, Keys.self, PublisherCommand.self,
            Checkpoint.self, Prove.self, Copy.self,
        ]
    )
}
