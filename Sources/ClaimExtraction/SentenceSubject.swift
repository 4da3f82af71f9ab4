/// The subject of a sentence that carries a quote without a speech verb:
/// `Rubio fired back forcefully: "…"`, `Sanders credited Clinton's victory to "…"`,
/// `Kaine has adopted the stance common among Catholics: "…"`.
///
/// Whoever the sentence is about is the one quoted, when the quote sits in its predicate.
enum SentenceSubject {
    /// Words that open an introductory phrase ending at a comma ("At one point, Cruz coached…").
    static let introWords: Set<String> = [
        "at", "in", "on", "after", "before", "during", "when", "while", "as", "if", "since", "with", "without",
        "despite", "in", "for", "from", "following", "earlier", "later", "still", "now", "then", "instead",
        "meanwhile", "however", "moreover", "similarly", "again", "also", "yet", "first", "finally", "last",
        "speaking", "asked", "pressed", "writing", "responding", "addressing", "like", "unlike", "throughout",
    ]
    /// Conjunctions that may start a sentence before its subject.
    static let leadingConjunctions: Set<String> = ["but", "and", "so", "or", "yet", "then", "still", "now"]

    /// The subject phrase of `t[from..<quote]` and the verb after it, when the sentence opens
    /// with a name, a pronoun or a description followed by a verb.
    static func find(_ t: [Token], from: Int, quote: Int) -> (phrase: [Token], verb: Token)? {
        var i = skipIntro(t, from: from, to: quote)
        guard i < quote else { return nil }
        guard let (phrase, next) = subjectPhrase(t, at: i, limit: quote) else { return nil }
        i = skipAppositive(t, at: next, limit: quote)
        let verbStart = i
        while i < quote, t[i].isWord, t[i].has(.skippable) || (t[i].lower.hasSuffix("ly") && !t[i].isCapitalised) {
            i += 1
        }
        // `Officials have "no plans"`: the auxiliary is the verb.
        if i == quote, i > verbStart, ["has", "have", "had", "is", "are", "was", "were"].contains(t[i - 1].lower) {
            return (phrase, t[i - 1])
        }
        guard i < quote, t[i].isWord, !t[i].isCapitalised, !Attributor.phraseBreakers.contains(t[i].lower),
            !t[i].has(.functionWord)
        else { return nil }
        return (phrase, t[i])
    }

    /// Past leading punctuation, a conjunction, and an introductory phrase closed by a comma.
    static func skipIntro(_ t: [Token], from: Int, to: Int) -> Int {
        var i = Places.afterDateline(t, from: from, limit: to)
        while i < to, !t[i].isWord { i += 1 }
        // One or two: "And then Trump went on the attack, saying, …".
        for _ in 0..<2 where i < to && leadingConjunctions.contains(t[i].lower) { i += 1 }
        // …or an adverb and its participle ("Hastily politicizing the tragedy, Trump cast …").
        // …or an adverb alone ("Conversely, PolitiFact rated …").
        let adverb = i + 1 < to && t[i + 1].text == "," && SpeakerResolver.isAdverb(t[i])
        guard i < to, adverb || introWords.contains(t[i].lower) || Attributor.opensWithAdjunct(t, at: i, end: to)
        else {
            return i
        }
        guard let comma = (i..<to).first(where: { t[$0].text == "," }), comma - i <= 12 else { return to }
        return comma + 1
    }

    /// A pronoun, a capitalised name run (role words included), or "the" + a role.
    static func subjectPhrase(_ t: [Token], at i: Int, limit: Int) -> ([Token], Int)? {
        let first = t[i]
        guard first.isWord else { return nil }
        if ["he", "she", "they"].contains(first.lower) { return ([first], i + 1) }
        if let group = groupPhrase(t, at: i, limit: limit) { return group }
        if first.isCapitalised, !first.has(.functionWord) || first.has(.title),
            let run = SpeakerResolver.nameRun(t, from: i), run.range.upperBound <= limit, !run.possessive
        {
            // "Former Republican presidential candidate Jeb Bush": through a role to the name after it.
            let end = nameAfterRole(t, from: run.range.upperBound, limit: limit) ?? run.range.upperBound
            return (Array(t[i..<end]), end)
        }
        if ["the", "a", "an"].contains(first.lower) {
            var k = i + 1
            while k < limit, k - i <= 4, t[k].isWord, !t[k].isCapitalised || t[k].has(.title) {
                if t[k].has(.title) || t[k].has(.organisationWord) { return (Array(t[i...k]), k + 1) }
                k += 1
            }
        }
        return nil
    }

    /// The end of a name that follows a role of at most four lowercase words, a title among them
    /// ("presidential candidate Jeb Bush", "columnist David Brooks"), from `start`; nil when none.
    static func nameAfterRole(_ t: [Token], from start: Int, limit: Int) -> Int? {
        var k = start
        var titled = false
        while k < limit, k - start < 4, t[k].isWord, !t[k].isCapitalised {
            titled = titled || t[k].has(.title)
            k += 1
        }
        guard titled, k < limit, t[k].isCapitalised, let name = SpeakerResolver.nameRun(t, from: k),
            name.range.upperBound <= limit, !name.possessive
        else { return nil }
        return name.range.upperBound
    }

    /// People named as a group: "Officials", "Chinese officials", "Factory workers", "Some economists".
    static func groupPhrase(_ t: [Token], at i: Int, limit: Int) -> ([Token], Int)? {
        var k = i
        while k < limit, k - i < 3, t[k].isWord, !Lexicon.groupNouns.contains(t[k].lower) {
            guard
                t[k].isCapitalised
                    || ["some", "many", "most", "several", "local", "federal", "state"].contains(t[k].lower),
                !t[k].has(.functionWord) || ["some", "many", "most"].contains(t[k].lower)
            else { return nil }
            k += 1
        }
        guard k < limit, t[k].isWord, Lexicon.groupNouns.contains(t[k].lower) else { return nil }
        return (Array(t[i...k]), k + 1)
    }

    /// Past ", a senior analyst at Y," or ", 35,": up to the comma that closes the appositive.
    static func skipAppositive(_ t: [Token], at i: Int, limit: Int) -> Int {
        guard i < limit, t[i].text == "," else { return i }
        guard let close = (i + 1..<min(limit, i + 25)).first(where: { t[$0].text == "," }) else { return limit }
        return close + 1
    }
}
