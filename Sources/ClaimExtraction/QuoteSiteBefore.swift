/// The sentence or paragraph before a quote that has no attribution of its own: a cue ending it
/// (`Dianne Bystrom agreed. "…"`), or the named person it is about.
extension QuoteSite {
    /// `Dianne Bystrom agreed. "…"`: the sentence before ends with its speaker and cue.
    func sentenceBefore() -> Attribution? {
        guard openTok <= sentenceTok + 1, sentence.lowerBound > layout.blocks[span.block].range.lowerBound else {
            return nil
        }
        return previousSentence(before: sentence.lowerBound)
    }

    /// A paragraph that opens with this quote and names no speaker takes the attribution of the paragraph
    /// before when that one has no quote of its own and ends with a cue or a colon
    /// (`Cruz continued:`, `Valastro praised Christie's leadership.`, `… released the following statement:`).
    func previousParagraph() -> Attribution? {
        guard openTok == 0 || openTok == 1 && !t[0].isWord, span.block > 0, !previousBlockQuotes else { return nil }
        let previous = span.block - 1
        guard !layout.isHeading(layout.blocks[previous]), let last = layout.sentences[previous].last else { return nil }
        let p = layout.tokens[previous]
        let from = layout.tokenIndex(atOrAfter: last.range.lowerBound, block: previous)
        return introduction(p, from: from, to: p.count, endsWithColon: layout.blockEndsWithColon(previous))
    }

    /// Who a sentence without a quote of its own introduces as the next quote's speaker: the last cue
    /// whose subject names someone, else the sentence's subject when the sentence ends with a colon,
    /// or when the quote stands alone and the subject is a person's name.
    func introduction(_ p: [Token], from: Int, to: Int, endsWithColon: Bool) -> Attribution? {
        var end = to
        while end > from, !p[end - 1].isWord { end -= 1 }
        guard end > from else { return nil }
        // The last cue whose subject names someone: in `Schoen elaborated … that superdelegates currently
        // pledged to Clinton, … may reconsider.` the last ("pledged") has a subject that names nobody.
        var cueEnd = end
        var lastFound: Attribution??
        while let cue = Attributor.lastCue(p, from: from, to: cueEnd) {
            let found = Attributor.attribution(p, cue: cue, floor: from, ceiling: end, clauseFloor: from)
            if let found, SpeakerResolver.namesSomeone(found.speakerPhrase) { return found }
            lastFound = lastFound ?? found
            cueEnd = cue.index
        }
        if let lastFound { return lastFound }
        // `President Bill Clinton released the following statement:`: the subject of a sentence that introduces it;
        // `Viguerie is upbeat about Cruz's chances.` then `"…"` alone: the person the paragraph is about.
        guard let subject = SentenceSubject.find(p, from: from, quote: end),
            endsWithColon || !t[min(closeTok + 1, t.count)...].contains(where: \.isWord) && isPersonName(subject.phrase)
        else { return nil }
        return Attribution(
            speakerPhrase: subject.phrase, offset: subject.phrase[0].start, cue: subject.verb.lower, via: nil)
    }

    /// A capitalised name run, not a pronoun or a group ("Viguerie", "Sen. Ted Cruz").
    func isPersonName(_ phrase: [Token]) -> Bool {
        guard let first = phrase.first, first.isCapitalised, !first.has(.functionWord) || first.has(.title) else {
            return false
        }
        return phrase.allSatisfy { $0.isCapitalised || $0.has(.title) }
            && !phrase.contains { $0.has(.organisationWord) }
    }

    /// The attribution of the sentence before `offset` when it ends with a cue (`X agreed.`, `X said:`),
    /// or, when no quote comes before this one in its paragraph, whom that sentence introduces (`Sam Lau said in a statement. "…"`).
    func previousSentence(before offset: Int) -> Attribution? {
        var end = layout.tokenIndex(atOrAfter: offset, block: span.block)
        guard end > 0 else { return nil }
        let previous = layout.sentence(containing: t[end - 1].start, block: span.block)
        let from = layout.tokenIndex(atOrAfter: previous.lowerBound, block: span.block)
        let to = end
        while end > from, !t[end - 1].isWord { end -= 1 }
        guard end - from >= 2 else { return nil }
        if let cue = Attributor.lastCue(t, from: max(from, end - 3), to: end), cue.style == .subjectBefore {
            return Attributor.attribution(t, cue: cue, floor: from, ceiling: end)
        }
        guard firstInBlock else { return nil }
        return introduction(t, from: from, to: to, endsWithColon: t[to - 1].text == ":")
    }
}
