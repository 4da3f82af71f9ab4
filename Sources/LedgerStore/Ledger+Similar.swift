import ClaimMatching
import GRDB
import LedgerSchema

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

/// One candidate of a search, with the figures the "seen before" model weighs.
struct Hit {
    var seq: Int64
    var figures: SeenBeforeModel.Features
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

    public init(
        text: String, speaker: String? = nil, excludingSource: String? = nil, recordedBefore: Int64? = nil,
        limit: Int = 10, minimumSimilarity: Double = 0
    ) {
        self.text = text
        self.speaker = speaker
        self.excludingSource = excludingSource
        self.recordedBefore = recordedBefore
        self.limit = limit
        self.minimumSimilarity = minimumSimilarity
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
                limit: limit, minimumSimilarity: minimumSimilarity))
    }

    func similar(_ db: Database, _ query: SimilarQuery) throws -> [SimilarClaim] {
        let plan = try MatchPlan(db, text: query.text, speaker: query.speaker)
        guard let match = plan.ftsQuery, query.limit > 0 else { return [] }
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: LedgerQuery.indexCandidates.sql),
            arguments: [
                "match": match, "before": query.recordedBefore ?? Int64.max, "exclude_source": query.excludingSource,
                "limit": max(MatchPlan.candidates, query.limit),
            ])
        var found = try Ledger.ranked(rows, query: query, plan: plan)
        found = found.filter {
            $0.figures.similarity >= query.minimumSimilarity
                || $0.figures.sharesClause && query.minimumSimilarity <= Similarity.seenBefore
        }
        return try found.prefix(query.limit).map { hit in
            SimilarClaim(claim: try claimRecord(db, seq: hit.seq, asOf: query.asOf), figures: hit.figures)
        }
    }

    /// The index's candidates compared with the query and ranked by adjusted relevance, each with
    /// its place among them all and the figures the "seen before" model weighs. A candidate with
    /// nothing in common that counts (0% alike, no clause) is no match at all.
    static func ranked(_ rows: RowCursor, query: SimilarQuery, plan: MatchPlan) throws -> [Hit] {
        let queryTerms = MatchTerms(text: query.text)
        let querySpeaker = query.speaker.map(MatchText.indexed) ?? ""
        var found: [Hit] = []
        while let row = try rows.next() {
            let terms = MatchTerms.of(indexed: row[2])
            let pair = Similarity.Comparison(queryTerms, terms, weight: plan.weight)
            let clauseWords = Similarity.sharedClauseWords(queryTerms, terms, weight: plan.weight)
            guard pair.similarity > 0 || clauseWords > 0 else { continue }
            let relevance = Similarity.rerank(
                relevance: row[1], query: queryTerms, candidate: terms,
                sameSpeaker: !querySpeaker.isEmpty && (row[3] as String) == querySpeaker, sharesClause: clauseWords > 0)
            let figures = SeenBeforeModel.Features(
                similarity: pair.similarity, containment: pair.containment, clauseWords: clauseWords,
                sharedWords: pair.sharedWords, shorterWords: pair.shorterWords, rank: 0, relevance: relevance,
                topRelevance: 0, nextRelevance: 0)
            found.append(Hit(seq: row[0], figures: figures))
        }
        found.sort { ($0.figures.relevance, -$0.seq) > ($1.figures.relevance, -$1.seq) }
        // Each result's place among all the search's results, before any is left out.
        for k in found.indices {
            found[k].figures.rank = k + 1
            found[k].figures.topRelevance = found[0].figures.relevance
            found[k].figures.nextRelevance = k + 1 < found.count ? found[k + 1].figures.relevance : 0
        }
        return found
    }
}

/// Which of a search's words the first stage asks the index for. A word held by very many claims
/// costs much and tells little: words are taken rarest first while the claims they name add up to
/// at most `termBudget` (so a search over a million claims reads a bounded part of the index).
struct MatchPlan {
    static let candidates = 50
    static let termBudget = 8_000
    /// How many claims holding a word are counted before its number is estimated.
    static let probe = 1_000

    private(set) var ftsQuery: String?
    private var idf: [String: Double] = [:]
    private var averageIDF = 1.0

    init(_ db: Database, text: String, speaker: String?) throws {
        let words = MatchText.queryWords(text + " " + (speaker ?? ""))
        var wordOfStem: [String: String] = [:]
        for word in words where wordOfStem[PorterStemmer.stem(word)] == nil {
            wordOfStem[PorterStemmer.stem(word)] = word
        }
        let total = try Int.fetchOne(db.cachedStatement(sql: LedgerQuery.claimTotal.sql)) ?? 0
        var counted: [(word: String, claims: Int)] = []
        for (stem, word) in wordOfStem {
            let claims = try MatchPlan.claimsHolding(db, word, of: total)
            idf[stem] = Similarity.idf(documents: max(total, claims), containing: claims)
            if claims > 0 { counted.append((word, claims)) }
        }
        if !idf.isEmpty { averageIDF = idf.values.reduce(0, +) / Double(idf.count) }
        counted.sort { ($0.claims, $0.word) < ($1.claims, $1.word) }
        var chosen: [String] = []
        var sum = 0
        for (word, claims) in counted where chosen.isEmpty || sum + claims <= MatchPlan.termBudget {
            chosen.append(MatchPlan.quoted(word))
            sum += claims
        }
        ftsQuery = chosen.isEmpty ? nil : chosen.joined(separator: " OR ")
    }

    /// How many claims hold `word`: counted exactly up to `probe`; beyond, estimated from the seq
    /// of the `probe`-th claim holding it against the last claim's seq (a word held by every
    /// claim reaches `probe` early), so a common word costs `probe` postings, not all of them.
    static func claimsHolding(_ db: Database, _ word: String, of total: Int) throws -> Int {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: LedgerQuery.indexTermCount.sql),
                arguments: ["match": quoted(word), "cap": probe])
        else { return 0 }
        let counted: Int = row[0]
        let lastCounted: Int64 = row[1]
        let lastClaim: Int64 = row[2]
        guard counted >= probe, lastCounted > 0 else { return counted }
        let estimate = Double(counted) * Double(lastClaim) / Double(lastCounted)
        return min(max(counted, Int(estimate.rounded())), max(total, counted))
    }

    /// A word's weight: its inverse document frequency, or the search's average for a word it did not count.
    func weight(_ stem: String) -> Double { idf[stem] ?? averageIDF }

    /// An FTS5 string: the word in double quotes (a quote inside doubled), so it is never an operator.
    static func quoted(_ word: String) -> String { "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
