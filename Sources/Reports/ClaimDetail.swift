import Foundation
import LedgerStore

/// A source's body decoded once into code points, so that every claim's sentence is cut from it
/// in time proportional to the sentence (decoding per claim made a report quadratic in an article's claims).
public struct SourceText {
    let scalars: [Unicode.Scalar]

    public init(_ body: String?) {
        var scalars: [Unicode.Scalar] = []
        if let body {
            scalars.reserveCapacity(body.utf8.count)
            for c in body.unicodeScalars { scalars.append(c) }
        }
        self.scalars = scalars
    }

    /// The sentence around a span, split at the span (code point offsets, as stored):
    /// (before, span, after), or nil when the offsets do not fit the text.
    public func sentenceAround(start: Int?, end: Int?, sentenceStart: Int?, sentenceEnd: Int?)
        -> (before: String, claim: String, after: String)?
    {
        guard !scalars.isEmpty, let start, let end, start >= 0, start <= end else { return nil }
        let sStart = max(0, min(sentenceStart ?? start, start))
        let sEnd = min(scalars.count, max(sentenceEnd ?? end, end))
        guard end <= sEnd else { return nil }
        return (text(sStart, start), text(start, end), text(end, sEnd))
    }

    var count: Int { scalars.count }
    func scalar(_ k: Int) -> Unicode.Scalar { scalars[k] }
    func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
}

/// `show ID`: one claim with its context, source citation, status and whole history.
public enum ClaimDetail {
    /// `matches`: claims of other sources this one repeats, and later ones that repeat it (`Ledger.claimMatches`).
    public static func text(
        _ c: ClaimRecord, source: RecordedSource, history: [HistoryEvent], styling: Styling,
        context: ContextSize = .paragraph, matches: ClaimMatches = ClaimMatches()
    ) -> String {
        styling.bold("\(c.shortID)  \(c.kind.rawValue)") + "  " + styling.status(c.status.rawValue) + "\n\n"
            + paragraph(c, source: source, styling: styling, context: context)
            + fields(c, source: source, history: history, styling: styling)
            + historyLines(history, styling: styling) + matchSections(matches, of: c, styling: styling)
    }

    /// The claim in its context, marked (underlined on a terminal, `[[…]]` otherwise); its text alone
    /// when it has no place in the source.
    static func paragraph(_ c: ClaimRecord, source: RecordedSource, styling: Styling, context: ContextSize) -> String {
        let v = { (text: String) in VisibleText.visible(text) }
        let around = SourceText(source.body).context(
            start: c.start, end: c.end, sentenceStart: c.sentenceStart,
            sentenceEnd: c.sentenceEnd, size: context)
        guard let ctx = around.map({ (before: v($0.before), claim: v($0.claim), after: v($0.after)) }) else {
            return "  " + v(c.text) + "\n\n"
        }
        let marked = styling.colour ? styling.bold("\u{1B}[4m" + ctx.claim) : "[[" + ctx.claim + "]]"
        return "  " + ctx.before + marked + ctx.after + "\n\n"
    }

    /// The "name      value" lines: speaker, cue, via, type and score, source, status and the
    /// quote's second axis, who is on it.
    static func fields(_ c: ClaimRecord, source: RecordedSource, history: [HistoryEvent], styling: Styling) -> String {
        var out = ""
        func field(_ name: String, _ value: String?) { out += ClaimDetail.fieldLine(name, value, styling: styling) }
        // How sure extraction's ranker was, beside the name it chose (a corrected speaker has none).
        field(
            "speaker",
            c.speaker.map { name in
                c.speakerConfidence.map { "\(name)  (confidence \(Decimals.two($0)))" } ?? name
            })
        field("cue", c.cue)
        field("via", c.via)
        if c.kind == .claim {
            field("type", c.claimType)
            field("score", c.score.map { Decimals.two($0) })
        }
        let citation = [source.title, source.outlet, source.author, source.published].compactMap { $0 }
        field("source", "\(source.shortID)  " + (citation.isEmpty ? "(untitled)" : citation.joined(separator: " · ")))
        if let url = source.url { field("url", url) }
        if let start = c.start, let end = c.end { field("position", "code points \(start)–\(end)") }
        let rated = c.rating.map { " \"\($0)\"" } ?? ""
        field(
            "status",
            c.status.rawValue + rated
                + (c.evidence.map { "  (\(ClaimDetail.grounds(c.status.rawValue)): \($0))" } ?? ""))
        return out + axesAndAssignee(c, history: history, styling: styling)
    }

    /// A quote's "said as" (was it said as quoted? its status is about what it says) and who is on
    /// the claim (nobody is on most claims: no line then).
    static func axesAndAssignee(_ c: ClaimRecord, history: [HistoryEvent], styling: Styling) -> String {
        var out = ""
        if c.kind == .quote {
            let check = history.last { $0.event == .attribution }
            let said =
                (c.attribution?.argument ?? "not checked") + (check?.evidence.map { "  (evidence: \($0))" } ?? "")
            out += fieldLine("said as", said, styling: styling)
        }
        if let assignee = c.assignedTo {
            let given = history.last { $0.event == .assignment }
            let by = given.map { "  (assigned by \($0.reviewer ?? "?") at \($0.recordedAt))" } ?? ""
            out += fieldLine("on it", assignee + by, styling: styling)
        }
        return out
    }

    /// "History" and one line per entry about the claim, oldest first.
    static func historyLines(_ history: [HistoryEvent], styling: Styling) -> String {
        var out = "\n" + styling.bold("History") + "\n"
        for e in history {
            var line = "  #\(e.seq)  \(e.recordedAt)  " + e.changeText
            if let credit = e.credit { line += "  — \(credit)" }
            out += VisibleText.visible(line) + "\n"
        }
        return out
    }

    /// "Seen before" (the earlier claims it repeats) and "Also claimed later" (the later claims
    /// that repeat it), each only when it has a match.
    static func matchSections(_ matches: ClaimMatches, of c: ClaimRecord, styling: Styling) -> String {
        var out = ""
        for (title, list) in [("Seen before", matches.earlier), ("Also claimed later", matches.later)]
        where !list.isEmpty {
            out += "\n" + styling.bold(title) + "\n"
            for match in list { out += MatchLines.text(match, of: c, styling: styling) }
        }
        return out
    }

    /// One "name      value" line of `show` (a claim's or a source's), the value made visible, "—" when absent.
    static func fieldLine(_ name: String, _ value: String?, styling: Styling) -> String {
        styling.dim(name.padding(toLength: 10, withPad: " ", startingAt: 0)) + VisibleText.visible(value ?? "—") + "\n"
    }

    /// What a decision's text is: the evidence of a verdict, the reason for reopening or dismissing.
    public static func grounds(_ status: String?) -> String {
        status == ClaimStatus.verified.rawValue || status == ClaimStatus.disputed.rawValue ? "evidence" : "reason"
    }

    /// The source as `show --format json` cites it.
    static func citationValue(_ source: RecordedSource) -> JSONValue {
        .object([
            ("id", .string(source.shortID)), ("title", .from(source.title)), ("outlet", .from(source.outlet)),
            ("author", .from(source.author)), ("published", .from(source.published)),
            ("url", .from(source.url)),
            ("sha256", .from(source.sha256)),
        ])
    }

    /// One event of a claim's history, as `show --format json` lists it.
    static func historyValue(_ e: HistoryEvent) -> JSONValue {
        .object([
            ("seq", .int(e.seq)), ("event", .string(e.event.rawValue)), ("status", .from(e.wireStatus)),
            ("detail", .from(e.wireDetail)), ("note", .from(e.note)),
            ("rating", .from(e.verdict?.rating)), ("reviewer", .from(e.reviewer)),
            ("published_by", .from(e.publishedBy)),
            ("recorded_at", .string(e.recordedAt)), ("hash", .string(e.hash)),
        ])
    }

    public static func json(
        _ c: ClaimRecord, source: RecordedSource, history: [HistoryEvent], context: ContextSize = .paragraph,
        matches: ClaimMatches = ClaimMatches()
    ) -> String {
        guard case .object(var pairs) = ClaimListing.jsonObject(c) else { return "" }
        pairs.append(("source_citation", citationValue(source)))
        pairs.append(("history", .array(history.map(historyValue))))
        pairs.append(("seen_before", .array(matches.earlier.map { MatchLines.json($0, of: c) })))
        pairs.append(("claimed_later", .array(matches.later.map { MatchLines.json($0, of: c) })))
        let text = SourceText(source.body)  // decoded once for both
        if let ctx = text.sentenceAround(
            start: c.start, end: c.end, sentenceStart: c.sentenceStart, sentenceEnd: c.sentenceEnd)
        {
            pairs.append(("sentence", .string(ctx.before + ctx.claim + ctx.after)))
        }
        if let ctx = text.context(
            start: c.start, end: c.end, sentenceStart: c.sentenceStart,
            sentenceEnd: c.sentenceEnd, size: context)
        {
            pairs.append(("context", .string(ctx.before + ctx.claim + ctx.after)))
        }
        return StableJSON.string(.object(pairs), pretty: true) + "\n"
    }
}
