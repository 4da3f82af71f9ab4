import LedgerStore

/// JSON for scripts: `{"ledger": {...}, "summary": {...}, "sources": [{..., "claims": [...]}], "evidence": [...]}`,
/// streamed one source at a time. Structure documented in the README.
struct JSONReport: ReportRenderer {
    var notes = EvidenceNotes()
    var sources = JSONItems(.array(indent: ""))

    mutating func begin(_ s: ReportSummary) -> String {
        let ledger: JSONValue = .object([
            ("as_of", .int(s.stamp.asOf)), ("head_hash", .string(s.stamp.headHash)),
            ("recorded_at", .string(s.stamp.recordedAt)), ("checkpoint", .string(s.checkpoint.body)),
        ])
        let summary: JSONValue = .object(
            ClaimStatus.allCases.map { ($0.rawValue, .int(Int64(s.counts[$0] ?? 0))) }
                + [("sources", .int(Int64(s.sources)))])
        return "{\"ledger\":" + StableJSON.string(ledger) + ",\"summary\":" + StableJSON.string(summary)
            + ",\"sources\":" + sources.opening
    }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        let claimValues = claims.map { claimValue($0) }
        let value: JSONValue = .object([
            ("id", .string(source.shortID)), ("source_id", .string(source.sourceID)), ("title", .from(source.title)),
            ("outlet", .from(source.outlet)), ("author", .from(source.author)), ("published", .from(source.published)),
            ("url", .from(source.url)), ("sha256", .from(source.sha256)), ("claims", .array(claimValues)),
        ])
        return sources.item(value)
    }

    /// One claim with its verdict, the decisions behind it (each with its evidence's reference),
    /// its attribution check and its notes.
    mutating func claimValue(_ c: ClaimRecord) -> JSONValue {
        let refs = notes.numbers(for: c)
        let decisions: [JSONValue] = zip(c.decisions, refs).map { d, ref in
            .object([
                ("status", .from(d.verdict?.status.rawValue)), ("evidence", .from(d.evidence)),
                ("evidence_ref", .int(Int64(ref))),
                ("reviewer", .from(d.reviewer)), ("published_by", .from(d.publishedBy)),
                ("reviewed_at", .string(d.recordedAt)), ("note", .from(d.note)), ("seq", .int(d.seq)),
            ])
        }
        let claimNotes: [JSONValue] = c.notes.map { n in
            .object([
                ("text", .from(n.noteText)), ("reviewer", .from(n.reviewer)),
                ("recorded_at", .string(n.recordedAt)), ("seq", .int(n.seq)),
            ])
        }
        return .object(
            [
                ("id", .string(c.shortID)), ("claim_id", .string(c.claimID)), ("kind", .string(c.kind.rawValue)),
                ("text", .string(c.text)),
                ("speaker", .from(c.speaker)), ("cue", .from(c.cue)), ("via", .from(c.via)),
                ("claim_type", .from(c.claimType)),
                ("score", .from(c.score)), ("start", .from(c.start)), ("end", .from(c.end)),
                ("status", .string(c.status.rawValue)), ("rating", .from(c.rating)),
                ("evidence", c.status == .unverified ? .null : .from(c.evidence)),
                ("evidence_ref", refs.last.map { .int(Int64($0)) } ?? .null),
                ("reviewer", .from(c.reviewer)), ("published_by", .from(c.publishedBy)),
                ("reviewed_at", .from(c.reviewedAt)), ("note", .from(c.note)),
                ("decisions", .array(decisions)), ("notes", .array(claimNotes)),
                ("attribution", c.kind == .quote ? .from(c.attribution?.rawValue) : .null),
                ("attribution_check", checkValue(c)),
            ] + ReportMatches.json(c))
    }

    /// A quote's latest attribution check, with its evidence's reference (null for none).
    mutating func checkValue(_ c: ClaimRecord) -> JSONValue {
        guard let a = QuoteAxes.check(c) else { return .null }
        return .object([
            ("verdict", .from(a.attributionVerdict?.rawValue)), ("evidence", .from(a.evidence)),
            ("evidence_ref", notes.number(for: a).map { .int(Int64($0)) } ?? .null),
            ("reviewer", .from(a.reviewer)), ("published_by", .from(a.publishedBy)),
            ("checked_at", .string(a.recordedAt)), ("note", .from(a.note)), ("seq", .int(a.seq)),
        ])
    }

    mutating func end() -> String {
        let evidence: [JSONValue] = notes.list.enumerated().map { n, e in
            .object([
                ("ref", .int(Int64(n + 1))), ("evidence", .string(e.evidence)), ("reviewer", .from(e.reviewer)),
                ("published_by", .from(e.publishedBy)),
                ("reviewed_at", .from(e.date)),
            ])
        }
        return sources.closing + ",\"evidence\":" + StableJSON.string(.array(evidence)) + "}\n"
    }
}
