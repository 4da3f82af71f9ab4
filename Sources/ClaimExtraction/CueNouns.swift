/// Speech verbs that are also plural nouns ("claims", "remarks", "states"): when the words around
/// one make it a noun, it is no cue.
extension Attributor {
    /// "22% of Democratic claims", "most of Republican remarks", "a string of false claims": a plural
    /// noun after "of" and an adjective, where a verb would need a subject of its own
    /// ("the mayor of Springfield claims" keeps its verb).
    static func isCountedNoun(_ t: [Token], _ i: Int) -> Bool {
        if isCountedPlural(t, i) { return true }
        guard i >= 3, nounForms.contains(t[i].lower), t[i - 2].lower == "of", t[i - 1].isWord,
            !t[i - 1].lower.hasSuffix("s")
        else { return false }
        let count = t[i - 3]
        return !t[i - 1].isCapitalised || count.isNumber || count.text == "%"
            || RoleDescription.quantities.contains(count.lower)
    }

    /// "many Asian states", "50 claims", "several Republican reports": a word in "s" counted by a
    /// plural quantity right before it or one word before it is a plural noun; a verb in "s" would
    /// need a singular subject ("the mayor states" keeps its verb).
    private static func isCountedPlural(_ t: [Token], _ i: Int) -> Bool {
        guard t[i].lower.hasSuffix("s"), i >= 1 else { return false }
        // A figure only right before the noun ("50 states"): `On Nov. 5 Trump claims` is a date, and
        // `Article 33 states` a name.
        if t[i - 1].isNumber, t[i - 1].lower != "1", i < 2 || !t[i - 2].isCapitalised { return true }
        if pluralQuantities.contains(t[i - 1].lower) { return true }
        return i >= 2 && t[i - 1].isWord && pluralQuantities.contains(t[i - 2].lower)
    }

    /// "Trump's over-the-top comments", "her recent remarks": a plural noun form after an adjective
    /// after a determiner or a possessive ("the mayor claims" keeps its verb: a noun before it).
    static func isDescribedNoun(_ t: [Token], _ i: Int) -> Bool {
        guard i >= 2, nounForms.contains(t[i].lower), t[i - 1].isWord, !t[i - 1].isCapitalised,
            Lexicon.determiners.contains(t[i - 2].lower) || SpeakerResolver.isPossessive(t[i - 2].text)
        else { return false }
        let word = t[i - 1].lower
        return word.contains("-")
            || ["recent", "latest", "new", "previous", "earlier", "false", "public", "own"].contains(word)
            || ["ous", "ive", "ful", "less", "ic", "ical"].contains { word.hasSuffix($0) }
    }

    /// Quantities that count only plurals.
    private static let pluralQuantities = RoleDescription.quantities.subtracting(["one", "some", "each", "none"])
        .union(["these", "those", "various", "numerous", "six", "seven", "eight", "nine", "ten"])

    /// Speech verbs that are also plural nouns.
    static let nounForms: Set<String> = [
        "claims", "remarks", "comments", "reports", "notes", "tweets", "posts", "replies", "answers", "quotes",
    ]
}
