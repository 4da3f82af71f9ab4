import ClaimMatching
import GRDB
import LedgerSchema
import LedgerSearch

/// An earlier claim like the one asked about, with how alike the two are.
public struct SimilarClaim: Sendable {
    public let claim: ClaimRecord
    /// How the two compare and where the match stands among the search's results: what the
    /// "seen before" model weighs, and what listings show.
    public let figures: SeenBeforeModel.Features

    /// The ranking's score (BM25 over text, speaker and source title, adjusted): higher is better,
    /// comparable only within one search.
    public var relevance: Double { figures.relevance }
    /// The share of the two claims' distinctive words in common, 0–1 (`Similarity.Comparison`).
    public var similarity: Double { figures.similarity }
    /// Whether the two have a clause in common (`Similarity.sharesClause`).
    public var sharesClause: Bool { figures.sharesClause }
    /// Distinctive words (stems) the two have in common, and how many the shorter of them has.
    public var sharedWords: Int { figures.sharedWords }
    public var shorterWords: Int { figures.shorterWords }
    /// How much of the shorter text the other holds, 0–1 (`Similarity.Comparison`).
    public var containment: Double { figures.containment }
    /// How likely the two are the same claim, 0–1 (`SeenBeforeModel`).
    public var seenBeforeProbability: Double { SeenBeforeModel.probability(figures) }
    /// Whether the match is close enough to say the claim was seen before.
    public var isSeenBefore: Bool { SeenBeforeModel.isSeenBefore(figures) }
}

/// What `similar` looks for.
public struct SimilarQuery: Sendable {
    public var text: String
    public var speaker: String?
    /// Claims of this source are left out (a claim's own article).
    public var excludingSource: String?
    /// Only claims recorded before this entry (nil: all).
    public var recordedBefore: Int64?
    public var limit: Int
    public var minimumSimilarity: Double
    /// The found claims' status and fields as they stood after this entry (nil: now).
    public var asOf: Int64?
    /// Whether the text is a sentence of an article (a recorded claim's, not a tweet or a typed
    /// sentence): then another article's sentence must be half alike to be seen before.
    public var inArticle: Bool

    public init(
        text: String, speaker: String? = nil, excludingSource: String? = nil, recordedBefore: Int64? = nil,
        limit: Int = 10, minimumSimilarity: Double = 0, inArticle: Bool = false
    ) {
        self.text = text
        self.speaker = speaker
        self.excludingSource = excludingSource
        self.recordedBefore = recordedBefore
        self.limit = limit
        self.minimumSimilarity = minimumSimilarity
        self.inArticle = inArticle
    }

    /// A search for any text a user looked up (`similar --text`: a tweet, a quote heard on air),
    /// read as `PostText` reads a social post: links dropped, handles and hashtags as words.
    public static func lookingUp(_ text: String, limit: Int, minimumSimilarity: Double) -> SimilarQuery {
        SimilarQuery(text: PostText.words(text), limit: limit, minimumSimilarity: minimumSimilarity)
    }
}

extension Ledger {
    /// Claims ranked by how alike they are to `query`, best first.
    public func similar(_ query: SimilarQuery) throws -> [SimilarClaim] {
        try read { db in try similar(db, query) }
    }

    /// Claims like the claim `id` (its current text and speaker), from other sources.
    public func similar(toClaim id: String, limit: Int = 10, minimumSimilarity: Double = 0) throws -> [SimilarClaim] {
        let claim = try claim(id: id)
        return try similar(
            SimilarQuery(
                text: claim.text, speaker: claim.speaker, excludingSource: claim.sourceID,
                limit: limit, minimumSimilarity: minimumSimilarity, inArticle: claim.claim.isSpan))
    }

    func similar(_ db: Database, _ query: SimilarQuery) throws -> [SimilarClaim] {
        let hits = try CandidateSearch.hits(
            db, query.searched, limit: query.limit, minimumSimilarity: query.minimumSimilarity)
        return try similarClaims(db, hits, asOf: query.asOf)
    }

    /// The claims a search or the stored matches found, as they stood after entry `asOf` (nil: now).
    func similarClaims(_ db: Database, _ hits: [Hit], asOf: Int64?) throws -> [SimilarClaim] {
        try hits.map { SimilarClaim(claim: try claimRecord(db, seq: $0.seq, asOf: asOf), figures: $0.figures) }
    }
}

extension ClaimRecord {
    /// This claim as a search for the claims of other sources recorded before entry `before`
    /// (nil: any) that repeat it.
    func searched(before: Int64?) -> SearchedClaim {
        SearchedClaim(
            text: claim.text, speaker: claim.speaker, excludingSource: claim.sourceID, recordedBefore: before,
            inArticle: claim.isSpan)
    }
}

extension SimilarQuery {
    /// What the index is searched with.
    var searched: SearchedClaim {
        SearchedClaim(
            text: text, speaker: speaker, excludingSource: excludingSource, recordedBefore: recordedBefore,
            inArticle: inArticle)
    }
}
