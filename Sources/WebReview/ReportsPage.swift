import Foundation
import LedgerStore
import Reports

/// A report's filters as the reports page's form and its download links carry them: decided or one
/// status, one article, claims recorded since a day.
struct ReportQuery {
    /// `decided` (verified and disputed), or one status; nil: every claim but the dismissed.
    var status: String?
    var source: String?
    var since: String?

    init(_ r: WebRequest) {
        status = r.field("status").flatMap { $0 == "decided" || ClaimStatus(rawValue: $0) != nil ? $0 : nil }
        source = r.field("source")
        since = r.field("since")
    }

    /// The filter, or why the form cannot be used (in the words of its fields).
    func filter(_ ledger: Ledger) throws -> ClaimFilter {
        var filter = ClaimFilter()
        if status == "decided" {
            filter.statuses = [.verified, .disputed]
        } else {
            filter.status = status.flatMap(ClaimStatus.init(rawValue:))
        }
        filter.sourceID = try source.map(ledger.resolveSourceID)
        if let since {
            guard let day = PublicationDate.normalised(since) else {
                throw LedgerError.refused(
                    "“\(since)” is not a day: write Since as \(PublicationDate.example) (year-month-day), or leave it empty."
                )
            }
            filter.since = day
        }
        return filter
    }

    /// The query string the download links carry ("" without filters).
    var string: String {
        let fields = [("status", status), ("source", source), ("since", since)].compactMap { k, v in
            v.map { "\(k)=\(PageLayout.u($0))" }
        }
        return fields.isEmpty ? "" : "?" + fields.joined(separator: "&")
    }
}

extension Desk {
    static let reportTypes: [ReportFormat: (ext: String, type: String)] = [
        .markdown: ("md", "text/markdown; charset=utf-8"), .html: ("html", "text/html; charset=utf-8"),
        .json: ("json", "application/json"), .csv: ("csv", "text/csv; charset=utf-8"),
        .claimreview: ("claimreview.json", "application/ld+json"),
    ]

    public func reportsPage(_ r: WebRequest, _ s: DeskSession, error: String? = nil, status: Int = 200) throws
        -> WebResponse
    {
        let q = ReportQuery(r)
        let h = PageLayout.h
        let links = ReportFormat.allCases.map { f in
            "<li><a href=\"/report.\(f.rawValue)\(h(q.string))\">\(f.rawValue)</a></li>"
        }.joined()
        let statuses =
            [("", "every claim (not dismissed)"), ("decided", "decided: verified or disputed")]
            + ClaimStatus.allCases.map { ($0.rawValue, $0.rawValue) }
        let options = statuses.map { value, words in
            "<option value=\"\(value)\"\(value == (q.status ?? "") ? " selected" : "")>\(h(words))</option>"
        }.joined()
        let body = """
            <h1>Reports</h1><p>The citation report as the ledger stands now, as `claimledger report` writes it.</p>\
            \(PageLayout.message(error, error: true))
            <form method="get" action="/reports" class="filters">
            <label>Claims <select name="status">\(options)</select></label>
            <label>Article <input type="text" name="source" value="\(h(q.source ?? ""))" placeholder="s-… (all when empty)"></label>
            <label>Recorded since <input type="text" name="since" value="\(h(q.since ?? ""))" placeholder="\(PublicationDate.example)"></label>
            <button type="submit">Use these filters</button></form>
            <ul>\(links)</ul>
            """
            + publisherLine(try ledger.publisher())
            + "<form method=\"post\" action=\"/audit\">\(PageLayout.csrfField(s))<button>Audit the ledger now</button></form>"
        return .html(PageLayout.page(title: "Reports", session: s, state: state(), body: body), status: status)
    }

    /// Who publishes the reviews (ClaimReview's author and review pages), or what the download needs.
    func publisherLine(_ publisher: Publisher?) -> String {
        guard let publisher else { return "<p>" + DeskWords.noPublisher + "</p>" }
        let h = PageLayout.h
        return "<p>Reviews are published by <strong>\(h(publisher.name))</strong>; each review's page is "
            + "<code>\(h(publisher.reviewURL))</code> ({id} is the claim's ID).</p>"
    }

    public func report(_ name: String, _ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        guard let format = ReportFormat(rawValue: name), let kind = Desk.reportTypes[format] else {
            return errorPage(s, status: 404, "No report format \"\(name)\": markdown, html, json, csv or claimreview.")
        }
        let ledger = ledger
        // Refused before the download starts: ClaimReview without each review's page is invalid.
        if format == .claimreview, try ledger.publisher() == nil {
            return errorPage(s, status: 409, DeskWords.noPublisher)
        }
        let filter: ClaimFilter
        do {
            filter = try ReportQuery(r).filter(ledger)
        } catch LedgerError.refused(let why) {
            return try reportsPage(r, s, error: why, status: 400)
        } catch LedgerError.unknownID, LedgerError.ambiguousID {
            return try reportsPage(
                r, s, error: "No single article has that ID: copy it from the Sources page, or leave Article empty.",
                status: 400)
        }
        return .download(type: kind.type, filename: "claimledger-report.\(kind.ext)") { write in
            try CitationReport(ledger: ledger, filter: filter).render(format, asOf: nil, to: write)
        }
    }
}
