import Foundation
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

@testable import Reports
@testable import ReviewSession

/// Keys typed in advance, and what the session wrote.
final class ScriptedTerminal: ReviewTerminal {
    var keys: [UInt8]
    var output = ""
    let width = 60
    /// Runs once, before the key at this place (0: the first) is read: a colleague acting meanwhile.
    var before: (key: Int, run: () throws -> Void)?
    private var read = 0
    init(_ typed: String) { keys = Array(typed.utf8) }
    func readByte() -> UInt8? {
        if let before, before.key == read { try? before.run() }
        read += 1
        return keys.isEmpty ? nil : keys.removeFirst()
    }
    func write(_ text: String) { output += text }
}

@Suite("Review session (library)")
struct ReviewSessionTests {
    /// A ledger with three claims in one source, scored 0.9, 0.5 and 0.1.
    func ledger(_ dir: TemporaryDirectory) throws -> (Ledger, [String]) {
        let ledger = try makeTemporaryLedger(in: dir)
        let text = "Prices rose 5 percent in 2023. Exports fell by half. Imports doubled."
        let source = SourcePayload(
            sourceID: Identifiers.sourceID(text: text), sha256: nil, title: "Trade", outlet: nil,
            author: nil, published: nil, url: nil, text: text)
        let spans = [(0, 30, 0.9), (31, 51, 0.5), (52, 68, 0.1)]
        let claims = spans.map { start, end, score in
            let words = String(text.unicodeScalars.dropFirst(start).prefix(end - start))
            return ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "claim", start: start, end: end, text: words),
                sourceID: source.sourceID, kind: .claim, text: words, speaker: "Jane Doe", claimType: "statistic",
                score: score, start: start, end: end)
        }
        try ledger.write { db in
            try ledger.recordSource(db, source)
            for c in claims { try ledger.recordClaim(db, c) }
        }
        return (ledger, claims.map(\.claimID))
    }

    func session(_ ledger: Ledger, _ keys: String) throws -> (ReviewSession, ScriptedTerminal) {
        let terminal = ScriptedTerminal(keys)
        let session = try ReviewSession(
            ledger: ledger, filter: ClaimFilter(status: .unverified, order: .score),
            reviewer: "ann", terminal: terminal, styling: .plain)
        return (session, terminal)
    }

    @Test func eachKeyIsOneEntryAndEvidenceIsReusedOnlyOnTab() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        // verify with evidence; verify the next with Tab (the same evidence, typed out) and Enter; dismiss the third.
        let (session, terminal) = try session(ledger, "vhttps://stats.example\rv\t\rxopinion\r")
        #expect(session.run() == 3)
        #expect(try ledger.claim(id: ids[0]).status == .verified)
        #expect(try ledger.claim(id: ids[1]).evidence == "https://stats.example")
        #expect(try ledger.claim(id: ids[2]).status == .dismissed)
        #expect(try ledger.claim(id: ids[2]).reviewer == "ann")
        #expect(terminal.output.contains("1 of 3") && terminal.output.contains("[[Prices rose 5 percent in 2023.]]"))
        #expect(
            terminal.output.contains(
                "Evidence (URL or citation) (Tab: \u{201C}https://stats.example\u{201D} again): https://stats.example"))
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    /// Issue 33: `a` checks a quote on its second axis (said as quoted?), with evidence; a claim
    /// has no speaker to check, and Esc at the choice records nothing.
    @Test func aChecksWhetherAQuoteWasSaidAsQuoted() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let source = try #require(try ledger.sources().first).source.source
        let quote = ClaimPayload(
            claimID: Identifiers.claimID(
                sourceID: source.sourceID, kind: "quote", start: 31, end: 51, text: "Exports fell by half."),
            sourceID: source.sourceID, kind: .quote, text: "Exports fell by half.", speaker: "Jane Doe", start: 31,
            end: 51)
        try ledger.write { db in _ = try ledger.recordClaim(db, quote) }
        // On the first claim: a, c, evidence → refused; Esc at the choice; then skip to the quote (last: no score).
        let (session, terminal) = try session(ledger, "acx\ra\u{1B}   amhttps://tape.example/1\r")
        #expect(session.run() == 1)
        #expect(terminal.output.contains("not a quote") && terminal.output.contains("Said as quoted? [c]onfirmed"))
        #expect(try ledger.claim(id: quote.claimID).attribution == .misquoted)
        #expect(try ledger.claim(id: ids[0]).attribution == nil)
        #expect(terminal.output.contains("said as quoted? → misquoted"))
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    /// Issue 29: one Enter reused the previous claim's evidence for an unrelated claim. Enter on an
    /// empty evidence line records nothing, whatever was typed before.
    @Test func enterAloneNeverReusesEvidence() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, terminal) = try session(ledger, "vhttps://stats.example\rv\rq")
        #expect(session.run() == 1)
        #expect(try ledger.claim(id: ids[1]).status == .unverified)
        #expect(terminal.output.contains("Not recorded"))
        #expect(try ledger.head().seq == 5)
    }

    /// `u` reopens the session's last decision ("undone in review") and goes back to that claim.
    @Test func undoReopensTheLastDecisionAndGoesBackToIt() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, terminal) = try session(ledger, "vhttps://stats.example\rxopinion\ruuuq")
        #expect(session.run() == 4)
        #expect(try ledger.claim(id: ids[0]).status == .unverified && ledger.claim(id: ids[1]).status == .unverified)
        #expect(try ledger.history(claimID: ids[1]).last?.evidence == "undone in review")
        #expect(terminal.output.contains("Nothing to undo"))
        // The first claim shows at the start, after the second undo, and after "nothing to undo".
        #expect(
            terminal.output.components(separatedBy: "── 1 of 3 ──").count - 1 == 3,
            "back to the first claim after undoing")
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    /// A colleague who decided the claim after this session did keeps their decision: undo refuses.
    @Test func undoNeverReplacesAColleaguesLaterDecision() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, terminal) = try session(ledger, "vhttps://stats.example\rq")
        #expect(session.run() == 1)
        _ = try ledger.decide(
            claimIDs: [ids[0]], Verdict(.disputed, evidence: "https://other.example"), reviewer: "tomas")
        session.undo()
        #expect(try ledger.claim(id: ids[0]).status == .disputed)
        #expect(terminal.output.contains("Not undone") && terminal.output.contains("tomas"), "\(terminal.output)")
    }

    /// A colleague decides the claim on screen (the desk, `verify`): the session's decision on the
    /// claim as it was shown is not recorded over theirs; the claim is shown again as it stands.
    @Test func aColleaguesDecisionMeanwhileIsNeverSilentlyReplaced() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, terminal) = try session(ledger, "vhttps://stats.example\rq")
        terminal.before = (
            key: 1,
            run: {
                _ = try ledger.decide(
                    claimIDs: [ids[0]], Verdict(.disputed, evidence: "https://other.example"), reviewer: "tomas")
            }
        )
        #expect(session.run() == 0)
        #expect(try ledger.claim(id: ids[0]).status == .disputed)
        #expect(
            terminal.output.contains("Not recorded: while it was on screen, tomas recorded “disputed” (entry "),
            "\(terminal.output)")
        #expect(terminal.output.components(separatedBy: "── 1 of 3 ──").count - 1 == 2, "shown again")
    }

    /// The same for the speaker: a colleague's correction made while the claim was on screen stays.
    @Test func aColleaguesSpeakerCorrectionMeanwhileIsNeverSilentlyReplaced() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, terminal) = try session(ledger, "sJohn Doe\rq")
        terminal.before = (
            key: 1,
            run: {
                _ = try ledger.correct(
                    claimID: ids[0], field: .speaker, value: "Statistics Office", reason: "the table", reviewer: "tomas"
                )
            }
        )
        #expect(session.run() == 0)
        #expect(try ledger.claim(id: ids[0]).speaker == "Statistics Office")
        #expect(
            terminal.output.contains("while it was on screen, tomas changed the speaker to “Statistics Office”"),
            "\(terminal.output)")
    }

    @Test func escapeCancelsAndQuitAtAPromptRecordsNothing() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        let (session, _) = try session(ledger, "vhalf typed\u{1B}d\u{3}")
        #expect(session.run() == 0)
        #expect(try ledger.claims(ClaimFilter(status: .unverified)).count == 3)
        #expect(try ledger.head().seq == 4)
        _ = ids
    }

    @Test func skipBackNoteAndSpeaker() throws {
        let dir = TemporaryDirectory()
        let (ledger, ids) = try ledger(dir)
        // skip to the second, back to the first, note it, correct the second's speaker (typed with a
        // backspace and a non-ASCII letter), quit.
        let (session, terminal) = try session(ledger, " bnCalled the ministry\rsMinistry of Tradx\u{7F}e, Zoë\rq")
        #expect(session.run() == 2)
        #expect(try ledger.history(claimID: ids[0]).last?.noteText == "Called the ministry")
        #expect(try ledger.claim(id: ids[1]).speaker == "Ministry of Trade, Zoë")
        #expect(terminal.output.contains("Reviewed 2 of 3"))
    }

    @Test func wrappingKeepsWordsWholeAndIgnoresColourCodes() {
        let line = "  " + String(repeating: "word ", count: 20) + "\u{1B}[1mbold\u{1B}[0m"
        let wrapped = Wrapping.wrap(line, width: 30).split(separator: "\n")
        #expect(wrapped.count > 1)
        #expect(wrapped.allSatisfy { Wrapping.visibleCount($0) <= 30 && $0.hasPrefix("  ") })
        #expect(wrapped.joined(separator: " ").split(separator: " ").count == 21)
    }
}
