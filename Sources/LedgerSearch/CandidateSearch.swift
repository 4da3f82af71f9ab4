import ClaimMatching
import GRDB
import LedgerSchema

/// One claim a search found (the entry that recorded it), with the figures the "seen before"
/// model weighs.
package struct Hit: Sendable {
    package var seq: Int64
    package var figures: SeenBeforeModel.Features

    package init(seq: Int64, figures: SeenBeforeModel.Features) {
        self.seq = seq
        self.figures = figures
    }
}

/// What a search compares the index's claims with: a claim's text and speaker, and which
/// claims are left out.
package struct SearchedClaim: Sendable {
    package var text: String
    package var speaker: String?
    /// Claims of this source are left out (a claim's own article).
    package var excludingSource: String?
    /// Only claims recorded before this entry (nil: all).
    package var recordedBefore: Int64?
    /// Whether the text is a sentence of an article (`SeenBeforeModel.Features.betweenArticles`).
    package var inArticle: Bool

    package init(
        text: String, speaker: String?, excludingSource: String?, recordedBefore: Int64?, inArticle: Bool = false
    ) {
        self.text = text
        self.speaker = speaker
        self.excludingSource = excludingSource
        self.recordedBefore = recordedBefore
        self.inArticle = inArticle
    }
}

/// Finding the claims like one: the index's candidates for the search's rarest words
/// (`MatchPlan`), compared with it and ranked by adjusted relevance.
package enum CandidateSearch {
    /// A claim the index's first stage found: its entry, BM25 relevance (higher is better), its
    /// indexed words and speaker, and whether it is a sentence of an article.
    struct Candidate {
        var seq: Int64
        var relevance: Double
        var indexed: String
        var speaker: String
        var inArticle: Bool
    }

    /// The claims like `claim`, best first, at most `limit`: those at least `minimumSimilarity`
    /// alike, or with a clause in common when the minimum is no more than "seen before"'s.
    package static func hits(
        _ db: Database, _ claim: SearchedClaim, limit: Int, minimumSimilarity: Double, counts: WordCounts = WordCounts()
    ) throws -> [Hit] {
        try hits(
            db, claim, terms: MatchTerms(text: claim.text), limit: limit, minimumSimilarity: minimumSimilarity,
            counts: counts)
    }

    /// `hits`, with the claim's terms already made.
    static func hits(
        _ db: Database, _ claim: SearchedClaim, terms: MatchTerms, limit: Int, minimumSimilarity: Double,
        counts: WordCounts
    ) throws -> [Hit] {
        let budget = claim.inArticle ? MatchPlan.sentenceTermBudget : MatchPlan.termBudget
        let plan = try MatchPlan(db, text: claim.text, speaker: claim.speaker, budget: budget, counts: counts)
        guard let match = plan.ftsQuery, limit > 0 else { return [] }
        let candidates = try Row.fetchAll(
            db.cachedStatement(sql: LedgerQuery.indexCandidates.sql),
            arguments: [
                "match": match, "before": claim.recordedBefore ?? Int64.max, "exclude_source": claim.excludingSource,
                "limit": max(MatchPlan.candidates, limit),
            ]
        ).map { row in
            Candidate(
                seq: row[0], relevance: -(row[1] as Double), indexed: row[2], speaker: row[3],
                inArticle: row[4] as Bool? ?? false)
        }
        let found = ranked(candidates, claim: claim, terms: terms, plan: plan).filter {
            $0.figures.similarity >= minimumSimilarity
                || $0.figures.sharesClause && minimumSimilarity <= Similarity.seenBefore
        }
        return Array(found.prefix(limit))
    }

    /// The claims recorded before `claim` that it repeats ("seen before"), at most `limit`, the
    /// best first: what is stored as its matches.
    package static func seenBefore(
        _ db: Database, _ claim: SearchedClaim, limit: Int, counts: WordCounts = WordCounts()
    ) throws -> [Hit] {
        // A text of fewer distinctive words than "seen before" asks of the shorter of two is never
        // seen before, whatever is found ("absolutely right"): not searched.
        let terms = MatchTerms(text: claim.text)
        guard terms.stems.count >= Similarity.seenBeforeShortest else { return [] }
        let found = try hits(
            db, claim, terms: terms, limit: limit * 2, minimumSimilarity: Similarity.seenBefore, counts: counts)
        return Array(found.filter { SeenBeforeModel.isSeenBefore($0.figures) }.prefix(limit))
    }

    /// The index's candidates (best BM25 first, with their words) compared with the claim (its terms) and
    /// ranked by adjusted relevance, each with its place among them all and the figures the "seen
    /// before" model weighs. A candidate with nothing in common that counts (0% alike, no clause) is
    /// no match at all.
    static func ranked(_ candidates: [Candidate], claim: SearchedClaim, terms queryTerms: MatchTerms, plan: MatchPlan)
        -> [Hit]
    {
        let querySpeaker = claim.speaker.map(MatchText.indexed) ?? ""
        var found: [(hit: Hit, indexed: String)] = []
        for candidate in candidates {
            let indexed = candidate.indexed
            let terms = MatchTerms.of(indexed: indexed)
            let pair = Similarity.Comparison(queryTerms, terms, weight: plan.weight)
            let (clauseWords, figureClauseWords) = Similarity.sharedClause(queryTerms, terms, weight: plan.weight)
            guard pair.similarity > 0 || clauseWords > 0 else { continue }
            let relevance = Similarity.rerank(
                relevance: candidate.relevance, query: queryTerms, candidate: terms,
                sameSpeaker: !querySpeaker.isEmpty && candidate.speaker == querySpeaker, sharesClause: clauseWords > 0)
            let figures = SeenBeforeModel.Features(
                similarity: pair.similarity, containment: pair.containment, clauseWords: clauseWords,
                sharedWords: pair.sharedWords, shorterWords: pair.shorterWords, rank: 0, relevance: relevance,
                topRelevance: 0, nextRelevance: 0, figureClauseWords: figureClauseWords,
                betweenArticles: claim.inArticle && candidate.inArticle)
            found.append((Hit(seq: candidate.seq, figures: figures), indexed))
        }
        found.sort { ($0.hit.figures.relevance, -$0.hit.seq) > ($1.hit.figures.relevance, -$1.hit.seq) }
        return placed(found)
    }

    /// Each result's place among all the search's results, before any is left out, the first
    /// result's relevance, and the relevance of the next result with other words: copies of one
    /// text (a wire story in several earlier articles) are one result to the lead, not a tie.
    package static func placed(_ found: [(hit: Hit, indexed: String)]) -> [Hit] {
        var hits = found.map(\.hit)
        var next = 0.0
        for k in hits.indices.reversed() {
            if k + 1 < hits.count && found[k + 1].indexed != found[k].indexed { next = hits[k + 1].figures.relevance }
            hits[k].figures.rank = k + 1
            hits[k].figures.topRelevance = hits[0].figures.relevance
            hits[k].figures.nextRelevance = next
        }
        return hits
    }
}
