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
        "member", "fan", "staffer", "volunteer",
    ]

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

    /// The description itself (`doctor at the hospital in Kenya`, `lawyer representing Jane Roe`)
    /// when `words` is a role, a connector and what follows, after at most a determiner and two
    /// lowercase words; nil otherwise. `director of the FBI James Comey` names Comey.
    static func text(_ words: [Token]) -> String? {
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
            // `at the Tampa station`: a name that goes on in lowercase is a modifier; the tie stops before it.
            guard j > run, j >= ceiling || !t[j].isWord || isConnector(t[j]) else { break }
            end = j
            k = j
        }
        return start..<end
    }

    /// A lowercase connector (`President To Lam`: "To" is a name).
    static func isConnector(_ word: Token) -> Bool { !word.isCapitalised && connectors.contains(word.lower) }

    /// A role word, a group of people or a tie to someone ("doctor", "officials", "friend").
    static func isRole(_ word: Token) -> Bool {
        word.has(.title) || Lexicon.groupNouns.contains(word.lower) || relations.contains(word.lower)
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
