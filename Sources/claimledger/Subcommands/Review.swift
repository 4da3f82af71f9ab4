import ArgumentParser
import LedgerStore
import Reports

/// What every command that decides takes: the ledger, the reviewer, the claims, a note, and
/// `--expect-status`.
struct DecisionTarget: ParsableArguments {
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var reviewer: ReviewerOptions
    @Argument(
        help: ArgumentHelp(
            "The claims' IDs (c-…, or any unique prefix).",
            discussion: "Several IDs are decided in one transaction: all of them, or none when one is unknown."))
    var ids: [String]
    @Option(help: "A note to keep with the decision.") var note: String?
    @Option(
        help: ArgumentHelp(
            "Refuse (exit 4, nothing recorded) unless every claim still has this status: for scripts, so a decision never overrides one made meanwhile.",
            valueName: "status"))
    var expectStatus: ClaimStatus?

    /// Records `verdict` on the claims and prints one line per claim, with the decision it replaced.
    func record(_ verdict: Verdict) throws {
        try runReportingErrors {
            let l = try ledger.open(create: false)
            let claimIDs = Ledger.distinct(try ids.map(l.resolveClaimID))
            let firstAsLoginName = try reviewer.isLoginName && !l.hasDecisions(by: reviewer.name)
            let decisions = try l.decide(claimIDs: claimIDs, verdict, reviewer: reviewer.name, expecting: expectStatus)
            if firstAsLoginName {
                claimledger.note(
                    "note: recorded as “\(reviewer.name)”, your login name (said once). To record under your own name, pass --reviewer NAME or set CLAIMLEDGER_REVIEWER=NAME."
                )
            }
            for decision in decisions {
                let claim = try l.claim(id: decision.claimID)
                let rated = claim.rating.map { " as \"\($0)\"" } ?? ""
                var line =
                    "\(claim.shortID)  → \(verdict.status.rawValue)\(rated) (entry \(decision.entry.seq), by \(claim.reviewer ?? reviewer.name))"
                if let was = decision.replaced { line += "; " + replacedPhrase(was, now: decision.entry) }
                out(line + "\n")
            }
        }
    }
}

/// What a decision or a check replaced, as its line says it: "was verified by ann 4 s ago (entry 53)".
func replacedPhrase(_ was: HistoryEvent, now: Entry) -> String {
    let ago = Elapsed.between(was.recordedAt, now.recordedAt).map { "\($0) ago" } ?? "at \(was.recordedAt)"
    let verdict = was.verdict?.status.rawValue ?? was.attributionVerdict?.argument ?? "?"
    return "was \(verdict) by \(was.reviewer ?? "?") \(ago) (entry \(was.seq))"
}

/// What `verify` and `dispute` add: the evidence, and a rating label.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var target: DecisionTarget
    @Option(help: "The evidence: a URL or a citation. Required.") var evidence: String?
    @Option(
        help: ArgumentHelp(
            "A label of the ledger's rating scale (`claimledger ratings`), e.g. \"Mostly true\"; it must mean this verdict.",
            valueName: "label"))
    var rating: String?

    func record(_ status: ClaimStatus) throws {
        try target.record(Verdict(status, grounds: evidence, note: target.note, rating: rating))
    }
}

extension ClaimLedgerCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark claims verified, with the evidence.",
            discussion:
                "Example: claimledger verify c-1a2b3c c-4d5e6f --evidence \"https://example.org/report\" --note \"Matches table 2\""
        )
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
        @Argument(
            help: ArgumentHelp(
                "The claims' IDs (c-…, or any unique prefix), then the note.",
                discussion: "Several IDs get the same note in one transaction, all or none."))
        var idsThenText: [String]

        func validate() throws {
            if idsThenText.count < 2 {
                throw ValidationError(
                    "Give at least one claim ID and then the note, e.g. claimledger note c-1a2b3c \"Called the ministry\"."
                )
            }
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
            abstract:
                "Correct a claim's speaker, cue, via or text, or a source's title, outlet, author, date or URL; the original stays in the history.",
            discussion: """
                A claim: one field at a time. A source (s-…): any of its fields at once, one entry each; its text never changes.
                An empty value ("") means "not known" (a title cannot be emptied).
                Examples: claimledger correct c-1a2b3c --speaker "Vladimir Putin" --reason "Pronoun resolved wrongly"
                          claimledger correct s-9f8e7d --title "Putin visits Hanoi" --outlet Reuters --reason "From the article's page"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var reviewer: ReviewerOptions
        @Argument(help: "The claim's ID (c-…) or source's (s-…), or any unique prefix of it.") var id: String
        @Option(help: "The right speaker.") var speaker: String?
        @Option(help: "The right attribution words.") var cue: String?
        @Option(help: "The right relaying outlet.") var via: String?
        @Option(help: "The right text.") var text: String?
        @OptionGroup var source: SourceFieldOptions
        @Option(help: "Why it is corrected. Required.") var reason: String

        var isSource: Bool { id.lowercased().hasPrefix("s-") }

        func validate() throws {
            let given = [speaker, cue, via, text].compactMap { $0 }.count
            if isSource {
                if given > 0 || source.changes.isEmpty {
                    throw ValidationError(
                        "A source's fields are --title, --outlet, --author, --published and --url; give at least one.")
                }
            } else if given != 1 || !source.changes.isEmpty {
                throw ValidationError(
                    "Correct one field of a claim at a time: give exactly one of --speaker, --cue, --via, --text (--title and the like are for a source, s-…)."
                )
            }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                if isSource {
                    let sourceID = try l.resolveSourceID(id)
                    let entries = try l.correctSource(
                        sourceID: sourceID, changes: source.changes, reason: reason, reviewer: reviewer.name)
                    let short = try l.source(id: sourceID).shortID
                    for ((field, _), entry) in zip(source.changes, entries) {
                        out("\(short)  \(field.rawValue) corrected (entry \(entry.seq))\n")
                    }
                    return
                }
                let claimID = try l.resolveClaimID(id)
                let (field, value): (CorrectionField, String?) =
                    speaker.map { (.speaker, $0) } ?? cue.map { (.cue, $0) }
                    ?? via.map { (.via, $0) } ?? (.text, text)
                let entry = try l.correct(
                    claimID: claimID, field: field, value: value?.isEmpty == true ? nil : value,
                    reason: reason, reviewer: reviewer.name)
                out("\(try l.claim(id: claimID).shortID)  \(field.rawValue) corrected (entry \(entry.seq))\n")
            }
        }
    }
}

/// The fields of a source `correct s-…` sets.
struct SourceFieldOptions: ParsableArguments {
    @Option(help: "A source's right title.") var title: String?
    @Option(help: "A source's right outlet.") var outlet: String?
    @Option(help: "A source's right author.") var author: String?
    @Option(help: "A source's right publication date.") var published: String?
    @Option(help: "A source's right URL.") var url: String?

    var changes: [(SourceField, String?)] {
        [(.title, title), (.outlet, outlet), (.author, author), (.published, published), (.url, url)]
            .compactMap { field, value in value.map { (field, $0) } }
    }
}
