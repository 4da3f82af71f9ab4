import ClaimExtraction
import Foundation
import LedgerStore

/// What ingesting one article records: its source entry and one entry per quote and claim,
/// with content-derived IDs (the same text gives the same IDs on any machine).
public struct IngestPlan: Sendable {
    public var source: SourcePayload
    public var quotes: [ClaimPayload]
    public var claims: [ClaimPayload]
    /// The navigation tail extraction left out, to say so.
    public var skippedTail: SkippedTail?

    public var entries: [ClaimPayload] { quotes + claims }

    /// Extracts and prepares the payloads; writes nothing.
    public init(article: Article, extractor: ClaimExtractor = ClaimExtractor()) {
        let body = article.body
        let scalars = scalarsOf(body)
        let sourceID = Identifiers.sourceID(text: body)
        source = SourcePayload(
            sourceID: sourceID, sha256: hexSHA256(body), title: article.title,
            outlet: article.outlet, author: article.author,
            // A header's date as ISO 8601 when it reads unambiguously ("Nov 19, 2019"); else as typed.
            published: article.published.map { PublicationDate.normalised($0) ?? $0 },
            url: article.url, text: body, titleGuessed: article.titleGuessed)
        let extraction = extractor.extract(body, outlet: article.outlet)
        skippedTail = extraction.skippedTail
        quotes = extraction.quotes.map { q in
            let context = contextAround(scalars, start: q.start, end: q.end)
            return ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: sourceID, kind: ClaimKind.quote.rawValue, start: q.start, end: q.end, text: q.text),
                sourceID: sourceID, kind: .quote, text: q.text, speaker: q.speaker, cue: q.cue, via: q.via,
                start: q.start, end: q.end, prefix: context.prefix, suffix: context.suffix,
                sentenceStart: q.sentenceStart, sentenceEnd: q.sentenceEnd,
                speakerKind: IngestPlan.kind(q.speakerIsOrganisation),
                speakerConfidence: q.speakerConfidence)
        }
        claims = extraction.claims.map { c in
            let context = contextAround(scalars, start: c.start, end: c.end)
            return ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: sourceID, kind: ClaimKind.claim.rawValue, start: c.start, end: c.end, text: c.text),
                sourceID: sourceID, kind: .claim, text: c.text, speaker: c.speaker, cue: c.cue, via: nil,
                claimType: c.claimType.rawValue, score: c.score, start: c.start, end: c.end,
                prefix: context.prefix, suffix: context.suffix, sentenceStart: c.start, sentenceEnd: c.end,
                speakerKind: IngestPlan.kind(c.speakerIsOrganisation))
        }
    }

    /// The stored speaker kind of what extraction knew (nil: not known, the key is left out).
    static func kind(_ isOrganisation: Bool?) -> SpeakerKind? {
        isOrganisation.map { $0 ? .organisation : .person }
    }
}

/// The result of ingesting one article.
public struct IngestResult: Sendable, Equatable {
    public var sourceID: String
    public var title: String?
    /// False when the same text was already in the ledger: nothing new was recorded.
    public var recorded: Bool
    public var quotes: Int
    public var claims: Int
}

extension Ledger {
    /// Records an article and everything extracted from it in one transaction, with the matches of
    /// its claims among earlier articles' (`storeMatches`): an interrupted ingest leaves nothing of
    /// the article behind.
    public func ingest(_ plan: IngestPlan) throws -> IngestResult {
        try write { db in
            guard case .appended = try recordSource(db, plan.source) else {
                return IngestResult(
                    sourceID: plan.source.sourceID, title: plan.source.title, recorded: false,
                    quotes: 0, claims: 0)
            }
            var quotes = 0
            var claims = 0
            for payload in plan.entries {
                if case .appended = try recordClaim(db, payload) {
                    if payload.kind == .quote { quotes += 1 } else { claims += 1 }
                }
            }
            try storeMatches(db, sourceID: plan.source.sourceID)
            return IngestResult(
                sourceID: plan.source.sourceID, title: plan.source.title, recorded: true,
                quotes: quotes, claims: claims)
        }
    }
}
