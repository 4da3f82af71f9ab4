import LedgerStore

/// How a history entry is written: one wording per change for `show` (claims and sources), and the
/// fields `show --format json` has always given.
extension HistoryEvent {
    /// What changed, in `show`'s history: `→ verified "True"  evidence: …  note: …`, `note: …`,
    /// `corrected speaker: Jane Roe — misread`, `said as quoted? misquoted  evidence: …`.
    var changeText: String {
        switch change {
        case .recorded:
            return "recorded"
        case .decision(let v):
            return "→ \(v.status.rawValue)" + (v.rating.map { " \"\($0)\"" } ?? "")
                + "  \(ClaimDetail.grounds(v.status.rawValue)): \(v.grounds ?? "")"
                + (v.note.map { "  note: \($0)" } ?? "")
        case .note(let text):
            return "note: \(text)"
        case .correction(let field, let value, let reason):
            return "corrected \(field.rawValue): " + HistoryEvent.corrected(value, reason)
        case .sourceCorrection(let field, let value, let reason):
            return "corrected \(field.rawValue): " + HistoryEvent.corrected(value, reason)
        case .attribution(let verdict, let evidence, let note):
            return "said as quoted? \(verdict.argument)  evidence: \(evidence)" + (note.map { "  note: \($0)" } ?? "")
        case .assignment(let assignee):
            return HistoryEvent.assignmentText(assignee)
        }
    }

    /// An assignment in words: "assigned to maria", "given back: nobody is on it".
    public static func assignmentText(_ assignee: String?) -> String {
        assignee.map { "assigned to \($0)" } ?? "given back: nobody is on it"
    }

    /// A correction's value and reason as one text: "Jane Roe — misread" ("(none)" for no value).
    public static func corrected(_ value: String?, _ reason: String) -> String { "\(value ?? "(none)") — \(reason)" }

    /// `show --format json`'s `status`: the new status, the attribution verdict, or the corrected field.
    var wireStatus: String? {
        switch change {
        case .recorded, .note: return nil
        case .decision(let v): return v.status.rawValue
        case .correction(let field, _, _): return field.rawValue
        case .sourceCorrection(let field, _, _): return field.rawValue
        case .attribution(let verdict, _, _): return verdict.rawValue
        case .assignment(let assignee): return assignee == nil ? "unassigned" : "assigned"
        }
    }

    /// `show --format json`'s `detail`: the evidence or reason, the note's text, or the corrected
    /// value and its reason.
    var wireDetail: String? {
        switch change {
        case .recorded: return nil
        case .decision(let v): return v.grounds
        case .note(let text): return text
        case .correction(_, let value, let reason), .sourceCorrection(_, let value, let reason):
            return HistoryEvent.corrected(value, reason)
        case .attribution(_, let evidence, _): return evidence
        case .assignment(let assignee): return assignee
        }
    }
}
