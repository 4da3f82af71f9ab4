import Foundation
import LedgerStore
import Reports
import ReviewerAccess

/// Who is on a claim, on the desk: the panel says so, and two small forms take it ("I'm on it"),
/// give it back, or give it to a colleague. Each posts the assignee the reviewer saw, so a colleague's
/// take meanwhile is refused (409) instead of silently taken over; a second click on the same
/// button records nothing (the claim is already with that reviewer).
enum AssignmentView {
    static let h = PageLayout.h

    /// "maria is on it (assigned by tomas, 5 min ago)", or "Nobody is on it yet."
    static func current(_ assignee: String?, history: [HistoryEvent], me: String) -> String {
        guard let assignee, let given = history.last(where: { $0.event == .assignment }) else {
            return "<p class=\"on-it\">Nobody is on it yet.</p>"
        }
        let who = assignee == me ? "You are" : "\(h(assignee)) is"
        let by = given.reviewer == assignee ? "taken" : "assigned by \(h(given.reviewer ?? "?"))"
        return
            "<p class=\"on-it\"><strong>\(who) on it</strong> (\(by), <time>\(h(given.recordedAt))</time>).</p>"
    }

    /// "I'm on it" (or "Give it back" when it is mine), and "Assign to" a colleague.
    static func forms(_ c: ClaimRecord, hidden: String, me: String, colleagues: [String]) -> String {
        let action = "/c/\(h(c.shortID))/assign"
        let seen = "<input type=\"hidden\" name=\"expect_assignee\" value=\"\(h(c.assignedTo ?? ""))\">"
        let mine = c.assignedTo == me
        let take = """
            <form method="post" action="\(action)" class="assign">\(DecisionView.enterGuard)\(hidden)\(seen)\
            <input type="hidden" name="to" value="\(mine ? "" : h(me))">\
            <button type="submit" name="assign" value="1">\(mine ? "Give it back" : "I’m on it")</button></form>
            """
        let others = colleagues.filter { $0 != c.assignedTo && $0 != me }
        guard !others.isEmpty else { return take }
        let options = others.map { "<option value=\"\(h($0))\">\(h($0))</option>" }.joined()
        return take + """
            <form method="post" action="\(action)" class="assign">\(DecisionView.enterGuard)\(hidden)\(seen)\
            <label for="assignee">Assign to</label><select id="assignee" name="to">\(options)</select> \
            <button type="submit" name="assign" value="1">Assign</button></form>
            """
    }
}

extension Desk {
    /// The assignment forms: only their buttons record; the assignee the reviewer saw must still be
    /// the claim's (empty: nobody).
    public func assign(_ typed: String, _ form: AssignmentForm, _ r: WebRequest, _ s: DeskSession) throws
        -> WebResponse
    {
        try panelForm(typed, back: form.back, r, s) { claimID in
            guard form.assign == "1", let to = form.to else {
                throw LedgerError.refused("Nothing was recorded: press I’m on it, Give it back or Assign.")
            }
            let seen = form.expectAssignee.map { $0.isEmpty ? AssigneeFilter.nobody : .reviewer($0) }
            _ = try ledger.assign(
                claimIDs: [claimID], to: to.isEmpty ? nil : to, reviewer: s.reviewer, expecting: seen ?? .nobody)
            return .recorded(notice: "assigned")
        }
    }

    /// The active reviewers a claim can be given to, in the order they were added.
    func colleagues() throws -> [String] {
        try ledger.reviewers().filter(\.isActive).map(\.name)
    }
}
