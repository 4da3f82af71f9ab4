/// Check-worthiness of one sentence, ClaimBuster-style: which features make a fact-checker
/// want to check it (numbers, dates, rankings, attributions), and which make it opinion.
enum ClaimScorer {
    /// What a sentence holds that a fact-checker checks.
    struct Features {
        var statistic = false, date = false, count = false, ranking = false, ordinal = false
        var event = false, firstPerson = false, named = false
        var opinion = 0
        /// The source the sentence names, found while scoring (so it is looked for once).
        var attribution: Attribution?
        var attributed: Bool { attribution != nil }

        /// ClaimBuster-style weights: each feature adds, opinion words and "I"/"we" take away.
        var score: Double {
            var score = 0.15
            if statistic { score += 0.35 }
            if date { score += 0.2 }
            if count { score += 0.15 }
            if ranking { score += 0.15 }
            if attributed { score += 0.2 }
            if event { score += 0.15 }
            if named { score += 0.08 }
            score -= Double(opinion) * 0.15
            if firstPerson { score -= 0.2 }
            return max(0, min(1, score))
        }

        var type: ClaimType {
            statistic
                ? .statistic
                : ordinal
                    ? .count
                    : date
                        ? .date
                        : count
                            ? .count
                            : ranking
                                ? .ranking
                                : attributed ? .attributed : .other
        }
    }

    /// A sentence's score, type, source and features.
    typealias Scored = (score: Double, type: ClaimType, attribution: Attribution?, features: Features?)

    /// The rules' score of a sentence, its type and source, and its features; nil features for a
    /// sentence no claim can be (too short or long, a question, a lead-in ending in a colon, a note
    /// that someone would not comment: `NoCommentNote`). Five
    /// words can claim a fact (`I brought back 700,000 jobs.`); four are mostly captions and fragments.
    /// With `questions`, a question is scored too (the learned model weighs its question mark itself).
    static func score(_ tokens: [Token], text s: [Unicode.Scalar], range: Range<Int>, questions: Bool = false)
        -> Scored
    {
        let words = tokens.filter(\.isWord)
        guard words.count >= 5, words.count <= 120 else { return (0, .other, nil, nil) }
        if !questions && isQuestion(s, range) { return (0, .other, nil, nil) }
        let last = s[range.upperBound - 1]
        if last == ":" || NoCommentNote.isNote(tokens) { return (0, .other, nil, nil) }
        let f = features(tokens, words: words)
        return (f.score, f.type, f.attribution, f)
    }

    /// Whether the sentence ends in a question mark (before a closing quotation mark, too).
    static func isQuestion(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let last = s[range.upperBound - 1]
        return last == "?" || (last == "\"" || last == "\u{201D}") && range.count > 1 && s[range.upperBound - 2] == "?"
    }

    static func features(_ tokens: [Token], words: [Token]) -> Features {
        var f = Features()
        var all: WordFeatures = []
        for (k, w) in words.enumerated() {
            all.formUnion(w.features)
            if w.has(.opinion) { f.opinion += 1 }
            if w.isNumber {
                let digits = w.text.filter(\.isNumber)
                if digits.count == 4, let year = Int(digits), year >= 1800 && year <= 2100, !w.text.contains(".") {
                    f.date = true
                } else {
                    f.statistic = true
                }
                if k + 1 < words.count, ["percent", "per", "%"].contains(words[k + 1].lower) { f.statistic = true }
                if w.lower.hasSuffix("th") || w.lower.hasSuffix("st") || w.lower.hasSuffix("nd")
                    || w.lower.hasSuffix("rd")
                {
                    f.count = true
                    f.ordinal = true
                }
            }
            if w.has(.month) && w.isCapitalised { f.date = true }
            if isSuperlative(w.lower) { f.ranking = true }
        }
        if tokens.contains(where: { $0.kind == .punct && isCurrencyOrPercent($0.text.unicodeScalars.first) }) {
            f.statistic = true
        }
        if all.contains(.weekday) || all.contains(.timeWord) { f.date = true }
        if all.contains(.ordinal) {
            f.count = true
            f.ordinal = true
        }
        if all.contains(.countWord) { f.count = true }
        if all.contains(.superlative) { f.ranking = true }
        f.attribution = attribution(tokens)
        f.event = all.contains(.eventVerb) || words.indices.contains { isPastEvent(words, $0) }
        f.firstPerson = all.contains(.firstPerson)
        f.named = words.dropFirst().contains { $0.isCapitalised }
        return f
    }

    /// A currency or percent sign. A mark is a one-scalar punctuation token: its scalar is compared,
    /// not strings, on every token.
    static func isCurrencyOrPercent(_ mark: Unicode.Scalar?) -> Bool {
        switch mark {
        case "%", "$", "€", "£": true
        default: false
        }
    }

    /// A verb in the past or the perfect reports something that happened ("revealed", "has been
    /// eliminated", "took"); a copula alone ("is", "has") only describes, and is not an event.
    static func isPastEvent(_ words: [Token], _ k: Int) -> Bool {
        let w = words[k]
        guard !w.isCapitalised, k > 0 else { return false }
        if w.features.contains(.irregularPast) { return true }
        guard w.lower.utf8.count >= 5, w.lower.endsWithBytes("ed"), !Lexicon.notPastForms.contains(w.lower) else {
            return false
        }
        // "the elected official", "a revised plan": a participle used as an adjective.
        return !["the", "a", "an", "this", "these", "its", "their", "his", "her"].contains(words[k - 1].lower)
    }

    /// "largest", "highest"…, but not "interest", "west".
    static func isSuperlative(_ w: String) -> Bool {
        guard w.utf8.count >= 6, w.endsWithBytes("est") else { return false }
        return ![
            "interest", "request", "protest", "suggest", "forest", "harvest", "modest", "honest", "invest",
            "contest", "arrest", "digest", "manifest", "southwest", "northwest", "midwest", "inquest", "conquest",
        ].contains(w)
    }

    /// The source a sentence names for its fact: "according to X", "X reported", "X said (that) …".
    static func attribution(_ tokens: [Token]) -> Attribution? {
        var i = 0
        while i < tokens.count {
            if let cue = Attributor.cue(tokens, i) ?? claimCue(tokens, i), cue.style != .participle,
                reports(tokens, cue),
                cue.style == .speakerAfter || !inSubordinateClause(tokens, cue.index),
                let a = Attributor.attribution(tokens, cue: cue, floor: 0, ceiling: tokens.count)
            {
                return a
            }
            i += 1
        }
        return nil
    }

    /// Verbs that attribute a claim but not a quotation: "X accused Y of …", "X cited a study showing …".
    static func claimCue(_ t: [Token], _ i: Int) -> Cue? {
        guard t[i].isWord, !t[i].isCapitalised, t[i].has(.claimCue) else { return nil }
        return Cue(text: t[i].lower, index: i, length: 1, style: .subjectBefore)
    }

    /// Whether a cue reports a fact: "X said (that) exports rose", ", AFP reported." — not
    /// "reported to him", "reported for duty", "believes".
    static func reports(_ t: [Token], _ cue: Cue) -> Bool {
        if cue.style == .speakerAfter { return true }
        if ["believes", "believed", "thinks", "thought", "hoped", "feared", "wondered"].contains(cue.text) {
            return false
        }
        let after = cue.index + cue.length
        guard after < t.count - 1 else { return true }  // ", AFP reported."
        // "…, Cook said while visiting": a trailing attribution after a comma.
        var k = cue.index - 1
        while k >= 0, t[k].isWord, cue.index - k <= 5 { k -= 1 }
        if k >= 0, k < cue.index - 1, t[k].text == ",", t[k + 1].isCapitalised, !t[k + 1].has(.functionWord) {
            return true
        }
        let next = t[after]
        if !next.isWord { return [",", "."].contains(next.text) }  // "…, Cook said, most…"
        if next.lower == "that"
            || next.lower == "at" && after + 1 < t.count && ["least", "most"].contains(t[after + 1].lower)
        {
            return true
        }
        // A preposition or a particle after the verb: "reported to him", "reported for duty", "said in 2019".
        if Attributor.phraseBreakers.contains(next.lower)
            || ["into", "up", "out", "off", "over", "back", "down"].contains(next.lower)
        {
            return false
        }
        return true
    }

    /// "after Politico reported", "as officials said": a cue inside a subordinate clause names the
    /// source of that clause, not of the sentence.
    static func inSubordinateClause(_ t: [Token], _ index: Int) -> Bool {
        var k = index - 1
        while k >= 0, t[k].isWord, index - k <= 8 {
            if [
                "after", "before", "when", "since", "because", "while", "until", "although", "though", "if", "unless",
                "once", "whether", "who", "which", "as",
            ].contains(t[k].lower) {
                return true
            }
            k -= 1
        }
        return false
    }

    /// "This was reported by X." / "This was stated in the joint statement…" after a claim.
    static func followingAttribution(_ tokens: [Token]) -> Attribution? {
        let words = tokens.filter(\.isWord)
        guard words.count >= 4, ["this", "that", "it"].contains(words[0].lower),
            ["was", "is"].contains(words[1].lower),
            ["reported", "stated", "announced", "said", "confirmed", "written"].contains(words[2].lower),
            ["by", "in"].contains(words[3].lower)
        else { return nil }
        let startIndex = tokens.firstIndex { $0.start == words[3].start }! + 1
        var phrase = Attributor.object(tokens, from: startIndex, ceiling: tokens.count)
        if let cut = phrase.firstIndex(where: { $0.lower == "of" }) { phrase = Array(phrase[..<cut]) }
        guard !phrase.isEmpty else { return nil }
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: words[2].lower, via: nil)
    }
}
