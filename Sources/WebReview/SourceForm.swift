import Foundation
import LedgerStore
import Reports

/// A source's details corrected on the desk, as `claimledger correct s-…` does at the terminal:
/// title, outlet, author, date and address, with a reason; the values the reviewer saw go with the
/// form, so a colleague's correction meanwhile is refused (409) instead of written over.
enum SourceFormView {
    static let h = PageLayout.h
    static let fields: [(SourceField, String)] = [
        (.title, "Title"), (.outlet, "Outlet"), (.author, "Author"), (.published, "Date (YYYY-MM-DD)"),
        (.url, "Address (URL)"),
    ]

    static func value(_ source: SourcePayload, _ field: SourceField) -> String? {
        switch field {
        case .title: return source.title
        case .outlet: return source.outlet
        case .author: return source.author
        case .published: return source.published
        case .url: return source.url
        }
    }

    /// Folded away under "Correct this source", open when a refused form comes back.
    static func form(_ source: RecordedSource, hidden: String, kept: [String: String], error: String?) -> String {
        // No outlet given: its address's host is offered (a suggestion to pick, never filled in).
        let offered = source.source.outlet == nil ? source.source.outletFromAddress : nil
        let inputs = fields.map { field, label -> String in
            let now = value(source.source, field) ?? ""
            let shown = kept[field.rawValue] ?? now
            let offer = field == .outlet ? offered : nil
            return """
                <label for="src-\(field.rawValue)">\(label)</label><input type="text" id="src-\(field.rawValue)" \
                name="\(field.rawValue)" value="\(h(shown))"\(offer == nil ? "" : " list=\"src-outlet-offer\"")>\
                \(offer.map { "<datalist id=\"src-outlet-offer\"><option value=\"\(h($0))\"></datalist><small>From its address: \(h($0))</small>" } ?? "")\
                <input type="hidden" name="seen_\(field.rawValue)" value="\(h(kept["seen_\(field.rawValue)"] ?? now))">
                """
        }.joined()
        return """
            <details class="correct-source"\(error == nil ? "" : " open")><summary>Correct this source</summary>\
            \(PageLayout.message(error, error: true))
            <form method="post" action="/s/\(h(source.shortID))/correct">\(DecisionView.enterGuard)\(hidden)\(inputs)
            <label for="src-reason">Reason (required)</label><input type="text" id="src-reason" name="reason" \
            value="\(h(kept["reason"] ?? ""))" required>
            <p><button type="submit" name="correct" value="1">Correct source</button></p></form></details>
            """
    }
}

extension Desk {
    /// Records the fields the reviewer changed, each checked against the value they saw.
    public func correctSource(_ typed: String, _ form: SourceCorrectionForm, _ r: WebRequest, _ s: DeskSession)
        throws -> WebResponse
    {
        let sourceID = try ledger.resolveSourceID(typed)
        let changed = SourceFormView.fields.map(\.0).filter { field in
            SourceCorrectionForm.entered(form.edited[field]) != SourceCorrectionForm.entered(form.seen[field])
        }
        do {
            guard form.correct == "1" else {
                throw LedgerError.refused("Nothing was recorded: change a field and press Correct source.")
            }
            guard !changed.isEmpty else {
                throw LedgerError.refused(
                    "Nothing was changed: edit a field, give a reason, then press Correct source.")
            }
            var seen: [SourceField: String?] = [:]
            for field in changed { seen[field] = form.seen[field] }
            let changes = changed.map { ($0, SourceCorrectionForm.entered(form.edited[$0])) }
            let reason = SourceCorrectionForm.entered(form.reason) ?? ""
            if try !isResent(sourceID, changes, reason: reason, s) {
                try ledger.correctSource(
                    sourceID: sourceID, changes: changes, reason: reason, reviewer: s.reviewer, expecting: seen)
            }
        } catch let error as LedgerError {
            guard let refused = DeskWords.refusal(error) else { throw error }
            return try articlePage(typed, r, s, sourceError: refused.words, status: refused.status)
        }
        return .redirect(Desk.withNotice("/s/\(typed)", "source"))
    }

    /// The same correction sent twice (a double click, Back): the source's last entries are this
    /// reviewer's corrections of exactly these fields to these values, for this reason.
    func isResent(_ sourceID: String, _ changes: [(SourceField, String?)], reason: String, _ s: DeskSession) throws
        -> Bool
    {
        let last = try ledger.sourceHistory(sourceID: sourceID).suffix(changes.count)
        return last.count == changes.count
            && zip(last, changes).allSatisfy { event, change in
                event.reviewer == s.reviewer
                    && event.change == .sourceCorrection(field: change.0, value: change.1, reason: reason)
            }
    }
}
