import LedgerStore

/// Markdown: title block, summary, one section per source with its citation and claims,
/// evidence as numbered references at the end. Everything from articles is escaped.
struct MarkdownReport: ReportRenderer {
    var notes = EvidenceNotes()
    var sourceNumber = 0

    /// Backslash-escapes what Markdown (CommonMark and GFM) could read as markup — emphasis, code,
    /// links, HTML, tables, autolinks — anywhere, and a block marker (`#`, `-`, `+`, `>`, `1.`) at the
    /// start; newlines are flattened so text cannot open a new block.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in VisibleText.visible(text) {
            switch ch {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "|", "~", "&", "\"", "!", "#":
                out.append("\\")
                out.append(ch)
            case "\n", "\r": out.append(" ")
            default: out.append(ch)
            }
        }
        // A leading "-", "+" or "12." would start a list.
        if let first = out.first, first == "-" || first == "+" { out.insert("\\", at: out.startIndex) }
        if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy(\.isNumber), dot != out.startIndex {
            out.insert("\\", at: dot)
        }
        return out
    }

    mutating func begin(_ s: ReportSummary) -> String {
        var out = "# ClaimLedger citation report\n\n"
        out +=
            "- Ledger as of entry \(s.stamp.asOf)" + (s.stamp.recordedAt.isEmpty ? "" : " (\(s.stamp.recordedAt))")
            + "\n"
        out += "- Head hash: `\(s.stamp.headHash)`\n"
        out += "- Sources: \(s.sources); claims and quotes: \(s.total)\n"
        out += "- Checkpoint (check later with `claimledger audit --checkpoint`):\n\n"
        out += s.checkpoint.body.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n\n"
        out += "## Summary\n\n| Status | Claims |\n|---|---|\n"
        for status in ClaimStatus.reportOrder { out += "| \(status.label) | \(s.counts[status] ?? 0) |\n" }
        out += "| Dismissed as not check-worthy (not listed) | \(s.dismissed) |\n"
        return out + "\n"
    }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        sourceNumber += 1
        var out = "## \(sourceNumber). \(MarkdownReport.escape(source.title ?? "Untitled source"))\n\n"
        let citation = [source.outlet, source.author, source.published].compactMap { $0 }.map(MarkdownReport.escape)
        if !citation.isEmpty { out += citation.joined(separator: " · ") + "  \n" }
        if let url = safeLink(source.url) {
            out += "<\(url)>  \n"
        } else if let url = source.url {
            out += "URL: \(MarkdownReport.escape(url))  \n"
        }
        out += "Source `\(source.shortID)`" + (source.sha256.map { ", SHA-256 `\($0)`" } ?? "") + "\n\n"
        for c in claims { out += claimItem(c) }
        return out + "\n"
    }

    /// One claim as a list item: heading with its references, text, attribution, matches, then the
    /// decisions, attribution check and notes behind it.
    mutating func claimItem(_ c: ClaimRecord) -> String {
        let check = QuoteAxes.check(c)
        let refs = notes.numbers(for: c)
        let checkRef = check.flatMap { notes.number(for: $0) }
        var out =
            "- **\(c.kind.label) `\(c.shortID)` — \(QuoteAxes.heading(c, rating: c.rating.map(MarkdownReport.escape)))**"
            + (refs + [checkRef].compactMap { $0 }).map { " [\($0)]" }.joined() + "  \n"
        out += "  " + (c.kind == .quote ? "“\(MarkdownReport.escape(c.text))”" : MarkdownReport.escape(c.text)) + "  \n"
        var attribution: [String] = []
        attribution.append("Speaker: " + (c.speaker.map(MarkdownReport.escape) ?? "—"))
        if let cue = c.cue { attribution.append("cue: " + MarkdownReport.escape(cue)) }
        if let via = c.via { attribution.append("via: " + MarkdownReport.escape(via)) }
        if let type = c.claimType { attribution.append("type: \(type)") }
        let matchLines = MarkdownReport.matchLines(c)
        let more = !(c.decisions.isEmpty && c.notes.isEmpty && check == nil)
        out += "  " + attribution.joined(separator: "; ") + (more || !matchLines.isEmpty ? "  \n" : "\n")
        if !matchLines.isEmpty { out += matchLines.joined(separator: "  \n") + (more ? "  \n" : "\n") }
        let trail = MarkdownReport.trail(c, refs: refs, check: check, checkRef: checkRef)
        if !trail.isEmpty { out += trail.joined(separator: "  \n") + "\n" }
        return out
    }

    /// "Checked before as …" and "Also claimed in: …" lines.
    static func matchLines(_ c: ClaimRecord) -> [String] {
        var lines = c.checkedBefore.map { "  Checked before as " + escape(ReportMatches.checkedBefore($0)) }
        if !c.alsoClaimedIn.isEmpty {
            lines.append(
                "  Also claimed in: " + c.alsoClaimedIn.map { escape(ReportMatches.source($0)) }.joined(separator: "; ")
            )
        }
        return lines
    }

    /// Each decision behind the verdict, the attribution check and each note, one line each.
    static func trail(_ c: ClaimRecord, refs: [Int], check: HistoryEvent?, checkRef: Int?) -> [String] {
        var trail: [String] = []
        for (d, ref) in zip(c.decisions, refs) {
            trail.append(
                "  \(c.status.label) by \(escape(d.credit ?? "—")) on \(d.recordedAt) [\(ref)]"
                    + (d.note.map { ": " + escape($0) } ?? ""))
        }
        if let check, let ref = checkRef {
            trail.append(
                "  Said as quoted? \(QuoteAxes.answer(c)) — checked by \(escape(check.credit ?? "—")) on \(check.recordedAt) [\(ref)]"
                    + (check.note.map { ": " + escape($0) } ?? ""))
        }
        for n in c.notes {
            trail.append("  Note by \(escape(n.reviewer ?? "—")) on \(n.recordedAt): \(escape(n.noteText ?? ""))")
        }
        return trail
    }

    mutating func end() -> String {
        guard !notes.list.isEmpty else { return "" }
        var out = "## Evidence\n\n"
        for (n, e) in notes.list.enumerated() {
            let text = safeLink(e.evidence).map { "<\($0)>" } ?? MarkdownReport.escape(e.evidence)
            out +=
                "\(n + 1). \(text) — \(MarkdownReport.escape(Credit.text(reviewer: e.reviewer, publishedBy: e.publishedBy) ?? "—")), \(e.date ?? "—")\n"
        }
        return out
    }
}
