import Foundation
import LedgerStore
import Reports

extension Desk {
    /// One claim: its verdict as recorded, what it is, its history, earlier matches, and the forms
    /// to decide, note or correct it. `kept` holds the values of a refused form, shown again; `use`,
    /// a match whose evidence the decision form starts with ("Use the same evidence").
    func claimPanel(
        _ c: ClaimRecord, _ s: DeskSession, from back: String, error: String? = nil,
        kept: [String: String] = [:], use: String? = nil, notice: String = ""
    ) throws -> String {
        let h = PageLayout.h
        let claim = c.claim
        let rows: [(String, String?)] = [
            ("Speaker", claim.speaker),
            // How sure extraction's ranker was of that speaker (none once a reviewer corrected it).
            ("Speaker confidence", c.speakerConfidence.map { Decimals.two($0) }),
            ("Cue", claim.cue), ("Via", claim.via), ("Type", claim.claimType),
            ("Score", claim.score.map { Decimals.two($0) }), ("Source", c.sourceTitle),
        ]
        let facts = rows.compactMap { k, v in v.map { "<dt>\(k)</dt><dd>\(h($0))</dd>" } }.joined()
        let events = try ledger.history(claimID: claim.claimID)
        let matches = try ledger.repeats(of: c)
        var kept = kept
        if kept["evidence"] == nil, let evidence = SeenBeforeView.evidence(use: use, in: matches) {
            kept["evidence"] = evidence
        }
        return """
            <h2><a href="/c/\(h(c.shortID))">\(h(c.shortID))</a> \(PageLayout.badge(c.status))</h2>\(notice)\(PageLayout.message(error, error: true))\(try nextLink(after: c, from: back))
            \(DecisionView.current(c.status, history: events))\(c.kind == .quote ? AttributionView.current(c.attribution, history: events) : "")
            \(AssignmentView.current(c.assignedTo, history: events, me: s.reviewer))\(SeenBeforeView.section(matches, of: c, back: back))
            <blockquote>\(h(c.kind == .quote ? "“\(claim.text)”" : claim.text))</blockquote><dl>\(facts)</dl>
            \(try decisionForms(c, s, back: back, kept: kept))
            <h3>History</h3><ol class="history">\(events.map(DecisionView.item).joined())</ol>
            """
    }

    /// "Next unverified": in an article, the next unverified claim after this one in the text (else
    /// the first before it); elsewhere, the first unverified claim of the queue's order.
    func nextLink(after c: ClaimRecord, from back: String) throws -> String {
        let h = PageLayout.h
        if back.hasPrefix("/s/") {
            let open = try ledger.claims(ClaimFilter(status: .unverified, sourceID: c.claim.sourceID, order: .position))
                .filter { $0.claim.claimID != c.claim.claimID }
            let after = open.first { ($0.claim.start ?? 0) > (c.claim.start ?? 0) } ?? open.first
            if let next = after {
                return
                    "<p class=\"next\"><a href=\"/s/\(h(next.sourceShortID))?c=\(h(next.shortID))#panel\">Next unverified in this article →</a></p>"
            }
        }
        var queue = ClaimFilter(status: .unverified, order: .score)
        queue.limit = 2
        guard let next = try ledger.claims(queue).first(where: { $0.claim.claimID != c.claim.claimID }) else {
            return "<p class=\"next\">No unverified claim is left.</p>"
        }
        return "<p class=\"next\"><a href=\"/c/\(h(next.shortID))\">Next unverified →</a></p>"
    }

    func decisionForms(_ c: ClaimRecord, _ s: DeskSession, back: String, kept: [String: String]) throws -> String {
        let h = PageLayout.h
        let action = "/c/\(h(c.shortID))"
        let guardButton = DecisionView.enterGuard
        let hidden = PageLayout.csrfField(s) + "<input type=\"hidden\" name=\"back\" value=\"\(h(back))\">"
        let speaker = kept["value"] ?? c.claim.speaker ?? ""
        return AssignmentView.forms(c, hidden: hidden, me: s.reviewer, colleagues: try colleagues())
            + DecisionView.form(c, hidden: hidden, ratings: try ledger.ratingScale().map(\.label), kept: kept)
            + (c.kind == .quote ? AttributionView.form(c, hidden: hidden, kept: kept) : "") + """
                <form method="post" action="\(action)/note">\(guardButton)\(hidden)<label for="note">Note</label>\
                <textarea id="note" name="text" rows="2" required>\(h(kept["text"] ?? ""))</textarea>
                <p><button type="submit">Add note</button></p></form>
                <form method="post" action="\(action)/speaker">\(guardButton)\(hidden)<label for="speaker">Speaker</label>
                <input type="hidden" name="expect_speaker" value="\(h(c.claim.speaker ?? ""))">\
                <input type="text" id="speaker" name="value" value="\(h(speaker))"><label for="reason">Reason (required)</label>
                <input type="text" id="reason" name="reason" value="\(h(kept["reason"] ?? ""))" required><p><button type="submit">Correct speaker</button></p></form>
                """
    }

    public func claimPage(_ typed: String, _ r: WebRequest, _ s: DeskSession, error: String? = nil, status: Int = 200)
        throws
        -> WebResponse
    {
        let claim = try ledger.claim(id: try ledger.resolveClaimID(typed))
        let back = r.form["back"].flatMap(Desk.localPath) ?? "/c/\(claim.shortID)"
        let kept = error == nil ? [:] : r.form
        let body =
            "<h1 class=\"visually-hidden\">\(claim.kind == .quote ? "Quote" : "Claim") \(PageLayout.h(claim.shortID))</h1>"
            + "<div class=\"panel\" id=\"panel\">\(try claimPanel(claim, s, from: back, error: error, kept: kept, use: r.query["use"], notice: Desk.panelNotice(r)))</div>"
            + (try paragraphContext(claim))
            + "<p><a href=\"/s/\(PageLayout.h(claim.sourceShortID))?c=\(PageLayout.h(claim.shortID))#panel\">In its article</a></p>"
        return .html(PageLayout.page(title: claim.shortID, session: s, state: state(), body: body), status: status)
    }

    /// The claim's paragraph with its words marked, and its source with a link: a claim's own page
    /// (a link pasted into chat) shows where it was said. A paragraph of a hostile article may be
    /// megabytes long: a few hundred words either side are enough.
    func paragraphContext(_ c: ClaimRecord) throws -> String {
        let h = PageLayout.h
        let source = try ledger.source(id: c.claim.sourceID)
        guard
            let ctx = SourceText(source.body).context(
                start: c.claim.start, end: c.claim.end, sentenceStart: c.claim.sentenceStart,
                sentenceEnd: c.claim.sentenceEnd, size: .paragraph)
        else { return "" }
        let before = ctx.before.count > 1_500 ? "…" + ctx.before.suffix(1_500) : ctx.before
        let after = ctx.after.count > 1_500 ? ctx.after.prefix(1_500) + "…" : ctx.after
        let link = source.source.url.map { " · " + PageLayout.link($0) } ?? ""
        return """
            <section class="context" aria-label="In its paragraph"><h2>In its paragraph</h2>\
            <p>\(h(String(before)))<mark>\(h(ctx.claim))</mark>\(h(String(after)))</p>\
            <p class="meta">\(h(source.source.title ?? source.shortID))\(link)</p></section>
            """
    }

    /// A path of this site to go back to (never another site: `//evil` or `https://…` are refused).
    static func localPath(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            !path.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return nil }
        return path
    }

    /// `path` with `?m=notice` (or `&m=`) before its fragment, which is `#panel` when it has none.
    static func withNotice(_ path: String, _ notice: String) -> String {
        let hash = path.firstIndex(of: "#")
        let base = hash.map { String(path[..<$0]) } ?? path
        let fragment = hash.map { String(path[$0...]) } ?? "#panel"
        return base + (base.contains("?") ? "&" : "?") + "m=\(notice)" + fragment
    }
}
