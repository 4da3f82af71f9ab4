import Foundation
import LedgerStore

/// How `sources` lists sources and `show s-…` shows one, in every format.
public enum SourceListing {
    static let headers = ["ID", "CLAIMS", "UNVERIFIED", "VERIFIED", "DISPUTED", "DISMISSED", "TITLE"]
    static let csvHeader = [
        "id", "source_id", "title", "title_guessed", "outlet", "author", "published", "url", "sha256",
        "claims", "unverified", "verified", "disputed", "dismissed",
    ]

    public static func listing(format: ListingFormat, styling: Styling, terminalWidth: Int? = nil) -> Listing<
        SourceSummary
    > {
        let table = TextTable(headers: headers, widths: [10, 6, 10, 8, 8, 9, 0], terminalWidth: terminalWidth)
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { s in
                    let counts = ClaimStatus.allCases.map { String(s.counts[$0] ?? 0) }
                    return table.line(
                        [s.source.shortID, String(s.claims)] + counts + [titleLine(s.source)],
                        decorate: [styling.bold] + Array(repeating: { $0 }, count: 6)) + "\n"
                },
                json: jsonObject,
                csvHeader: csvHeader,
                csvRow: { s in
                    let p = s.source.source
                    return [
                        s.source.shortID, p.sourceID, p.title, p.isTitleGuessed ? "true" : "false", p.outlet, p.author,
                        p.published, p.url, p.sha256, String(s.claims),
                    ] + ClaimStatus.allCases.map { String(s.counts[$0] ?? 0) }
                },
                empty: "No sources yet: record some with `claimledger ingest FILE…`.\n"))
    }

    /// "Title · Outlet · Date", the title marked when it was guessed from the text.
    static func titleLine(_ s: RecordedSource) -> String {
        let title = (s.title ?? "(untitled)") + (s.isTitleGuessed ? " (guessed title)" : "")
        return ([title] + [s.outlet, s.published].compactMap { $0 }).joined(separator: " · ")
    }

    /// The object a script sees for one source (`sources --format json`).
    public static func jsonObject(_ s: SourceSummary) -> JSONValue {
        guard case .object(var pairs) = citation(s.source) else { return .null }
        pairs.append(("claims", .int(Int64(s.claims))))
        pairs.append(("by_status", .object(ClaimStatus.allCases.map { ($0.rawValue, .int(Int64(s.counts[$0] ?? 0))) })))
        return .object(pairs)
    }

    static func citation(_ s: RecordedSource) -> JSONValue {
        .object([
            ("id", .string(s.shortID)), ("source_id", .string(s.sourceID)), ("title", .from(s.title)),
            ("title_guessed", .bool(s.isTitleGuessed)), ("outlet", .from(s.outlet)), ("author", .from(s.author)),
            ("published", .from(s.published)), ("url", .from(s.url)), ("sha256", .from(s.sha256)), ("seq", .int(s.seq)),
        ])
    }

    /// `show s-…`: the source's fields, its claims by status and its history.
    public static func detail(_ s: SourceSummary, history: [HistoryEvent], styling: Styling) -> String {
        var out = styling.bold("\(s.source.shortID)  source") + "\n\n"
        func field(_ name: String, _ value: String?) { out += ClaimDetail.fieldLine(name, value, styling: styling) }
        let p = s.source
        field(
            "title",
            p.title.map {
                $0
                    + (p.isTitleGuessed
                        ? "  (guessed from the first sentence; correct it with `claimledger correct \(p.shortID) --title …`)"
                        : "")
            })
        field("outlet", p.outlet)
        field("author", p.author)
        field("published", p.published)
        field("url", p.url)
        field("sha256", p.sha256)
        field(
            "claims",
            "\(s.claims): " + ClaimStatus.allCases.map { "\(s.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        )
        out += "\n" + styling.bold("History") + "\n"
        for e in history {
            var line = "  #\(e.seq)  \(e.recordedAt)  "
            line += e.changeText
            if let reviewer = e.reviewer { line += "  — \(reviewer)" }
            out += VisibleText.visible(line) + "\n"
        }
        return out
    }

    public static func detailJSON(_ s: SourceSummary, history: [HistoryEvent]) -> String {
        guard case .object(var pairs) = jsonObject(s) else { return "" }
        pairs.append(
            (
                "history",
                .array(
                    history.map { e in
                        .object([
                            ("seq", .int(e.seq)), ("event", .string(e.event.rawValue)), ("field", .from(e.wireStatus)),
                            ("detail", .from(e.wireDetail)), ("reviewer", .from(e.reviewer)),
                            ("recorded_at", .string(e.recordedAt)), ("hash", .string(e.hash)),
                        ])
                    })
            ))
        return StableJSON.string(.object(pairs), pretty: true) + "\n"
    }
}
