/// A role and where or for whom it works: `a doctor at the hospital in Kenya said`, `a spokeswoman
/// for Senator Jane Roe said`, `a friend of Jane Roe said`, `a source close to Jane Roe said`. The
/// speaker is the role, not the place or the person after its preposition: Kenya said nothing, and
/// a spokeswoman's or a friend's words are not the senator's own.
enum RoleDescription {
    /// The prepositions that tie a role to its place, employer or principal.
    static let prepositions: Set<String> = ["in", "at", "from", "for", "with", "of", "to"]
    /// What may follow a role before its principal: a preposition, or `representing`, `close to`,
    /// `familiar with`.
    static let connectors = prepositions.union(["representing", "close", "closest", "familiar", "near"])
    /// People by their tie to someone, beside the roles (`Lexicon.titles`) and the groups
    /// (`Lexicon.groupNouns`, which already has "person", "family", "relatives", "children", "lawyers").
    static let relations: Set<String> = [
        "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "parent", "relative",
        "cousin", "uncle", "aunt", "niece", "nephew", "widow", "widower", "friend", "neighbor", "neighbour",
        "supporter", "critic", "source", "ally", "colleague", "classmate", "aide", "associate", "confidant",
        "member", "fan", "staffer", "volunteer", "narrator", "announcer",
    ]
    /// How many of a group spoke: `one of Jane Roe's lawyers`, `two of the senators`.
    static let quantities: Set<String> = [
        "one", "two", "three", "four", "five", "some", "several", "many", "most", "both", "all", "each", "none",
        "few", "dozens", "hundreds",
    ]
    /// What may stand before a lowercase principal: `for the company`, `of her family` — the
    /// lexicon's determiners without the first and second person, the demonstratives and "whose".
    static let determiners = Lexicon.determiners.subtracting(["our", "my", "your", "these", "those", "whose"])

    /// The role word that the preposition at `preposition` hangs on, walking back over at most
    /// eight words of the chain (`at the hospital in`, `close`), if the chain starts at one.
    static func head(_ t: [Token], preposition: Int, floor: Int) -> Int? {
        var k = preposition - 1
        while k >= floor, preposition - k <= 8, t[k].isWord {
            let word = t[k]
            let opens = !word.isCapitalised || k == floor || !t[k - 1].isWord  // "Doctors at …" opening a sentence
            if opens, isRole(word), isConnector(t[k + 1]) { return k }
            let breaks = Attributor.phraseBreakers.contains(word.lower) && !prepositions.contains(word.lower)
            if breaks || word.has(.speechVerb) || Lexicon.pronouns[word.lower] != nil { return nil }
            k -= 1
        }
        return nil
    }

    /// `Sam Lau, the communications director for the Iowa Democratic Party said`: a role whose closing
    /// comma is missing, after the name it describes. The name, of two to four capitalised words
    /// opening the clause, when up to four lowercase words and a comma stand between it and the role
    /// starting at `role`.
    static func nameOpening(_ t: [Token], before role: Int, floor: Int) -> [Token]? {
        var k = role - 1
        while k > floor, role - k <= 4, t[k].isWord, !t[k].isCapitalised { k -= 1 }
        guard k > floor + 1, t[k].text == ",",
            (floor..<k).allSatisfy({ t[$0].isWord && t[$0].isCapitalised && !t[$0].has(.functionWord) }),
            (2...4).contains(k - floor), !Lexicon.titles.contains(t[floor].lower)
        else { return nil }
        return Array(t[floor..<k])
    }

    /// Where a subject that `phrase` ends, after the preposition at `preposition`, starts: the role
    /// it hangs on (`a doctor in Kenya`, `a spokesperson for the company`) or the quantity of a group
    /// (`two of the senators`); nil when the phrase is no place or principal.
    static func start(_ t: [Token], preposition: Int, phrase: [Token], floor: Int) -> Int? {
        guard phrase.count <= 5, prepositions.contains(t[preposition].text),
            phrase.contains(where: \.isCapitalised) || isCommonNoun(phrase) || isOffice(t, preposition, phrase)
        else { return nil }
        if let role = head(t, preposition: preposition, floor: floor) { return role }
        let j = preposition
        return j > floor && isPartitive(Array(t[(j - 1)...(j + phrase.count)])) ? j - 1 : nil
    }

    /// `secretary of state`, `chief of staff`: a role, "of" and one bare lowercase noun name an office.
    private static func isOffice(_ t: [Token], _ preposition: Int, _ phrase: [Token]) -> Bool {
        phrase.count == 1 && !phrase[0].isNumber && opensOffice(t, at: preposition)
    }

    /// Whether the token at `k` is the "of" of an office (`secretary of …`): a role word before it.
    static func opensOffice(_ t: [Token], at k: Int) -> Bool {
        t[k].text == "of" && k > 0 && t[k - 1].isWord && isRole(t[k - 1])
    }

    /// The description itself (`doctor at the hospital in Kenya`, `lawyer representing Jane Roe`)
    /// when `words` is a role, a connector and what follows, after at most a determiner and two
    /// lowercase words; nil otherwise. `director of the FBI James Comey` names Comey.
    static func text(_ words: [Token]) -> String? {
        if isPartitive(words) { return words.map(\.text).joined(separator: " ") }
        guard
            let h = words.indices.prefix(3).first(where: { h in
                h + 2 < words.count && isRole(words[h]) && isConnector(words[h + 1])
                    && words[..<h].allSatisfy { !$0.isCapitalised }
            })
        else { return nil }
        if words[h + 1].lower == "of", endsInATitledName(words, after: h + 1) { return nil }
        return words[h...].map(\.text).joined(separator: " ")
    }

    /// The tokens of `t` from `start`: connectors, each followed by an optional "the" and
    /// capitalised words (`of Jane Roe`, `for Ukraine's Foreign Ministry`); up to eight tokens, none
    /// when the chain names nobody.
    static func tie(_ t: [Token], from start: Int, ceiling: Int) -> Range<Int> {
        var end = start
        var k = start
        while k < ceiling, k - start < 8, t[k].isWord, isConnector(t[k]) {
            var j = k + 1
            if j < ceiling, t[j].lower == "the" { j += 1 }
            let run = j
            while j < ceiling, j - start < 8, t[j].isWord, t[j].isCapitalised { j += 1 }
            // `for the company`, `at the hospital in Kenya`: a lowercase principal after a determiner.
            if j == run, let common = commonNoun(t, from: k + 1, ceiling: ceiling) { j = common }
            // `at the Tampa station`: a name that goes on in lowercase is a modifier; the tie stops before it.
            guard j > run, j >= ceiling || !t[j].isWord || isConnector(t[j]) else { break }
            end = j
            k = j
        }
        return start..<end
    }

    /// The end of `the company` or `the children's hospital` from `start`: a determiner and one or
    /// two lowercase words; nil otherwise.
    private static func commonNoun(_ t: [Token], from start: Int, ceiling: Int) -> Int? {
        guard start + 1 < ceiling, determiners.contains(t[start].lower), !t[start].isCapitalised else { return nil }
        var j = start + 1
        while j < ceiling, j - start <= 2, t[j].isWord, !t[j].isCapitalised, !t[j].isNumber, !isConnector(t[j]),
            !determiners.contains(t[j].lower),
            !Attributor.phraseBreakers.contains(t[j].lower), !Lexicon.skippable.contains(t[j].lower)
        { j += 1 }
        return j > start + 1 ? j : nil
    }

    /// Whether `phrase` is `the company` or `the children's hospital`: a determiner and one or two
    /// lowercase words.
    static func isCommonNoun(_ phrase: [Token]) -> Bool {
        phrase.count >= 2 && commonNoun(phrase, from: 0, ceiling: phrase.count) == phrase.count
    }

    /// `one of Jane Roe's lawyers`, `two of the senators`: a quantity, "of", and a group ending in
    /// a role.
    static func isPartitive(_ words: [Token]) -> Bool {
        guard (3...6).contains(words.count), quantities.contains(words[0].lower), words[1].lower == "of",
            let last = words.last, !last.isCapitalised, isRole(last)
        else { return false }
        return true
    }

    /// The end of the partitive from `start` (`one of Jane Roe's lawyers`), nil when there is none.
    static func partitiveEnd(_ t: [Token], from start: Int, ceiling: Int) -> Int? {
        guard start + 2 < ceiling, quantities.contains(t[start].lower), t[start + 1].lower == "of" else { return nil }
        var j = start + 2
        while j < ceiling, j - start < 6, t[j].isWord, !isRole(t[j]) || t[j].isCapitalised { j += 1 }
        guard j < ceiling, j - start < 6, t[j].isWord, isRole(t[j]) else { return nil }
        // `one of his senior advisers`: the last of the role words.
        while j + 1 < ceiling, t[j + 1].isWord, !t[j + 1].isCapitalised, isRole(t[j + 1]) { j += 1 }
        return j + 1
    }

    /// `the lawyer, John Doe, said`, `a lawyer for the news outlets, David Schulz, said`: the name
    /// between the commas `open` and `close` when the words before them are a role after a
    /// determiner or a possessive, or a role with its tie; nil otherwise.
    static func namedAppositive(_ t: [Token], closingComma close: Int, floor: Int) -> [Token]? {
        guard let open = Attributor.appositiveStart(t, closingComma: close, floor: floor) else { return nil }
        let name = t[(open + 1)..<close]
        guard open - 2 >= floor, (2...5).contains(name.count), name.first!.isWord,
            name.allSatisfy({ $0.isWord && $0.isCapitalised || $0.text == "." }), name.last!.isWord,
            !SpeakerResolver.isPossessive(name.last!.text), !Places.isState(t, name.indices),
            // A person's name: not `Acme Corp`, not `Tuesday Morning`.
            !name.contains(where: { $0.has(.organisationWord) || Lexicon.functionWords.contains($0.lower) })
        else { return nil }
        // `Giovanni Maria Vian, the editor of the newspaper, L'Osservatore Romano, said`: a name before
        // the role is the speaker, and the name after it the newspaper's.
        for k in (max(floor, open - 10)..<(open - 1)).reversed() where !t[k].isWord {
            if t[k].text == ",", nameOpensClause(t, comma: k, floor: floor) { return nil }
            if t[k].text != "," && t[k].text != "." { break }
        }
        let role = t[open - 1]
        // One name for one person: `the officials, New York Police Department,` names no official;
        // `one of his advisers, Tad Devine,` names one.
        let one = (max(floor, open - 7)..<(open - 2)).contains { t[$0].lower == "one" && t[$0 + 1].lower == "of" }
        if role.isWord, !role.isCapitalised, isRole(role), !isPlural(role) || one {
            let window = max(floor, open - 4)..<(open - 1)
            let determined = window.contains {
                determiners.contains(t[$0].lower) || SpeakerResolver.isPossessive(t[$0].text)
            }
            return determined ? Array(name) : nil
        }
        // `a lawyer for the news outlets, David Schulz`: the tie ends at the comma.
        let connector = (max(floor, open - 6)..<(open - 1)).reversed().first { isConnector(t[$0]) }
        guard let k = connector, t[(k + 1)..<open].allSatisfy(\.isWord), head(t, preposition: k, floor: floor) != nil,
            !role.has(.organisationWord), !Lexicon.documentNouns.contains(role.lower)
        else { return nil }
        return Array(name)
    }

    /// Whether a name alone opens the clause before the comma at `comma` (`Jane Roe, the editor …`;
    /// not `In a statement to the Observer,` or `Earlier Tuesday,`).
    private static func nameOpensClause(_ t: [Token], comma: Int, floor: Int) -> Bool {
        var s = comma
        while s > floor, t[s - 1].isWord, t[s - 1].isCapitalised { s -= 1 }
        guard s < comma, t[s..<comma].allSatisfy({ !Lexicon.functionWords.contains($0.lower) }) else { return false }
        return s == floor || !t[s - 1].isWord
    }

    /// A group or the plural of a role ("officials", "senators"; not "actress").
    static func isPlural(_ word: Token) -> Bool {
        Lexicon.groupNouns.contains(word.lower)
            || !word.has(.title) && !relations.contains(word.lower) && isPluralOfRole(word.lower)
    }

    /// A lowercase connector (`President To Lam`: "To" is a name).
    static func isConnector(_ word: Token) -> Bool { !word.isCapitalised && connectors.contains(word.lower) }

    /// A role word, a group of people or a tie to someone ("doctor", "officials", "friend").
    static func isRole(_ word: Token) -> Bool {
        word.has(.title) || Lexicon.groupNouns.contains(word.lower) || relations.contains(word.lower)
            || isPluralOfRole(word.lower)
    }

    /// "senators", "friends": the plural of a role or a tie.
    private static func isPluralOfRole(_ lower: String) -> Bool {
        guard lower.count > 3, lower.hasSuffix("s") else { return false }
        let singular = String(lower.dropLast())
        return Lexicon.titles.contains(singular) || relations.contains(singular)
    }

    /// Whether the words after `of` end in an office, then a person (`the FBI James Comey`, `state
    /// Madeleine Albright`): a first name and a surname, with words between `of` and the first name
    /// (`the mother of Jane Roe` is the mother).
    private static func endsInATitledName(_ words: [Token], after of: Int) -> Bool {
        var start = words.count
        while start > 0, words[start - 1].isCapitalised { start -= 1 }
        guard let first = (start..<max(start, words.count - 1)).first(where: { Lexicon.isFirstName(words[$0].lower) })
        else { return false }
        return words[(of + 1)..<first].contains { $0.lower != "the" }
    }
}

extension Attributor {
    /// The object from `start`, and when it ends in a role, the tie that follows it: `said a friend
    /// of Jane Roe`, `according to a lawyer for Jane Roe`.
    static func objectWithTie(_ t: [Token], from start: Int, ceiling: Int) -> [Token] {
        // "said one of Jane Roe's lawyers": the part of a group.
        let opening = (start..<min(ceiling, start + 3)).first { t[$0].isWord } ?? start
        if let end = RoleDescription.partitiveEnd(t, from: opening, ceiling: ceiling) { return Array(t[opening..<end]) }
        let phrase = object(t, from: start, ceiling: ceiling)
        guard let last = phrase.last, !last.isCapitalised, RoleDescription.isRole(last),
            let k = (start..<min(ceiling, start + 12)).first(where: { t[$0].start == last.start })
        else { return phrase }
        let tie = RoleDescription.tie(t, from: k + 1, ceiling: ceiling)
        // `said a former spokesman for the ministry, Oleg Voloshyn, who …`: the name after the comma.
        if tie.upperBound + 2 < ceiling, t[tie.upperBound].text == "," {
            let name = capitalisedRun(t, from: tie.upperBound + 1, end: ceiling)
            if name.count >= 2, name.allSatisfy(\.isCapitalised), !SpeakerResolver.isPossessive(name.last!.text) {
                return name
            }
        }
        return phrase + t[tie]
    }
}
