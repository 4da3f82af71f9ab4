import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore
import Reports

extension Desk {
    func sourcesPage(_ s: DeskSession) throws -> WebResponse {
        let h = PageLayout.h
        let rows = try ledger.sources().map { src in
            let counts = ClaimStatus.allCases.map { "\(PageLayout.badge($0)) \(src.counts[$0] ?? 0)" }.joined(
                separator: " ")
            return
                "<tr><td><a href=\"/s/\(h(src.source.shortID))\">\(h(src.source.shortID))</a></td><td>\(h(src.source.source.title ?? ""))</td>"
                + "<td>\(h(src.source.source.outlet ?? ""))</td><td>\(h(src.source.source.published ?? ""))</td><td>\(counts)</td></tr>"
        }.joined()
        let body = """
            <h1>Sources</h1><table><thead><tr><th>ID</th><th>Title</th><th>Outlet</th><th>Published</th><th>Claims</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"5\">No sources yet: <a href=\"/ingest\">ingest an article</a>.</td></tr>" : rows)</tbody></table>
            """
        return .html(PageLayout.page(title: "Sources", session: s, state: state(), body: body))
    }

    static let reportTypes: [ReportFormat: (ext: String, type: String)] = [
        .markdown: ("md", "text/markdown; charset=utf-8"), .html: ("html", "text/html; charset=utf-8"),
        .json: ("json", "application/json"), .csv: ("csv", "text/csv; charset=utf-8"),
        .claimreview: ("claimreview.json", "application/ld+json"),
    ]

    func reportsPage(_ s: DeskSession) throws -> WebResponse {
        let links = ReportFormat.allCases.map { f in "<li><a href=\"/report.\(f.rawValue)\">\(f.rawValue)</a></li>" }
            .joined()
        let body =
            "<h1>Reports</h1><p>The citation report of the whole ledger as it stands now, as `claimledger report` writes it.</p><ul>\(links)</ul>"
            + publisherLine(try ledger.publisher())
            + "<form method=\"post\" action=\"/audit\">\(PageLayout.csrfField(s))<button>Audit the ledger now</button></form>"
        return .html(PageLayout.page(title: "Reports", session: s, state: state(), body: body))
    }

    /// Who publishes the reviews (ClaimReview's author and review pages), or what the download needs.
    func publisherLine(_ publisher: Publisher?) -> String {
        guard let publisher else { return "<p>" + DeskWords.noPublisher + "</p>" }
        let h = PageLayout.h
        return "<p>Reviews are published by <strong>\(h(publisher.name))</strong>; each review's page is "
            + "<code>\(h(publisher.reviewURL))</code> ({id} is the claim's ID).</p>"
    }

    func report(_ name: String, _ s: DeskSession) throws -> WebResponse {
        guard let format = ReportFormat(rawValue: name), let kind = Desk.reportTypes[format] else {
            return errorPage(s, status: 404, "No report format \"\(name)\": markdown, html, json, csv or claimreview.")
        }
        let ledger = ledger
        // Refused before the download starts: ClaimReview without each review's page is invalid.
        if format == .claimreview, try ledger.publisher() == nil {
            return errorPage(s, status: 409, DeskWords.noPublisher)
        }
        return .download(type: kind.type, filename: "claimledger-report.\(kind.ext)") { write in
            try CitationReport(ledger: ledger).render(format, asOf: nil, to: write)
        }
    }
}
