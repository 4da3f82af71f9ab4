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
    /// People by their tie to someone, beside the roles (`Lexicon.titles`) and groups.
    static let relations: Set<String> = [
        "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "parent", "relative",
        "relatives", "cousin", "uncle", "aunt", "niece", "nephew", "widow", "widower", "friend", "neighbor",
        "neighbour", "supporter", "critic", "source", "person", "ally", "colleague", "classmate", "aide",
        "associate", "confidant", "member", "fan", "staffer", "volunteer", "family", "lawyers", "children",
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
