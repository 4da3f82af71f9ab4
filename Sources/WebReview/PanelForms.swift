import Foundation
import LedgerStore

/// The forms of a claim's panel, each at `/c/ID/…` with its own type (`DeskForms.swift`): recorded
/// under the signed-in reviewer, then back where the form was sent from with a notice; a refusal
/// shows the claim again with what was typed kept and the reason beside it.
extension Desk {
    enum PanelOutcome {
        case recorded(notice: String)
        case answer(WebResponse)
    }

    func panelForm(
        _ typed: String, back: String?, _ r: WebRequest, _ s: DeskSession,
        _ record: (_ claimID: String) throws -> PanelOutcome
    ) throws -> WebResponse {
        let claimID = try ledger.resolveClaimID(typed)
        let outcome: PanelOutcome
        do {
            outcome = try record(claimID)
        } catch let error as LedgerError {
            guard let refused = DeskWords.refusal(error) else { throw error }
            return try claimPage(typed, r, s, error: refused.words, status: refused.status)
        }
        switch outcome {
        case .answer(let page): return page
        case .recorded(let notice):
            return .redirect(Desk.withNotice(back.flatMap(Desk.localPath) ?? "/c/\(typed)", notice))
        }
    }

    /// The decision: only its Record button records, with a choice made; a colleague's verdict it
    /// would replace is named and asked about once (409); a status changed meanwhile is refused.
    public func decide(_ typed: String, _ form: DecisionForm, _ r: WebRequest, _ s: DeskSession) throws
        -> WebResponse
    {
        try panelForm(typed, back: form.back, r, s) { claimID in
            let status = try Desk.chosenDecision(form)
            let notice = status == .unverified ? "reopened" : status.rawValue
            let verdict = Verdict(
                status, grounds: DecisionForm.entered(form.evidence), note: DecisionForm.entered(form.note),
                rating: DecisionForm.entered(form.rating))
            let history = try ledger.history(claimID: claimID)  // read once, for both questions
            if Desk.isResent(history, .decision(verdict), seen: form.expect ?? ClaimStatus.unverified.rawValue, s) {
                return .recorded(notice: notice)
            }
            if let replaced = Desk.colleaguesVerdict(history, form, s) {
                var confirm = r
                confirm.form["replace"] = String(replaced.seq)
                return .answer(try claimPage(typed, confirm, s, error: DeskWords.replacing(replaced), status: 409))
            }
            _ = try ledger.decide(
                claimIDs: [claimID], verdict, reviewer: s.reviewer,
                expecting: form.expect.flatMap(ClaimStatus.init(rawValue:)))
            return .recorded(notice: notice)
        }
    }

    /// Whether a form sends again the reviewer's own last change of its kind (a double click, the
    /// back button): `change` is that very change, made by them since the page was shown (which saw
    /// `seen`: a status, an attribution verdict, a speaker; "" for none). Its success is the answer
    /// and nothing more is recorded; the same reviewer sending anything else from the old page is
    /// asked to read what changed, as for a colleague's. `history` is the claim's.
    static func isResent(_ history: [HistoryEvent], _ change: HistoryEvent.Change, seen: String, _ s: DeskSession)
        -> Bool
    {
        guard let last = history.last(where: { Desk.sameKind($0.change, change) }),
            last.change == change, last.reviewer == s.reviewer
        else { return false }
        return Desk.shownValue(change) != seen
    }

    static func sameKind(_ a: HistoryEvent.Change, _ b: HistoryEvent.Change) -> Bool {
        switch (a, b) {
        case (.decision, .decision), (.attribution, .attribution): return true
        case (.correction(let f, _, _), .correction(let g, _, _)): return f == g
        default: return false
        }
    }

    /// What the page shows of a change, as its form's `expect…` field gives it.
    static func shownValue(_ change: HistoryEvent.Change) -> String {
        switch change {
        case .decision(let verdict): return verdict.status.rawValue
        case .attribution(let verdict, _, _): return verdict.rawValue
        case .correction(_, let value, _): return value ?? ""
        default: return ""
        }
    }

    public func addNote(_ typed: String, _ form: NoteForm, _ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        try panelForm(typed, back: form.back, r, s) { claimID in
            let text = NoteForm.entered(form.text) ?? ""
            // Sent twice (a double click): the claim's last entry is already this reviewer's same note.
            let last = try ledger.history(claimID: claimID).last
            if let last, last.change == .note(text), last.reviewer == s.reviewer { return .recorded(notice: "note") }
            _ = try ledger.addNote(claimID: claimID, text: text, reviewer: s.reviewer)
            return .recorded(notice: "note")
        }
    }

    /// The speaker correction, refused if a colleague corrected the speaker since the page.
    public func correctSpeaker(_ typed: String, _ form: SpeakerForm, _ r: WebRequest, _ s: DeskSession) throws
        -> WebResponse
    {
        try panelForm(typed, back: form.back, r, s) { claimID in
            let value = SpeakerForm.entered(form.value)
            let reason = SpeakerForm.entered(form.reason) ?? ""
            let change = HistoryEvent.Change.correction(field: .speaker, value: value, reason: reason)
            if let seen = form.expectSpeaker, Desk.isResent(try ledger.history(claimID: claimID), change, seen: seen, s)
            {
                return .recorded(notice: "speaker")
            }
            _ = try ledger.correct(
                claimID: claimID, field: .speaker, value: value, reason: reason, reviewer: s.reviewer,
                expecting: form.expectSpeaker.map { FieldValue($0.isEmpty ? nil : $0) })
            return .recorded(notice: "speaker")
        }
    }

    /// How a quote was said: only its Record button records, only with a verdict chosen; a check a
    /// colleague recorded since the page was shown is refused.
    public func checkAttribution(_ typed: String, _ form: AttributionForm, _ r: WebRequest, _ s: DeskSession)
        throws -> WebResponse
    {
        try panelForm(typed, back: form.back, r, s) { claimID in
            guard form.record == "1" else {
                throw LedgerError.refused(
                    "Nothing was recorded: choose how the quote was said and press Record attribution.")
            }
            guard let verdict = form.verdict.flatMap(AttributionVerdict.init(rawValue:)) else {
                throw LedgerError.refused(
                    "Choose Said as quoted, Misquoted, Out of context or Not said, then press Record attribution. Nothing was recorded."
                )
            }
            // The check the reviewer saw (empty: never checked); a colleague's since is refused.
            let seen = form.expectAttribution.flatMap { $0.isEmpty ? nil : AttributionVerdict(rawValue: $0) }
            let evidence = AttributionForm.entered(form.evidence) ?? ""
            let note = AttributionForm.entered(form.note)
            let change = HistoryEvent.Change.attribution(verdict: verdict, evidence: evidence, note: note)
            if Desk.isResent(try ledger.history(claimID: claimID), change, seen: seen?.rawValue ?? "", s) {
                return .recorded(notice: "attribution")
            }
            try ledger.checkAttribution(
                claimID: claimID, verdict, evidence: evidence, note: note, reviewer: s.reviewer, expecting: seen,
                checkConflicts: true)
            return .recorded(notice: "attribution")
        }
    }

    /// The colleague's verdict a decision would replace, unless the form already confirmed
    /// replacing exactly that one (`replace` = its entry): asked once, before anything is written.
    /// `history` is the claim's.
    static func colleaguesVerdict(_ history: [HistoryEvent], _ form: DecisionForm, _ s: DeskSession) -> HistoryEvent? {
        guard let last = history.last(where: { $0.event == .status }),
            let status = last.verdict?.status, status != .unverified, let by = last.reviewer, by != s.reviewer,
            form.expect == status.rawValue,  // else it changed meanwhile: the ledger refuses it
            form.replace != String(last.seq)
        else { return nil }
        return last
    }

    /// The decision a form chose: only the Record button records (Enter in a field sends no
    /// button), only with a choice made, and a rating only with Verified or Disputed.
    static func chosenDecision(_ form: DecisionForm) throws -> ClaimStatus {
        guard form.record == "1" else {
            throw LedgerError.refused("Nothing was recorded: choose a decision and press Record decision.")
        }
        guard let status = form.status.flatMap(ClaimStatus.init(rawValue:)) else {
            throw LedgerError.refused(
                "Choose Verified, Disputed, Dismissed or Reopen, then press Record decision. Nothing was recorded.")
        }
        return status
    }
}
