/// A name introduced by a description with a relative clause: "The company that runs the AMAs,
/// Dick Clark Productions, denies …" — the subject is the name between the commas, not the last
/// capitalised word of the description ("AMAs").
struct DescribedName {
    var name: Range<Int>  // the name's tokens
    var head: String  // the description's head noun ("company"), lowercased

    static let relativePronouns: Set<String> = ["that", "which", "who"]

    /// The described name that closes at comma `j`, when the clause from `floor` opens with
    /// "(But) the/a NOUN(S) that/which/who …, Name,".
    static func closing(at j: Int, in t: [Token], floor: Int) -> DescribedName? {
        var k = j - 1
        while k > floor, t[k].isWord, j - k <= 5,
            t[k].isCapitalised || ["of", "for", "and", "&"].contains(t[k].lower)
        { k -= 1 }
        guard k > floor, k < j - 1, t[k].text == ",", t[k + 1].isCapitalised, t[j - 1].isCapitalised,
            !t[k + 1].has(.title), !t[k + 1].has(.functionWord)
        else { return nil }
        var d = floor
        if d < k, t[d].isWord, ["but", "and", "yet"].contains(t[d].lower) { d += 1 }
        guard d + 2 < k, t[d].isWord, ["the", "a", "an"].contains(t[d].lower) else { return nil }
        // One to three lowercase words, the last of them the head, then the relative pronoun.
        var r = d + 1
        while r < k, r - d <= 4, t[r].isWord, !t[r].isCapitalised, !relativePronouns.contains(t[r].lower) { r += 1 }
        guard r > d + 1, r < k, relativePronouns.contains(t[r].lower) else { return nil }
        return DescribedName(name: (k + 1)..<j, head: t[r - 1].lower)
    }

    /// The described name whose tokens start at `start` in a block (the clause start is searched back to the sentence's start).
    static func starting(at start: Int, in t: [Token]) -> DescribedName? {
        guard start > 0, t[start - 1].text == "," else { return nil }
        var j = start
        while j < t.count, t[j].isWord, j - start < 5 { j += 1 }
        guard j < t.count, t[j].text == "," else { return nil }
        var floor = start - 1
        while floor > 0, ![".", "!", "?", ";"].contains(t[floor - 1].text) { floor -= 1 }
        guard let found = closing(at: j, in: t, floor: floor), found.name.lowerBound == start else { return nil }
        return found
    }
}

extension SpeakerResolver {
    /// Heads that name a business under another word ("the group", later "the company").
    static let firmHeads: Set<String> = [
        "company", "group", "firm", "label", "business", "corporation", "conglomerate",
    ]

    /// Heads that name a public body ("the agency"), and the words that make a name one.
    static let bodyHeads: Set<String> = [
        "agency", "administration", "department", "ministry", "bureau", "commission", "authority", "regulator",
    ]
    static let bodyNameWords: Set<String> = bodyHeads.union([
        "service", "office", "board", "directorate", "inspectorate",
    ])
    /// Words that make a name a business's ("Acme Corp.", "Pacific Gas and Electric Co.").
    static let firmNameWords: Set<String> = firmHeads.union(Lexicon.tradeNameWords).union([
        "inc", "corp", "co", "ltd", "llc", "plc", "holdings", "industries", "airlines", "motors",
    ])

    /// "the company", "the agency": the organisation last mentioned that the article described with that
    /// word (or, for a business, with another word for one), or whose name says it is one ("the agency"
    /// after the Federal Aviation Administration, "the company" after Acme Corp.); nil when none.
    func organisation(described head: String, before offset: Int) -> String? {
        if let described = entityBefore(
            offset, within: 3000,
            where: { p in
                p.isOrganisation
                    && (p.descriptors.contains(head)
                        || SpeakerResolver.firmHeads.contains(head)
                            && !p.descriptors.isDisjoint(with: SpeakerResolver.firmHeads))
            })
        {
            return described
        }
        // Else by its name, but only the organisation named last (as subject or object): "the company"
        // after Acme Corp. and then Boeing Co. is Boeing, or nobody when the last one is no company.
        let subject = latestMention(before: offset, in: \.mentions, where: \.isOrganisation)
        let object = latestMention(before: offset, in: \.objectMentions, where: \.isOrganisation)
        guard let latest = [subject, object].compactMap({ $0 }).max(by: { $0.offset < $1.offset }),
            offset - latest.offset <= 3000
        else { return nil }
        let words = people[latest.person].nameTokens.map(Lexicon.withoutPeriod)
        let named =
            words.contains(head)
            || SpeakerResolver.firmHeads.contains(head) && words.contains { SpeakerResolver.firmNameWords.contains($0) }
            || SpeakerResolver.bodyHeads.contains(head) && words.contains { SpeakerResolver.bodyNameWords.contains($0) }
        return named ? people[latest.person].name : nil
    }
}

extension SpeakerResolver {
    /// "report in the Argus Leader of Sioux Falls", "a study by Pew Research Center": the capitalised
    /// name after the document noun at `i` that published it (nil for "report in March").
    static func outlet(_ t: [Token], after i: Int) -> String? {
        publisher(t, after: i).map { t[$0].map(\.text).joined(separator: " ") }
    }

    /// The tokens of that name, for a phrase that ends at token `i`.
    static func publisher(_ t: [Token], after i: Int) -> Range<Int>? {
        var k = i + 1
        guard k + 1 < t.count, t[k].isWord, ["in", "by", "from"].contains(t[k].lower) else { return nil }
        k += 1
        if t[k].lower == "the", k + 1 < t.count { k += 1 }
        guard let run = nameRun(t, from: k), !run.possessive, t[run.range].allSatisfy(\.isCapitalised),
            !t[run.range].contains(where: { Lexicon.months.contains($0.lower) || Lexicon.weekdays.contains($0.lower) })
        else { return nil }
        return run.range
    }
}

extension Attributor {
    /// "according to calculations by Amy Glasmeier", `said a report from Kotak Institutional
    /// Equities`: the work's author, when the phrase names nobody and ends with the work.
    static func documentAuthor(_ t: [Token], _ phrase: [Token], ceiling: Int) -> [Token]? {
        guard let last = phrase.last, !phrase.contains(where: \.isCapitalised),
            Lexicon.documentNouns.contains(last.lower)
                || ["calculations", "data", "figures", "estimates", "analysis", "research"].contains(last.lower),
            let k = t[..<ceiling].firstIndex(where: { $0.start == last.start }),
            let author = SpeakerResolver.publisher(Array(t[..<ceiling]), after: k)
        else { return nil }
        return Array(t[author])
    }

    /// Past a time adjunct ending at `j`: "who Beck on Wednesday called", "Trump last week said".
    static func beforeTimeAdjunct(_ t: [Token], _ j: Int, floor: Int) -> Int {
        var k = j
        // "Wednesday night", "last week": the time word, then what opens the adjunct.
        while k > floor, t[k].isWord,
            Lexicon.weekdays.contains(t[k].lower)
                || ["night", "morning", "afternoon", "evening", "week", "month", "year"].contains(t[k].lower)
        { k -= 1 }
        guard k < j, k >= floor, t[k].isWord else { return j }
        // "Trump Thursday said": the time word right after a name; but "on Super Tuesday said" names a day.
        if t[k].isCapitalised, !t[k].has(.functionWord) {
            return k - 1 > floor && ["on", "during"].contains(t[k - 1].lower) ? k - 2 : k
        }
        // "during a Sunday", "on the night".
        if ["a", "the"].contains(t[k].lower), k - 1 > floor { k -= 1 }
        guard k > floor, Self.timeAdjunctOpeners.contains(t[k].lower) else { return j }
        return k - 1
    }

    /// `John Dickey, the chief executive of Ora Media -- the company that owns Mr. King's
    /// programming -- told me`: before an aside between dashes (closing at `j`), to the word before
    /// its opening dash; `j` when no dash opens it in the sentence.
    static func beforeDashes(_ t: [Token], _ j: Int, floor: Int) -> Int {
        func isDash(_ k: Int) -> Bool { t[k].kind == .punct && Chars.dashes.contains(t[k].text.unicodeScalars.first!) }
        var close = j
        while close > floor, isDash(close - 1) { close -= 1 }
        guard var open = (max(floor, close - 40)..<close).last(where: isDash) else { return j }
        // `A former Republican presidential candidate -- John McCain, who lost … -- said`: the aside names them.
        if let run = SpeakerResolver.nameRun(t, from: open + 1), !run.possessive, run.range.count >= 2,
            run.range.upperBound == close || t[run.range.upperBound].text == ","
        {
            return run.range.upperBound - 1
        }
        while open > floor, isDash(open - 1) { open -= 1 }
        guard open > floor, t[open - 1].isWord else { return j }
        var name = open - 1
        while name > floor, t[name - 1].isWord, t[name - 1].isCapitalised { name -= 1 }
        // `… Democracy for America, or DFA - which … - said`: past the other name to the appositive's comma.
        if name >= floor + 2, t[name - 1].lower == "or", t[name - 2].text == "," { return name - 2 }
        // `Those insiders who think … in New Hampshire — about 40 percent … — stressed`: a place is no subject.
        if name > floor, ["in", "at", "across", "throughout"].contains(t[name - 1].lower) { return j }
        return open - 1
    }

    /// What opens a time adjunct between a subject and its verb ("Priebus later Thursday told").
    static let timeAdjunctOpeners: Set<String> = [
        "on", "last", "this", "late", "early", "later", "earlier", "during", "next",
    ]
}

/// Speakers named after their verb.
extension Attributor {
    /// `At the time of Epstein's suicide, there were 30 vacancies, said Serene Gregg, local president
    /// of the union`: after a comma the verb comes before its speaker, a name that ends the clause;
    /// what stands before the comma is what was said, not who said it. Only the verbs that invert
    /// (`Lexicon.invertingAfterComma`): not `…, reports USA Today` (the outlet relayed it) nor `The
    /// program, called EB-5, allows …` (a name given).
    static func invertedAfterComma(_ t: [Token], cue: Cue, floor: Int, ceiling: Int) -> [Token]? {
        let after = cue.index + cue.length
        guard cue.index > floor, t[cue.index - 1].text == ",", after < ceiling,
            Lexicon.invertingAfterComma.contains(cue.text),
            t[after].isCapitalised, let run = SpeakerResolver.nameRun(t, from: after), !run.possessive,
            run.range.upperBound < ceiling, [",", "."].contains(t[run.range.upperBound].text)
        else { return nil }
        return Array(t[run.range])
    }

    /// `said oil and gas worker Jane Roe.`, `wrote 43-year-old Martin Taylor of Aberdeenshire`:
    /// lowercase words describing someone, then a name of two to four capitalised words that ends
    /// the clause or is followed by a home town. The name.
    static func describedNameClosing(_ t: [Token], from start: Int, ceiling: Int) -> [Token]? {
        var j = start
        while j < ceiling, j - start < 6, t[j].isWord, !t[j].isCapitalised, isDescribing(t[j]) { j += 1 }
        guard j > start else { return nil }
        var name: [Token] = []
        while j < ceiling, t[j].isWord, t[j].isCapitalised, !Lexicon.functionWords.contains(t[j].lower) {
            name.append(t[j])
            j += 1
        }
        guard name.count >= 2, name.count <= 4 else { return nil }
        // The name ends the clause, or a home town follows it ("… of Aberdeenshire, Scotland").
        let ends =
            j == ceiling || !t[j].isWord && (t[j].text == "." || t[j].text == ",")
            || (t[j].lower == "of" || t[j].lower == "from") && j + 1 < ceiling && t[j + 1].isCapitalised
        return ends ? name : nil
    }

    /// A word that may describe a person before their name ("oil and gas worker", "longtime
    /// resident"): not a verb, a pronoun, a preposition or an article.
    private static func isDescribing(_ w: Token) -> Bool {
        let word = w.lower
        if ["and", "-"].contains(word) { return true }
        return Lexicon.pronouns[word] == nil && !Lexicon.functionWords.contains(word)
            && !placeWords.contains(word) && !Lexicon.skippable.contains(word)
            && !Lexicon.speechVerbs.contains(word) && !w.has(.speechVerb) && !word.hasSuffix("ly")
    }
}
