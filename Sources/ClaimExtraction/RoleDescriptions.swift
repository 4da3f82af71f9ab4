/// A role and where or for whom it works: `a doctor at the hospital in Kenya said`, `a spokeswoman
/// for Senator Jane Roe said`. The speaker is the role, not the place or the person after its
/// preposition: Kenya said nothing, and a spokeswoman's words are not the senator's own.
enum RoleDescription {
    /// The prepositions that tie a role to its place, employer or principal.
    static let prepositions: Set<String> = ["in", "at", "from", "for", "with", "of"]

    /// The role word that the preposition at `preposition` hangs on, walking back over at most
    /// eight words of the prepositional chain (`at the hospital in`), if the chain starts at one.
    static func head(_ t: [Token], preposition: Int, floor: Int) -> Int? {
        var k = preposition - 1
        while k >= floor, preposition - k <= 8, t[k].isWord {
            let word = t[k]
            let opens = !word.isCapitalised || k == floor || !t[k - 1].isWord  // "Doctors at …" opening a sentence
            if opens, isRole(word), prepositions.contains(t[k + 1].lower) { return k }
            let breaks = Attributor.phraseBreakers.contains(word.lower) && !prepositions.contains(word.lower)
            if breaks || word.has(.speechVerb) || Lexicon.pronouns[word.lower] != nil { return nil }
            k -= 1
        }
        return nil
    }

    /// The description itself (`doctor at the hospital in Kenya`) when `words` is a role, a
    /// preposition and what follows; nil otherwise. `director of the FBI James Comey` names Comey.
    static func text(_ words: [Token]) -> String? {
        guard words.count >= 3, isRole(words[0]), prepositions.contains(words[1].lower)
        else { return nil }
        if words[1].lower == "of", endsInPersonalName(words) { return nil }
        return words.map(\.text).joined(separator: " ")
    }

    /// A role word or a group of people ("doctor", "spokeswoman", "officials").
    static func isRole(_ word: Token) -> Bool {
        word.has(.title) || Lexicon.groupNouns.contains(word.lower)
    }

    /// Whether the trailing capitalised words hold a first name with a surname after it.
    private static func endsInPersonalName(_ words: [Token]) -> Bool {
        var start = words.count
        while start > 0, words[start - 1].isCapitalised { start -= 1 }
        return (start..<max(start, words.count - 1)).contains { Lexicon.isFirstName(words[$0].lower) }
    }
}
