import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore
import Reports

extension Desk {
    public func sourcesPage(_ s: DeskSession) throws -> WebResponse {
        let h = PageLayout.h
        let rows = try ledger.sources().map { src in
            let counts = ClaimStatus.allCases.map { "\(PageLayout.badge($0)) \(src.counts[$0] ?? 0)" }.joined(
                separator: " ")
            return
                "<tr><td><a href=\"/s/\(h(src.source.shortID))\">\(h(src.source.shortID))</a></td><td>\(h(src.source.source.title ?? ""))</td>"
                + "<td>\(h(src.source.source.outlet ?? ""))</td><td>\(h(src.source.source.published ?? ""))</td><td>\(counts)</td></tr>"
        }.joined()
        let body = """
            <h1>Sources</h1><table class="cards"><thead><tr><th>ID</th><th>Title</th><th>Outlet</th><th>Published</th><th>Claims</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"5\">No sources yet: <a href=\"/ingest\">ingest an article</a>.</td></tr>" : rows)</tbody></table>
            """
        return .html(PageLayout.page(title: "Sources", session: s, state: state(), body: body))
    }
}
