/// Who a speaker phrase names: a pronoun, a name, a document, a title, or the phrase itself.
extension SpeakerResolver {
    /// Resolves a speaker noun phrase found at `offset`; a pronoun never stands for `listener`
    /// (`"…," he told Rubio`: "he" is not Rubio).
    mutating func resolve(_ np: [Token], at offset: Int, listener: String? = nil) -> String? {
        let words = np.filter { $0.isWord }
        // "May said" names Theresa May when the article named her; else a month names nobody.
        guard !words.isEmpty, !SpeakerResolver.namesNobody(words) || isSurname(words) else { return nil }
        // "In responding Friday, …": a weekday is when, whatever words come before it.
        if words.last!.has(.weekday), words.count > 1, !words.dropLast().contains(where: \.isCapitalised) {
            return nil
        }
        if words.count == 1, case let pronoun = Lexicon.pronounStem(words[0].lower),
            let gender = Lexicon.pronouns[pronoun]
        {
            if gender == "p" { return pluralBefore(offset, within: 1200) }
            // "it said": an organisation, never a person (a utility's statement is not the mayor's).
            return gender == "n"
                ? entityBefore(offset, within: 1200, where: \.isOrganisation)
                : personBefore(offset, gender: Gender(pronoun: pronoun), excluding: listener)
        }
        if words.contains(where: { ["i", "we", "you", "me", "us"].contains($0.lower) }) { return nil }
        if let role = RoleDescription.text(words) { return role }
        // A capitalised name, possibly after role words.
        if words.last!.isCapitalised { return resolveName(words, at: offset) }
        return resolveDescription(np, words, at: offset)
    }

    /// The speaker a lowercase description names: an organisation described earlier, a document's
    /// outlet or the document, the person a title describes, or the phrase itself.
    private mutating func resolveDescription(_ np: [Token], _ words: [Token], at offset: Int) -> String? {
        let lowered = words.map(\.lower)
        let head = lowered.last!
        if lowered.count == 2, lowered[0] == "the", words[1].has(.organisationWord),
            let organisation = organisation(described: head, before: offset)
        {
            return organisation
        }
        if Lexicon.documentNouns.contains(head) {
            if let outlet = documentOutlet(at: words.last!.start) { return outlet }
            if lowered.first == "this" || lowered.first == "the" || lowered.first == "that", lowered.count <= 2,
                let doc = documentBefore(np.first!.start)
            {
                return doc
            }
            return lowered.filter { !Lexicon.articles.contains($0) }.joined(separator: " ")
        }
        // "a longtime adviser": someone new, never the adviser named before.
        let indefinite = Lexicon.indefinites.contains(lowered.first!)
        if !indefinite, Lexicon.titles.contains(head) || Lexicon.leaderHeads.contains(head) {
            if let p = personForDescription(lowered) { return people[p].name }
            // "the actor", "the singer and guitarist": the person the story is about at this point,
            // unless the article gave that person another role ("the senator" is not the
            // epidemiologist named last).
            if words.count <= 3, !words.contains(where: \.isCapitalised),
                let person = entityBefore(offset, where: { !$0.isOrganisation && $0.descriptors.isEmpty })
            {
                return person
            }
        }
        return phraseItself(words)
    }

    /// Whether one capitalised word is the last name of someone the article named in full.
    private func isSurname(_ words: [Token]) -> Bool {
        guard words.count == 1, words[0].isCapitalised, let p = lookup([words[0].lower]) else { return false }
        return people[p].nameTokens.count >= 2 && people[p].nameTokens.last == words[0].lower
    }

    /// "Russian publications", "ISW analysts", "the Russian media": the phrase itself, when it names speakers.
    private func phraseItself(_ words: [Token]) -> String? {
        var kept = words
        // "Another child", "One official": shown as what they are; "Another eight states" names nobody.
        while let first = kept.first, Lexicon.articles.contains(first.lower) { kept.removeFirst() }
        if kept.contains(where: { $0.isCapitalised }) || kept.count <= 3 && SpeakerResolver.namesSpeakers(kept) {
            return kept.isEmpty ? nil : kept.map(\.text).joined(separator: " ")
        }
        return nil
    }

    /// "Friday", "Absolutely", "Another": a time, an interjection or a determiner alone names nobody.
    static func namesNobody(_ words: [Token]) -> Bool {
        let lowered = words.map(\.lower).filter {
            !["the", "this", "that", "a", "an", "on", "last", "next"].contains($0)
        }
        guard !lowered.isEmpty else { return true }
        return lowered.allSatisfy {
            Lexicon.weekdays.contains($0) || Lexicon.months.contains($0) || Lexicon.timeWords.contains($0)
        }
            || lowered.count == 1 && Lexicon.notSpeakers.contains(lowered[0])
    }

    /// A phrase with a capitalised word, a pronoun, or a head that names speakers ("officials").
    static func namesSomeone(_ phrase: [Token]) -> Bool {
        phrase.contains { $0.isCapitalised || Lexicon.pronouns[$0.lower] != nil }
            || namesSpeakers(phrase.filter(\.isWord))
    }

    /// A lowercase phrase names speakers when its head is a role, a body or a group of people
    /// ("officials", "the ministry", "senior analysts"), not "telephone" or "tax loophole".
    static func namesSpeakers(_ words: [Token]) -> Bool {
        guard let head = words.last?.lower else { return false }
        return words.last!.has(.title) || words.last!.has(.organisationWord) || Lexicon.leaderHeads.contains(head)
            || Lexicon.documentNouns.contains(head) || Lexicon.groupNouns.contains(head)
            || Lexicon.groupNouns.contains(head + "s")
    }

    /// A phrase ending in a capitalised word: a titled name, an office, or the trailing name.
    private mutating func resolveName(_ words: [Token], at offset: Int) -> String? {
        if let last = words.last, words.count <= 2, words.count == 1 || words[0].lower == "the",
            let name = longName(for: SpeakerResolver.stripPossessive(last.text))
        {
            return name
        }
        if let analysed = SpeakerResolver.split(words) {
            if let p = lookup(analysed.name.map { $0.lowercased() }, gender: Gender(role: Set(analysed.role))) {
                return people[p].name
            }
            return analysed.name.joined(separator: " ")
        }
        // An office named with a connector ("High Commissioner for Human Rights"): the whole name.
        if let connector = words.firstIndex(where: { ["of", "for", "on"].contains($0.text) }), connector > 0,
            words[..<connector].contains(where: { $0.has(.title) }),
            words[connector...].dropFirst().allSatisfy(\.isCapitalised)
        {
            var kept = words[...]
            while let first = kept.first, first.lower == "the" { kept.removeFirst() }
            return kept.map { SpeakerResolver.stripPossessive($0.text) }.joined(separator: " ")
        }
        // The trailing capitalised run is the name ("newly appointed To Lam").
        var start = words.count - 1
        // "Iowa State University's Dianne Bystrom": the name is what follows the possessive.
        while start > 0,
            words[start - 1].isCapitalised && !SpeakerResolver.isPossessive(words[start - 1].text)
                || ["of", "for", "de", "van", "der", "von", "bin", "al"].contains(words[start - 1].text)
                    && start >= 2 && words[start - 2].isCapitalised
                || SpeakerResolver.joinsANameAfterOf(words, at: start - 1)
        { start -= 1 }
        while start < words.count - 1, words[start].text == "the" || words[start].lower == "of" { start += 1 }
        let name = words[start...].map { SpeakerResolver.stripPossessive($0.text) }
        return registerSpeaker(name, at: offset)
    }
}
