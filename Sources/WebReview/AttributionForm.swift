import Foundation
import LedgerStore

/// A quote's second axis on the desk: was it said as quoted? Its current check, and the form that
/// records one (like the decision form: an explicit choice, one Record button, Enter records nothing).
enum AttributionView {
    static let h = PageLayout.h

    /// The choices, with their words on the desk; "take the check back" once there is one.
    static func choices(current: AttributionVerdict?) -> [(AttributionVerdict, String)] {
        var all: [(AttributionVerdict, String)] = [
            (.confirmed, "Said as quoted — these words, this meaning"), (.misquoted, "Misquoted — not these words"),
            (.outOfContext, "Out of context — said, but it meant something else"),
            (.notSaid, "Not said — the speaker never said it"),
        ]
        if current != nil && current != .unconfirmed { all.append((.unconfirmed, "Unconfirmed — take the check back")) }
        return all
    }

    /// "Said as quoted? Misquoted", its evidence, who and when; or that nobody checked yet.
    static func current(_ verdict: AttributionVerdict?, history: [HistoryEvent]) -> String {
        guard let verdict, let last = history.last(where: { $0.event == .attribution }) else {
            return "<section class=\"verdict\" aria-label=\"Said as quoted?\"><p>Said as quoted? Not checked yet "
                + "(the verdict above is about what the quote says).</p></section>"
        }
        var rows = [
            ("Said as quoted?", "<strong>\(h(verdict.label))</strong>"),
            ("Evidence", DecisionView.linked(last.evidence ?? "")),
        ]
        if let note = last.note { rows.append(("Note", h(note))) }
        rows.append(("By", "\(h(last.credit ?? "?")) at <time>\(h(last.recordedAt))</time>"))
        let list = rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined()
        return "<section class=\"verdict\" aria-label=\"Said as quoted?\"><dl>\(list)</dl></section>"
    }

    static func form(_ c: ClaimRecord, hidden: String, kept: [String: String]) -> String {
        let radios = choices(current: c.attribution).map { verdict, words -> String in
            let checked = kept["verdict"] == verdict.rawValue ? " checked" : ""
            return
                "<label class=\"choice\"><input type=\"radio\" name=\"verdict\" value=\"\(verdict.rawValue)\" required\(checked)> \(h(words))</label>"
        }.joined()
        return """
            <form method="post" action="/c/\(h(c.shortID))/attribution" class="decide">\(DecisionView.enterGuard)\(hidden)\
            <input type="hidden" name="expect_attribution" value="\(c.attribution?.rawValue ?? "")">
            <fieldset><legend>Said as quoted?</legend>\(radios)</fieldset>
            <label for="aevidence">Evidence of what was said (a recording, a transcript, the speaker's office)</label>\
            <input type="text" id="aevidence" name="aevidence" value="\(h(kept["aevidence"] ?? ""))" required>
            <label for="anote">Note (optional)</label><input type="text" id="anote" name="anote" value="\(h(kept["anote"] ?? ""))">
            <p><button type="submit" name="record" value="1">Record attribution</button></p></form>
            """
    }
}
