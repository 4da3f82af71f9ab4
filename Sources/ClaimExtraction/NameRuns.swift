/// Capitalised runs of words: names, with the role words before them.
extension SpeakerResolver {
    /// The tokens from `i` that form a capitalised name with its role words, if any.
    static func nameRun(_ tokens: [Token], from i: Int) -> (range: Range<Int>, possessive: Bool)? {
        var j = i
        var sawCapital = false
        var possessive = false
        var afterOf = false
        while j < tokens.count, tokens[j].isWord {
            let t = tokens[j]
            let isTitle = t.has(.title)
            // "Ministry of Health", "University of Michigan", "Department of Health and Social Care":
            // an organisation's name goes on after "of", and after "and" once it has.
            if sawCapital, !t.isCapitalised,
                (t.text == "of" || t.text == "for") && tokens[j - 1].has(.organisationWord)
                    || t.text == "and" && afterOf,
                j + 1 < tokens.count, tokens[j + 1].isWord, tokens[j + 1].isCapitalised,
                !tokens[j + 1].has(.functionWord)
            {
                afterOf = true
                j += 1
                continue
            }
            if !(t.isCapitalised || isTitle) { break }
            if t.isCapitalised && !isTitle && t.has(.functionWord) && !sawCapital { break }
            // "Never urged Ukraine …", "Did Donald Trump …": an adverb or auxiliary opening a line is no name.
            if !sawCapital && t.has(.skippable) && isAdverb(t) { break }
            // "Trump Thursday said": a weekday after a name is when, not a part of the name.
            if sawCapital && t.has(.weekday) { break }
            if t.isCapitalised { sawCapital = true }
            j += 1
            // "CNN's", and a plural or s-ending one followed by a name ("RealClearPolitics’ David Byler",
            // "CBS' John Dickerson").
            if t.text.endsWithBytes("'s") || t.text.endsWithBytes("\u{2019}s")
                || isPossessive(t.text) && j < tokens.count && tokens[j].isWord && tokens[j].isCapitalised
            {
                possessive = true
                break
            }
        }
        guard sawCapital, j > i, !(j == i + 1 && isAdverb(tokens[i])) else { return nil }
        return (i..<j, possessive)
    }

    /// A capitalised adverb opening a sentence ("Domestically, …", "Hastily politicizing …", "Never"):
    /// the endings of adverbs made from adjectives, or an adverb or auxiliary the lexicon skips; never
    /// a first name ("Emily", "Will") or a surname ("Connolly").
    static func isAdverb(_ token: Token) -> Bool {
        token.isCapitalised
            && (token.has(.skippable) || token.lower.endsWithBytes("ly") && hasAdverbEnding(token.lower))
            && !Lexicon.isFirstName(token.lower)
    }

    /// Every ending below ends in "ly", which is asked first (most capitalised words do not).
    private static func hasAdverbEnding(_ lower: String) -> Bool { adverbEndings.contains { lower.hasSuffix($0) } }

    static let adverbEndings = [
        "ically", "ally", "ily", "ously", "ively", "ently", "antly", "ately", "fully", "edly", "ingly", "sely", "tely",
        "ably", "ibly", "ctly",
    ]

    /// Splits "Russian President Vladimir Putin" into role words and the name after the last one.
    static func split(_ run: [Token]) -> (name: [String], role: [String])? {
        // The role ends at the last title word that a name follows ("analyst Ken Doctor": "Doctor" is a surname).
        // "Sacramento-based McClatchy": where it is based describes it, as a title does.
        guard var lastTitle = run.dropLast().lastIndex(where: { $0.has(.title) || $0.lower.hasSuffix("-based") })
        else { return nil }
        // "Dean Johnson": a title word that is also a first name, before a single surname, is the first name.
        if lastTitle == run.count - 2, Lexicon.isFirstName(run[lastTitle].lower), run[lastTitle].isCapitalised {
            guard let earlier = run[..<lastTitle].lastIndex(where: { $0.has(.title) }) else { return nil }
            lastTitle = earlier
        }
        let name = run[(lastTitle + 1)...]
        guard !name.isEmpty, name.count <= 4, name.allSatisfy(\.isCapitalised),
            !name.contains(where: { $0.has(.organisationWord) })
        else { return nil }
        return (name.map { stripPossessive($0.text) }, run[...lastTitle].map(\.lower))
    }

    static func stripPossessive(_ word: String) -> String {
        if word.endsWithBytes("'s") { return word.droppingBytes(2) }
        if word.endsWithBytes("\u{2019}s") { return word.droppingBytes(4) }
        if word.endsWithBytes("s'") || word.endsWithBytes("S'") { return word.droppingBytes(1) }
        if word.endsWithBytes("s\u{2019}") || word.endsWithBytes("S\u{2019}") { return word.droppingBytes(3) }
        return word
    }

    static func isPossessive(_ word: String) -> Bool { stripPossessive(word) != word }
}

extension SpeakerResolver {
    /// The word right after the capitalised run that starts at token `k` (nil at punctuation).
    static func wordAfterName(_ t: [Token], _ k: Int) -> Token? {
        var j = k
        while j < t.count, t[j].isWord, t[j].isCapitalised || t[j].has(.title) { j += 1 }
        return j < t.count && t[j].isWord ? t[j] : nil
    }
}

extension SpeakerResolver {
    /// "Department of Health and Social Care": the "and" at `k` joins a name that went on after "of"
    /// (a capitalised word between them), read from either side.
    static func joinsANameAfterOf(_ t: [Token], at k: Int, floor: Int = 0) -> Bool {
        t[k].text == "and" && k - 2 >= floor && t[k - 2].text == "of" && t[k - 1].isCapitalised
    }

    /// An auxiliary or a past form right after a name: the name is its clause's subject ("said Biden
    /// was", "said Trump had lied"), not an inverted speaker ("said Putin.").
    static func opensAClauseAfterAName(_ word: Token) -> Bool {
        clauseVerbs.contains(word.lower) || word.lower.endsWithBytes("ed")
    }

    static let clauseVerbs: Set<String> = [
        "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "did", "does", "should",
        "might", "may", "can", "must",
    ]

    /// An auxiliary, a speech verb or a past form: what follows a name that opens a clause ("and Kim said").
    static func looksLikeVerb(_ word: Token) -> Bool {
        word.has(.skippable) || word.has(.speechVerb) || word.lower.hasSuffix("ed")
    }
}
