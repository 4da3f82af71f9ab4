import LedgerStore

/// `extract --format json` (SPEC.md): the source, its quotes and its claims, before anything is recorded.
public enum ExtractionReport {
    public static func json(source: SourcePayload, quotes: [ClaimPayload], claims: [ClaimPayload]) -> String {
        let short = Identifiers.shortForms(of: (quotes + claims).map(\.claimID))
        func common(_ p: ClaimPayload) -> [(String, JSONValue)] {
            [
                ("id", .string("c-" + (short[p.claimID] ?? p.claimID))), ("text", .string(p.text)),
                ("speaker", .from(p.speaker)), ("cue", .from(p.cue)), ("start", .from(p.start)), ("end", .from(p.end)),
                ("prefix", .from(p.prefix)), ("suffix", .from(p.suffix)),
            ]
        }
        let value: JSONValue = .object([
            (
                "source",
                .object([
                    ("id", .string("s-" + source.sourceID.prefix(Identifiers.minimumShortLength))),
                    ("title", .from(source.title)),
                    ("outlet", .from(source.outlet)), ("author", .from(source.author)),
                    ("published", .from(source.published)),
                    ("url", .from(source.url)), ("sha256", .from(source.sha256)),
                ])
            ),
            (
                "quotes",
                .array(
                    quotes.map {
                        .object(
                            common($0) + [("speaker_confidence", .from($0.speakerConfidence)), ("via", .from($0.via))])
                    })
            ),
            (
                "claims",
                .array(
                    claims.map {
                        .object(common($0) + [("claim_type", .from($0.claimType)), ("score", .from($0.score))])
                    })
            ),
        ])
        return StableJSON.string(value, pretty: true) + "\n"
    }
}
