/// Collects the entities named around a quote (this sentence, this paragraph and the three before,
/// the words after the quote) and the rules' own choice, each with the features of `SpeakerFeature`.
/// Every search is a binary search and a bounded walk over one list of mentions: linear in the article.
struct SpeakerCandidateFinder {
    /// Every subject and object mention of every entity, by offset.
    private let mentions: [(offset: Int, person: Int, subject: Bool)]
    private let layout: Layout
    private let resolver: SpeakerResolver
    /// Each entity's name shape and word count, worked out once per article, not per quote.
    private let shapes: [(shape: Int, words: Int)]
    /// How many distinct entities a quote considers before it, and how far back and ahead it looks.
    static let entitiesBefore = 8, blocksBack = 3, charactersAfter = 300, walked = 400

    init(resolver: SpeakerResolver, layout: Layout) {
        var all: [(offset: Int, person: Int, subject: Bool)] = []
        for (k, person) in resolver.people.enumerated() {
            all += person.mentions.map { ($0, k, true) }
            all += person.objectMentions.map { ($0, k, false) }
        }
        mentions = all.sorted { $0.offset < $1.offset }
        shapes = resolver.people.map { Self.shape(of: $0.name) }
        self.layout = layout
        self.resolver = resolver
    }

    /// The candidates for one quote.
    func candidates(_ quote: QuoteContext) -> [SpeakerCandidate] {
        var evidence = around(quote.span)
        var context = quote
        let rulePerson = context.rule.speaker.flatMap(resolver.person(named:))
        let previousPerson = context.previousSpeaker.flatMap(resolver.person(named:))
        (context.rulePerson, context.previousPerson) = (rulePerson, previousPerson)
        for p in [rulePerson, previousPerson].compactMap({ $0 }) where evidence[p] == nil {
            evidence[p] = MentionEvidence()
        }
        // `"…," he told Rubio`: the one told is no candidate.
        var people = evidence.keys.sorted()
        if let listener = context.rule.listener { people.removeAll { resolver.people[$0].name == listener } }
        var found = people.map { p in
            (resolver.people[p].name, Optional(p), evidence[p]!)
        }
        if let speaker = context.rule.speaker, rulePerson == nil { found.append((speaker, nil, MentionEvidence())) }
        if let previous = context.previousSpeaker, previousPerson == nil, previous != context.rule.speaker {
            found.append((previous, nil, MentionEvidence()))
        }
        return found.map { name, person, evidence in
            SpeakerCandidate(name: name, features: features(name, person, evidence, context, count: found.count))
        }
    }

    /// The entities mentioned near the quote, with their nearest mentions.
    private func around(_ span: QuoteSpan) -> [Int: MentionEvidence] {
        var evidence: [Int: MentionEvidence] = [:]
        before(span, &evidence)
        after(span, &evidence)
        return evidence
    }

    /// The evidence of the mentions before the quote: rank, distance, subject or object, sentence.
    private func before(_ span: QuoteSpan, _ evidence: inout [Int: MentionEvidence]) {
        let sentence = layout.sentence(containing: span.open, block: span.block)
        let firstBlock = layout.blocks[max(0, span.block - Self.blocksBack)].range.lowerBound
        var i = position(span.open) - 1
        var steps = 0
        var ranked = 0
        while i >= 0, steps < Self.walked, mentions[i].offset >= firstBlock,
            ranked < Self.entitiesBefore || evidence[mentions[i].person] != nil
        {
            let m = mentions[i]
            var e = evidence[m.person] ?? MentionEvidence()
            if e.rank == nil {
                e.rank = ranked
                ranked += 1
                e.blocksBack = span.block - block(of: m.offset)
                e.cueBefore = isCueAdjacent(m.offset)
            }
            if m.subject {
                e.subjectBefore = e.subjectBefore ?? span.open - m.offset
            } else {
                e.objectBefore = e.objectBefore ?? span.open - m.offset
            }
            if m.offset >= sentence.lowerBound { e.sameSentenceBefore = true }
            evidence[m.person] = e
            i -= 1
            steps += 1
        }
    }

    /// The evidence of the mentions after the quote, within its block.
    private func after(_ span: QuoteSpan, _ evidence: inout [Int: MentionEvidence]) {
        let end = min(layout.blocks[span.block].range.upperBound, span.close + Self.charactersAfter)
        let closing = layout.sentence(containing: max(span.open, span.close - 1), block: span.block)
        let first = position(span.close)
        var i = first
        while i < mentions.count, i - first < Self.walked, mentions[i].offset < end {
            var e = evidence[mentions[i].person] ?? MentionEvidence()
            if e.after == nil {
                e.after = mentions[i].offset - span.close
                e.cueAfter = isCueAdjacent(mentions[i].offset)
            }
            if mentions[i].offset < closing.upperBound { e.sameSentenceAfter = true }
            evidence[mentions[i].person] = e
            i += 1
        }
    }

    private func features(_ name: String, _ person: Int?, _ e: MentionEvidence, _ c: QuoteContext, count: Int)
        -> [Double]
    {
        let entity = person.map { resolver.people[$0] }
        func distance(_ distance: Int?) -> Double { Double(distance ?? 100_000) }
        var f = [Double](repeating: 0, count: SpeakerFeature.allCases.count)
        f[SpeakerFeature.ruleChoice.rawValue] =
            name == c.rule.speaker || person != nil && person == c.rulePerson ? 1 : 0
        f[SpeakerFeature.route.rawValue] = Double(c.rule.route.rawValue)
        f[SpeakerFeature.phraseKind.rawValue] = Double(SpeakerCandidateFinder.phraseKind(c.rule.phrase))
        f[SpeakerFeature.genderAgreement.rawValue] = SpeakerCandidateFinder.agreement(c.rule.phrase, entity)
        f[SpeakerFeature.previousSpeaker.rawValue] =
            name == c.previousSpeaker || person != nil && person == c.previousPerson ? 1 : 0
        f[SpeakerFeature.previousQuoteGap.rawValue] = Double(min(c.previousGap, 5))
        f[SpeakerFeature.mentionsTotal.rawValue] =
            entity.map { Double($0.mentions.count + $0.objectMentions.count) } ?? 0
        f[SpeakerFeature.mentionsBefore.rawValue] =
            entity.map {
                Double(
                    Self.count($0.mentions, before: c.span.open) + Self.count($0.objectMentions, before: c.span.open))
            } ?? 0
        f[SpeakerFeature.subjectBefore.rawValue] = distance(e.subjectBefore)
        f[SpeakerFeature.objectBefore.rawValue] = distance(e.objectBefore)
        f[SpeakerFeature.after.rawValue] = distance(e.after)
        f[SpeakerFeature.sameSentenceBefore.rawValue] = e.sameSentenceBefore ? 1 : 0
        f[SpeakerFeature.sameSentenceAfter.rawValue] = e.sameSentenceAfter ? 1 : 0
        f[SpeakerFeature.blocksBack.rawValue] = Double(e.blocksBack ?? 6)
        f[SpeakerFeature.recencyRank.rawValue] = Double(e.rank ?? 9)
        f[SpeakerFeature.isOrganisation.rawValue] = entity.map { $0.isOrganisation ? 1 : 0 } ?? -1
        let shape: (shape: Int, words: Int) =
            person.map { shapes[$0] } ?? Self.shape(of: name)
        f[SpeakerFeature.nameWords.rawValue] = Double(shape.words)
        f[SpeakerFeature.candidateCount.rawValue] = Double(count)
        f[SpeakerFeature.quoteStartsBlock.rawValue] = layout.blockStartsWithQuote(c.span.block) ? 1 : 0
        f[SpeakerFeature.quoteOnlyBlock.rawValue] = layout.isQuoteOnly(c.span.block) ? 1 : 0
        f[SpeakerFeature.isEntity.rawValue] = entity == nil ? 0 : 1
        f[SpeakerFeature.cueBefore.rawValue] = e.cueBefore ? 1 : 0
        f[SpeakerFeature.cueAfter.rawValue] = e.cueAfter ? 1 : 0
        f[SpeakerFeature.nameShape.rawValue] = Double(shape.shape)
        return f
    }

    /// Whether the mention at `offset` is next to a speech verb: `X said`, `X, an aide to Y, said`, `said X`.
    private func isCueAdjacent(_ offset: Int) -> Bool {
        let b = block(of: offset)
        let t = layout.tokens[b]
        let k = layout.tokenIndex(atOrAfter: offset, block: b)
        guard k < t.count else { return false }
        if k > 0, t[k - 1].isWord, t[k - 1].has(.speechVerb) { return true }
        var j = k
        while j < t.count, j - k < 6, t[j].isWord, j == k || t[j].isCapitalised || t[j].has(.title) { j += 1 }
        if j < t.count, t[j].text == ",", let close = (j + 1..<min(t.count, j + 16)).first(where: { t[$0].text == "," })
        {
            j = close + 1
        }
        return j < t.count && t[j].isWord && t[j].has(.speechVerb)
    }

    /// 0: not a name ("Sunday", "its analysis", "Guns Are"); 1: a capitalised name; 2: a known first name and more.
    static func nameShape(_ name: String) -> Int { shape(of: name).shape }

    /// A name's shape and its number of words (split on its spaces' bytes: a name's words are tokens).
    private static func shape(of name: String) -> (shape: Int, words: Int) {
        let words = name.utf8.split(separator: 0x20).map { Substring($0) }
        return (nameShape(words: words), words.count)
    }

    private static func nameShape(words: [Substring]) -> Int {
        guard let first = words.first?.lowercased() else { return 0 }
        if words.contains(where: { $0.first?.isUppercase != true && !["of", "for", "de", "the", "and"].contains($0) }) {
            return 0
        }
        if Lexicon.functionWords.contains(first) || Lexicon.weekdays.contains(first) || Lexicon.months.contains(first) {
            return 0
        }
        return words.count >= 2 && Lexicon.isFirstName(first) ? 2 : 1
    }

    /// 0: no phrase; 1: a name; 2: a pronoun; 3: a description ("the agency").
    static func phraseKind(_ phrase: [Token]) -> Int {
        let words = phrase.filter(\.isWord)
        guard let last = words.last else { return 0 }
        if words.count == 1, Lexicon.pronouns[Lexicon.pronounStem(last.lower)] != nil { return 2 }
        return last.isCapitalised ? 1 : 3
    }

    /// 1 when the phrase is "he" or "she" and the entity is known to agree; -1 when it is known not to.
    static func agreement(_ phrase: [Token], _ entity: Person?) -> Double {
        let words = phrase.filter(\.isWord)
        guard words.count == 1, let gender = Gender(pronoun: Lexicon.pronounStem(words[0].lower)), let entity else {
            return 0
        }
        if entity.isOrganisation { return -1 }
        guard let known = entity.gender else { return 0 }
        return known == gender ? 1 : -1
    }

    private func position(_ offset: Int) -> Int {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func count(_ sorted: [Int], before offset: Int) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func block(of offset: Int) -> Int {
        var lo = 0
        var hi = layout.blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if layout.blocks[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return min(lo, layout.blocks.count - 1)
    }
}

extension SpeakerResolver {
    /// The entity whose fullest name is `name`, if the article registered one.
    /// A leading "The" is no part of the name ("The New York Post" is "New York Post"). A name the
    /// resolver gave is registered under itself: an exact look-up, never a search by name words
    /// (which grows with the people sharing a first name: quadratic in an article naming thousands).
    func person(named name: String) -> Int? {
        func bare(_ lowercased: String) -> Substring {
            lowercased.hasPrefix("the ") ? lowercased.dropFirst(4) : Substring(lowercased)
        }
        let key = bare(name.lowercased())
        for form in [String(key), "the " + key] {
            if let p = registered(form), bare(people[p].name.lowercased()) == key { return p }
        }
        return nil
    }
}
