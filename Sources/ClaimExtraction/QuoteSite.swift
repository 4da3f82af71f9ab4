/// Where one quotation stands in its block (token indices around its marks), and the search for
/// who said it: after the quote, before it, around it, in the sentence or the paragraph before.
struct QuoteSite {
    let t: [Token]
    let layout: Layout
    let span: QuoteSpan
    let sentence: Range<Int>
    let sentenceTok: Int, openTok: Int, closeTok: Int, sentenceEnd: Int
    /// Where words of this quote's attribution may start (the sentence, or after the previous quote in it)
    /// and end (the next quote in the block, or 28 tokens after the closing mark).
    let floor: Int, ceiling: Int
    /// Where a clause whose subject a verb shares may start: the sentence, unless the sentence
    /// starts inside the previous quote (then after that quote: its words are nobody's subject).
    let clauseFloor: Int
    /// Whether the block before this one holds a quotation (then a quote-only paragraph inherits from it).
    let previousBlockQuotes: Bool
    /// Whether no quotation comes before this one in its block.
    let firstInBlock: Bool

    init(_ k: Int, _ spans: [QuoteSpan], _ layout: Layout) {
        let span = spans[k]
        let block = span.block
        self.span = span
        self.layout = layout
        t = layout.tokens[block]
        // Tokens around the marks by binary search: a scan from the block's ends was quadratic
        // in a paragraph dense with quotations.
        sentence = layout.sentence(containing: span.open, block: block)
        sentenceTok = layout.tokenIndex(atOrAfter: sentence.lowerBound, block: block)
        openTok = layout.tokenIndex(atOrAfter: span.open, block: block)
        closeTok = span.closed ? layout.tokenIndex(atOrAfter: span.close, block: block) : t.count
        sentenceEnd = layout.tokenIndex(atOrAfter: sentence.upperBound, block: block)
        var floor = sentenceTok
        if k > 0, spans[k - 1].block == block, spans[k - 1].close >= sentence.lowerBound, spans[k - 1].closed {
            floor = max(floor, layout.tokenIndex(atOrAfter: spans[k - 1].close, block: block) + 1)
        }
        self.floor = floor
        let startsInPrevious = k > 0 && spans[k - 1].block == block && spans[k - 1].open < sentence.lowerBound
        clauseFloor = startsInPrevious ? floor : sentenceTok
        var ceiling = t.count
        if k + 1 < spans.count, spans[k + 1].block == block {
            ceiling = layout.tokenIndex(atOrAfter: spans[k + 1].open, block: block)
        }
        self.ceiling = min(ceiling, closeTok + 28)
        previousBlockQuotes = k > 0 && spans[k - 1].block == block - 1
        firstInBlock = k == 0 || spans[k - 1].block != block
    }

    /// Who said it, in the article's words, who relayed it when a relay is named, and which of the
    /// searches below found it (a feature of the speaker ranker).
    func attribution(_ s: [Unicode.Scalar]) -> (attribution: Attribution?, relay: [Token]?, route: AttributionRoute) {
        var route = AttributionRoute.after
        var attribution = after(endsSentence: s[span.content.upperBound - 1] == ".")
        if attribution == nil, span.closed { (attribution, route) = (dashSignature(from: closeTok + 1), .dash) }
        if attribution == nil { (attribution, route) = (nextLineSignature(), .dash) }
        var outerVia: [Token]?
        if attribution == nil || attribution.map(Relays.isRelay) == true {
            let found = attribution
            (attribution, outerVia) = before(replacing: attribution)
            if attribution?.offset != found?.offset { route = .before }
        }
        let searches: [(AttributionRoute, () -> Attribution?)] = [
            (.sentenceEnd, { span.closed ? atSentenceEnd() : nil }), (.colon, colonLabel), (.subject, sentenceSubject),
            (.nearestClause, nearestClause), (.previousSentence, sentenceBefore),
            (.previousParagraph, previousParagraph),
        ]
        for (next, search) in searches where attribution == nil {
            (attribution, route) = (search(), next)
        }
        guard let attribution else { return (nil, nil, .none) }
        let relay =
            attribution.via ?? outerVia ?? Relays.trailing(t, from: closeTok + 1, to: max(closeTok + 1, sentenceEnd))
            ?? Relays.trailing(t, from: floor, to: openTok)
        return (attribution, relay, route)
    }

    /// No speech verb: the sentence's subject, when the quote sits in its predicate.
    private func sentenceSubject() -> Attribution? {
        guard let subject = SentenceSubject.find(t, from: floor, quote: openTok) else { return nil }
        return Attribution(
            speakerPhrase: subject.phrase, offset: subject.phrase[0].start, cue: subject.verb.lower, via: nil)
    }

    /// `…," Putin said`, or `"…missing." Trump said.` (a whole sentence quoted, its attribution a sentence of its own).
    private func after(endsSentence: Bool) -> Attribution? {
        guard span.closed else { return nil }
        if closeTok + 1 < ceiling, !endsSentence || t[closeTok + 1].isWord && !t[closeTok + 1].isCapitalised {
            return introducesMore() ? nil : afterAttribution(from: closeTok + 1, to: ceiling)
        }
        if let end = shortClause(from: closeTok + 1) { return afterAttribution(from: closeTok + 1, to: end) }
        return nil
    }

    /// `"…we need you for the long run!" She replied to him that it was an "honor…"`: after an
    /// exclamation or a question, a new sentence whose verb goes on to what it says ("that", a colon,
    /// a quotation) is the next quote's attribution, not this one's.
    private func introducesMore() -> Bool {
        guard closeTok > 0, ["!", "?"].contains(t[closeTok - 1].text), t[closeTok + 1].isCapitalised,
            let cue = Attributor.firstCue(t, from: closeTok + 1, to: min(ceiling, closeTok + 6)),
            cue.style == .subjectBefore
        else { return false }
        var k = cue.index + cue.length
        if k < t.count, t[k].lower == "back" { k += 1 }
        if k < t.count, ["him", "her", "them", "me", "us", "reporters"].contains(t[k].lower) { k += 1 }
        if k < t.count, t[k].lower == "to", k + 1 < t.count,
            ["him", "her", "them", "me", "us"].contains(t[k + 1].lower)
        {
            k += 2
        }
        return k < t.count && (t[k].lower == "that" || t[k].text == ":" || k == ceiling)
    }

    /// A cue before the quote (`Putin said: "…"`), replacing a relay found after it, which becomes the outer `via`.
    private func before(replacing found: Attribution?) -> (Attribution?, [Token]?) {
        if let cue = Attributor.lastCue(t, from: floor, to: openTok).map(toldNotAsked),
            let before = Attributor.attribution(t, cue: cue, floor: floor, ceiling: openTok, clauseFloor: clauseFloor)
        {
            // "Nhan Dan wrote that Putin thanked...": an outer relay cue gives `via`.
            if let relay = Attributor.lastCue(t, from: floor, to: cue.index), Lexicon.relayVerbs.contains(relay.text),
                relay.style == .subjectBefore
            {
                return (before, Attributor.subject(t, before: relay.index, floor: floor))
            }
            return (before, found?.speakerPhrase)
        }
        // `Officials have "no plans," writes the AP`: the sentence's subject said it; the AP relays it.
        if let relay = found, Relays.isOutlet(relay.speakerPhrase),
            let subject = SentenceSubject.find(t, from: sentenceTok, quote: openTok)
        {
            return (
                Attribution(
                    speakerPhrase: subject.phrase, offset: subject.phrase[0].start, cue: subject.verb.lower, via: nil),
                relay.speakerPhrase
            )
        }
        return (found, nil)
    }

    /// `… when Mr. Trump assailed a judge as "…"`: the nearest name (or he, she, they) right before
    /// an active past or speech verb ahead of the quote, in the same sentence.
    private func nearestClause() -> Attribution? {
        var k = openTok - 1
        while k > floor {
            let w = t[k]
            k -= 1
            // `…, while Mike Huckabee proposed we "…"`: an earlier clause is someone else's.
            if ["while", "whereas", "but", ";"].contains(w.lower) { return nil }
            guard w.isWord, !w.isCapitalised, !w.has(.functionWord),
                ClaimScorer.isPastEvent(t, k + 1) || w.has(.speechVerb),
                !["was", "were", "is", "are", "been", "being", "be"].contains(t[k].lower)
            else { continue }
            let phrase = Attributor.subject(t, before: k + 1, floor: floor)
            guard let first = phrase.first, let last = phrase.last else { continue }
            if phrase.count == 1 && ["he", "she", "they"].contains(first.lower)
                || Attributor.isNameLike(phrase) && (last.isCapitalised || last.has(.title))
                    && !SpeakerResolver.isPossessive(last.text)
            {
                let opening = (floor...k).first { t[$0].start == first.start } ?? floor
                return reportedClause(opening: opening)
                    ?? Attribution(speakerPhrase: phrase, offset: first.start, cue: w.lower, via: nil)
            }
        }
        return nil
    }

    /// `Morial told a young woman who suggested that … that "…"`: a cue in a relative clause on the
    /// one told is theirs, not the quote's; the telling is.
    private func toldNotAsked(_ cue: Cue) -> Cue {
        guard cue.index > floor, ["who", "which"].contains(t[cue.index - 1].lower),
            let telling = Attributor.lastCue(t, from: floor, to: cue.index - 1),
            Attributor.listenerVerbs.contains(telling.text) || telling.text == "telling"
        else { return cue }
        return telling
    }

    /// `Gorka said it was "absolutely clear" …, and that Clinton faced … "felony charges"`: a clause
    /// after "that" reports what the sentence's speech verb before it said, so its speaker said it.
    private func reportedClause(opening start: Int) -> Attribution? {
        guard start > clauseFloor, t[start - 1].lower == "that",
            let cue = Attributor.lastCue(t, from: clauseFloor, to: start - 1), cue.style == .subjectBefore,
            Lexicon.speechVerbs.contains(cue.text)
        else { return nil }
        return Attributor.attribution(t, cue: cue, floor: clauseFloor, ceiling: start - 1)
    }

    /// A partial quote mid-sentence, attributed at the sentence's end: `… "take histories" of patients, Dempsey said.`
    private func atSentenceEnd() -> Attribution? {
        guard closeTok + 1 < sentenceEnd else { return nil }
        // The last comma that opens an attribution: `…, said Christine Link, executive director of…`.
        for comma in (closeTok + 1..<sentenceEnd).reversed() where t[comma].text == "," && sentenceEnd - comma <= 30 {
            if sentenceEnd - comma <= 12 || t[comma + 1].has(.speechVerb),
                let found = afterAttribution(from: comma + 1, to: sentenceEnd)
            {
                return found
            }
        }
        return nil
    }

    /// Attribution right after the closing mark: `…," Putin said` or `…," said Putin`.
    private func afterAttribution(from: Int, to: Int) -> Attribution? {
        var i = from
        while i < to, !t[i].isWord, t[i].text != "." { i += 1 }
        // "…", but Russia said…: a new clause, not this quote's attribution.
        if i < to, Attributor.phraseBreakers.contains(t[i].lower) || ["however", "yet", "then"].contains(t[i].lower) {
            return nil
        }
        // Room for a name with an appositive: `…," Jack Buser, director for games at Google, tells…`.
        let limit = min(to, i + 24)
        let cue = Attributor.firstCue(t, from: i, to: limit)
        // `…," giving states more power`: a participle clause, not an attribution; but `…," organizing
        // director Kendall Fells told` is a description, then the name before the cue.
        if i < to, !t[i].isCapitalised, t[i].lower.hasSuffix("ing"), !t[i].has(.speechVerb),
            cue.map({ $0.index <= i + 1 || !t[$0.index - 1].isCapitalised }) ?? true
        {
            return nil
        }
        guard let cue, cue.style != .participle else { return namedThenVerb(at: i) }
        // Only words, an appositive's commas, a party tag's parenthesis and no clause before the first comma.
        var depth = 0
        for k in i..<cue.index where !t[k].isWord && t[k].text != "," && !closesAbbreviation(k) && !Token.isAmount(t, k)
        {
            if t[k].text == "(" { depth += 1 } else if t[k].text == ")" { depth -= 1 } else if depth == 0 { return nil }
        }
        let head = t[i..<(t[i..<cue.index].firstIndex { $0.text == "," } ?? cue.index)]
        let clause = head.indices.contains { k in
            // "Wee of The New York Times", "a doctor in Kenya", "chief of staff": a connector in a name or a role.
            !t[k].isCapitalised && Attributor.phraseBreakers.contains(t[k].lower)
                && !(RoleDescription.prepositions.contains(t[k].lower) && k + 1 < cue.index
                    && (t[k + 1].isCapitalised || t[k + 1].lower == "the" || Token.isAmount(t, k + 1)
                        || k > i && RoleDescription.opensOffice(t, at: k)))
        }
        if clause { return nil }
        return Attributor.attribution(t, cue: cue, floor: i, ceiling: to)
    }

    /// The period of an abbreviation inside a phrase ("Allentown, Pa., said"): after a capitalised
    /// word and before a comma.
    private func closesAbbreviation(_ k: Int) -> Bool {
        t[k].text == "." && k > 0 && t[k - 1].isWord && t[k - 1].isCapitalised && k + 1 < t.count
            && t[k + 1].text == ","
    }

    /// `"…," Kelly charged`: after a quote closed by a comma, a name and a past verb attribute it,
    /// whatever the verb (fumed, charged, gushed).
    private func namedThenVerb(at i: Int) -> Attribution? {
        guard i == closeTok + 1, closeTok > 0, [",", "?", "!"].contains(t[closeTok - 1].text) else { return nil }
        if let named = verbThenNamed(at: i) { return named }
        guard let run = SpeakerResolver.nameRun(t, from: i), !run.possessive, run.range.upperBound < ceiling,
            ClaimScorer.isPastEvent(t, run.range.upperBound)
        else { return nil }
        let phrase = Array(t[run.range])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: t[run.range.upperBound].lower, via: nil)
    }

    /// `"This is fantastic!" beamed Donald Hartley of Madison`: the same, the verb first; the name of
    /// two words or more ends the clause or is followed by where the person is from.
    private func verbThenNamed(at i: Int) -> Attribution? {
        guard i + 2 < ceiling, ClaimScorer.isPastEvent(t, i), t[i + 1].isCapitalised,
            let run = SpeakerResolver.nameRun(t, from: i + 1), !run.possessive, run.range.count >= 2,
            run.range.upperBound < ceiling, [",", ".", "of"].contains(t[run.range.upperBound].lower)
        else { return nil }
        let phrase = Array(t[run.range])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: t[i].lower, via: nil)
    }

    /// `"…" ― Esther Tapia`: a dash and a name closing the quote's line sign it.
    private func dashSignature(from: Int) -> Attribution? {
        guard from + 1 < ceiling else { return nil }
        return Layout.signature(t, dash: from)
    }

    /// A paragraph that is one quotation, signed on the line under it (`- Sanders.`, `— Hillary
    /// Clinton, Feb. 4 debate`): a fact-check's or a roundup's way of giving who said it.
    private func nextLineSignature() -> Attribution? {
        let next = span.block + 1
        guard span.closed, layout.isQuoteOnly(span.block), next < layout.blocks.count, next < layout.tailStart,
            !t[min(closeTok + 1, t.count)...].contains(where: \.isWord), layout.tokens[next].count <= 20
        else { return nil }
        return Layout.signature(layout.tokens[next], dash: 0)
    }

    /// The end of a clause of at most five words closed by a period right after a quote
    /// (`Trump said.`, `said Mr. Nevins of Showtime.`), or nil.
    private func shortClause(from: Int) -> Int? {
        var i = from
        while i < min(ceiling, from + 8) {
            if t[i].text == "." { return i - from >= 2 ? i : nil }
            if !t[i].isWord && t[i].text != "," { return nil }
            i += 1
        }
        return nil
    }
}
