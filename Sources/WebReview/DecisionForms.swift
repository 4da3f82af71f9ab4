import Foundation
import LedgerStore
import Reports

/// The claim panel's verdict as recorded, its history in full, and its decision form.
///
/// Enter in a text field never records anything: every form of the panel starts with a disabled,
/// hidden submit button, its "default button", and a browser's implicit submission clicks only
/// that one (HTML: a disabled default button makes implicit submission do nothing). The verdict is
/// an explicit choice (radio buttons, none chosen) recorded by the one "Record decision" button,
/// and the server records a decision only when that button sent it (`record=1`).
enum DecisionView {
    static let h = PageLayout.h

    /// A first button that swallows Enter in the form's text fields.
    static let enterGuard =
        "<button type=\"submit\" class=\"enter-guard\" disabled hidden aria-hidden=\"true\" tabindex=\"-1\"></button>"

    /// The choices of a decision, with their words on the desk.
    static func choices(current: ClaimStatus) -> [(ClaimStatus, String)] {
        var all: [(ClaimStatus, String)] = [
            (.verified, "Verified — the claim holds"), (.disputed, "Disputed — the claim does not hold"),
            (.dismissed, "Dismissed — not check-worthy"),
        ]
        if current != .unverified { all.append((.unverified, "Reopen — back to unverified")) }
        return all
    }

    /// The verdict the claim stands under now: status, rating, evidence as links, note, who and when.
    static func current(_ status: ClaimStatus, history: [HistoryEvent]) -> String {
        guard let last = history.last(where: { $0.event == .status }) else {
            return
                "<section class=\"verdict\" aria-label=\"Verdict\"><p>\(PageLayout.badge(status)) Not decided yet.</p></section>"
        }
        let reason = status == .verified || status == .disputed ? "Evidence" : "Reason"
        var rows = [("Verdict", PageLayout.badge(status) + (last.verdict?.rating.map { " rated “\(h($0))”" } ?? ""))]
        if let evidence = last.evidence { rows.append((reason, linked(evidence))) }
        if let note = last.note { rows.append(("Note", h(note))) }
        rows.append(("By", "\(h(last.credit ?? "?")) at <time>\(h(last.recordedAt))</time>"))
        let list = rows.map { row -> String in "<dt>\(row.0)</dt><dd>\(row.1)</dd>" }.joined()
        return "<section class=\"verdict\" aria-label=\"Verdict\"><dl>\(list)</dl></section>"
    }

    /// One event of the history with everything it recorded.
    static func item(_ e: HistoryEvent) -> String {
        let who = e.credit.map { " — " + h($0) } ?? ""
        let what: String
        switch e.change {
        case .recorded: what = "recorded by extraction"
        case .note(let text): what = "note: " + linked(text)
        case .correction(let field, let value, let reason):
            what = "\(h(field.rawValue)) corrected: " + h(HistoryEvent.corrected(value, reason))
        case .sourceCorrection(let field, let value, let reason):
            what = "\(h(field.rawValue)) corrected: " + h(HistoryEvent.corrected(value, reason))
        case .attribution(let verdict, let evidence, let note):
            what =
                "said as quoted? <strong>\(h(verdict.label))</strong>; evidence: " + linked(evidence)
                + (note.map { "; note: " + h($0) } ?? "")
        case .assignment(let assignee):
            what = h(HistoryEvent.assignmentText(assignee))
        case .decision(let v):
            var parts = [PageLayout.badge(v.status)]
            if let rating = v.rating { parts.append("rated “\(h(rating))”") }
            if let grounds = v.grounds { parts.append((v.isVerdict ? "evidence: " : "reason: ") + linked(grounds)) }
            if let note = v.note { parts.append("note: " + h(note)) }
            what = parts.joined(separator: "; ")
        }
        return "<li><time>\(h(e.recordedAt))</time> \(what)\(who)</li>"
    }

    /// Text with every http(s) URL in it a link; the rest escaped.
    static func linked(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let w = String(word)
            let lower = w.lowercased()
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? PageLayout.link(w) : h(w)
        }.joined(separator: " ")
    }

    /// The decision form; `kept` holds the values of a refused form, shown again as typed.
    static func form(_ c: ClaimRecord, hidden: String, ratings: [String], kept: [String: String]) -> String {
        func value(_ name: String) -> String { h(kept[name] ?? "") }
        let radios = choices(current: c.status).map { (status, words) -> String in
            let checked = kept["status"] == status.rawValue ? " checked" : ""
            return
                "<label class=\"choice\"><input type=\"radio\" name=\"status\" value=\"\(status.rawValue)\" required\(checked)> \(h(words))</label>"
        }.joined()
        let options = ratings.map { label -> String in
            "<option\(kept["rating"] == label ? " selected" : "")>\(h(label))</option>"
        }.joined()
        return """
            <form method="post" action="/c/\(h(c.shortID))/decide" class="decide">\(enterGuard)\(hidden)\
            <input type="hidden" name="expect" value="\(c.status.rawValue)">\
            \(kept["replace"].map { "<input type=\"hidden\" name=\"replace\" value=\"\(h($0))\">" } ?? "")
            <fieldset><legend>Decision</legend>\(radios)</fieldset>
            <label for="evidence">Evidence (a URL or where it was checked), or the reason to dismiss or reopen</label>\
            <input type="text" id="evidence" name="evidence" value="\(value("evidence"))" required>
            <label for="rating">Rating (Verified or Disputed only; optional)</label>\
            <select id="rating" name="rating"><option value="">—</option>\(options)</select>
            <label for="dnote">Note (optional)</label><input type="text" id="dnote" name="note" value="\(value("note"))">
            <p><button type="submit" name="record" value="1">Record decision</button></p></form>
            """
    }
}
