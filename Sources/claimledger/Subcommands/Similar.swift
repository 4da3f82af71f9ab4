import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Similar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Has this been checked before? Claims like a claim, or like a text, best match first.",
            discussion: """
                Give a claim's ID to find claims like it in other sources, or --text to look up any sentence (a tweet, \
                a quote heard on air; its links are left out and its @handles and #hashtags read as words: \
                @BernieSanders as Bernie Sanders). Numbers, percentages, currencies and ordinals are compared as values \
                ("80%" = "eighty per cent", "$1.2bn" = "1.2 billion dollars", "fifth" = "5th"), words by their stem.
                Ranked by relevance (BM25 over the claim's text, speaker and source title, adjusted for matching \
                figures and speaker, and first of all a clause the two have in common); ALIKE is the share of the two \
                texts' distinctive words they have in common, marked * when a clause (three words or more) is the \
                same in both. SEEN says whether a result counts as seen before (`seen_before` in --format json; \
                `list --seen-before` lists the claims that repeat one), as decided by a model trained on \
                fact-checked claims and their repeats (README, "Claim matching quality"): how much of the shorter \
                text the other holds, a clause with a figure in common, how far the result leads the next. \
                Another article's sentence must also be at least 50% alike; a copy of the same text always \
                counts. A result with no distinctive word in common is not shown.
                Examples:
                  claimledger similar c-1a2b3c
                  claimledger similar --text "Putin is visiting Vietnam for the fifth time" --format json
                """)
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The claim's ID (c-…), or any unique prefix of it.") var id: String?
        @Option(help: "Look up this text instead of a recorded claim.") var text: String?
        @Option(parsing: .unconditional, help: "At most this many claims.") var limit: Int = 10
        @Option(help: ArgumentHelp("Only claims at least this alike (0–1).", valueName: "share"))
        var minSimilarity: Double = 0
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if (id == nil) == (text == nil) {
                throw ValidationError("Give a claim ID or --text \"…\" (one of the two).")
            }
            if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--text is empty.")
            }
            if limit < 1 { throw ValidationError("--limit must be 1 or more.") }
            if !(0...1).contains(minSimilarity) {
                throw ValidationError("--min-similarity is a share between 0 and 1.")
            }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let found: [SimilarClaim]
                if let id {
                    found = try l.similar(
                        toClaim: try l.resolveClaimID(id), limit: limit, minimumSimilarity: minSimilarity)
                } else {
                    found = try l.similar(
                        .lookingUp(text ?? "", limit: limit, minimumSimilarity: minSimilarity))
                }
                var listing = SimilarListing.listing(
                    format: output.format, styling: .forStandardOutput(),
                    terminalWidth: Styling.terminalWidth())
                out(listing.render(found.enumerated().map { ($0.offset + 1, $0.element) }))
            }
        }
    }
}
