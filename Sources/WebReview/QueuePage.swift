import Foundation
import LedgerStore
import Reports

/// The queue's filters, as the page's query string carries them.
struct QueueQuery {
    static let pageSize = 50
    var status: ClaimStatus? = .unverified
    var kind: ClaimKind?
    var speaker: String?
    var source: String?
    var search: String?
    var page = 0

    init(_ q: [String: String]) {
        func value(_ key: String) -> String? { q[key].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        if let s = value("status") { status = s == "all" ? nil : ClaimStatus(rawValue: s) ?? .unverified }
        kind = value("kind").flatMap(ClaimKind.init(rawValue:))
        speaker = value("speaker"); source = value("source"); search = value("q")
        page = min(max(0, Int(value("page") ?? "") ?? 0), 10_000)
    }

    func filter(_ ledger: Ledger) throws -> ClaimFilter {
        var f = ClaimFilter(status: status, kind: kind, speaker: speaker, sourceID: try source.map(ledger.resolveSourceID),
                            search: search, limit: (page + 1) * Self.pageSize, order: .score, withDismissed: status == .dismissed)
        if status == nil { f.withDismissed = true }
        return f
    }

    /// This query's string with one field changed.
    func link(page: Int) -> String {
        let fields: [(String, String?)] = [("status", status?.rawValue ?? "all"), ("kind", kind?.rawValue), ("speaker", speaker),
                                          ("source", source), ("q", search), ("page", page == 0 ? nil : String(page))]
        return "/?" + fields.compactMap { k, v in v.map { "\(k)=\(PageLayout.u($0))" } }.joined(separator: "&")
    }
}

extension Desk {
    func queuePage(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        let q = QueueQuery(r.query)
        let filter = try q.filter(ledger)
        var all = filter
        all.status = nil; all.withDismissed = true; all.limit = nil
        let counts = try ledger.claimCounts(all).byStatus
        let claims = Array(try ledger.claims(filter).dropFirst(q.page * QueueQuery.pageSize))
        let countLine = ClaimStatus.allCases.map { "<span>\(PageLayout.badge($0)) \(counts[$0] ?? 0)</span>" }.joined()
        var rows = ""
        for c in claims { rows += queueRow(c) }
        let more = claims.count == QueueQuery.pageSize ? "<a href=\"\(PageLayout.h(q.link(page: q.page + 1)))\">Next page</a>" : ""
        let back = q.page > 0 ? "<a href=\"\(PageLayout.h(q.link(page: q.page - 1)))\">Previous page</a> " : ""
        let body = """
        <h1>Queue</h1><p class="counts">\(countLine)</p>\(Desk.notice(r))
        \(filterForm(q))
        <table><thead><tr><th>ID</th><th>Status</th><th>Speaker</th><th>Text</th><th>Source</th><th>Score</th></tr></thead>
        <tbody>\(rows.isEmpty ? "<tr><td colspan=\"6\">Nothing matches these filters.</td></tr>" : rows)</tbody></table>
        <p>\(back)\(more)</p>
        """
        return .html(PageLayout.page(title: "Queue", session: s, state: state(), body: body))
    }

    func queueRow(_ c: ClaimRecord) -> String {
        let h = PageLayout.h
        return """
        <tr><td><a href="/c/\(h(c.shortID))">\(h(c.shortID))</a></td><td>\(PageLayout.badge(c.status))</td>\
        <td>\(h(c.claim.speaker ?? "—"))</td><td>\(h(c.kind == .quote ? "“\(c.claim.text)”" : c.claim.text))</td>\
        <td><a href="/s/\(h(c.sourceShortID))?c=\(h(c.shortID))">\(h(c.sourceTitle ?? c.sourceShortID))</a></td>\
        <td>\(c.claim.score.map { String(format: "%.2f", $0) } ?? "")</td></tr>
        """
    }

    func filterForm(_ q: QueueQuery) -> String {
        let h = PageLayout.h
        let statuses = ["unverified", "verified", "disputed", "dismissed", "all"].map {
            "<option\(($0 == (q.status?.rawValue ?? "all")) ? " selected" : "")>\($0)</option>"
        }.joined()
        let kinds = [("", "any"), ("quote", "quote"), ("claim", "claim")].map {
            "<option value=\"\($0.0)\"\(($0.0 == (q.kind?.rawValue ?? "")) ? " selected" : "")>\($0.1)</option>"
        }.joined()
        return """
        <form method="get" action="/" class="filters">
        <label>Status <select name="status">\(statuses)</select></label><label>Kind <select name="kind">\(kinds)</select></label>
        <label>Speaker <input type="text" name="speaker" value="\(h(q.speaker ?? ""))"></label>
        <label>Source <input type="text" name="source" value="\(h(q.source ?? ""))" placeholder="s-…"></label>
        <label>Search <input type="text" name="q" value="\(h(q.search ?? ""))"></label><button type="submit">Filter</button></form>
        """
    }

    /// The notice a redirect asked for (`?m=`), as a message: one of a fixed set, never text from
    /// the request itself.
    static func notice(_ r: WebRequest) -> String {
        PageLayout.message(r.query["m"].flatMap { notices[$0] })
    }

    static let notices: [String: String] = [
        "verified": "Recorded: verified.", "disputed": "Recorded: disputed.", "note": "Note recorded.",
        "speaker": "Speaker corrected.", "ingested": "Article recorded.", "unchanged": "This article was already in the ledger; nothing new was recorded.",
    ]
}
