import GRDB
import Testing

@testable import LedgerSearch

@Suite struct MatchPlanTests {
    /// Words are asked for rarest first while the claims they name fit the budget; the rarest is
    /// always asked for.
    func plan(budget: Int) throws -> String? {
        let counts = WordCounts(claims: ["quokka": 5, "harbour": 600, "ferry": 700, "council": 9_000], total: 100_000)
        return try DatabaseQueue().read { db in
            try MatchPlan(db, text: "council ferry harbour quokka", speaker: nil, budget: budget, counts: counts)
                .ftsQuery
        }
    }

    @Test func anArticlesSentenceAsksForFewerWordsThanALookup() throws {
        #expect(try plan(budget: MatchPlan.termBudget) == #""quokka" OR "harbour" OR "ferry""#)
        #expect(try plan(budget: MatchPlan.sentenceTermBudget) == #""quokka" OR "harbour""#)
        #expect(try plan(budget: 1) == #""quokka""#)
    }
}
