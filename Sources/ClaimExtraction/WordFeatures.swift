/// What the word lists say about one lowercase word, computed once per token (one hash lookup
/// instead of one per list).
struct WordFeatures: OptionSet, Sendable {
    let rawValue: UInt32
    static let speechVerb = WordFeatures(rawValue: 1 << 0)
    static let skippable = WordFeatures(rawValue: 1 << 1)
    static let title = WordFeatures(rawValue: 1 << 2)
    static let documentNoun = WordFeatures(rawValue: 1 << 3)
    static let functionWord = WordFeatures(rawValue: 1 << 4)
    static let organisationWord = WordFeatures(rawValue: 1 << 5)
    static let month = WordFeatures(rawValue: 1 << 6)
    static let weekday = WordFeatures(rawValue: 1 << 7)
    static let ordinal = WordFeatures(rawValue: 1 << 8)
    static let countWord = WordFeatures(rawValue: 1 << 9)
    static let superlative = WordFeatures(rawValue: 1 << 10)
    static let timeWord = WordFeatures(rawValue: 1 << 11)
    static let eventVerb = WordFeatures(rawValue: 1 << 12)
    static let opinion = WordFeatures(rawValue: 1 << 13)
    static let pronoun = WordFeatures(rawValue: 1 << 14)
    static let firstPerson = WordFeatures(rawValue: 1 << 15)
    /// Cue words that are not speech verbs ("according", "per", "ruled", "pointed").
    static let otherCue = WordFeatures(rawValue: 1 << 16)
    /// Verbs that attribute a claim but not a quotation ("accused", "cited").
    static let claimCue = WordFeatures(rawValue: 1 << 17)
    /// Words that may name the outlet a quote was given to after them ("told", "in an interview with").
    static let relayWord = WordFeatures(rawValue: 1 << 18)
    /// Irregular past forms ("won", "fell"): an event that happened.
    static let irregularPast = WordFeatures(rawValue: 1 << 19)

    static let table: [String: WordFeatures] = {
        var table: [String: WordFeatures] = [:]
        func add(_ words: some Sequence<String>, _ feature: WordFeatures) {
            for w in words { table[w, default: []].insert(feature) }
        }
        add(Lexicon.speechVerbs, .speechVerb)
        add(Lexicon.skippable, .skippable)
        add(Lexicon.titles, .title)
        add(Lexicon.documentNouns, .documentNoun)
        add(Lexicon.functionWords, .functionWord)
        add(Lexicon.organisationWords, .organisationWord)
        // "Corp.", "Co.": a token keeps an abbreviation's period.
        add(Lexicon.organisationWords.intersection(Segmenter.abbreviations).map { $0 + "." }, .organisationWord)
        add(Lexicon.months, .month)
        add(Lexicon.weekdays, .weekday)
        add(Lexicon.ordinals, .ordinal)
        add(Lexicon.countWords, .countWord)
        add(Lexicon.superlatives, .superlative)
        add(Lexicon.timeWords, .timeWord)
        add(Lexicon.eventVerbs, .eventVerb)
        add(Lexicon.opinionMarkers, .opinion)
        add(Lexicon.pronouns.keys, .pronoun)
        add(["i", "we", "our", "my", "you", "your", "us"], .firstPerson)
        add(Lexicon.otherCues, .otherCue)
        add(Lexicon.claimCues, .claimCue)
        add(Relays.relayWords, .relayWord)
        add(Lexicon.irregularPast, .irregularPast)
        return table
    }()
}
