/// Finds the quotes and check-worthy claims of an article body, with their speakers.
///
/// Pure and deterministic: the same text gives the same result, offsets in code points.
public struct ClaimExtractor: Sendable {
    /// Which check-worthiness decides what is a claim: the learned model (`CheckWorthiness`), or
    /// the hand-weighted rules alone (for comparison: `extract --claims rules`).
    public enum ClaimModel: String, Sendable, CaseIterable {
        case learned, rules

        /// The score from which a sentence is reported as a claim.
        public var threshold: Double { self == .learned ? CheckWorthyModel.threshold : 0.3 }
        /// The score from which a question is reported: the rules never report one; the learned model
        /// only when it is sure (in debates a question can assert, "…paid 50 times the tax in China, and
        /// is talking about me taking money?"; in news it is mostly a headline or a crosshead). At 0.5 the
        /// questions of CheckThat! train it reports are check-worthy 17 times in 20 (at 0.2, 26 in 58).
        public var questionThreshold: Double { self == .learned ? max(threshold, 0.5) : .infinity }
    }

    public var claimModel = ClaimModel.learned
    /// Who chooses a quote's speaker among the entities around it: the trained ranker
    /// (`SpeakerRanker`), or the rules' own choice (for comparison: `extract --speakers rules`).
    public enum SpeakerChoice: String, Sendable, CaseIterable { case learned, rules }

    public var speakerChoice = SpeakerChoice.learned
    /// Whether every quote's candidates are worked out even when the rules choose (`rankedQuotes`).
    var collectsCandidates = false
    /// Asked between stages and between quotes and blocks: when it says so, extraction stops at
    /// once and returns what it has (an analysis over its time budget is cancelled, not abandoned).
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Sentences scoring below this are not reported as claims (nil: the model's own threshold).
    public var minimumClaimScore: Double?

    public init() {}

    /// `outlet` is the article's own publication (header `outlet:`): its reporting is never a relay.
    /// Reads a normalised view of the text (`NormalisedText`: NFC, invisible characters left out),
    /// so the way the text was typed never changes who said what; offsets and texts are the original's.
    public func extract(_ body: String, outlet: String? = nil) -> Extraction {
        extract(body, outlet: outlet, lap: { _ in })
    }

    /// `lap` is told when each stage ends (the benchmark's per-stage costs).
    func extract(_ body: String, outlet: String?, lap: (ExtractionStage) -> Void) -> Extraction {
        ranked(body, outlet: outlet, lap: lap).extraction
    }

    /// The quotes with the speaker candidates the ranker chose among (for training the ranker).
    public func rankedQuotes(_ body: String, outlet: String? = nil) -> [RankedQuote] {
        var collecting = self
        collecting.collectsCandidates = true
        let (extraction, candidates) = collecting.ranked(body, outlet: outlet, lap: { _ in })
        return zip(extraction.quotes, candidates).map { RankedQuote(quote: $0, candidates: $1) }
    }

    private func ranked(_ body: String, outlet: String?, lap: (ExtractionStage) -> Void) -> (
        extraction: Extraction, candidates: [[SpeakerCandidate]]
    ) {
        let original = scalarsOf(body)
        let view = NormalisedText(original)
        lap(.normalise)
        if shouldStop() { return (Extraction(quotes: [], claims: []), []) }
        let (found, candidates) = extract(view.scalars, outlet: outlet.map(NormalisedText.normalise), lap: lap)
        return (view.isIdentity ? found : found.mapped(to: original, by: view), candidates)
    }

    private func extract(_ s: [Unicode.Scalar], outlet: String?, lap: (ExtractionStage) -> Void) -> (
        Extraction, [[SpeakerCandidate]]
    ) {
        let layout = Layout(s)
        lap(.layout)
        if shouldStop() { return (Extraction(quotes: [], claims: []), []) }
        // One-word spans ("Meduza", a scare-quoted word) are never speech: dropped before pairing
        // quotes with their attributions, so they do not cut a sentence in two.
        let spans = QuoteFinder.spans(s, blocks: layout.contentBlocks).filter { wordCount(s, $0.content, upTo: 2) >= 2 }
        lap(.quoteMarks)
        if shouldStop() { return (Extraction(quotes: [], claims: []), []) }
        // A title-cased line's capitals are no evidence of a name: not read for people.
        var resolver = SpeakerResolver(
            blocks: layout.blocks.filter { !layout.isTail($0) && !layout.isTitleCased($0) }.map {
                layout.tokens[$0.index]
            },
            excluding: spans.map(\.content))
        lap(.people)
        if shouldStop() { return (Extraction(quotes: [], claims: []), []) }
        var quotes = findQuotes(s, layout, spans, outlet: outlet, &resolver)
        lap(.attribution)
        let candidates = rankSpeakers(&quotes, layout, resolver)
        lap(.speakers)
        var claims = findClaims(s, layout, quotes: quotes, &resolver)
        lap(.claims)
        var found = quotes.map(\.quote)
        for k in found.indices { found[k].speakerIsOrganisation = found[k].speaker.flatMap(resolver.isOrganisation) }
        for k in claims.indices { claims[k].speakerIsOrganisation = claims[k].speaker.flatMap(resolver.isOrganisation) }
        return (Extraction(quotes: found, claims: claims, skippedTail: layout.skippedTail), candidates)
    }

    // MARK: - Quotes

    struct FoundQuote {
        var quote: ExtractedQuote
        var span: QuoteSpan
        var rule: RuleAttribution
    }

    private func findQuotes(
        _ s: [Unicode.Scalar], _ layout: Layout, _ spans: [QuoteSpan], outlet: String?,
        _ resolver: inout SpeakerResolver
    ) -> [FoundQuote] {
        var found: [FoundQuote] = []
        var pending: [Int] = []  // spans still without a speaker
        // Titles and named terms first: they neither count as speech nor bound a neighbour's attribution.
        let spans = spans.filter { QuotedTitle.mayBeSpeech(s, layout, $0) }
        for (k, span) in spans.enumerated() {
            if k % 64 == 0, shouldStop() { break }
            let content = makeString(s, span.content)
            let site = QuoteSite(k, spans, layout)
            let (attribution, relay, route) = site.attribution(s)
            let (speaker, cue, via, listener) = resolved(attribution, relay: relay, outlet: outlet, &resolver)
            let sentence = site.sentence
            let quote = ExtractedQuote(
                text: content, speaker: speaker, cue: cue, via: via,
                start: span.content.lowerBound, end: span.content.upperBound,
                sentenceStart: sentence.lowerBound,
                sentenceEnd: max(
                    layout.sentence(containing: max(span.close - 1, span.open), block: span.block).upperBound,
                    span.content.upperBound))
            // A quote without an attribution (even a short one) stays, its speaker inherited or unknown:
            // in annotated news most are someone's words; names, titles and named terms were left out above.
            if attribution == nil { pending.append(found.count) }
            let rule = RuleAttribution(
                speaker: speaker, route: route, phrase: attribution?.speakerPhrase ?? [], listener: listener)
            found.append(FoundQuote(quote: quote, span: span, rule: rule))
        }
        shareJoinedAttributions(&found, s)
        inheritSpeakers(&found, pending: pending, layout)
        return found
    }

    /// `Guns are "a crisis" and "a danger," Howard Dean, the former governor, said`: a quote that
    /// only "and" or "or" separates from the next quote of its paragraph, attributed after that one,
    /// is that speaker's too (its own search ran past the next quote and took the appositive).
    private func shareJoinedAttributions(_ found: inout [FoundQuote], _ s: [Unicode.Scalar]) {
        for k in found.indices.dropLast().reversed() {
            let next = found[k + 1]
            guard next.span.block == found[k].span.block, next.rule.route == .after, next.quote.speaker != nil,
                found[k].span.closed, Self.onlyJoins(s, found[k].span.close + 1..<next.span.open)
            else { continue }
            found[k].quote.speaker = next.quote.speaker
            found[k].quote.cue = next.quote.cue
            found[k].quote.via = next.quote.via
            found[k].rule = next.rule
        }
    }

    private static func onlyJoins(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 8 else { return false }
        let words = String(String.UnicodeScalarView(s[range])).split { $0 == " " || $0 == "," }
        return words.count == 1 && (words[0] == "and" || words[0] == "or")
    }

    /// The speaker and cue an attribution names, resolved, and the outlet it was relayed by: never
    /// the speaker itself or the article's own outlet.
    private func resolved(
        _ attribution: Attribution?, relay: [Token]?, outlet: String?, _ resolver: inout SpeakerResolver
    ) -> (speaker: String?, cue: String?, via: String?, listener: String?) {
        guard let attribution else { return (nil, nil, nil, nil) }
        var speaker = resolver.resolve(attribution.speakerPhrase, at: attribution.offset)
        var via: String?
        // The outlet, not its reporter or programme ("Wee of The New York Times" → The New York Times).
        if let v = relay.map({ Relays.outlet(in: $0) ?? $0 }), let first = v.first {
            via = resolver.resolve(v, at: first.start)
        }
        // `"…," he told Rubio`: the one told is not the pronoun's person.
        let listener = attribution.listener.flatMap(resolver.person(called:))
        if listener != nil, listener == speaker {
            speaker = resolver.resolve(attribution.speakerPhrase, at: attribution.offset, listener: listener)
        }
        if via == speaker || via.map({ Relays.isOwnOutlet($0, outlet: outlet) }) == true { via = nil }
        return (speaker, attribution.cue, via, listener)
    }

    /// Quotes without a cue take the speaker of a quote in the same block, or of a quote that the
    /// previous block left open (a quote over several paragraphs). Linear: quotes are looked up by block.
    private func inheritSpeakers(_ found: inout [FoundQuote], pending: [Int], _ layout: Layout) {
        var byBlock: [Int: Range<Int>] = [:]
        for (k, f) in found.enumerated() {
            byBlock[f.span.block] = (byBlock[f.span.block]?.lowerBound ?? k)..<(k + 1)
        }
        func attributed(_ k: Int) -> Bool { found[k].quote.speaker != nil || found[k].quote.cue != nil }
        for i in pending {
            let span = found[i].span
            let sameBlock = byBlock[span.block] ?? i..<i
            let before = sameBlock.last { $0 != i && attributed($0) && found[$0].span.open < span.open }
            let after = sameBlock.first { $0 != i && attributed($0) && found[$0].span.open > span.open }
            var source = before ?? after
            // A quote left open at the end of its paragraph continues in the next one ("…\n\n"…," X said).
            if source == nil, !span.closed, layout.blockStartsWithQuote(span.block + 1),
                let next = byBlock[span.block + 1]?.lowerBound, attributed(next)
            {
                source = next
            }
            if source == nil, let previous = found[..<sameBlock.lowerBound].last,
                previous.span.block == span.block - 1 || !previous.span.closed,
                layout.blockStartsWithQuote(span.block),
                !previous.span.closed || layout.blockEndsWithColon(span.block - 1)
                    || previous.quote.speaker != nil && layout.isQuoteOnly(span.block)
            {
                source = sameBlock.lowerBound - 1
            }
            if let source {
                found[i].quote.speaker = found[source].quote.speaker
                found[i].quote.cue = found[source].quote.cue
                found[i].quote.via = found[source].quote.via
                found[i].rule = RuleAttribution(speaker: found[source].quote.speaker, route: .inherited, phrase: [])
            }
        }
    }
}
