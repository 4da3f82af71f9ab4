/// The words that attribute speech ("said", "according to", "quoted as saying").
struct Cue {
    enum Style { case subjectBefore, speakerAfter, participle }
    var text: String
    var index: Int  // first token of the cue
    var length: Int
    var style: Style
}

/// Who said it, in the words of the article (before resolution).
struct Attribution {
    var speakerPhrase: [Token]
    var offset: Int
    var cue: String
    var via: [Token]?
    /// Who a pronoun told it to (`he told Rubio`): never the pronoun's person.
    var listener: [Token]? = nil
}

/// Finds cues and the noun phrases they attribute to, in a block's tokens.
enum Attributor {
    static let participles: Set<String> = [
        "saying", "adding", "calling", "telling", "noting", "explaining", "warning", "describing", "arguing",
        "asking", "recalling", "writing", "insisting", "stressing", "urging", "praising", "suggesting",
        "yelling", "shouting", "screaming", "declaring", "tweeting", "stating", "remarking", "conceding", "citing",
    ]
    /// Verbs whose "by X" names who said it ("as reported by X").
    static let reportingByVerbs: Set<String> = [
        "reported", "said", "stated", "announced", "written", "quoted", "told", "tweeted",
    ]
    /// Words that end a speaker phrase going backwards.
    static let phraseBreakers: Set<String> = [
        "that", "which", "who", "whom", "and", "but", "or", "while", "when", "as", "because", "if", "so",
        "than", "where", "after", "before", "although", "though", "since", "until", "despite", "for", "to",
        "with", "in", "on", "at", "by", "from", "of", "about", "what",
    ]

    /// The cue starting at token `i`, if any.
    static func cue(_ t: [Token], _ i: Int) -> Cue? {
        guard t[i].isWord, t[i].has(.speechVerb) || t[i].has(.otherCue) else { return nil }
        // "United States" is a name, not the verb "states" (a cue at the start of a sentence is rare and inverted).
        if t[i].isCapitalised && i > 0 && t[i - 1].isWord && t[i - 1].isCapitalised { return nil }
        if let phrase = phraseCue(t, i) { return phrase }
        // "per", "according", "pointed" and "shot" are cues only in their phrases.
        guard t[i].has(.speechVerb), !t[i].has(.otherCue) else { return nil }
        return verbCue(t, i)
    }

    /// A cue of its own words ("per X", "according to", "quoted as saying", "ruled out", "pointed out").
    private static func phraseCue(_ t: [Token], _ i: Int) -> Cue? {
        let w = t[i].lower
        func next(_ k: Int) -> String? { i + k < t.count && t[i + k].isWord ? t[i + k].lower : nil }
        switch w {
        // ", per Feng": a relay after a comma, naming someone.
        case "per" where (i == 0 || !t[i - 1].isWord) && next(1) != nil && t[i + 1].isCapitalised:
            return Cue(text: "per", index: i, length: 1, style: .speakerAfter)
        // "in the words of the patient": the speaker follows.
        case "words" where i >= 2 && t[i - 1].lower == "the" && t[i - 2].lower == "in" && next(1) == "of":
            return Cue(text: "in the words of", index: i - 2, length: 4, style: .speakerAfter)
        case "according" where next(1) == "to":
            return Cue(text: "according to", index: i, length: 2, style: .speakerAfter)
        case "quoted" where next(1) == "as" && next(2) == "saying":
            return Cue(text: "quoted as saying", index: i, length: 3, style: .subjectBefore)
        case "rule" where next(1) == "out", "ruled" where next(1) == "out":
            let negated = i >= 2 && t[i - 1].lower == "not" && t[i - 2].lower == "did"
            return Cue(
                text: negated ? "did not rule out" : "ruled out", index: negated ? i - 2 : i, length: negated ? 4 : 2,
                style: .subjectBefore)
        case "pointed" where next(1) == "out":
            return Cue(text: "pointed out", index: i, length: 2, style: .subjectBefore)
        // `…," Trump shot back.`: a retort.
        case "shot" where next(1) == "back", "fired" where next(1) == "back", "hit" where next(1) == "back",
            "snapped" where next(1) == "back":
            return Cue(text: w + " back", index: i, length: 2, style: .subjectBefore)
        default: return nil
        }
    }

    /// The cue of a speech verb at token `i`: nil for a noun ("his remarks") or a passive ("cited by").
    private static func verbCue(_ t: [Token], _ i: Int) -> Cue? {
        let w = t[i].lower
        // "all of the claims", "his remarks", "Trump's comments": a noun after a determiner, not a verb.
        if i > 0, t[i - 1].isWord,
            Lexicon.determiners.contains(t[i - 1].lower) || SpeakerResolver.isPossessive(t[i - 1].text),
            !participles.contains(w)
        {
            return nil
        }
        if isCountedNoun(t, i) || isDescribedNoun(t, i) { return nil }
        // "would read this as": reading, not a sign or a statement that reads.
        if w == "read", i > 0,
            ["would", "could", "might", "can", "will", "should", "may", "to"].contains(t[i - 1].lower)
        {
            return nil
        }
        // "as reported by X": the speaker follows "by"; other verbs before "by" are passive, not speech.
        if i + 1 < t.count, t[i + 1].isWord, t[i + 1].lower == "by" {
            // "said by telephone": a manner, not an agent; the speaker is the subject.
            if i + 2 < t.count, t[i + 2].isWord, !t[i + 2].isCapitalised, !["the", "a", "an"].contains(t[i + 2].lower) {
                return w == "said" ? Cue(text: w, index: i, length: 1, style: .subjectBefore) : nil
            }
            return reportingByVerbs.contains(w) ? Cue(text: w, index: i, length: 1, style: .speakerAfter) : nil
        }
        if participles.contains(w) { return Cue(text: w, index: i, length: 1, style: .participle) }
        return Cue(text: w, index: i, length: 1, style: .subjectBefore)
    }

    /// Verbs whose object is the one spoken to (`he told Rubio`): never the speaker, nor the person
    /// a pronoun subject stands for.
    static let listenerVerbs: Set<String> = ["told", "tells", "asked", "asks"]

    /// The attribution of a cue found in `t[floor..<ceiling]`.
    /// `clauseFloor` is where the sentence starts, for a verb that shares its subject
    /// ("Volker said he never used the term … and added, "…"").
    static func attribution(_ t: [Token], cue: Cue, floor: Int, ceiling: Int, clauseFloor: Int? = nil) -> Attribution? {
        let phrase: [Token]
        switch cue.style {
        case .speakerAfter: phrase = speakerAfter(t, cue: cue, ceiling: ceiling)
        case .subjectBefore:
            phrase = speakerBefore(t, cue: cue, floor: floor, ceiling: ceiling, clauseFloor: clauseFloor ?? floor)
        case .participle: phrase = clauseSubject(t, before: cue.index, floor: min(floor, clauseFloor ?? floor))
        }
        guard !phrase.isEmpty else { return nil }
        var via: [Token]?
        // "was quoted as saying by Meduza".
        let afterCue = cue.index + cue.length
        if cue.style == .subjectBefore, afterCue < ceiling, t[afterCue].lower == "by" {
            let relay = object(t, from: afterCue + 1, ceiling: ceiling)
            if !relay.isEmpty { via = relay }
        }
        var found = Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: cue.text, via: via)
        if phrase.count == 1, Lexicon.pronouns[phrase[0].lower] != nil,
            listenerVerbs.contains(cue.text),
            afterCue < ceiling, let run = SpeakerResolver.nameRun(t, from: afterCue), !run.possessive
        {
            found.listener = Array(t[run.range])
        }
        return found
    }

    /// The speaker after a cue ("according to X", "reported by X").
    private static func speakerAfter(_ t: [Token], cue: Cue, ceiling: Int) -> [Token] {
        let start = cue.index + cue.length
        let phrase = objectWithTie(
            t, from: start < ceiling && t[start].lower == "by" ? start + 1 : start, ceiling: ceiling)
        return documentAuthor(t, phrase, ceiling: ceiling) ?? phrase
    }

    /// The speaker of a verb cue: its subject, else the name right after it ("said Putin"), else
    /// the subject of the clause the verb shares. `clauseFloor` is where the sentence starts.
    private static func speakerBefore(_ t: [Token], cue: Cue, floor: Int, ceiling: Int, clauseFloor: Int) -> [Token] {
        // `opened up about being described as "a real woman"`: a passive's subject was spoken of;
        // the clause's subject is the one talking about it.
        if cue.index > floor, ["being", "been", "be"].contains(t[cue.index - 1].lower) {
            return clauseSubject(t, before: cue.index, floor: min(floor, clauseFloor))
        }
        var phrase = subject(t, before: cue.index, floor: floor)
        // A subject found inside the clause, not opening it, is no subject of a verb after a comma
        // (`At the time of Epstein's suicide, there were …, said Serene Gregg`); one opening it is
        // (`Steve Huhn, a former HP vice president, said Fiorina, then …`).
        if phrase.first?.start != t[floor].start,
            let named = invertedAfterComma(t, cue: cue, floor: floor, ceiling: ceiling)
        {
            return named
        }
        // "said Putin", "said the actor", "said this document" — but after "told" comes the listener.
        // Right after a quote, `"…?" asked Bennett` names the speaker too.
        let listenerFollows =
            listenerVerbs.contains(cue.text)
            || ["telling", "thanked", "urged", "called"].contains(cue.text)
        if phrase.isEmpty, !listenerFollows || cue.index == floor && ["asked", "asks"].contains(cue.text) {
            phrase = speakerAfterVerb(t, cue: cue, ceiling: ceiling) ?? []
        }
        // "… and noted": the subject of the clause the verb shares.
        if phrase.isEmpty { phrase = clauseSubject(t, before: cue.index, floor: min(floor, clauseFloor)) }
        return phrase
    }

    /// The speaker named right after a verb that has no subject before it: a document's author, a
    /// name or role that ends the phrase, or a described name closing the clause.
    private static func speakerAfterVerb(_ t: [Token], cue: Cue, ceiling: Int) -> [Token]? {
        let inverted = objectWithTie(t, from: cue.index + cue.length, ceiling: ceiling)
        // `said the Florida senator can "…"` opens a clause: an inverted speaker ends with a name or a role.
        // So does `said Trump had "…"`: a verb right after the name.
        // `said a report from Kotak`: a document said it (not `citing data from …`: the data is cited).
        if ["a", "an", "the"].contains(inverted.first?.lower), !cue.text.hasSuffix("ing"),
            !Lexicon.claimCues.contains(cue.text), let author = documentAuthor(t, inverted, ceiling: ceiling)
        {
            return author
        }
        if isNameLike(inverted), let last = inverted.last,
            last.isCapitalised || RoleDescription.isRole(last) || Lexicon.documentNouns.contains(last.lower)
                || RoleDescription.text(inverted.filter(\.isWord)) != nil,
            !verbFollows(t, after: last, from: cue.index, ceiling: ceiling)
        {
            return inverted
        }
        return describedNameClosing(t, from: cue.index + cue.length, ceiling: ceiling)
    }

    /// Prepositions and quantifiers after which a name is a place or a group, not the person described
    /// (`said fans outside Madison Square Garden`, `said everyone across New York City`).
    static let placeWords: Set<String> = [
        "outside", "inside", "near", "across", "throughout", "beyond", "behind", "below", "beneath", "along",
        "among", "around", "within", "without", "toward", "towards", "upon", "via", "over", "under", "between",
        "against", "amid", "past", "per", "onto", "into", "through", "like", "everyone", "everybody", "anyone",
        "someone", "somebody", "nobody", "all", "many", "most", "some", "several", "both", "each",
    ]

    /// Whether the word after token `last` (found from `from` on) is a verb: an auxiliary, a modal or a speech verb.
    static func verbFollows(_ t: [Token], after last: Token, from: Int, ceiling: Int) -> Bool {
        guard let k = (from..<ceiling).first(where: { t[$0].start == last.start }), k + 1 < ceiling else {
            return false
        }
        let next = t[k + 1]
        guard next.isWord, !next.isCapitalised else { return false }
        return Lexicon.skippable.contains(next.lower)
            && !["as", "also", "then", "later", "again", "once", "now"].contains(next.lower)
            || ["can", "could", "should", "must", "might", "may", "shall"].contains(next.lower) || next.has(.speechVerb)
    }

    /// A name, or a definite description of a person or a document ("the actor", "this document").
    static func isNameLike(_ phrase: [Token]) -> Bool {
        guard let first = phrase.first else { return false }
        if first.isCapitalised && !Lexicon.functionWords.contains(first.lower) { return true }
        // "said the senator", "said this Reuters report"; but `suggests that Phoenix …` opens a
        // clause: after "that" only a role or a document is someone speaking.
        if ["the", "this", "that"].contains(first.lower) {
            return phrase.dropFirst().prefix(3).contains {
                Lexicon.titles.contains($0.lower) || Lexicon.documentNouns.contains($0.lower)
                    || $0.isCapitalised && first.lower != "that"
            }
        }
        // "said a friend of Jane Roe", "said a Microsoft spokesperson": a role, with its tie.
        if ["a", "an"].contains(first.lower), let last = phrase.last,
            phrase.count <= 4 && !last.isCapitalised && RoleDescription.isRole(last)
                || RoleDescription.text(phrase) != nil
        {
            return true
        }
        // "said one of Jane Roe's lawyers": some of a group.
        if RoleDescription.isPartitive(phrase) { return true }
        // "veteran industry analyst Ken Doctor": role words, then a name.
        if let last = phrase.last, last.isCapitalised, phrase.contains(where: { $0.has(.title) }) { return true }
        return false
    }

    /// The first cue in `t[from..<to]`, scanning forward.
    static func firstCue(_ t: [Token], from: Int, to: Int) -> Cue? {
        var i = from
        while i < to {
            if let c = cue(t, i) { return c }
            i += 1
        }
        return nil
    }

    /// The last cue in `t[from..<to]`, scanning backward.
    static func lastCue(_ t: [Token], from: Int, to: Int) -> Cue? {
        var i = to - 1
        while i >= from {
            if let c = cue(t, i), c.index + c.length <= to { return c }
            i -= 1
        }
        return nil
    }
}
