import Foundation
import LedgerStore
import Reports

/// The queue's filters and its place, as the page's query string carries them. A page starts
/// after one claim (`after=SEQ`) or ends before one (`before=SEQ`): keyed pages, so the hundredth
/// page costs what the first does, and a decision made meanwhile does not shift the next page.
struct QueueQuery {
    static let pageSize = 50
    var status: ClaimStatus? = .unverified
    var kind: ClaimKind?
    var speaker: String?
    var source: String?
    var search: String?
    /// Only quotes with this attribution (`said=`); unconfirmed takes those never checked too.
    var attribution: AttributionVerdict?
    /// Who is on the claims (`on=`): `mine`, `nobody`, or a reviewer's name.
    var onIt: String?
    /// Only claims scored at least this (`min=`), only quotes whose speaker the ranker chose with at
    /// most this confidence (`conf=`: the doubtful attributions first).
    var minScore: Double?, maxConfidence: Double?
    /// Only claims seen before (`seen=any`), or seen before as verified or disputed (`seen=verified`).
    var seen: SeenBeforeFilter?
    var cursor = QueueCursor.top

    init(_ r: WebRequest) {
        if let s = r.field("status") { status = s == "all" ? nil : ClaimStatus(rawValue: s) ?? .unverified }
        kind = r.field("kind").flatMap(ClaimKind.init(rawValue:))
        speaker = r.field("speaker")
        source = r.field("source")
        search = r.field("q")
        attribution = r.field("said").flatMap(AttributionVerdict.init(rawValue:))
        onIt = r.field("on")
        minScore = r.field("min").flatMap(Double.init).flatMap { (0...1).contains($0) ? $0 : nil }
        maxConfidence = r.field("conf").flatMap(Double.init).flatMap { (0...1).contains($0) ? $0 : nil }
        seen = r.field("seen").flatMap { $0 == "any" ? .any : ClaimStatus(rawValue: $0).map(SeenBeforeFilter.status) }
        if let seq = r.field("after").flatMap(Int64.init) { cursor = .after(seq) }
        if let seq = r.field("before").flatMap(Int64.init) { cursor = .before(seq) }
    }

    /// `seenAvailable`: whether every claim's matches are stored (else "seen before" is not filtered on).
    func filter(_ ledger: Ledger, me: String, seenAvailable: Bool) throws -> ClaimFilter {
        var filter = ClaimFilter(
            status: status, kind: kind, speaker: speaker, sourceID: try source.map(ledger.resolveSourceID),
            search: search, minScore: minScore, order: .score, withDismissed: status == nil || status == .dismissed)
        filter.maxConfidence = maxConfidence
        filter.attribution = attribution
        filter.assignedTo = onIt.map { $0 == "mine" ? .reviewer(me) : $0 == "nobody" ? .nobody : .reviewer($0) }
        // Read from the stored matches: only when every claim has them (else the form says why not).
        if seenAvailable { filter.seenBefore = seen }
        return filter
    }

    /// Whether only status and kind are filtered: then the counts are the tally's, read not counted.
    var countsAreTallied: Bool {
        speaker == nil && source == nil && search == nil && attribution == nil && onIt == nil && minScore == nil
            && maxConfidence == nil && seen == nil
    }

    /// `seen=` as the link and the form write it.
    var seenArgument: String? {
        switch seen {
        case nil: return nil
        case .any: return "any"
        case .status(let status): return status.rawValue
        }
    }

    /// This query's string, at another place in the queue.
    func link(_ place: QueueCursor) -> String {
        var fields: [(String, String?)] = [
            ("status", status?.rawValue ?? "all"), ("kind", kind?.rawValue), ("speaker", speaker),
            ("source", source), ("q", search), ("said", attribution?.rawValue), ("on", onIt),
            ("min", minScore.map { String($0) }), ("conf", maxConfidence.map { String($0) }), ("seen", seenArgument),
        ]
        switch place {
        case .top: break
        case .after(let seq): fields.append(("after", String(seq)))
        case .before(let seq): fields.append(("before", String(seq)))
        }
        return "/?" + fields.compactMap { k, v in v.map { "\(k)=\(PageLayout.u($0))" } }.joined(separator: "&")
    }
}

extension Desk {
    public func queuePage(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        let q = QueueQuery(r)
        let seenAvailable = try ledger.matchesCoverEveryClaim()
        let filter = try q.filter(ledger, me: s.reviewer, seenAvailable: seenAvailable)
        let counts = try queueCounts(q, filter)
        // A cursor on a claim the ledger does not have (a link edited by hand) reads the first page.
        let page: LedgerStore.QueuePage
        do {
            page = try ledger.queuePage(filter, from: q.cursor, size: QueueQuery.pageSize)
        } catch LedgerError.unknownID {
            page = try ledger.queuePage(filter, from: .top, size: QueueQuery.pageSize)
        }
        let countLine =
            counts.map { counts in
                ClaimStatus.allCases.map { "<span>\(PageLayout.badge($0)) \(counts[$0] ?? 0)</span>" }.joined()
            }
            ?? "Counts are given for status, kind, article and who is on a claim; these filters would count every claim of the ledger."

        let repeats = try ledger.repeatSummaries(of: page.claims)
        let rows = page.claims.map { queueRow($0, repeats: repeats[$0.claim.claimID]) }.joined()
        let body = """
            <h1>Queue</h1><p class="counts">\(countLine)</p>\(Desk.notice(r))
            \(filterForm(q, colleagues: try colleagues(), seenAvailable: seenAvailable))
            <table class="queue cards"><thead><tr><th>ID</th><th>Status</th><th>Speaker</th><th>Text</th><th>Source</th><th>Score</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"6\">Nothing matches these filters.\(q.search == nil ? "" : Desk.searchHint)</td></tr>" : rows)</tbody></table>
            <p class="paging">\(counts.map { pageCount(q, $0) } ?? "") \(pageLinks(q, page))</p>
            """
        return .html(PageLayout.page(title: "Queue", session: s, state: state(), body: body))
    }

    /// The counts by status the filters give, when they cost little: the tally (status and kind; with
    /// "nobody is on it", less the claims someone is on), one article's or one reviewer's claims, or
    /// any filter on a ledger small enough to count; nil when counting would read every claim.
    func queueCounts(_ q: QueueQuery, _ filter: ClaimFilter) throws -> [ClaimStatus: Int]? {
        if q.countsAreTallied { return try ledger.statusTally(kind: q.kind) }
        var others = q
        others.onIt = nil
        if q.onIt == "nobody", others.countsAreTallied { return try ledger.statusTally(kind: q.kind, unassigned: true) }
        var counted = filter
        counted.status = nil
        let cheap = q.source != nil || (q.onIt != nil && q.onIt != "nobody")
        let total = try ledger.statusTally().values.reduce(0, +)
        guard cheap || total <= Desk.countedInFull else { return nil }
        return try ledger.claimCounts(counted).byStatus
    }

    /// Up to this many claims, any filter's counts are counted (a fraction of a second).
    static let countedInFull = 20_000

    /// "573 claims: 12 pages of 50" for the status (or every status) the queue shows.
    func pageCount(_ q: QueueQuery, _ counts: [ClaimStatus: Int]) -> String {
        let total = q.status.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
        let pages = (total + QueueQuery.pageSize - 1) / QueueQuery.pageSize
        return "\(total) \(total == 1 ? "claim" : "claims")"
            + (pages > 1 ? ": \(pages) pages of \(QueueQuery.pageSize)." : ".")
    }

    func pageLinks(_ q: QueueQuery, _ page: LedgerStore.QueuePage) -> String {
        var links: [String] = []
        if page.hasEarlier, let first = page.claims.first {
            links.append("<a href=\"\(PageLayout.h(q.link(.top)))\">First page</a>")
            links.append("<a href=\"\(PageLayout.h(q.link(.before(first.seq))))\" rel=\"prev\">Previous page</a>")
        }
        if page.hasLater, let last = page.claims.last {
            links.append("<a href=\"\(PageLayout.h(q.link(.after(last.seq))))\" rel=\"next\">Next page</a>")
        }
        return links.joined(separator: " ")
    }

    func queueRow(_ c: ClaimRecord, repeats: RepeatSummary?) -> String {
        let h = PageLayout.h
        return """
            <tr><td><a href="/c/\(h(c.shortID))">\(h(c.shortID))</a></td><td>\(PageLayout.badge(c.status))\(decidedBy(c))\(saidAs(c))\(onIt(c))\(SeenBeforeView.flagLine(repeats))</td>\
            <td>\(h(c.claim.speaker ?? "—"))</td><td>\(h(c.kind == .quote ? "“\(c.claim.text)”" : c.claim.text))</td>\
            <td><a href="/s/\(h(c.sourceShortID))?c=\(h(c.shortID))">\(h(c.sourceTitle ?? c.sourceShortID))</a></td>\
            <td>\(c.claim.score.map { Decimals.two($0) } ?? "")</td></tr>
            """
    }

    /// Who decided a claim and when, under its status (nothing for a claim nobody decided).
    func decidedBy(_ c: ClaimRecord) -> String {
        guard c.status != .unverified, let reviewer = c.credit else { return "" }
        let h = PageLayout.h
        return
            "<br><small class=\"decided\">by \(h(reviewer))\(c.reviewedAt.map { ", <time>\(h($0))</time>" } ?? "")</small>"
    }

    /// A quote's attribution, once checked ("said as quoted: Misquoted"), under its status.
    func saidAs(_ c: ClaimRecord) -> String {
        guard c.kind == .quote, let verdict = c.attribution, verdict != .unconfirmed else { return "" }
        return "<br><small class=\"said\">said as quoted? \(PageLayout.h(verdict.label))</small>"
    }

    /// Who is on a claim, under its status (nothing when nobody is).
    func onIt(_ c: ClaimRecord) -> String {
        guard let assignee = c.assignedTo else { return "" }
        return "<br><small class=\"on-it\">on it: \(PageLayout.h(assignee))</small>"
    }

    /// The queue's filters, folded on a phone by the desk's script unless one is in use (open
    /// without the script).
    func filterForm(_ q: QueueQuery, colleagues: [String], seenAvailable: Bool) -> String {
        let h = PageLayout.h
        let statuses = ["unverified", "verified", "disputed", "dismissed", "all"].map {
            "<option\(($0 == (q.status?.rawValue ?? "all")) ? " selected" : "")>\($0)</option>"
        }.joined()
        let kinds = [("", "any"), ("quote", "quote"), ("claim", "claim")].map {
            "<option value=\"\($0.0)\"\(($0.0 == (q.kind?.rawValue ?? "")) ? " selected" : "")>\($0.1)</option>"
        }.joined()
        let said =
            [("", "any")]
            + AttributionVerdict.allCases.map { ($0.rawValue, $0 == .unconfirmed ? "not checked" : $0.label) }
        let saidOptions = said.map {
            "<option value=\"\($0.0)\"\(($0.0 == (q.attribution?.rawValue ?? "")) ? " selected" : "")>\(h($0.1))</option>"
        }.joined()
        let on = [("", "anyone or nobody"), ("mine", "mine"), ("nobody", "nobody")] + colleagues.map { ($0, $0) }
        let onOptions = on.map {
            "<option value=\"\(h($0.0))\"\(($0.0 == (q.onIt ?? "")) ? " selected" : "")>\(h($0.1))</option>"
        }.joined()
        let scores = [("", "any"), ("0.5", "at least 0.5"), ("0.7", "at least 0.7"), ("0.9", "at least 0.9")]
        let doubts = [("", "any"), ("0.9", "at most 0.9"), ("0.7", "at most 0.7"), ("0.5", "at most 0.5")]
        let seen = seenAvailable ? seenSelect(q) : ""
        let active = !q.countsAreTallied || q.kind != nil || q.status != .unverified
        return """
            <details class="filter-box" open\(active ? " data-active=\"1\"" : "")><summary>Filters</summary>
            <form method="get" action="/" class="filters">
            <label>Status <select name="status">\(statuses)</select></label><label>Kind <select name="kind">\(kinds)</select></label>
            <label>Said as quoted? <select name="said">\(saidOptions)</select></label>
            <label>On it <select name="on">\(onOptions)</select></label>
            <label>Score <select name="min">\(options(scores, selected: q.minScore))</select></label>
            <label>Speaker confidence <select name="conf">\(options(doubts, selected: q.maxConfidence))</select></label>
            <label>Speaker <input type="text" name="speaker" value="\(h(q.speaker ?? ""))"></label>
            <label>Source <input type="text" name="source" value="\(h(q.source ?? ""))" placeholder="s-…"></label>
            \(seen)<label>Search <input type="text" name="q" value="\(h(q.search ?? ""))"></label><button type="submit">Filter</button></form></details>
            """
    }

    /// "Seen before": claims that repeat an earlier claim of another article, or one now verified
    /// or disputed (offered when every claim's matches are stored).
    func seenSelect(_ q: QueueQuery) -> String {
        let choices = [
            ("", "any or not"), ("any", "seen before"), ("verified", "as verified"), ("disputed", "as disputed"),
        ]
        return "<label>Seen before <select name=\"seen\">"
            + choices.map {
                "<option value=\"\($0.0)\"\($0.0 == (q.seenArgument ?? "") ? " selected" : "")>\($0.1)</option>"
            }
            .joined() + "</select></label>"
    }

    /// Why a search may find nothing: it matches whole words (in any form), as `list --search` does.
    static let searchHint =
        " Search finds whole words in any of their forms (“visit” finds “visited” and “visits”), not parts of words: "
        + "“staff” does not find “staffers”; search for “staffers” too."

    /// A select's options, the one for `selected` (a number) marked.
    func options(_ choices: [(String, String)], selected: Double?) -> String {
        choices.map { value, words in
            let chosen = (Double(value) == selected) ? " selected" : ""
            return "<option value=\"\(value)\"\(chosen)>\(PageLayout.h(words))</option>"
        }.joined()
    }

    /// The notice a redirect asked for (`?m=`), as a message: one of a fixed set, never text from
    /// the request itself.
    static func notice(_ r: WebRequest) -> String {
        PageLayout.message(r.query["m"].flatMap { notices[$0] })
    }

    /// A decision's confirmation at the top of the claim panel, where the page opens (`#done`) and
    /// the desk's script moves focus: the reviewer sees what was recorded beside the claim.
    static func panelNotice(_ r: WebRequest) -> String {
        guard let text = r.query["m"].flatMap({ notices[$0] }) else { return "" }
        return "<p class=\"notice\" role=\"status\" id=\"done\" tabindex=\"-1\">\(PageLayout.h(text))</p>"
    }

    static let notices: [String: String] = [
        "verified": "Recorded: verified.", "disputed": "Recorded: disputed.",
        "dismissed": "Recorded: dismissed (not check-worthy).",
        "reopened": "Recorded: reopened (back to unverified).", "note": "Note recorded.",
        "speaker": "Speaker corrected.", "attribution": "Recorded: how the quote was said.",
        "assigned": "Recorded: who is on it.", "source": "Source corrected.",
        "ingested": "Article recorded.",
        "unchanged": "This article was already in the ledger; nothing new was recorded.",
    ]
}
