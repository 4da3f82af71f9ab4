import ClaimMatching
import LedgerStore

/// A claim's matches in other sources, as every report format words them: "checked before as"
/// (an earlier claim that was verified or disputed) and "also claimed in" (every other source that
/// repeats it, earlier or later).
extension ClaimRecord {
    var checkedBefore: [ClaimReference] { matches.filter(\.wasCheckedBefore) }

    /// The other sources, each once, in the order of their best match.
    var alsoClaimedIn: [ClaimReference] {
        var seen = Set<String>()
        return matches.filter { seen.insert($0.sourceShortID).inserted }
    }
}

enum ReportMatches {
    /// "Verified “True” (c-54eac3 in s-8d29b4 Title; evidence: URL; changed: figures: 80 percent → 84 percent)".
    static func checkedBefore(_ r: ClaimReference) -> String {
        r.status.label + (r.rating.map { " “\($0)”" } ?? "")
            + " (\(r.shortID) in \(r.sourceShortID) \(r.sourceTitle ?? "(untitled)")"
            + (r.evidence.map { "; evidence: \($0)" } ?? "") + changed(r) + ")"
    }

    /// "s-8d29b4 Title", and what changed on the way when something did.
    static func source(_ r: ClaimReference) -> String {
        "\(r.sourceShortID) \(r.sourceTitle ?? "(untitled)")"
            + (r.drift == nil ? "" : " (" + changed(r).dropFirst(2) + ")")
    }

    static func changed(_ r: ClaimReference) -> String {
        r.drift.map { "; changed: " + MatchLines.driftSummary($0) } ?? ""
    }

    static func json(_ c: ClaimRecord) -> [(String, JSONValue)] {
        [
            (
                "checked_before",
                .array(
                    c.checkedBefore.map { r in
                        .object([
                            ("id", .string(r.shortID)), ("source", .string(r.sourceShortID)),
                            ("source_title", .from(r.sourceTitle)),
                            ("status", .string(r.status.rawValue)), ("rating", .from(r.rating)),
                            ("evidence", .from(r.evidence)),
                            ("similarity", .double((r.similarity * 1000).rounded() / 1000)),
                            ("drift", r.drift.map(MatchLines.driftJSON) ?? .null),
                        ])
                    })
            ),
            (
                "also_claimed_in",
                .array(
                    c.alsoClaimedIn.map { r in
                        .object([
                            ("source", .string(r.sourceShortID)), ("source_title", .from(r.sourceTitle)),
                            ("claim", .string(r.shortID)),
                            ("drift", r.drift.map(MatchLines.driftJSON) ?? .null),
                        ])
                    })
            ),
        ]
    }

    /// The two CSV cells: one match per line.
    static func csv(_ c: ClaimRecord) -> [String?] {
        [CSVReport.lines(c.checkedBefore.map(checkedBefore)), CSVReport.lines(c.alsoClaimedIn.map(source))]
    }

    /// ClaimReview `appearance`: the claim's own source, then every other source that repeats it.
    static func appearances(_ own: JSONValue, _ c: ClaimRecord) -> JSONValue {
        .array(
            [own]
                + c.alsoClaimedIn.map { r in
                    .object([
                        ("@type", .string("CreativeWork")), ("headline", .from(r.sourceTitle)),
                        ("identifier", .string(r.sourceShortID)),
                    ])
                })
    }
}
