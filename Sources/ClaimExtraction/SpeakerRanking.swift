extension ClaimExtractor {
    /// Gives each quote the speaker the trained ranker chooses among the entities around it (the
    /// rules' choice is one candidate and a feature), with the model's confidence. Returns every
    /// quote's candidates. With `speakerChoice == .rules` the rules' speakers stay.
    func rankSpeakers(_ found: inout [FoundQuote], _ layout: Layout, _ resolver: SpeakerResolver)
        -> [[SpeakerCandidate]]
    {
        // An article without quotes builds no mention list (a sort of every mention, every name's shape).
        guard speakerChoice == .learned || collectsCandidates, !found.isEmpty else { return [] }
        let finder = SpeakerCandidateFinder(resolver: resolver, layout: layout)
        var all: [[SpeakerCandidate]] = []
        all.reserveCapacity(found.count)
        for k in found.indices {
            if k % 64 == 0, shouldStop() { break }
            let previous = k > 0 ? found[k - 1] : nil
            let context = QuoteContext(
                span: found[k].span, rule: found[k].rule, previousSpeaker: previous?.rule.speaker,
                previousGap: previous.map { found[k].span.block - $0.span.block } ?? 5)
            let candidates = finder.candidates(context)
            all.append(candidates)
            guard speakerChoice == .learned else { continue }
            let chosen = SpeakerRanker.choose(candidates, ruleFound: found[k].rule.speaker != nil)
            found[k].quote.speaker = chosen?.speaker
            // Three decimals: as stored in the ledger, and all a reviewer can use.
            found[k].quote.speakerConfidence = chosen.map { ($0.confidence * 1000).rounded() / 1000 }
            if chosen == nil, k > 0,
                Self.continues(
                    block: found[k].span.block, after: found[k - 1].span.block,
                    spokenBy: found[k - 1].quote.speaker, layout)
            {
                found[k].quote.speaker = found[k - 1].quote.speaker
                found[k].quote.speakerConfidence = found[k - 1].quote.speakerConfidence
            }
            if found[k].quote.via == found[k].quote.speaker { found[k].quote.via = nil }
        }
        return all
    }

    /// A paragraph that is only a quote, right after another that is only a quote with a speaker,
    /// goes on with that speaker's words (a run of quoted lines after "Trump spoke in bromides.").
    static func continues(block: Int, after previous: Int, spokenBy speaker: String?, _ layout: Layout) -> Bool {
        speaker != nil && block == previous + 1 && layout.isQuoteOnly(block) && layout.isQuoteOnly(previous)
    }
}
