import ArgumentParser
import LedgerStore

/// What `verify` and `dispute` share.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var reviewer: ReviewerOptions
    @Argument(help: ArgumentHelp("The claims' IDs (c-…, or any unique prefix).",
                                 discussion: "Several IDs are decided in one transaction: all of them, or none when one is unknown."))
    var ids: [String]
    @Option(help: "The evidence: a URL or a citation. Required.") var evidence: String?
    @Option(help: "A note to keep with the decision.") var note: String?
    @Option(help: ArgumentHelp("Refuse (exit 4, nothing recorded) unless every claim still has this status: for scripts, so a decision never overrides one made meanwhile.", valueName: "status"))
    var expectStatus: ClaimStatus?

    func record(_ status: ClaimStatus) throws {
        try runReportingErrors {
            let l = try ledger.open(create: false)
            let claimIDs = Ledger.distinct(try ids.map(l.resolveClaimID))
            let decisions = try l.decide(claimIDs: claimIDs, to: status, evidence: evidence, note: note,
                                         reviewer: reviewer.name, expecting: expectStatus)
            for decision in decisions {
                let claim = try l.claim(id: decision.claimID)
                var line = "\(claim.shortID)  → \(status.rawValue) (entry \(decision.entry.seq), by \(claim.reviewer ?? reviewer.name))"
                if let was = decision.replaced {
                    line += "; was \(was.status ?? "?") by \(was.reviewer ?? "?") \(Elapsed.between(was.recordedAt, decision.entry.recordedAt)) (entry \(was.seq))"
                }
                out(line + "\n")
            }
        }
    }
}

extension ClaimLedgerCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark claims verified, with the evidence.",
            discussion: "Example: claimledger verify c-1a2b3c c-4d5e6f --evidence \"https://example.org/report\" --note \"Matches table 2\"")
        @OptionGroup var decision: DecisionOptions
        func run() throws { try decision.record(.verified) }
    }

    struct Dispute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark claims disputed, with the evidence.",
            discussion: "Example: claimledger dispute c-1a2b3c --evidence \"Ministry data, 2023 annual report, p. 4\"")
        @OptionGroup var decision: DecisionOptions
        func run() throws { try decision.record(.disputed) }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a note to claims.",
            discussion: "Example: claimledger note c-1a2b3c c-4d5e6f \"Asked the ministry for the 2023 table\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: ArgumentHelp("The claims' IDs (c-…, or any unique prefix), then the note.",
                                     discussion: "Several IDs get the same note in one transaction, all or none."))
        var idsThenText: [String]

        func validate() throws {
            if idsThenText.count < 2 { throw ValidationError("Give at least one claim ID and then the note, e.g. claimledger note c-1a2b3c \"Called the ministry\".") }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                let claimIDs = Ledger.distinct(try idsThenText.dropLast().map(l.resolveClaimID))
                let entries = try l.addNote(claimIDs: claimIDs, text: idsThenText.last!, reviewer: reviewer.name)
                for (claimID, entry) in zip(claimIDs, entries) {
                    out("\(try l.claim(id: claimID).shortID)  note added (entry \(entry.seq))\n")
                }
            }
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a claim's speaker, cue, via or text; the original stays in the history.",
            discussion: "Example: claimledger correct c-1a2b3c --speaker \"Vladimir Putin\" --reason \"Pronoun resolved wrongly\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: "The claim's ID (c-…), or any unique prefix of it.") var id: String
        @Option(help: "The right speaker.") var speaker: String?
        @Option(help: "The right attribution words.") var cue: String?
        @Option(help: "The right relaying outlet.") var via: String?
        @Option(help: "The right text.") var text: String?
        @Option(help: "Why it is corrected. Required.") var reason: String

        func validate() throws {
            let given = [speaker, cue, via, text].compactMap { $0 }.count
            if given != 1 { throw ValidationError("Correct one field at a time: give exactly one of --speaker, --cue, --via, --text.") }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                let claimID = try l.resolveClaimID(id)
                let (field, value): (CorrectionField, String?) = speaker.map { (.speaker, $0) } ?? cue.map { (.cue, $0) }
                    ?? via.map { (.via, $0) } ?? (.text, text)
                let entry = try l.correct(claimID: claimID, field: field, value: value?.isEmpty == true ? nil : value,
                                          reason: reason, reviewer: reviewer.name)
                out("\(try l.claim(id: claimID).shortID)  \(field.rawValue) corrected (entry \(entry.seq))\n")
            }
        }
    }
}
