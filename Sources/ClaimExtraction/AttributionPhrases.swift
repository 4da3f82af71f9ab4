/// The phrases around a cue: the subject before it (past appositives and parentheses), the object
/// after it, and the subject of the clause a cue ends.
extension Attributor {
    /// The noun phrase just before token `end` (the subject of a verb there).
    static func subject(_ t: [Token], before end: Int, floor: Int) -> [Token] {
        var j = end - 1
        // A capital inside the sentence is a name, not the auxiliary: `…,” Will described Trump as`.
        while j >= floor, t[j].isWord,
            Lexicon.skippable.contains(t[j].lower) && !(t[j].isCapitalised && (j > floor || continuesSentence(t, j)))
                || (t[j].lower.hasSuffix("ly") && !t[j].isCapitalised)
                || t[j].lower == "long" || t[j].lower == "first"  // "have long warned", "Instagram first introduced"
        { j -= 1 }
        j = beforeTimeAdjunct(t, j, floor: floor)
        j = beforeParenthesis(t, j, floor: floor)
        // A relative clause with commas of its own ("Rubio, whose hometown, Miami, is …, argues"):
        // back to the comma that opens it.
        if j >= floor, t[j].text == ",", let opening = relativeClauseStart(t, closingComma: j, floor: floor) {
            j = beforeRelativeClause(t, opening: opening, floor: floor)
        }
        // Appositives: "Nhan Dan, a publication of the Party, wrote", "Clinton, 35, the daughter of…, said".
        if j >= floor, t[j].text == "," {
            if let described = DescribedName.closing(at: j, in: t, floor: floor) { return Array(t[described.name]) }
            // "the lawyer, John Doe, said": the name, not the role it names.
            if let name = RoleDescription.namedAppositive(t, closingComma: j, floor: floor) { return name }
            guard let before = beforeAppositives(t, closingComma: j, floor: floor) else { return [] }
            j = before
        }
        return subjectPhrase(t, endingAt: j, floor: floor)
    }

    /// The noun phrase that ends at token `end` (inclusive), walked back to a word that breaks it.
    private static func subjectPhrase(_ t: [Token], endingAt end: Int, floor: Int) -> [Token] {
        var j = end
        var phrase: [Token] = []
        while j >= floor, t[j].isWord, phrase.count < 9 {
            // "High Commissioner for Human Rights", "Bank of England": a connector inside a proper name.
            let connector =
                ["of", "for", "de", "on"].contains(t[j].text)
                || SpeakerResolver.joinsANameAfterOf(t, at: j, floor: floor)
            let insideName = connector && phrase.first?.isCapitalised == true && j > floor && t[j - 1].isCapitalised
            if phraseBreakers.contains(t[j].lower) && !t[j].isCapitalised && !insideName { break }
            if Lexicon.speechVerbs.contains(t[j].lower) && !t[j].isCapitalised { break }
            phrase.insert(t[j], at: 0)
            j -= 1
        }
        // "The mayor in a statement said", "Deans in an interview called it": where it was said,
        // not who said it; the subject is before it (a verb after "and" shares the clause's).
        if j > floor, isMediumAdjunct(t, preposition: j, phrase: phrase) {
            return t[j - 1].lower == "and"
                ? clauseSubject(t, before: j - 1, floor: floor) : subject(t, before: j, floor: floor)
        }
        if j > floor, let noun = ReducedRelative.nounBefore(t, preposition: j, floor: floor) {
            return subjectPhrase(t, endingAt: noun, floor: floor)
        }
        // "a doctor in Kenya said", "a spokesperson for the company said": the role the preposition
        // hangs on, with its place; "two of the senators said": how many of the group.
        if j >= floor, let head = RoleDescription.start(t, preposition: j, phrase: phrase, floor: floor) {
            return RoleDescription.nameOpening(t, before: head, floor: floor) ?? Array(t[head...(j + phrase.count)])
        }
        // "Stacy Baker of Columbia, South Carolina says": the state is part of the place, not the subject.
        if Places.isState(phrase, phrase.indices), j > floor, t[j].text == "," {
            phrase = subject(t, before: j, floor: floor)
        }
        // "Anthony Anton, president and CEO of X stated": a role after a name and a comma is the name's.
        if let named = nameBeforeRole(t, phrase: phrase, before: j, floor: floor) { return named }
        return fromPronoun(phrase)
    }

    /// A phrase from its last pronoun on, without sentence-initial function words.
    private static func fromPronoun(_ phrase: [Token]) -> [Token] {
        var phrase = phrase
        // "at the time she described": the subject is the pronoun, not the words before it.
        if let pronoun = phrase.lastIndex(where: {
            ["he", "she", "they", "it", "we", "i"].contains(Lexicon.pronounStem($0.lower))
        }) {
            phrase = Array(phrase[pronoun...])
        }
        // Drop sentence-initial function words ("However", "In"), but not the article of a
        // description: "A spokesman said", "Another official said" name someone new, never the
        // person named before.
        while let first = phrase.first, phrase.count > 1, first.isCapitalised,
            Lexicon.functionWords.contains(first.lower), !Lexicon.pronouns.keys.contains(first.lower),
            !["the", "this"].contains(first.lower),
            !(Lexicon.indefinites.contains(first.lower) && phrase.last?.isCapitalised == false)
        { phrase.removeFirst() }
        return phrase
    }

    /// The name before a role phrase that an appositive comma left open ("Anthony Anton, president
    /// and CEO of Washington Restaurant Association stated"): `phrase` is a role and where
    /// ("CEO of …", never "CEO Tim Cook") preceded (from `j`) by lowercase roles joined by "and",
    /// a comma, and a capitalised name.
    static func nameBeforeRole(_ t: [Token], phrase: [Token], before j: Int, floor: Int) -> [Token]? {
        guard let first = phrase.first, first.has(.title),
            !first.isCapitalised || first.text == first.text.uppercased(),
            let connector = phrase.firstIndex(where: { !$0.has(.title) }),
            ["of", "at", "for"].contains(phrase[connector].lower)
        else { return nil }
        var k = j
        while k > floor, t[k].isWord, t[k].lower == "and" || t[k].has(.title) && !t[k].isCapitalised { k -= 1 }
        guard k > floor, t[k].text == ",", t[k - 1].isWord, t[k - 1].isCapitalised,
            !Lexicon.titles.contains(t[k - 1].lower)
        else { return nil }
        var name: [Token] = []
        var i = k - 1
        while i >= floor, t[i].isWord, t[i].isCapitalised, name.count < 4 {
            name.insert(t[i], at: 0)
            i -= 1
        }
        return name
    }

    /// The comma before "who", "whose" or "which" that opens the relative clause closing at the
    /// comma `j`, right after a name (or its parenthesis), within the sentence; nil when none does.
    static func relativeClauseStart(_ t: [Token], closingComma j: Int, floor: Int) -> Int? {
        var k = j - 1
        while k > floor, j - k < 40 {
            let text = t[k].text
            if [".", "!", "?", ";"].contains(text) || t[k].isQuoteMark {
                return nil
            }
            if text == ",", ["who", "whose", "which"].contains(t[k + 1].lower),
                t[k - 1].isCapitalised || t[k - 1].text == ")"
            {
                return k
            }
            k -= 1
        }
        return nil
    }

    /// The token before a relative clause opening at the comma `k`, past a description before it
    /// as `beforeAppositives` goes past one ("Willie Minor, an actor in Dallas, who …"), never past
    /// a name or a clause ("Of Carson, Levine, who …"; "…, when Mr. Buchanan, who …").
    static func beforeRelativeClause(_ t: [Token], opening k: Int, floor: Int) -> Int {
        var k = k
        if let k2 = appositiveStart(t, closingComma: k, floor: floor),
            t[k2 + 1].isNumber || !t[k2 + 1].isCapitalised || t[k2 + 1].has(.title),
            !phraseBreakers.contains(t[k2 + 1].lower), !isTitledName(t, (k2 + 1)..<k)
        {
            k = k2
        }
        return beforeParenthesis(t, k - 1, floor: floor)
    }

    /// The token before the appositives that close at the comma `j` (nil when no appositive opens there).
    static func beforeAppositives(_ t: [Token], closingComma j: Int, floor: Int) -> Int? {
        guard var k = appositiveStart(t, closingComma: j, floor: floor) else { return nil }
        // "a salesman from Sumter, South Carolina,": the state belongs to the appositive before it.
        if Places.isState(t, (k + 1)..<j), let k2 = appositiveStart(t, closingComma: k, floor: floor) { k = k2 }
        // A short one before it: an age or a party tag ("Clinton, 35, the daughter of…"); or any
        // before a relative clause ("Willie Minor, an actor in Dallas, who runs a theater, recalled").
        let relative = ["who", "which", "whose"].contains(t[k + 1].lower)
        // …or a role of any length ("Mark Holden, chairman of the board of Freedom Partners, the
        // network's funding arm, said").
        // …or a role after a name ("Scott Pruitt, the Republican attorney general of Oklahoma, one of
        // the states suing the EPA, said").
        if let k2 = appositiveStart(t, closingComma: k, floor: floor),
            k - k2 <= 4 || relative || t[k2 + 1].has(.title) || isRole(t, after: k2, before: k),
            t[k2 + 1].isNumber || !t[k2 + 1].isCapitalised || t[k2 + 1].has(.title),
            !phraseBreakers.contains(t[k2 + 1].lower), !isTitledName(t, (k2 + 1)..<k)
        {
            k = k2
        }
        // A list inside the appositive ("assistant secretary for population, refugees, and migration"):
        // back to the comma that follows a name.
        var hops = 0
        while hops < 4, k > floor, t[k - 1].isWord, !t[k - 1].isCapitalised,
            let k2 = appositiveStart(t, closingComma: k, floor: floor),
            !t[k2 + 1].isCapitalised || t[k2 + 1].has(.title),
            !phraseBreakers.contains(t[k2 + 1].lower)
        {
            k = k2
            hops += 1
        }
        return beforeParenthesis(t, k - 1, floor: floor)
    }

    /// `Senator Shelley Moore Capito` (between two commas, after an opening adjunct): a title and a
    /// name, the subject itself rather than an appositive of it.
    static func isTitledName(_ t: [Token], _ range: Range<Int>) -> Bool {
        range.count >= 2 && t[range.lowerBound].has(.title)
            && t[range].allSatisfy { $0.isWord && $0.isCapitalised || $0.text == "." }
    }

    /// Whether the appositive between the commas `open` and `close` is a person's role right after
    /// a name: "the (Republican) attorney general of…", a title among its first words before any "of".
    static func isRole(_ t: [Token], after open: Int, before close: Int) -> Bool {
        guard open > 0, t[open - 1].isWord, t[open - 1].isCapitalised, ["the", "a", "an"].contains(t[open + 1].lower)
        else { return false }
        for k in (open + 2)..<min(close, open + 6) {
            if t[k].has(.title) { return true }
            if !t[k].isWord || t[k].lower == "of" { return false }
        }
        return false
    }

    /// Past a parenthesis (and a comma after it) ending at `j`: "Gov. John Kasich (R-OH), said".
    static func beforeParenthesis(_ t: [Token], _ j: Int, floor: Int) -> Int {
        if j > floor, Chars.dashes.contains(t[j].text.unicodeScalars.first!), t[j].kind == .punct {
            return beforeDashes(t, j, floor: floor)
        }
        var close = j
        if close > floor, t[close].text == ",", t[close - 1].text == ")" { close -= 1 }
        guard close >= floor, t[close].text == ")",
            let open = (max(floor, close - 8)..<close).last(where: { t[$0].text == "(" }), open > floor
        else { return j }
        return open - 1
    }

    /// The comma opening an appositive that closes at `closingComma`: "a publication of…",
    /// "director for games at Google", "Twitter’s director of…", or short like "R-Neb." and "35".
    static func appositiveStart(_ t: [Token], closingComma j: Int, floor: Int) -> Int? {
        var k = j - 1
        while k >= floor, t[k].text != ",", j - k < 30 { k -= 1 }
        guard k >= floor, t[k].text == ",", k + 1 < j, k > floor, t[k - 1].isWord else { return nil }
        let words = t[(k + 1)..<j]
        guard let first = words.first, first.isWord else { return nil }
        let describes = words.contains { $0.has(.title) || $0.has(.organisationWord) }
        return j - k - 1 <= 3 || !first.isCapitalised || first.has(.title) || SpeakerResolver.isPossessive(first.text)
            || describes ? k : nil
    }

    /// The noun phrase from token `start` (after "according to", "said", "by").
    static func object(_ t: [Token], from start: Int, ceiling: Int) -> [Token] {
        var j = start
        while j < ceiling, t[j].isQuoteMark { j += 1 }
        var phrase: [Token] = []
        while j < ceiling, phrase.count < 6 {
            let tok = t[j]
            if !tok.isWord {
                if tok.isQuoteMark {
                    j += 1
                    continue
                }
                break
            }
            if phrase.count > 0
                && (phraseBreakers.contains(tok.lower)
                    || ["clarifying", "adding", "publication", "newspaper", "who", "in", "on"].contains(tok.lower))
            {
                break
            }
            if phrase.count > 0 && (Lexicon.speechVerbs.contains(tok.lower) || Lexicon.skippable.contains(tok.lower)) {
                break
            }
            phrase.append(tok)
            j += 1
            if tok.isWord && Lexicon.pronouns[tok.lower] != nil && phrase.count == 1 { break }
        }
        return phrase
    }

    /// The subject of the clause that a participle ("saying") hangs on.
    static func clauseSubject(_ t: [Token], before end: Int, floor: Int) -> [Token] {
        if let own = absoluteSubject(t, before: end, floor: floor) { return own }
        let floor = Places.afterDateline(t, from: floor, limit: end)
        var clauseStarts: [Int] = [floor]
        for k in floor..<end where t[k].text == "," || t[k].text == ";" { clauseStarts.append(k + 1) }
        // The name a clause start gave that looked like an appositive (", Hillary Clinton, saying").
        var skippedName: [Token]?
        for clause in clauseStarts.reversed() where clause < end {
            let start = afterSubordinator(t, afterClosingMark(t, clause, end: end), end: end)
            let first = t[start]
            guard first.isWord else { continue }
            if Lexicon.pronouns[first.lower] != nil { return [first] }
            // "Appearing before supporters, Suu Kyi, 70, said": a participle or an adverb opening the
            // sentence is no subject; the name after it is.
            if start == floor, opensWithAdjunct(t, at: start, end: end) || SpeakerResolver.isAdverb(first) {
                return skippedName ?? []
            }
            if let antecedent = relativeAntecedent(t, who: start, end: end, floor: floor) { return antecedent }
            if first.isCapitalised && !Lexicon.functionWords.contains(first.lower) {
                let phrase = quantified(t, from: start, end: end) ?? capitalisedRun(t, from: start, end: end)
                let k = start + phrase.count
                // A clause's subject is followed by its verb; ", Hillary Clinton, saying" is an appositive.
                if start > floor, k < end, !t[k].isWord || t[k].isCapitalised {
                    skippedName = phrase
                    continue
                }
                // ", New Jersey’s sitting governor, calling": a possessive opens a description, not a clause.
                if start > floor, let last = phrase.last, SpeakerResolver.isPossessive(last.text) { continue }
                // "Sanders protesters": the name only says whose; the group is the subject.
                if k < end, Lexicon.groupNouns.contains(t[k].lower), t[k].lower.hasSuffix("s") {
                    return phrase + [t[k]]
                }
                return nameAfterPossessive(t, phrase, at: start, end: end) ?? phrase
            }
            if ["the", "this"].contains(first.lower), let described = describedSubject(t, from: start, end: end) {
                return described
            }
        }
        return []
    }

    /// Whether the sentence opens with a participle or an adverb and its complement ("Speaking
    /// later", "Shortly after"): a capitalised word in -ing or -ly, no first name, followed by a
    /// lowercase word that is no verb ("Manning said" opens with a name).
    static func opensWithAdjunct(_ t: [Token], at i: Int, end: Int) -> Bool {
        let first = t[i]
        guard first.isWord, first.isCapitalised, first.lower.count > 4,
            first.lower.hasSuffix("ing") || first.lower.hasSuffix("ly"), !Lexicon.isFirstName(first.lower),
            i + 1 < end, t[i + 1].isWord, !t[i + 1].isCapitalised
        else { return false }
        // "Hastily politicizing the tragedy, Trump cast …": an adverb and a participle.
        if first.lower.hasSuffix("ly"), t[i + 1].lower.hasSuffix("ing") { return true }
        return !SpeakerResolver.looksLikeVerb(t[i + 1])
    }
}
