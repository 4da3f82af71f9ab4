import ClaimMatching
import GRDB
import LedgerSchema

/// Which of a search's words the first stage asks the index for. A word held by very many claims
/// costs much and tells little: words are taken rarest first while the claims they name add up to
/// at most a budget (so a search over a million claims reads a bounded part of the index).
package struct MatchPlan {
    package static let candidates = 50
    /// The budget of a text looked up or a fact-check's search: CheckThat! 2022 2A's tweets rank
    /// their claim lower with less (dev MAP@5 0.9191 at 8,000, 0.8938 at 2,000, both measured before
    /// a looked-up text was read as a post: `PostText`).
    static let termBudget = 8_000
    /// The budget of an article's sentence (`SearchedClaim.inArticle`), the search every claim of an
    /// ingest makes. Another article's sentence is seen before only from half alike, which the two
    /// texts' rarest words decide, so its search reads fewer claims: over the 948 articles of PolNeAR
    /// train, dev and the devcorpus, ingest took 169.6 s at 8,000 and 93.8 s at 1,000, and stored
    /// 505 and 504 matches, 487 of them the same pairs (the others mostly another copy or a like
    /// claim of the same subject in first place; BENCHMARKS.md, stop 64).
    static let sentenceTermBudget = 1_000
    /// How many claims holding a word are counted before its number is estimated.
    static let probe = 1_000

    package private(set) var ftsQuery: String?
    private var idf: [String: Double] = [:]
    private var averageIDF = 1.0

    /// The plan of a search for `text` (and `speaker`) within `budget`, with the words' numbers of
    /// claims taken from `counts` when it has them (else counted and kept there).
    package init(
        _ db: Database, text: String, speaker: String?, budget: Int = termBudget, counts: WordCounts = WordCounts()
    ) throws {
        let words = MatchText.queryWords(text + " " + (speaker ?? ""))
        var wordOfStem: [String: String] = [:]
        for word in words where wordOfStem[PorterStemmer.stem(word)] == nil {
            wordOfStem[PorterStemmer.stem(word)] = word
        }
        let total = try counts.total(db)
        var counted: [(word: String, claims: Int)] = []
        for (stem, word) in wordOfStem {
            let claims = try counts.claims(db, holding: word, of: total)
            idf[stem] = Similarity.idf(documents: max(total, claims), containing: claims)
            if claims > 0 { counted.append((word, claims)) }
        }
        // Summed in the stems' order: a dictionary's order changes from one process to the next,
        // and with it the sum's last digit.
        if !idf.isEmpty { averageIDF = idf.keys.sorted().reduce(0) { $0 + idf[$1]! } / Double(idf.count) }
        counted.sort { ($0.claims, $0.word) < ($1.claims, $1.word) }
        var chosen: [String] = []
        var sum = 0
        for (word, claims) in counted where chosen.isEmpty || sum + claims <= budget {
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
    package func weight(_ stem: String) -> Double { idf[stem] ?? averageIDF }

    /// An FTS5 string: the word in double quotes (a quote inside doubled), so it is never an operator.
    package static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// How many claims hold each word, and how many claims there are, counted once for as long as the
/// index does not change: one article's claims are matched after all of them are indexed, and a
/// rebuild matches every claim against one index. A new one for each search otherwise.
package final class WordCounts {
    private var claims: [String: Int] = [:]
    private var claimTotal: Int?

    package init() {}

    /// Counts known beforehand: `claims` per word, `total` claims in all.
    package init(claims: [String: Int], total: Int) {
        self.claims = claims
        claimTotal = total
    }

    func total(_ db: Database) throws -> Int {
        if let claimTotal { return claimTotal }
        let total = try Int.fetchOne(db.cachedStatement(sql: LedgerQuery.claimTotal.sql)) ?? 0
        claimTotal = total
        return total
    }

    func claims(_ db: Database, holding word: String, of total: Int) throws -> Int {
        if let known = claims[word] { return known }
        let counted = try MatchPlan.claimsHolding(db, word, of: total)
        claims[word] = counted
        return counted
    }
}
