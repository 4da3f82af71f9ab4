/// The subjects a clause's words give a participle or a shared verb: a name after "with", a name
/// after a possessor and its role, a capitalised run, a described person or document.
extension Attributor {
    /// "…, with Sen. John McCain calling it a "Chinese menu"": a participle's own subject, a name
    /// right after "with", not the clause's.
    static func absoluteSubject(_ t: [Token], before end: Int, floor: Int) -> [Token]? {
        var k = end - 1
        while k >= floor, end - k <= 6, t[k].isWord, t[k].isCapitalised || t[k].has(.title) { k -= 1 }
        guard k >= floor, k < end - 1, t[k].isWord, t[k].lower == "with", t[k + 1].isCapitalised,
            t[end - 1].isCapitalised, !SpeakerResolver.isPossessive(t[end - 1].text)
        else { return nil }
        return Array(t[(k + 1)..<end])
    }

    /// "Hillary Clinton’s campaign manager Robby Mook": the name after a possessive and its role
    /// (up to four lowercase words or titles), when `phrase` (from `start`) ends in a possessive.
    static func nameAfterPossessive(_ t: [Token], _ phrase: [Token], at start: Int, end: Int) -> [Token]? {
        guard let last = phrase.last, SpeakerResolver.isPossessive(last.text) else { return nil }
        var k = start + phrase.count
        let roleStart = k
        while k < end, k - roleStart < 4, t[k].isWord, !t[k].isCapitalised || t[k].has(.title) { k += 1 }
        guard k > roleStart, k < end, t[k].isWord, t[k].isCapitalised else { return nil }
        let name = capitalisedRun(t, from: k, end: end)
        return name.last.map { SpeakerResolver.isPossessive($0.text) } == false ? name : nil
    }

    /// "Two federal prison officers were charged …, stating": a count opening the clause, and the
    /// group it counts up to the verb (not "Two" alone).
    static func quantified(_ t: [Token], from start: Int, end: Int) -> [Token]? {
        guard RoleDescription.quantities.contains(t[start].lower) else { return nil }
        var k = start + 1
        while k < end, k - start < 6, t[k].isWord, !SpeakerResolver.looksLikeVerb(t[k]),
            !phraseBreakers.contains(t[k].lower)
        { k += 1 }
        return k > start + 1 ? Array(t[start..<k]) : nil
    }

    /// Where a clause's subject starts: after its subordinator ("…, when Sanders protesters
    /// interrupted her speech, shouting").
    static func afterSubordinator(_ t: [Token], _ clause: Int, end: Int) -> Int {
        clause + 2 < end && ["when", "while", "as", "after", "before"].contains(t[clause].lower) ? clause + 1 : clause
    }

    /// The clause after a comma inside a closing quotation mark starts after the mark: `the
    /// "woman card," Fiorina said, adding` (an opening mark, `said, "We`, is left: what follows it is quoted).
    static func afterClosingMark(_ t: [Token], _ clause: Int, end: Int) -> Int {
        clause + 1 < end && closesAfterComma(t, clause) ? clause + 1 : clause
    }

    /// Whether token `k` is a quotation mark right after a comma, with no space between: the mark
    /// that closes `“…,”` (an opening mark follows its comma after a space: `said, “We`).
    static func closesAfterComma(_ t: [Token], _ k: Int) -> Bool {
        k > 0 && t[k].isQuoteMark && t[k - 1].text == "," && t[k].start == t[k - 1].end
    }

    /// Whether `phrase`, after the preposition at `preposition`, is the medium something was said
    /// in ("in a statement", "on its website", "during an interview"): a determiner, at most two
    /// lowercase words, and a document or medium noun.
    static func isMediumAdjunct(_ t: [Token], preposition: Int, phrase: [Token]) -> Bool {
        // "Based on the statement": a participle's complement, not an adjunct of the cue.
        guard preposition > 0, !t[preposition - 1].lower.hasSuffix("ed"), !t[preposition - 1].lower.hasSuffix("ing"),
            ["in", "on", "during", "through", "via"].contains(t[preposition].lower), (2...4).contains(phrase.count),
            ["a", "an", "the", "its", "his", "her", "their", "this"].contains(phrase[0].lower),
            phrase.allSatisfy({ !$0.isCapitalised || $0.lower == phrase[0].lower }), let head = phrase.last
        else { return false }
        return Lexicon.documentNouns.contains(head.lower) || mediumNouns.contains(head.lower)
    }

    /// Where words are said, besides documents (`Lexicon.documentNouns`).
    static let mediumNouns: Set<String> = [
        "interview", "interviews", "website", "blog", "podcast", "video", "speech", "tweets", "posts", "op-ed",
        "email", "emails", "appearance", "broadcast", "remarks", "message", "briefing", "testimony",
    ]

    /// Whether token `j` goes on with a sentence after a quote that ended in a comma (`“…,” Will
    /// described`), so a capital there starts a name, not the sentence.
    static func continuesSentence(_ t: [Token], _ j: Int) -> Bool { j >= 1 && closesAfterComma(t, j - 1) }

    /// `…, U.S. President Barack Obama, who called`: the name the relative pronoun at `who` stands
    /// for, when the cue at `end` is its own verb (not `Ryan, who used the same words when asked`).
    static func relativeAntecedent(_ t: [Token], who start: Int, end: Int, floor: Int) -> [Token]? {
        guard t[start].lower == "who", end - start <= 2, start - floor >= 2, t[start - 1].text == ",",
            t[start - 2].isCapitalised
        else { return nil }
        return capitalisedRunEnding(t, at: start - 2, floor: floor)
    }

    /// The capitalised words and titles that end at token `last` ("U.S. President Barack Obama").
    static func capitalisedRunEnding(_ t: [Token], at last: Int, floor: Int) -> [Token] {
        var k = last
        while k > floor, t[k - 1].isCapitalised || Lexicon.titles.contains(t[k - 1].lower) || t[k - 1].text == "." {
            k -= 1
        }
        while k < last, !t[k].isWord { k += 1 }
        return Array(t[k...last])
    }

    /// The capitalised words and titles from token `start` on ("President Joe Biden").
    static func capitalisedRun(_ t: [Token], from start: Int, end: Int) -> [Token] {
        var k = start
        while k < end, t[k].isWord, t[k].isCapitalised || Lexicon.titles.contains(t[k].lower) { k += 1 }
        return Array(t[start..<k])
    }

    /// "the minister", "this report": up to four words from `start` ending in a title or a document.
    static func describedSubject(_ t: [Token], from start: Int, end: Int) -> [Token]? {
        var k = start
        while k < end, t[k].isWord, k - start < 4 {
            k += 1
            if Lexicon.titles.contains(t[k - 1].lower) || Lexicon.documentNouns.contains(t[k - 1].lower) {
                return Array(t[start..<k])
            }
        }
        return nil
    }
}
