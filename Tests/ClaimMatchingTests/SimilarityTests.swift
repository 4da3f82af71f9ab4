import ClaimMatching
import Testing

@Suite struct SimilarityTests {
    let even: (String) -> Double = { _ in 1 }

    @Test func overlapIsOneForTheSameWordsAndZeroForNone() {
        let a = MatchTerms(text: "Exports rose 80% in 2023")
        let b = MatchTerms(text: "exports ROSE eighty per cent in 2023.")
        #expect(Similarity.overlap(a, b, weight: even) == 1)
        #expect(Similarity.overlap(a, MatchTerms(text: "Zebras sleep standing"), weight: even) == 0)
        #expect(Similarity.overlap(MatchTerms(text: ""), MatchTerms(text: ""), weight: even) == 0)
    }

    @Test func rareWordsWeighMore() {
        let q = MatchTerms(text: "vaccine microchip claim")
        let rare = MatchTerms(text: "microchip rumour")
        let common = MatchTerms(text: "claim rumour")
        let weight: (String) -> Double = { $0 == "microchip" ? 5 : 1 }
        #expect(Similarity.overlap(q, rare, weight: weight) > Similarity.overlap(q, common, weight: weight))
    }

    @Test func aClauseInsideAnotherIsShared() {
        let a = MatchTerms(
            text: "This is Putin's fifth visit to Vietnam, he previously visited this Asian country in 2001.")
        let b = MatchTerms(text: "Putin's June 2024 trip is his fifth visit to Vietnam.")
        let c = MatchTerms(text: "Putin went to North Korea, then flew on.")
        #expect(Similarity.sharesClause(a, b, weight: even))
        #expect(!Similarity.sharesClause(a, c, weight: even))
        // Fewer than three distinctive words is never a shared clause.
        #expect(
            !Similarity.sharesClause(
                MatchTerms(text: "Putin said, then left"), MatchTerms(text: "Putin said so"), weight: even))
    }

    /// A shared clause holds a figure when a number is among its words in common ("fifth visit"),
    /// not when it is a name with its title.
    @Test func aSharedClauseSaysWhetherItsWordsInCommonHoldAFigure() {
        let visit = Similarity.sharedClause(
            MatchTerms(
                text: "This is Putin's fifth visit to Vietnam, he previously visited this Asian country in 2001."),
            MatchTerms(text: "Putin's June 2024 trip is his fifth visit to Vietnam."), weight: even)
        #expect(visit.words >= 4 && visit.withFigure == visit.words)
        let name = Similarity.sharedClause(
            MatchTerms(text: "Former President Bill Clinton, 70, celebrated his birthday on Friday in 2016."),
            MatchTerms(text: "She was joined by her husband, former President Bill Clinton, on Monday."), weight: even)
        #expect(name.words >= 4 && name.withFigure == 0)
    }

    @Test func rerankPrefersTheSameFigureAndSpeakerAndASharedClause() {
        let q = MatchTerms(text: "unemployment is 8 percent")
        let same = MatchTerms(text: "unemployment 8 percent")
        let other = MatchTerms(text: "unemployment 9 percent")
        let base = 10.0
        #expect(
            Similarity.rerank(relevance: base, query: q, candidate: same, sameSpeaker: false, sharesClause: false)
                > Similarity.rerank(
                    relevance: base, query: q, candidate: other, sameSpeaker: false, sharesClause: false))
        #expect(
            Similarity.rerank(relevance: base, query: q, candidate: other, sameSpeaker: true, sharesClause: false)
                > base * 0.9)
        #expect(
            Similarity.rerank(relevance: base, query: q, candidate: other, sameSpeaker: false, sharesClause: true)
                > base)
    }
}

@Suite struct DriftTests {
    @Test func wordDiffMarksRemovedThenAdded() {
        let parts = WordDiff.parts(from: "We will never raise taxes.", to: "We will not raise taxes.")
        #expect(WordDiff.marked(parts) == "We will [-never-] {+not+} raise taxes.")
        #expect(
            WordDiff.parts(from: "Same words here", to: "same WORDS here").allSatisfy {
                if case .same = $0 { return true } else { return false }
            })
    }

    @Test func figuresOfTheSameKindThatDifferAreDrift() {
        let drift = Drift.between(
            earlier: "more than 80 percent of imports", earlierSpeaker: "AFP",
            later: "84% of imports", laterSpeaker: "AFP", compareWords: false)
        #expect(drift?.figures?.earlier == ["80 percent"] && drift?.figures?.later == ["84 percent"])
        #expect(drift?.words == nil && drift?.speakers == nil)
        // A year mentioned on one side only is not a changed figure.
        #expect(
            Drift.between(
                earlier: "his fifth visit, after 2001 and 2006", earlierSpeaker: nil,
                later: "his fifth visit", laterSpeaker: nil, compareWords: false) == nil)
    }

    @Test func anotherSpeakerIsDrift() {
        let drift = Drift.between(
            earlier: "It will never happen", earlierSpeaker: "Vladimir Putin",
            later: "It will never happen", laterSpeaker: "Dmitry Peskov", compareWords: true)
        #expect(drift?.speakers?.earlier == "Vladimir Putin" && drift?.speakers?.later == "Dmitry Peskov")
        #expect(drift?.words == nil)
    }
}
