import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore

/// The desk's Ingest page: paste or upload an article, with what the CLI's header block would say
/// (title, URL, outlet, author, date); then the article's page says what was found.
extension Desk {
    static let ingestFields = ["title", "url", "outlet", "author", "published"]

    /// The form; after a refusal, every value typed is kept (a file must be chosen again: browsers
    /// never refill a file field).
    public func ingestPage(_ s: DeskSession, message: String?, status: Int = 200, kept: [String: String] = [:])
        -> WebResponse
    {
        let h = PageLayout.h
        func input(_ name: String, _ label: String, type: String = "text") -> String {
            "<label for=\"\(name)\">\(label)</label><input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(h(kept[name] ?? ""))\">"
        }
        let body = """
            <h1>Ingest an article</h1>\(PageLayout.message(message, error: true))
            <form method="post" action="/ingest" enctype="multipart/form-data">\(PageLayout.csrfField(s))
            \(input("title", "Title (else the article's header block, else its first line)"))\(input("url", "URL"))\(input("outlet", "Outlet"))
            \(input("author", "Author"))\(input("published", "Published (a date, e.g. 2026-11-24)", type: "date"))
            <label for="text">Paste the article's text</label><textarea id="text" name="text" rows="14">\(h(kept["text"] ?? ""))</textarea>
            <label for="file">or upload a text file (UTF-8)</label><input type="file" id="file" name="file" accept=".txt,text/plain">
            <p><button type="submit">Ingest</button></p></form>
            """
        return .html(PageLayout.page(title: "Ingest", session: s, state: state(), body: body), status: status)
    }

    /// The article's details as the form gives them (what is left empty stays as read from the
    /// text), or why they cannot be recorded.
    static func describe(_ article: inout Article, _ r: WebRequest) -> String? {
        if let title = r.field("title") {
            article.title = title
            article.titleGuessed = false
        }
        if let url = r.field("url") { article.url = url }
        if let outlet = r.field("outlet") { article.outlet = outlet }
        if let author = r.field("author") { article.author = author }
        if let published = r.field("published") {
            guard isCalendarDate(published) else {
                return
                    "Published: \"\(published)\" is not a date; write it as year-month-day, e.g. 2026-11-24. Nothing was recorded."
            }
            article.published = published
        }
        return nil
    }

    /// Same rules as `claimledger ingest`: text that is not an article is refused with the reason,
    /// nothing recorded; the same text again records nothing new.
    public func ingest(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        var kept = Dictionary(
            uniqueKeysWithValues: (Self.ingestFields + ["text"]).compactMap { k in r.form[k].map { (k, $0) } })
        func refused(_ message: String) -> WebResponse { ingestPage(s, message: message, status: 400, kept: kept) }
        let pasted = r.form["text"].flatMap {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : Array($0.utf8)
        }
        let uploaded = r.upload.flatMap { $0.isEmpty ? nil : $0 }
        guard let bytes = uploaded ?? pasted else {
            return refused("Paste an article or choose a file. Nothing was recorded.")
        }
        if uploaded != nil { kept["text"] = nil }
        var article: Article
        do {
            article = try ArticleReader.read(bytes, name: uploaded == nil ? "the pasted text" : "the uploaded file")
        } catch {
            return refused((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
        if let refusal = Self.describe(&article, r) { return refused(refusal) }
        guard
            let plan = ExtractionBudget.plan(
                article, within: articleSeconds ?? ExtractionBudget.seconds(forBytes: bytes.count))
        else {
            return refused(
                "Analysing this article took too long; it was not recorded. Ingest it with the CLI and a larger CLAIMLEDGER_ARTICLE_SECONDS."
            )
        }
        let result = try ledger.ingest(plan)
        let short = "s-" + result.sourceID.prefix(Identifiers.minimumShortLength)
        return .redirect("/s/\(short)?m=\(result.recorded ? "ingested" : "unchanged")")
    }

    /// A real date written YYYY-MM-DD (what a date field sends), by the ledger's own strict reading
    /// of times (digits only, no rollover: 2026-02-30 is no date).
    static func isCalendarDate(_ text: String) -> Bool {
        text.utf8.count == 10 && LedgerTime.isValid(Array((text + "T00:00:00Z").utf8))
    }

    /// After an ingest: what the article holds, and how much of it was seen before.
    func ingestedNotice(sourceID: String, claims: [ClaimRecord]) throws -> String {
        let quotes = claims.filter { $0.kind == .quote }.count
        let seen = try ledger.seenBefore(sourceID: sourceID)
        let found =
            "Article recorded: \(quotes) quote\(quotes == 1 ? "" : "s") and \(claims.count - quotes) claim\(claims.count - quotes == 1 ? "" : "s") found"
        return PageLayout.message(found + (seen.seen > 0 ? ", \(seen.seen) seen before." : "."))
    }

    /// After an ingest of an article the ledger held already (sent twice, or recorded before): when
    /// it was recorded, so a double click does not read as a failure.
    func unchangedNotice(sourceID: String) throws -> String {
        let recorded = try ledger.sourceHistory(sourceID: sourceID).first?.recordedAt
        return PageLayout.message(
            "This article was already in the ledger (recorded \(DeskWords.age(of: recorded)) ago); nothing new was recorded."
        )
    }
}
