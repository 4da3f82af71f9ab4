import Foundation
import LedgerStore
import Reports

extension Desk {
    /// The article with every quote and claim marked where it stands; the selected one's panel beside it.
    public func articlePage(
        _ typed: String, _ r: WebRequest, _ s: DeskSession, sourceError: String? = nil, status: Int = 200
    ) throws -> WebResponse {
        let sourceID = try ledger.resolveSourceID(typed)
        let source = try ledger.source(id: sourceID)
        let claims = try ledger.claims(ClaimFilter(sourceID: sourceID, order: .position, withDismissed: true))
        let repeats = try ledger.repeatSummaries(of: claims)
        let chosen = r.query["c"]
        let selected = claims.first { $0.shortID == chosen || $0.claim.claimID == chosen }
        let h = PageLayout.h
        // A decision's confirmation is in the panel, beside the claim; the article's own notices on top.
        let notice: String
        switch r.query["m"] {
        case "ingested": notice = try ingestedNotice(sourceID: sourceID, claims: claims)
        case "unchanged": notice = try unchangedNotice(sourceID: sourceID)
        default: notice = selected == nil ? Desk.notice(r) : ""
        }
        let panel =
            try selected.map {
                try claimPanel(
                    $0, s, from: "/s/\(source.shortID)?c=\($0.shortID)", use: r.query["use"],
                    notice: Desk.panelNotice(r))
            }
            ?? "<p>\(claims.count) quotes and claims. Select one in the text to review it.</p>"
            + claimList(claims, source: source.shortID, repeats: repeats)
        let dim = r.query["dim"] == "1"
        let hidden = PageLayout.csrfField(s)
        let correct = SourceFormView.form(
            source, hidden: hidden, kept: sourceError == nil ? [:] : r.form, error: sourceError)
        let paragraphs = markedParagraphs(
            source.body ?? "", claims: claims, repeats: repeats, source: source.shortID, selected: selected?.shortID,
            dim: dim)
        let body = """
            \(Self.articleHeading(source))\(notice)\(correct)
            \(marksToggle(source.shortID, selected: selected?.shortID, dim: dim))
            <a class="skip" href="#panel">Skip past the marks to the claim panel</a>
            <div class="article"><div class="text\(dim ? " dim" : "")">\(Self.text(paragraphs, panel: panel))</div></div>
            """
        return .html(
            PageLayout.page(title: source.source.title ?? source.shortID, session: s, state: state(), body: body),
            status: status)
    }

    /// The article's title (marked when guessed), its short ID, outlet, author, date and address.
    static func articleHeading(_ source: RecordedSource) -> String {
        let h = PageLayout.h
        let meta = [source.source.outlet, source.source.author, source.source.published].compactMap { $0 }.map(h)
            .joined(separator: " · ")
        let guessed = source.source.isTitleGuessed ? " <small class=\"guessed\">(guessed)</small>" : ""
        return """
            <h1>\(h(source.source.title ?? source.shortID))\(guessed)</h1><p class="meta">\(h(source.shortID))\(meta.isEmpty ? "" : " · " + meta)\
            \(source.source.url.map { " · " + PageLayout.link($0) } ?? "")</p>
            """
    }

    /// The paragraphs with the panel after the selected claim's (on a phone it is read right there;
    /// on a wide screen the stylesheet sets it beside the text), else after the whole text.
    static func text(_ paragraphs: [(html: String, holdsSelected: Bool)], panel: String) -> String {
        let at = paragraphs.firstIndex { $0.holdsSelected } ?? paragraphs.count - 1
        let text = paragraphs.enumerated().map { n, p in
            "<p class=\"para\">\(p.html)</p>" + (n == at ? panelAside(panel) : "")
        }
        return text.joined() + (paragraphs.isEmpty ? panelAside(panel) : "")
    }

    /// The claim panel's place in the text: a column beside it on a wide screen, the panel itself
    /// sticky inside it.
    static func panelAside(_ panel: String) -> String {
        "<aside class=\"panel\" id=\"panel\"><div class=\"panel-body\">\(panel)</div></aside>"
    }

    /// The text's paragraphs, marked (`markedText`), and whether each holds the selected claim's mark.
    func markedParagraphs(
        _ body: String, claims: [ClaimRecord], repeats: [String: RepeatSummary], source: String, selected: String?,
        dim: Bool
    ) -> [(html: String, holdsSelected: Bool)] {
        let scalars = Array(body.unicodeScalars)
        // In order of their start, taken paragraph by paragraph: one pass, however many of each.
        let placed = claims.filter { $0.claim.start != nil }.sorted { $0.claim.start! < $1.claim.start! }
        var next = 0
        return ArticleParagraphs.ranges(scalars, spans: claims.compactMap(Self.span)).map { range in
            while next < placed.count, placed[next].claim.start! < range.lowerBound { next += 1 }
            let first = next
            while next < placed.count, placed[next].claim.start! < range.upperBound { next += 1 }
            let inside = Array(placed[first..<next])
            let html = markedText(
                scalars, range, claims: inside, repeats: repeats, source: source, selected: selected, dim: dim)
            return (html, inside.contains { $0.shortID == selected })
        }
    }

    /// Where a claim stands in its article's text, when it says.
    static func span(_ c: ClaimRecord) -> Range<Int>? {
        guard let start = c.claim.start, let end = c.claim.end, start <= end else { return nil }
        return start..<end
    }

    /// The text, escaped, with each claim's span a link to its panel: colour and a label for its
    /// status, its speaker (and what it repeats) as a title. A span inside one already marked gets a
    /// link of its own right after it (`mark(nested:)`).
    func markedText(
        _ scalars: [Unicode.Scalar], _ range: Range<Int>, claims: [ClaimRecord], repeats: [String: RepeatSummary] = [:],
        source: String, selected: String?, dim: Bool = false
    ) -> String {
        func text(_ a: Int, _ b: Int) -> String { PageLayout.h(String(String.UnicodeScalarView(scalars[a..<b]))) }
        var out = ""
        var at = range.lowerBound
        for c in claims.sorted(by: { ($0.claim.start ?? -1, $0.seq) < ($1.claim.start ?? -1, $1.seq) }) {
            guard let span = Self.span(c), span.upperBound <= range.upperBound else { continue }
            let (start, end) = (span.lowerBound, span.upperBound)
            let title = Desk.markTitle(c, repeats: repeats[c.claim.claimID])
            guard start >= at else {
                // Inside the span just marked (a quote within a claim): a link of its own right after it.
                out += mark(
                    c, source: source, selected: selected, dim: dim, title: title, nested: true,
                    label: "[+\(c.kind.rawValue) \(c.status.rawValue)]")
                continue
            }
            out += text(at, start)
            out += mark(
                c, source: source, selected: selected, dim: dim, title: title, words: text(start, end),
                label: "[\(c.status.rawValue)]")
            at = end
        }
        return out + text(at, range.upperBound)
    }

    /// What a mark says on hover or focus: its kind and speaker, and what it repeats.
    static func markTitle(_ c: ClaimRecord, repeats: RepeatSummary?) -> String {
        (c.claim.speaker.map { "\(c.kind.rawValue) by \($0)" } ?? c.kind.rawValue)
            + (SeenBeforeView.flag(repeats).map { "; " + $0 } ?? "")
    }

    /// A claim's mark, a link to its panel: its marked `words` (escaped), colour and a label for its
    /// status, `title` on hover or focus. `nested`: a quote or claim inside another's span, marked by
    /// its label alone ("[+quote unverified]") right after the outer mark.
    func mark(
        _ c: ClaimRecord, source: String, selected: String?, dim: Bool, title: String, nested: Bool = false,
        words: String = "", label: String
    ) -> String {
        let h = PageLayout.h
        let classes =
            "mark\(nested ? " nested" : "") \(c.kind.rawValue) \(c.status.rawValue)\(c.shortID == selected ? " selected" : "")"
        return "<a class=\"\(classes)\" id=\"m-\(h(c.shortID))\" "
            + "href=\"/s/\(h(source))?c=\(h(c.shortID))\(dim ? "&amp;dim=1" : "")#panel\" "
            + "title=\"\(h(title + (nested ? " (inside the span before)" : "")))\">" + words
            + "<span class=\"label\" data-speaker=\"\(h(title))\">\(label)</span></a>"
    }

    /// "Dim the marks" (plain text, the selected one still shown) or "Show the marks", keeping the selection.
    func marksToggle(_ source: String, selected: String?, dim: Bool) -> String {
        let h = PageLayout.h
        let keep = selected.map { "c=\(h($0))&amp;" } ?? ""
        let link = "/s/\(h(source))?\(keep)\(dim ? "" : "dim=1")"
        return "<p class=\"marks-toggle\">Quotes are underlined twice, claims once; decided ones are paler. "
            + "<a href=\"\(link)\(selected == nil ? "" : "#panel")\">\(dim ? "Show the marks" : "Dim the marks")</a></p>"
    }

    func claimList(_ claims: [ClaimRecord], source: String, repeats: [String: RepeatSummary]) -> String {
        let h = PageLayout.h
        let items = claims.map { c in
            "<li>\(PageLayout.badge(c.status)) <a href=\"/s/\(h(source))?c=\(h(c.shortID))#panel\">\(h(c.shortID))</a> \(h(c.claim.speaker ?? "")): \(h(String(c.claim.text.prefix(120))))\(SeenBeforeView.flagLine(repeats[c.claim.claimID]))</li>"
        }
        return "<ol>\(items.joined())</ol>"
    }
}

extension PageLayout {
    /// A link only for http(s) URLs (never javascript: or data:); anything else is plain text.
    static func link(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !url.contains(where: { $0.isWhitespace })
        else { return h(url) }
        return "<a href=\"\(h(url))\" rel=\"noopener noreferrer nofollow\">\(h(url))</a>"
    }
}
