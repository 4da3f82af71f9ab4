import Foundation
import LedgerStore
import Reports

/// `claimledger review`: the claims of a queue one at a time, each decided with one key. Every
/// decision is one entry, made by the same library calls as `verify`, `dispute`, `note`, `correct`
/// and `dismiss` (and `a`, a quote's attribution check, as `attribution`). The evidence (or reason) typed last is offered again for the next item, on Tab
/// only (shown in full before Enter records it); `u` undoes the session's last decision.
public final class ReviewSession {
    public let ledger: Ledger
    public let reviewer: String
    let terminal: ReviewTerminal
    let styling: Styling
    /// The queue, fixed when the session starts (a claim decided elsewhere meanwhile still shows, as it now stands).
    let queue: [String]
    var position = 0
    var lastEvidence: String?
    var lastReason: String?
    /// The attribution of the quote on screen, as shown (a colleague's check since is refused).
    var shownAttribution: AttributionVerdict?
    /// The status of the claim on screen, as shown: a decision a colleague recorded since is not
    /// silently replaced (the claim is shown again, as it now stands).
    var shownStatus: ClaimStatus?
    /// Its speaker as shown: a correction a colleague made since is not silently replaced.
    var shownSpeaker: String?
    /// The decisions this session recorded, last on top, for `u`: the claim, the status it recorded.
    var undoable: [(claimID: String, status: ClaimStatus)] = []
    /// What the session recorded: one line per entry, for the summary at the end.
    public private(set) var recorded: [String] = []

    public init(ledger: Ledger, filter: ClaimFilter, reviewer: String, terminal: ReviewTerminal, styling: Styling)
        throws
    {
        self.ledger = ledger
        self.reviewer = reviewer
        self.terminal = terminal
        self.styling = styling
        queue = try ledger.claims(filter).map(\.claimID)
    }

    static let help =
        "[v]erify  [d]ispute  [a] said as quoted?  [n]ote  [s]peaker  [x] dismiss  [u]ndo  [space] skip  [b]ack  [q]uit  [?] help"
    static let attributionKeys = "Said as quoted? [c]onfirmed  [m]isquoted  [o]ut of context  [n]ot said  (Esc cancels)"

    /// Runs until the queue ends or the reviewer quits; returns how many entries were recorded.
    @discardableResult
    public func run() -> Int {
        guard !queue.isEmpty else {
            terminal.write("Nothing to review: no claim matches.\r\n")
            return 0
        }
        loop: while position < queue.count {
            show()
            guard let key = terminal.readByte() else { break }
            switch ReviewAction(key: key) {
            case .quit: break loop
            case .skip: position += 1
            case .back: position = max(0, position - 1)
            case .help:
                terminal.write(ReviewSession.help + "\r\n")
                continue loop
            case .undo: undo()
            case .decide(let action): if !perform(action) { break loop }
            case nil: terminal.write("Unknown key. " + ReviewSession.help + "\r\n")
            }
        }
        terminal.write(
            "\r\nReviewed \(min(position, queue.count)) of \(queue.count); \(recorded.count) entr\(recorded.count == 1 ? "y" : "ies") recorded.\r\n"
        )
        return recorded.count
    }

    /// The item in its paragraph, with its speaker, source, score and history.
    func show() {
        let id = queue[position]
        terminal.write("\r\n" + styling.bold("── \(position + 1) of \(queue.count) ──") + "\r\n")
        do {
            let claim = try ledger.claim(id: id)
            shownAttribution = claim.attribution
            shownStatus = claim.status
            shownSpeaker = claim.speaker
            let detail = ClaimDetail.text(
                claim, source: try ledger.source(id: claim.sourceID),
                history: try ledger.history(claimID: id), styling: styling,
                matches: try ledger.claimMatches(of: claim))
            terminal.write(Wrapping.wrap(detail, width: terminal.width).replacingOccurrences(of: "\n", with: "\r\n"))
        } catch {
            terminal.write("Cannot read this claim: \(error)\r\n")
        }
        terminal.write(styling.dim(ReviewSession.help) + "\r\n> ")
    }

    /// Asks what the action needs and records it. False when the reviewer quit at a prompt.
    func perform(_ action: ReviewAction.Decision) -> Bool {
        terminal.write("\r\n")
        let id = queue[position]
        var verdict: AttributionVerdict?
        if action == .attribution {
            terminal.write(ReviewSession.attributionKeys + "\r\n> ")
            guard let key = terminal.readByte() else { return false }
            verdict = ReviewSession.attribution(key: key)
            guard verdict != nil else {
                terminal.write("\r\nNothing recorded.\r\n")
                return true
            }
            terminal.write("\r\n")
        }
        let answer: PromptAnswer
        switch action {
        case .attribution: answer = terminal.prompt("Evidence of what was said (recording, transcript)")
        case .verify, .dispute: answer = terminal.prompt("Evidence (URL or citation)", offer: lastEvidence)
        case .dismiss: answer = terminal.prompt("Why dismiss it", offer: lastReason)
        case .note: answer = terminal.prompt("Note")
        case .speaker: answer = terminal.prompt("Right speaker (empty: none)")
        }
        guard case .text(let text) = answer else { return answer != .quit }
        do {
            let entry =
                try verdict.map { try checkAttribution($0, id: id, evidence: text) }
                ?? record(action, id: id, text: text)
            recorded.append(entry)
            terminal.write(styling.bold("✓ ") + entry + "\r\n")
            position += 1
        } catch {
            terminal.write("Not recorded: \(ReviewSession.message(error))\r\n")
        }
        return true
    }

    func record(_ action: ReviewAction.Decision, id: String, text: String) throws -> String {
        let short = try ledger.claim(id: id).shortID
        switch action {
        case .verify, .dispute, .dismiss:
            let status: ClaimStatus = action == .verify ? .verified : action == .dispute ? .disputed : .dismissed
            let decision = try ledger.decide(
                claimIDs: [id], Verdict(status, grounds: text), reviewer: reviewer, expecting: shownStatus)[0]
            if status == .dismissed { lastReason = text } else { lastEvidence = text }
            undoable.append((id, status))
            return "\(short) → \(status.rawValue) (entry \(decision.entry.seq))"
        case .note:
            return "\(short) note added (entry \(try ledger.addNote(claimID: id, text: text, reviewer: reviewer).seq))"
        case .attribution:
            throw LedgerError.refused("choose how it was said first")
        case .speaker:
            let entry = try ledger.correct(
                claimID: id, field: .speaker, value: text.isEmpty ? nil : text,
                reason: "corrected during review", reviewer: reviewer, expecting: FieldValue(shownSpeaker))
            return "\(short) speaker corrected (entry \(entry.seq))"
        }
    }

    /// Records the quote's attribution check, refused if a colleague checked it since it was shown.
    func checkAttribution(_ verdict: AttributionVerdict, id: String, evidence: String) throws -> String {
        let claim = try ledger.claim(id: id)
        let check = try ledger.checkAttribution(
            claimID: id, verdict, evidence: evidence, reviewer: reviewer,
            expecting: shownAttribution, checkConflicts: true)
        return "\(claim.shortID) said as quoted? → \(verdict.argument) (entry \(check.entry.seq))"
    }

    /// The attribution verdict a key chooses, or nil (Esc, anything else).
    static func attribution(key: UInt8) -> AttributionVerdict? {
        switch key {
        case UInt8(ascii: "c"): return .confirmed
        case UInt8(ascii: "m"): return .misquoted
        case UInt8(ascii: "o"): return .outOfContext
        case UInt8(ascii: "n"): return .notSaid
        default: return nil
        }
    }

    /// Reopens the claim of the session's last decision ("undone in review"), unless a colleague
    /// decided it since (then nothing is recorded and the session says who); goes back to that claim.
    func undo() {
        guard let last = undoable.popLast() else {
            terminal.write("\r\nNothing to undo: this session has recorded no decision.\r\n")
            return
        }
        do {
            let short = try ledger.claim(id: last.claimID).shortID
            let reopened = try ledger.decide(
                claimIDs: [last.claimID], Verdict(.unverified, reason: "undone in review"),
                reviewer: reviewer, expecting: last.status)[0]
            recorded.append("\(short) → unverified: undone (entry \(reopened.entry.seq))")
            terminal.write("\r\n" + styling.bold("↶ ") + recorded.last! + "\r\n")
            position = queue.firstIndex(of: last.claimID) ?? position
        } catch {
            terminal.write("\r\nNot undone: \(ReviewSession.message(error))\r\n")
        }
    }

    static func message(_ error: Error) -> String {
        if case LedgerError.conflict(let conflict) = error { return meanwhile(conflict) }
        return (error as? LedgerError)?.errorDescription ?? "\(error)"
    }

    /// A colleague's decision or check recorded while the claim was on screen, in the session's
    /// words (the command line's name its `--expect` flags, which a session has none of).
    static func meanwhile(_ c: Conflict) -> String {
        let now: String
        switch c.field {
        case .attribution:
            now =
                "recorded “\(c.found.flatMap(AttributionVerdict.init(rawValue:))?.label ?? "Unconfirmed")” for how it was said"
        case .speaker: now = "changed the speaker to " + (c.found.map { "“\($0)”" } ?? "none")
        default: now = "recorded “\(c.found ?? ClaimStatus.unverified.rawValue)”"
        }
        let entry = c.entry.map { " (entry \($0))" } ?? ""
        return "while it was on screen, \(c.by ?? "someone") \(now)\(entry). "
            + "It is shown again as it now stands: decide again if you still disagree."
    }
}

/// What a key does.
enum ReviewAction: Equatable {
    enum Decision: Equatable { case verify, dispute, attribution, note, speaker, dismiss }
    case decide(Decision)
    case skip, back, quit, help, undo

    init?(key: UInt8) {
        switch key {
        case UInt8(ascii: "v"): self = .decide(.verify)
        case UInt8(ascii: "d"): self = .decide(.dispute)
        case UInt8(ascii: "a"): self = .decide(.attribution)
        case UInt8(ascii: "n"): self = .decide(.note)
        case UInt8(ascii: "s"): self = .decide(.speaker)
        case UInt8(ascii: "x"): self = .decide(.dismiss)
        case UInt8(ascii: "u"): self = .undo
        case UInt8(ascii: " "), UInt8(ascii: "j"): self = .skip
        case UInt8(ascii: "b"), UInt8(ascii: "k"): self = .back
        case UInt8(ascii: "q"), Key.interrupt, Key.endOfInput: self = .quit
        case UInt8(ascii: "?"), UInt8(ascii: "h"): self = .help
        default: return nil
        }
    }
}
