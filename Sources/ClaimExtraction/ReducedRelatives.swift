/// A participle clause inside a subject: "the authors of the research published in the journal JAMA
/// Psychiatry argued", "a study released in Boston said". The place or publication after the
/// participle is where the subject appeared, not who speaks; the subject is the noun phrase before it.
/// Not after an auxiliary ("Trump is outworked in …", "Mr. Trump was pressed in Iowa …": a verb of its
/// own), and only before "in" ("based on how he portrayed himself" is no subject's place).
enum ReducedRelative {
    static let auxiliaries: Set<String> = [
        "is", "was", "were", "are", "am", "be", "been", "being", "has", "have", "had",
    ]

    /// The index of the last word of the noun phrase a participle at `preposition - 1` follows
    /// (`research` in "the research published in"), or nil when the words before the preposition are
    /// not a lowercase past participle after a word.
    static func nounBefore(_ t: [Token], preposition j: Int, floor: Int) -> Int? {
        guard j - 2 >= floor, t[j].lower == "in", t[j - 1].isWord, t[j - 2].isWord,
            isParticiple(t[j - 1]),
            !Attributor.phraseBreakers.contains(t[j - 2].lower), !auxiliaries.contains(t[j - 2].lower)
        else { return nil }
        return j - 2
    }

    /// A lowercase word ending in "ed" that no speech verb is ("published", "posted", "based";
    /// not "said", and never "reported": that is a cue of its own).
    static func isParticiple(_ w: Token) -> Bool {
        !w.isCapitalised && w.text.count > 4 && w.lower.hasSuffix("ed") && !w.has(.speechVerb)
            && !w.has(.otherCue)
    }
}
