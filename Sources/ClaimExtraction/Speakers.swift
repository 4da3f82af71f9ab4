/// A person the article names, with the roles it gives them ("Russian President").
struct Person {
    var name: String
    var nameTokens: [String]  // lowercased
    var descriptors: Set<String>  // lowercased words of the role before the name
    var mentions: [Int] = []  // offsets of non-possessive mentions that can be subjects
    var objectMentions: [Int] = []  // offsets of mentions in object position ("met with the president")
    // subject mentions joined to others ("Holcomb and leaders of …"): "they" may refer back
    var coordinated: [Int] = []
    var isOrganisation = false
}

/// Resolves who a noun phrase stands for: pronouns to the last person named, surnames and
/// titles ("the Russian president") to the fullest name the article gives, documents to
/// the document introduced earlier.
struct SpeakerResolver {
    private(set) var people: [Person] = []
    private(set) var index: [String: Int] = [:]  // lowercased full name -> person
    private(set) var byToken: [String: [Int]] = [:]  // each lowercased name word -> people whose name holds it
    /// Document noun phrases ("joint statement") by offset, with the outlet that published them
    /// ("a report in the Argus Leader") when the article says.
    private(set) var documents: [(offset: Int, phrase: String, outlet: String?)] = []
    /// Long names by the acronym of their initials ("cdc" -> "Centers for Disease Control and Prevention").
    var longNames: [String: String] = [:]

    /// Offsets inside quotations: names there are not antecedents for pronouns outside them.
    private(set) var excluded: [Range<Int>] = []
    /// Every entity's subject, object and coordinated mentions, each in one list by offset.
    private(set) var subjects = MentionIndex(), objects = MentionIndex(), coordinated = MentionIndex()

    init(blocks: [[Token]], excluding quotes: [Range<Int>] = []) {
        excluded = quotes.sorted { $0.lowerBound < $1.lowerBound }
        for tokens in blocks { scan(tokens) }
        for p in people.indices {
            people[p].mentions.sort()
            people[p].objectMentions.sort()
            people[p].coordinated.sort()
        }
        subjects = MentionIndex(people, \.mentions)
        objects = MentionIndex(people, \.objectMentions)
        coordinated = MentionIndex(people, \.coordinated)
    }

    /// Collects the people, roles, documents and mentions of one block.
    private mutating func scan(_ tokens: [Token]) {
        collectLongNames(tokens)
        // A dateline ("WASHINGTON --") names a place, not someone a pronoun could stand for.
        var i = Places.afterDateline(tokens, from: 0, limit: tokens.count)
        // The last token of each name run that named a person: a description in apposition after
        // it ("John Roe, the head of the bureau, said") is that person's, not another's.
        var personEnds: Set<Int> = []
        while i < tokens.count {
            // Document noun phrases, for "said this document".
            if tokens[i].isWord, tokens[i].has(.documentNoun), i > 0 {
                let prev = tokens[i - 1]
                let adjective =
                    prev.isWord && !prev.isCapitalised && !prev.has(.functionWord)
                        && prev.lower != "this" ? prev.lower + " " : ""
                documents.append(
                    (tokens[i].start, adjective + tokens[i].lower, SpeakerResolver.outlet(tokens, after: i)))
            }
            guard let run = SpeakerResolver.nameRun(tokens, from: i) else {
                i += 1
                continue
            }
            if let analysed = SpeakerResolver.split(Array(tokens[run.range])),
                let personIndex = register(analysed)
            {
                if !run.possessive {
                    addMention(personIndex, tokens, run.range.lowerBound)
                    if !people[personIndex].isOrganisation { personEnds.insert(run.range.upperBound - 1) }
                }
            } else if let person = registerUntitled(tokens[run.range]),
                !run.possessive
            {
                addMention(person, tokens, run.range.lowerBound)
                if !people[person].isOrganisation { personEnds.insert(run.range.upperBound - 1) }
                if let described = DescribedName.starting(at: run.range.lowerBound, in: tokens) {
                    describe(person, as: described.head)
                }
            }
            i = run.range.upperBound
        }
        // Lowercase descriptions ("the Russian president") are mentions too.
        for k in tokens.indices where tokens[k].lower == "the" || tokens[k].lower == "this" {
            if SpeakerResolver.isAppositive(tokens, at: k, after: personEnds) { continue }
            if let p = descriptionPerson(tokens, at: k + 1) { addMention(p, tokens, k) }
        }
    }

    /// Whether the description opening at `k` stands in apposition to the person named just
    /// before it, closed by a comma before the sentence ends: "John Roe, the head of the
    /// American Farm Bureau, said" (not "After meeting Angela Merkel, the president said").
    static func isAppositive(_ tokens: [Token], at k: Int, after personEnds: Set<Int>) -> Bool {
        guard k >= 2, tokens[k - 1].text == ",", personEnds.contains(k - 2) else { return false }
        for j in (k + 1)..<min(k + 14, tokens.count) {
            if tokens[j].text == "," { return true }
            if [".", "!", "?", ";", ":"].contains(tokens[j].text) || tokens[j].isQuoteMark { return false }
        }
        return false
    }

    /// A capitalised run without a title: a known person, or a new person ("Anna Berg") or
    /// organisation ("Defense Ministry") when it looks like one.
    private mutating func registerUntitled(_ run: ArraySlice<Token>) -> Int? {
        let lowered = run.map { SpeakerResolver.stripPossessive($0.lower) }
        if let known = lookup(lowered) { return known }
        // One word that is no organisation's (a surname never introduced, "The", "But"): nobody new.
        if lowered.count == 1, !Lexicon.organisationWords.contains(lowered[0]) { return nil }
        let words = run.map { SpeakerResolver.stripPossessive($0.text) }
        // "Acme Corp.", "Boeing Co.": an abbreviation's period does not hide the organisation word.
        let isOrganisationWord = Lexicon.isOrganisationWord
        let plainName =
            words.count >= 2 && words.count <= 4
            && words.allSatisfy { $0.unicodeScalars.first.map(Chars.isUppercase) == true }
            && !lowered.contains {
                isOrganisationWord($0) || Lexicon.functionWords.contains($0)
                    || Lexicon.titles.contains($0) || Lexicon.months.contains($0)
            }
            && !Places.states.contains(lowered.joined(separator: " "))
        let organisationName =
            words.count >= 1 && words.count <= 5
            && lowered.contains(where: isOrganisationWord)
            && !Lexicon.functionWords.contains(lowered[0])
            // "General Motors Co.", "Attorney General's Office": a title word inside a name that ends as an organisation's.
            && (!lowered.contains { Lexicon.titles.contains($0) } || isOrganisationWord(lowered[lowered.count - 1]))
        guard plainName || organisationName else { return nil }
        people.append(
            Person(name: words.joined(separator: " "), nameTokens: lowered, descriptors: [], isOrganisation: !plainName)
        )
        indexName(people.count - 1)
        index[words.joined(separator: " ").lowercased()] = people.count - 1
        return people.count - 1
    }

    /// Words after which a name starts a clause (so it can be the subject a pronoun refers back to).
    static let clauseOpeners: Set<String> = [
        "and", "but", "that", "while", "when", "as", "because", "so", "then", "although", "though", "since", "after",
        "before", "if", "where",
    ]

    private func isQuoted(_ offset: Int) -> Bool {
        var lo = 0
        var hi = excluded.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if excluded[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < excluded.count && excluded[lo].contains(offset)
    }

    /// Records a mention at token `k`: a subject (at a sentence or clause start) or an object (anything else).
    private mutating func addMention(_ person: Int, _ tokens: [Token], _ k: Int) {
        if isQuoted(tokens[k].start) { return }
        // Role words and adjectives before a name belong to it: "Palestinian chief negotiator Saeb Erekat".
        var start = k
        while start > 0, tokens[start - 1].isWord,
            tokens[start - 1].has(.title)
                || (tokens[start - 1].isCapitalised && !tokens[start - 1].has(.functionWord))
        { start -= 1 }
        let previous = start > 0 ? tokens[start - 1] : nil
        let next = SpeakerResolver.wordAfterName(tokens, k)
        let subjectLike: Bool
        if let previous {
            // After a clause opener, punctuation, or a speech verb ("says Buser": the speaker).
            // After "and" only when a verb follows: "and Kim Kardashian - both of whom" is a list.
            let opens =
                SpeakerResolver.clauseOpeners.contains(previous.lower)
                && (previous.lower != "and" || next.map(SpeakerResolver.looksLikeVerb) == true)
            subjectLike =
                previous.isWord
                ? opens
                    // "says Buser": the speaker; but "said Biden was …": the subject of what was
                    // said, not someone a later "he" stands for.
                    || Lexicon.invertingVerbs.contains(previous.lower)
                        && next.map(SpeakerResolver.opensAClauseAfterAName) != true
                : !Chars.apostrophes.contains(previous.text.unicodeScalars.first!)
        } else {
            subjectLike = true
        }
        // "… math teacher Angela Cooper said": a name right before a speech verb is its subject.
        if subjectLike || next?.has(.speechVerb) == true {
            people[person].mentions.append(tokens[k].start)
            if next?.lower == "and" { people[person].coordinated.append(tokens[k].start) }
        } else {
            people[person].objectMentions.append(tokens[k].start)
        }
    }

    /// Adds or updates a titled person; returns its index.
    private mutating func register(_ found: (name: [String], role: [String])) -> Int? {
        // "Gov. Eric Holcomb" is "the governor" later: abbreviated titles are known by their full word too.
        let analysed = (name: found.name, role: found.role + found.role.compactMap { Lexicon.titleAbbreviations[$0] })
        let full = analysed.name.joined(separator: " ")
        let key = full.lowercased()
        if let existing = index[key] {
            people[existing].descriptors.formUnion(analysed.role)
            return existing
        }
        // A longer form of a known name ("Vladimir Putin" after "Putin") or a shorter one.
        if let existing = lookup(analysed.name.map { $0.lowercased() }, gender: Gender(role: Set(found.role))) {
            people[existing].descriptors.formUnion(analysed.role)
            if analysed.name.count > people[existing].nameTokens.count {
                people[existing].name = full
                people[existing].nameTokens = analysed.name.map { $0.lowercased() }
                indexName(existing)
                index[key] = existing
            }
            return existing
        }
        people.append(
            Person(
                name: full, nameTokens: analysed.name.map { $0.lowercased() },
                descriptors: Set(analysed.role)))
        indexName(people.count - 1)
        index[key] = people.count - 1
        return people.count - 1
    }

    /// Registers an untitled name that the article uses as a speaker ("Smith said").
    mutating func registerSpeaker(_ words: [String], at offset: Int) -> String {
        let lowered = words.map { $0.lowercased() }
        if let p = lookup(lowered) {
            people[p].mentions.append(offset)
            people[p].mentions.sort()
            subjects.insert(offset: offset, person: p)
            return people[p].name
        }
        let isOrganisation = words.count == 1 || lowered.contains { Lexicon.organisationWords.contains($0) }
        let name = words.joined(separator: " ")
        if !isOrganisation && words.count <= 4 {
            subjects.insert(offset: offset, person: people.count)
            people.append(Person(name: name, nameTokens: lowered, descriptors: [], mentions: [offset]))
            indexName(people.count - 1)
            index[name.lowercased()] = people.count - 1
        }
        return name
    }

    /// Records what a description says of the entity it names: "the group that owns her music, Big
    /// Machine," makes Big Machine a group (an organisation), so "the company" can stand for it later.
    mutating func describe(_ k: Int, as head: String) {
        people[k].descriptors.insert(head)
        if Lexicon.organisationWords.contains(head) { people[k].isOrganisation = true }
    }

    /// Indexes the name words of person `k` (after it was added or its name grew).
    private mutating func indexName(_ k: Int) {
        for word in people[k].nameTokens where !(byToken[word]?.contains(k) ?? false) {
            byToken[word, default: []].append(k)
        }
    }
}
