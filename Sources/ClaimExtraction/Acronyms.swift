/// Acronyms and the long names they stand for: "the CDC" is the Centers for Disease Control and
/// Prevention when the article names it in full.
extension SpeakerResolver {
    private static let connectors: Set<String> = ["of", "for", "and", "on", "the", "&"]

    /// Records every run of three or more capitalised words joined by connectors
    /// ("Centers for Disease Control and Prevention") under the acronym of its initials.
    mutating func collectLongNames(_ tokens: [Token]) {
        var i = 0
        while i < tokens.count {
            guard tokens[i].isWord, tokens[i].isCapitalised, !tokens[i].has(.functionWord) || tokens[i].lower == "the"
            else {
                i += 1
                continue
            }
            var j = i
            var capitalised = 0
            while j < tokens.count, tokens[j].isWord,
                tokens[j].isCapitalised
                    || SpeakerResolver.connectors.contains(tokens[j].lower) && j + 1 < tokens.count
                        && tokens[j + 1].isCapitalised
            {
                if tokens[j].isCapitalised { capitalised += 1 }
                j += 1
            }
            // Fewer than three capitalised words cannot make a long name (most runs: one name).
            if capitalised >= 3 { recordLongName(Array(tokens[i..<j])) }
            i = max(j, i + 1)
        }
    }

    /// Records a run of capitalised words and connectors under its acronym, when it is an
    /// organisation's name of three or more words.
    private mutating func recordLongName(_ run: [Token]) {
        var words = run
        while let first = words.first, SpeakerResolver.connectors.contains(first.lower) { words.removeFirst() }
        let content = words.filter { !SpeakerResolver.connectors.contains($0.lower) }
        // An organisation's name: with a connector or an organisation word ("National Rifle Association"),
        // never a person's long name ("Ana Maria Cruz Lopez Vidal").
        let organisational =
            words.contains { SpeakerResolver.connectors.contains($0.lower) && $0.lower != "the" }
            || content.contains { Lexicon.organisationWords.contains($0.lower) }
        if content.count >= 3, organisational {
            let name = words.map { SpeakerResolver.stripPossessive($0.text) }.joined(separator: " ")
            longNames[String(content.compactMap { $0.lower.first })] = name
            // An "… and Prevention" tail is often left out of the acronym.
            if let and = words.firstIndex(where: { $0.lower == "and" }) {
                let head = words[..<and].filter { !SpeakerResolver.connectors.contains($0.lower) }
                let key = String(head.compactMap { $0.lower.first })
                if head.count >= 2, longNames[key] == nil { longNames[key] = name }
            }
        }
    }

    /// The long name an all-capitals acronym stands for in this article, if it names one.
    func longName(for word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard (2...6).contains(letters.count), letters.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return longNames[word.lowercased()]
    }

    /// Whether a resolved speaker is an organisation (true) or a person (false); nil when the
    /// article does not show which (a surname never introduced, a group of people).
    func isOrganisation(_ name: String) -> Bool? {
        let key = name.lowercased()
        let words = key.split(separator: " ").map(String.init)
        if let p = lookup(words), people[p].name.lowercased() == key {
            return people[p].isOrganisation
                ? true : (people[p].nameTokens.count >= 2 || !people[p].descriptors.isEmpty ? false : nil)
        }
        if longNames.values.contains(name) { return true }
        // "Wee of The New York Times" is a reporter; "The New York Times", "Big Machine Records" are not people.
        if words.contains("of") { return nil }
        return words.contains { Lexicon.organisationWords.contains($0) || Relays.outletWords.contains($0) } ? true : nil
    }
}
