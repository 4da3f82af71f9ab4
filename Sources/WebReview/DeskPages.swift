import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore
import Reports

extension Desk {
    func sourcesPage(_ s: DeskSession) throws -> WebResponse {
        let h = PageLayout.h
        let rows = try ledger.sources().map { src in
            let counts = ClaimStatus.allCases.map { "\(PageLayout.badge($0)) \(src.counts[$0] ?? 0)" }.joined(separator: " ")
            return "<tr><td><a href=\"/s/\(h(src.source.shortID))\">\(h(src.source.shortID))</a></td><td>\(h(src.source.source.title ?? ""))</td>"
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
        .json: ("json", "application/json"), .csv: ("csv", "text/csv; charset=utf-8"), .claimreview: ("claimreview.json", "application/ld+json"),
    ]

    func reportsPage(_ s: DeskSession) -> WebResponse {
        let links = ReportFormat.allCases.map { f in "<li><a href=\"/report.\(f.rawValue)\">\(f.rawValue)</a></li>" }.joined()
        let body = "<h1>Reports</h1><p>The citation report of the whole ledger as it stands now, as `claimledger report` writes it.</p><ul>\(links)</ul>"
            + "<form method=\"post\" action=\"/audit\">\(PageLayout.csrfField(s))<button>Audit the ledger now</button></form>"
        return .html(PageLayout.page(title: "Reports", session: s, state: state(), body: body))
    }

    func report(_ name: String, _ s: DeskSession) throws -> WebResponse {
        guard let format = ReportFormat(rawValue: name), let kind = Desk.reportTypes[format] else {
            return errorPage(s, status: 404, "No report format \"\(name)\": markdown, html, json, csv or claimreview.")
        }
        let ledger = ledger
        return .download(type: kind.type, filename: "claimledger-report.\(kind.ext)") { write in
            try CitationReport(ledger: ledger).render(format, asOf: nil, to: write)
        }
    }

    func ingestPage(_ s: DeskSession, message: String?, status: Int = 200) -> WebResponse {
        let body = """
        <h1>Ingest an article</h1>\(PageLayout.message(message, error: true))
        <form method="post" action="/ingest" enctype="multipart/form-data">\(PageLayout.csrfField(s))
        <label for="title">Title (else the article's header block, else its first line)</label><input type="text" id="title" name="title">
        <label for="url">URL</label><input type="text" id="url" name="url"><label for="outlet">Outlet</label><input type="text" id="outlet" name="outlet">
        <label for="text">Paste the article's text</label><textarea id="text" name="text" rows="14"></textarea>
        <label for="file">or upload a text file (UTF-8)</label><input type="file" id="file" name="file" accept=".txt,text/plain">
        <p><button type="submit">Ingest</button></p></form>
        """
        return .html(PageLayout.page(title: "Ingest", session: s, state: state(), body: body), status: status)
    }

    /// Same rules as `claimledger ingest`: text that is not an article is refused with the reason,
    /// nothing recorded; the same text again records nothing new.
    func ingest(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        let pasted = r.form["text"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : Array($0.utf8) }
        let uploaded = r.upload.flatMap { $0.isEmpty ? nil : $0 }
        guard let bytes = uploaded ?? pasted else { return ingestPage(s, message: "Paste an article or choose a file. Nothing was recorded.", status: 400) }
        var article: Article
        do {
            article = try ArticleReader.read(bytes, name: uploaded == nil ? "the pasted text" : "the uploaded file")
        } catch {
            return ingestPage(s, message: (error as? LocalizedError)?.errorDescription ?? "\(error)", status: 400)
        }
        let value = r.field
        if let title = value("title") { article.title = title; article.titleGuessed = false }
        if let url = value("url") { article.url = url }
        if let outlet = value("outlet") { article.outlet = outlet }
        guard let plan = ExtractionBudget.plan(article, within: articleSeconds ?? ExtractionBudget.seconds(forBytes: bytes.count)) else {
            return ingestPage(s, message: "Analysing this article took too long; it was not recorded. Ingest it with the CLI and a larger CLAIMLEDGER_ARTICLE_SECONDS.", status: 400)
        }
        let result = try ledger.ingest(plan)
        let short = "s-" + result.sourceID.prefix(Identifiers.minimumShortLength)
        return .redirect("/s/\(short)?m=\(result.recorded ? "ingested" : "unchanged")")
    }
}
