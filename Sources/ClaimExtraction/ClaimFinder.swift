/// Check-worthy claims: the sentences of the body that score as facts, with the source they name.
extension ClaimExtractor {
    func findClaims(
        _ s: [Unicode.Scalar], _ layout: Layout, quotes: [FoundQuote],
        _ resolver: inout SpeakerResolver
    ) -> [ExtractedClaim] {
        var claims: [ExtractedClaim] = []
        let marks = QuoteMarks(quotes, count: s.count)
        for block in layout.contentBlocks where !layout.isHeading(block) {
            if shouldStop() { break }
            let sentences = layout.sentences[block.index]
            for n in sentences.indices {
                let place = SentencePlace(block: block.index, sentences: sentences, n: n)
                if let claim = claim(s, layout, place, marks, &resolver) { claims.append(claim) }
            }
        }
        return claims
    }

    /// The claim the `n`th sentence of a block makes, if it scores as one, with the source it names.
    private func claim(
        _ s: [Unicode.Scalar], _ layout: Layout, _ place: SentencePlace, _ marks: QuoteMarks,
        _ resolver: inout SpeakerResolver
    ) -> ExtractedClaim? {
        let sentence = place.sentences[place.n]
        guard let found = scoredSentence(s, layout, place, marks) else { return nil }
        var scored = found.scored
        let speech = found.speech
        // Beside someone's quote, only a figure outside the marks is a claim of its own
        // (`"…," she said, adding that 40% of teachers left`); the rest is the quote's.
        if speech > 0, scored.type != .statistic { return nil }
        // The source: a cue inside the sentence, or "This was reported by X" right after it
        // (the next sentence is tokenised only when the sentence names none).
        let next = place.n + 1
        let attribution =
            scored.attribution
            ?? (next < place.sentences.count
                ? ClaimScorer.followingAttribution(layout.tokens(of: place.sentences[next])) : nil)
            ?? layout.postSignature(after: place.block)
        let (speaker, cue) = claimSpeaker(attribution, &resolver)
        if speaker != nil {
            if claimModel == .rules { scored.score = min(1, scored.score + 0.1) }
            if scored.type == .other { scored.type = .attributed }
        }
        return ExtractedClaim(
            text: makeString(s, sentence.range), claimType: scored.type,
            speaker: speaker, cue: cue,
            score: (scored.score * 100).rounded() / 100,
            start: sentence.range.lowerBound, end: sentence.range.upperBound)
    }

    /// The sentence scored on its words outside quotation marks, with how much of it is someone's
    /// speech; nil when it is mostly quotation, only attributes the sentence before, or scores too low.
    private func scoredSentence(
        _ s: [Unicode.Scalar], _ layout: Layout, _ place: SentencePlace, _ marks: QuoteMarks
    ) -> (scored: ClaimScorer.Scored, speech: Int)? {
        let sentence = place.sentences[place.n]
        // A sentence holding someone's quote is the quote's to check. One with a quoted term or
        // title and nobody's speech is scored on the words outside the marks, unless it is mostly quotation
        // (`Feather duvet lung is a type of “hypersensitive pneumonitis” in which…`).
        let speech = marks.spoken.overlap(with: sentence.range)
        let inside = marks.quoted.overlap(with: sentence.range) + speech
        if inside * 2 >= sentence.range.count { return nil }
        let tokens = layout.tokens(of: sentence)
        // "This was reported by X." attributes the sentence before, `— Donald Trump, at a rally`
        // signs the quotation before it: neither claims anything itself.
        if place.n > 0, ClaimScorer.followingAttribution(tokens) != nil { return nil }
        if Layout.signsQuotation(s, tokens, at: sentence.range.lowerBound) { return nil }
        let outside =
            inside == 0
            ? tokens : tokens.filter { !marks.quoted.contains($0.start) && !marks.spoken.contains($0.start) }
        var scored = ClaimScorer.score(outside, text: s, range: sentence.range, questions: claimModel == .learned)
        guard let rules = scored.features else { return nil }
        if claimModel == .learned { scored.score = CheckWorthiness.probability(outside, rules: rules) }
        let floor = minimumClaimScore ?? claimModel.threshold
        let question = ClaimScorer.isQuestion(s, sentence.range)
        guard scored.score >= (question ? max(floor, claimModel.questionThreshold) : floor) else { return nil }
        return (scored, speech)
    }
}

/// Where a sentence is: its block, the block's sentences, and its number among them.
struct SentencePlace {
    let block: Int
    let sentences: [Sentence]
    let n: Int
}

/// The ranges of attributed quotes (someone's speech) and of the rest (quoted terms and titles).
struct QuoteMarks {
    let spoken: QuotedRanges
    let quoted: QuotedRanges

    init(_ quotes: [ClaimExtractor.FoundQuote], count: Int) {
        func ranges(_ attributed: Bool) -> QuotedRanges {
            QuotedRanges(
                quotes.filter { ($0.quote.speaker != nil) == attributed }.map {
                    $0.span.open..<min($0.span.close + 1, count)
                })
        }
        spoken = ranges(true)
        quoted = ranges(false)
    }
}

extension ClaimExtractor {
    /// The speaker an attribution names, resolved, and its cue (both nil when it names nobody).
    func claimSpeaker(_ attribution: Attribution?, _ resolver: inout SpeakerResolver) -> (String?, String?) {
        guard let attribution,
            let speaker = resolver.resolve(attribution.speakerPhrase, at: attribution.offset)
        else { return (nil, nil) }
        return (speaker, attribution.cue)
    }
}

/// The quotations' ranges in article order, asked about by offset in logarithmic time.
struct QuotedRanges {
    private let ranges: [Range<Int>]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Index of the first range that ends after `offset`.
    private func firstEnding(after offset: Int) -> Int {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func contains(_ offset: Int) -> Bool {
        let k = firstEnding(after: offset)
        return k < ranges.count && ranges[k].contains(offset)
    }

    /// How many code points of `range` lie inside quotations.
    func overlap(with range: Range<Int>) -> Int {
        var k = firstEnding(after: range.lowerBound)
        var total = 0
        while k < ranges.count, ranges[k].lowerBound < range.upperBound {
            total += max(0, min(ranges[k].upperBound, range.upperBound) - max(ranges[k].lowerBound, range.lowerBound))
            k += 1
        }
        return total
    }
}
