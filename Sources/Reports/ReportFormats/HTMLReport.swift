import LedgerStore

/// One self-contained HTML file: inline styles only (no scripts, fonts or external files), readable
/// on screen and in print, each claim in its sentence with the claim highlighted, statuses in colour
/// and in words, and an inline SVG chart of claims by status.
struct HTMLReport: ReportRenderer {
    var options: ReportOptions
    var notes = EvidenceNotes()
    var sourceNumber = 0

    init(options: ReportOptions) { self.options = options }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    static let style = """
        body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
        h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
        .meta{color:#555;font-size:.9rem}
        .claim{border-left:.35rem solid #999;padding:.4rem .8rem;margin:1rem 0;break-inside:avoid}
        .claim.verified{border-color:#1b7f3b}.claim.disputed{border-color:#b3261e}.claim.unverified{border-color:#b58900}
        .badge{font-family:Helvetica,Arial,sans-serif;font-size:.8rem;font-weight:bold;padding:.1rem .4rem;border-radius:.2rem;color:#fff}
        .verified .badge{background:#1b7f3b}.disputed .badge{background:#b3261e}.unverified .badge{background:#8a6d00}
        mark{background:#fff3a0;padding:0 .1rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;font-size:.9rem;margin:.3rem 0}
        dt{color:#555}dd{margin:0}
        code{font-size:.85em;word-break:break-all}
        @media print{body{margin:0;max-width:none}.claim{border-left-width:.2rem}a{color:inherit}}
        """

    mutating func begin(_ s: ReportSummary) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>ClaimLedger citation report</title>\n<style>\n\(HTMLReport.style)\n</style>\n</head>\n<body>\n"
        out += "<h1>ClaimLedger citation report</h1>\n"
        if let publisher = options.publisherName {
            out += "<p class=\"meta\">Published by \(HTMLReport.escape(publisher))</p>\n"
        }
        out +=
            "<p class=\"meta\">Ledger as of entry \(s.stamp.asOf)"
            + (s.stamp.recordedAt.isEmpty ? "" : " (\(HTMLReport.escape(s.stamp.recordedAt)))")
        out +=
            "<br>Head hash <code>\(s.stamp.headHash)</code><br>\(s.sources) sources, \(s.total) claims and quotes</p>\n"
        out +=
            "<p class=\"meta\">Checkpoint (check later with <code>claimledger audit --checkpoint</code>):</p>\n<pre>\(HTMLReport.escape(s.checkpoint.body))</pre>\n"
        out += "<h2>Summary</h2>\n" + HTMLReport.chart(s.counts) + "\n"
        out += "<p class=\"meta\">Dismissed as not check-worthy (not listed): \(s.dismissed)</p>\n"
        return out
    }

    /// A horizontal bar per status, labelled with its name and count (colour is never the only cue).
    static func chart(_ counts: [ClaimStatus: Int]) -> String {
        let rows: [(ClaimStatus, String)] = [(.verified, "#1b7f3b"), (.disputed, "#b3261e"), (.unverified, "#8a6d00")]
        let maximum = max(1, rows.map { counts[$0.0] ?? 0 }.max() ?? 1)
        var svg =
            "<svg role=\"img\" aria-label=\"Claims by status\" width=\"420\" height=\"96\" viewBox=\"0 0 420 96\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (i, (status, colour)) in rows.enumerated() {
            let n = counts[status] ?? 0
            let width = Int(Double(n) / Double(maximum) * 260)
            let y = i * 30 + 4
            svg +=
                "<text x=\"0\" y=\"\(y + 16)\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"13\">\(status.label)</text>"
            svg += "<rect x=\"100\" y=\"\(y)\" width=\"\(width)\" height=\"22\" fill=\"\(colour)\"/>"
            svg +=
                "<text x=\"\(106 + width)\" y=\"\(y + 16)\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"13\">\(n)</text>\n"
        }
        return svg + "</svg>"
    }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        sourceNumber += 1
        var out =
            "<section>\n<h2>\(sourceNumber). \(HTMLReport.escape(source.title ?? "Untitled source"))</h2>\n<p class=\"meta\">"
        let citation = [source.outlet, source.author, source.published].compactMap { $0 }.map(HTMLReport.escape)
        if !citation.isEmpty { out += citation.joined(separator: " · ") + "<br>" }
        if let url = safeLink(source.url) {
            out += "<a href=\"\(HTMLReport.escape(url))\">\(HTMLReport.escape(url))</a><br>"
        } else if let url = source.url {
            out += HTMLReport.escape(url) + "<br>"
        }
        out +=
            "Source <code>\(source.shortID)</code>" + (source.sha256.map { ", SHA-256 <code>\($0)</code>" } ?? "")
            + "</p>\n"
        let text = SourceText(source.body)  // decoded once per source, not once per claim
        for c in claims { out += claimArticle(c, in: text) }
        return out + "</section>\n"
    }

    /// One claim as an `<article>`: its verdict and references, its sentence with the claim marked,
    /// its attribution, the decisions and checks behind it, and its matches.
    mutating func claimArticle(_ c: ClaimRecord, in text: SourceText) -> String {
        let parts = sentenceParts(c, in: text)
        let check = QuoteAxes.check(c)
        let refs = notes.numbers(for: c)
        let checkRef = check.flatMap { notes.number(for: $0) }
        var out = "<article class=\"claim \(c.status.rawValue)\" id=\"\(c.shortID)\">\n"
        out +=
            "<p><span class=\"badge\">\(QuoteAxes.heading(c, rating: c.rating.map(HTMLReport.escape)))</span> \(c.kind.label) <code>\(c.shortID)</code>"
        for ref in refs + [checkRef].compactMap({ $0 }) { out += " <a href=\"#evidence-\(ref)\">[\(ref)]</a>" }
        out +=
            "</p>\n<p class=\"sentence\">\(HTMLReport.escape(parts.before))<mark>\(HTMLReport.escape(parts.claim))</mark>\(HTMLReport.escape(parts.after))</p>\n<dl>"
        out += "<dt>Speaker</dt><dd>\(HTMLReport.escape(c.speaker ?? "—"))</dd>"
        if let cue = c.cue { out += "<dt>Cue</dt><dd>\(HTMLReport.escape(cue))</dd>" }
        if let via = c.via { out += "<dt>Via</dt><dd>\(HTMLReport.escape(via))</dd>" }
        if let type = c.claimType { out += "<dt>Type</dt><dd>\(HTMLReport.escape(type))</dd>" }
        out += HTMLReport.trail(c, refs)
        if let check, let ref = checkRef {
            out +=
                "<dt>Said as quoted?</dt><dd>\(HTMLReport.escape(QuoteAxes.answer(c))) — \(HTMLReport.escape(check.credit ?? "—")), \(HTMLReport.escape(check.recordedAt)) "
                + "<a href=\"#evidence-\(ref)\">[\(ref)]</a>"
                + (check.note.map { ": " + HTMLReport.escape($0) } ?? "") + "</dd>"
        }
        return out + HTMLReport.matches(c) + "</dl>\n</article>\n"
    }

    /// "Checked before as" and "Also claimed in" rows.
    static func matches(_ c: ClaimRecord) -> String {
        var out = ""
        for r in c.checkedBefore {
            out += "<dt>Checked before as</dt><dd>\(escape(ReportMatches.checkedBefore(r)))</dd>"
        }
        if !c.alsoClaimedIn.isEmpty {
            out +=
                "<dt>Also claimed in</dt><dd>"
                + c.alsoClaimedIn.map { escape(ReportMatches.source($0)) }.joined(separator: "; ") + "</dd>"
        }
        return out
    }

    /// Each decision behind the verdict (with its evidence reference and note) and each note.
    static func trail(_ c: ClaimRecord, _ refs: [Int]) -> String {
        var out = ""
        for (d, ref) in zip(c.decisions, refs) {
            out +=
                "<dt>\(c.status.label)</dt><dd>\(escape(d.credit ?? "—")), \(escape(d.recordedAt)) <a href=\"#evidence-\(ref)\">[\(ref)]</a>"
                + (d.note.map { ": " + escape($0) } ?? "") + "</dd>"
        }
        for n in c.notes {
            out +=
                "<dt>Note</dt><dd>\(escape(n.noteText ?? "")) — \(escape(n.reviewer ?? "—")), \(escape(n.recordedAt))</dd>"
        }
        return out
    }

    mutating func end() -> String {
        var out = ""
        if !notes.list.isEmpty {
            out += "<h2>Evidence</h2>\n<ol>\n"
            for (n, e) in notes.list.enumerated() {
                let text =
                    safeLink(e.evidence).map { "<a href=\"\(HTMLReport.escape($0))\">\(HTMLReport.escape($0))</a>" }
                    ?? HTMLReport.escape(e.evidence)
                out +=
                    "<li id=\"evidence-\(n + 1)\">\(text) — \(HTMLReport.escape(Credit.text(reviewer: e.reviewer, publishedBy: e.publishedBy) ?? "—")), \(HTMLReport.escape(e.date ?? "—"))</li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
