/// A person the article names, with the roles it gives them ("Russian President").
struct Person {
    var name: String
    var nameTokens: [String]          // lowercased
    var descriptors: Set<String>      // lowercased words of the role before the name
    var mentions: [Int] = []          // offsets of non-possessive mentions that can be subjects
    var objectMentions: [Int] = []    // offsets of mentions in object position ("met with the president")
    var isOrganisation = false
}

/// Resolves who a noun phrase stands for: pronouns to the last person named, surnames and
/// titles ("the Russian president") to the fullest name the article gives, documents to
/// the document introduced earlier.
struct SpeakerResolver {
    private(set) var people: [Person] = []
    private var index: [String: Int] = [:]        // lowercased full name -> person
    private var byToken: [String: [Int]] = [:]    // each lowercased name word -> people whose name holds it
    /// Document noun phrases ("joint statement") by offset.
    private var documents: [(offset: Int, phrase: String)] = []

    /// Offsets inside quotations: names there are not antecedents for pronouns outside them.
    private var excluded: [Range<Int>] = []

    init(blocks: [[Token]], excluding quotes: [Range<Int>] = []) {
        excluded = quotes.sorted { $0.lowerBound < $1.lowerBound }
        for tokens in blocks { scan(tokens) }
        for p in people.indices { people[p].mentions.sort(); people[p].objectMentions.sort() }
    }

    /// Collects the people, roles, documents and mentions of one block.
    private mutating func scan(_ tokens: [Token]) {
        var i = 0
        while i < tokens.count {
            // Document noun phrases, for "said this document".
            if tokens[i].isWord, tokens[i].has(.documentNoun), i > 0 {
                let prev = tokens[i - 1]
                let adjective = prev.isWord && !prev.isCapitalised && !prev.has(.functionWord)
                    && prev.lower != "this" ? prev.lower + " " : ""
                documents.append((tokens[i].start, adjective + tokens[i].lower))
            }
            guard let run = SpeakerResolver.nameRun(tokens, from: i) else { i += 1; continue }
            if let analysed = SpeakerResolver.split(Array(tokens[run.range])),
               let personIndex = register(analysed) {
                if !run.possessive { addMention(personIndex, tokens, run.range.lowerBound) }
            } else {
                let words = tokens[run.range].map { SpeakerResolver.stripPossessive($0.text) }
                let lowered = words.map { $0.lowercased() }
                let plainName = words.count >= 2 && words.count <= 4
                    && words.allSatisfy { $0.unicodeScalars.first.map(Chars.isUppercase) == true }
                    && !lowered.contains { Lexicon.organisationWords.contains($0) || Lexicon.functionWords.contains($0)
                                           || Lexicon.titles.contains($0) || Lexicon.months.contains($0) }
                    && !Places.states.contains(lowered.joined(separator: " "))
                var person = lookup(lowered)
                let organisationName = words.count >= 1 && words.count <= 5
                    && lowered.contains { Lexicon.organisationWords.contains($0) }
                    && !Lexicon.functionWords.contains(lowered[0]) && !lowered.contains { Lexicon.titles.contains($0) }
                if person == nil && (plainName || organisationName) {
                    people.append(Person(name: words.joined(separator: " "), nameTokens: lowered, descriptors: [],
                                         isOrganisation: !plainName))
                    indexName(people.count - 1)
                    index[words.joined(separator: " ").lowercased()] = people.count - 1
                    person = people.count - 1
                }
                if let person, !run.possessive { addMention(person, tokens, run.range.lowerBound) }
            }
            i = run.range.upperBound
        }
        // Lowercase descriptions ("the Russian president") are mentions too.
        for (k, t) in tokens.enumerated() where t.lower == "the" || t.lower == "this" {
            if let p = descriptionPerson(tokens, at: k + 1) { addMention(p, tokens, k) }
        }
    }

    /// Words after which a name starts a clause (so it can be the subject a pronoun refers back to).
    static let clauseOpeners: Set<String> = ["and", "but", "that", "while", "when", "as", "because", "so", "then", "although", "though", "since", "after", "before", "if", "where"]

    private func isQuoted(_ offset: Int) -> Bool {
        var lo = 0, hi = excluded.count
        while lo < hi { let mid = (lo + hi) / 2; if excluded[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid } }
        return lo < excluded.count && excluded[lo].contains(offset)
    }

    /// Verbs after which a name is the speaker ("says Buser"); after "told" it is the listener.
    static let invertingVerbs: Set<String> = ["said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "continued", "recalled"]

    /// Records a mention at token `k`: a subject (at a sentence or clause start) or an object (anything else).
    private mutating func addMention(_ person: Int, _ tokens: [Token], _ k: Int) {
        if isQuoted(tokens[k].start) { return }
        // Role words and adjectives before a name belong to it: "Palestinian chief negotiator Saeb Erekat".
        var start = k
        while start > 0, tokens[start - 1].isWord, tokens[start - 1].has(.title)
                || (tokens[start - 1].isCapitalised && !tokens[start - 1].has(.functionWord)) { start -= 1 }
        let previous = start > 0 ? tokens[start - 1] : nil
        let subjectLike: Bool
        if let previous {
            // After a clause opener, punctuation, or a speech verb ("says Buser": the speaker).
            subjectLike = previous.isWord ? SpeakerResolver.clauseOpeners.contains(previous.lower)
                    || SpeakerResolver.invertingVerbs.contains(previous.lower)
                : !Chars.apostrophes.contains(previous.text.unicodeScalars.first!)
        } else {
            subjectLike = true
        }
        if subjectLike {
            people[person].mentions.append(tokens[k].start)
        } else {
            people[person].objectMentions.append(tokens[k].start)
        }
    }

    /// The tokens from `i` that form a capitalised name with its role words, if any.
    static func nameRun(_ tokens: [Token], from i: Int) -> (range: Range<Int>, possessive: Bool)? {
        var j = i
        var sawCapital = false
        var possessive = false
        while j < tokens.count, tokens[j].isWord {
            let t = tokens[j]
            let isTitle = t.has(.title)
            if !(t.isCapitalised || isTitle) { break }
            if t.isCapitalised && !isTitle && t.has(.functionWord) && !sawCapital { break }
            if t.isCapitalised { sawCapital = true }
            j += 1
            if t.text.hasSuffix("'s") || t.text.hasSuffix("\u{2019}s") { possessive = true; break }
        }
        guard sawCapital, j > i else { return nil }
        return (i..<j, possessive)
    }

    /// Splits "Russian President Vladimir Putin" into role words and the name after the last one.
    static func split(_ run: [Token]) -> (name: [String], role: [String])? {
        // The role ends at the last title word that a name follows ("analyst Ken Doctor": "Doctor" is a surname).
        guard var lastTitle = run.dropLast().lastIndex(where: { $0.has(.title) }) else { return nil }
        // "Dean Johnson": a title word that is also a first name, before a single surname, is the first name.
        if lastTitle == run.count - 2, Lexicon.isFirstName(run[lastTitle].lower), run[lastTitle].isCapitalised {
            guard let earlier = run[..<lastTitle].lastIndex(where: { $0.has(.title) }) else { return nil }
            lastTitle = earlier
        }
        let name = run[(lastTitle + 1)...]
        guard !name.isEmpty, name.count <= 4, name.allSatisfy(\.isCapitalised),
              !name.contains(where: { $0.has(.organisationWord) }) else { return nil }
        return (name.map { stripPossessive($0.text) }, run[...lastTitle].map(\.lower))
    }

    static func stripPossessive(_ word: String) -> String {
        if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") { return String(word.dropLast(2)) }
        if word.hasSuffix("s'") || word.hasSuffix("s\u{2019}") { return String(word.dropLast(1)) }
        return word
    }

    static func isPossessive(_ word: String) -> Bool { stripPossessive(word) != word }

    /// Adds or updates a titled person; returns its index.
    private mutating func register(_ analysed: (name: [String], role: [String])) -> Int? {
        let full = analysed.name.joined(separator: " ")
        let key = full.lowercased()
        if let existing = index[key] {
            people[existing].descriptors.formUnion(analysed.role)
            return existing
        }
        // A longer form of a known name ("Vladimir Putin" after "Putin") or a shorter one.
        if let existing = lookup(analysed.name.map { $0.lowercased() }) {
            people[existing].descriptors.formUnion(analysed.role)
            if analysed.name.count > people[existing].nameTokens.count {
                people[existing].name = full
                people[existing].nameTokens = analysed.name.map { $0.lowercased() }
                indexName(existing)
                index[key] = existing
            }
            return existing
        }
        people.append(Person(name: full, nameTokens: analysed.name.map { $0.lowercased() },
                             descriptors: Set(analysed.role)))
        indexName(people.count - 1)
        index[key] = people.count - 1
        return people.count - 1
    }

    /// Registers an untitled name that the article uses as a speaker ("Smith said").
    mutating func registerSpeaker(_ words: [String], at offset: Int) -> String {
        let lowered = words.map { $0.lowercased() }
        if let p = lookup(lowered) {
            people[p].mentions.append(offset); people[p].mentions.sort()
            return people[p].name
        }
        let isOrganisation = words.count == 1 || lowered.contains { Lexicon.organisationWords.contains($0) }
        let name = words.joined(separator: " ")
        if !isOrganisation && words.count <= 4 {
            people.append(Person(name: name, nameTokens: lowered, descriptors: [], mentions: [offset]))
            indexName(people.count - 1)
            index[name.lowercased()] = people.count - 1
        }
        return name
    }

    /// Indexes the name words of person `k` (after it was added or its name grew).
    private mutating func indexName(_ k: Int) {
        for word in people[k].nameTokens where !(byToken[word]?.contains(k) ?? false) { byToken[word, default: []].append(k) }
    }

    /// A person whose name holds all these words in order (surname, first name, full name).
    func lookup(_ words: [String]) -> Int? {
        guard let first = words.first, let candidates = byToken[first] else { return nil }
        let matching = candidates.filter { contains(people[$0].nameTokens, words) }
        guard let best = matching.max(by: { people[$0].mentions.count < people[$1].mentions.count }) else { return nil }
        // "Clinton" in an article naming Bill and Hillary Clinton about as often: ambiguous, so no
        // full name is guessed (a person named far more often than the others is still taken).
        let rivals = matching.filter { $0 != best && !people[$0].isOrganisation && people[$0].nameTokens.first != people[best].nameTokens.first
                                       && 2 * (people[$0].mentions.count + 1) > people[best].mentions.count + 1 }
        if !rivals.isEmpty, !people[best].isOrganisation, words.count == 1, people[best].nameTokens.first != words[0] { return nil }
        return best
    }

    private func contains(_ name: [String], _ part: [String]) -> Bool {
        guard part.count <= name.count else { return false }
        if part.count == 1 { return name.contains(part[0]) }
        for start in 0...(name.count - part.count) where Array(name[start..<(start + part.count)]) == part { return true }
        return false
    }

    /// "Russian president", "Kremlin leader" at token `k` (after a determiner): the person it names.
    func descriptionPerson(_ tokens: [Token], at k: Int) -> Int? {
        var words: [String] = []
        var j = k
        while j < tokens.count, tokens[j].isWord, words.count < 4 {
            words.append(tokens[j].lower)
            if tokens[j].has(.title) {
                // The head is the last title word of the phrase.
                if j + 1 < tokens.count, tokens[j + 1].isWord, tokens[j + 1].has(.title) { j += 1; continue }
                if j + 1 < tokens.count, tokens[j + 1].isCapitalised { return nil }   // a name follows: not a description
                return personForDescription(words)
            }
            j += 1
        }
        return nil
    }

    /// The person a lowercase description stands for.
    func personForDescription(_ words: [String]) -> Int? {
        let content = words.filter { !["the", "this", "that", "a", "an"].contains($0) }
        guard let head = content.last, !people.isEmpty else { return nil }
        let matching = people.indices.filter { Set(content).isSubset(of: people[$0].descriptors) }
        if let best = mostMentioned(matching) { return best }
        let byHead = people.indices.filter { people[$0].descriptors.contains(head) }
        if let best = mostMentioned(byHead) { return best }
        if Lexicon.leaderHeads.contains(head) {
            return mostMentioned(people.indices.filter { !people[$0].descriptors.isEmpty })
        }
        return nil
    }

    private func mostMentioned(_ candidates: [Int]) -> Int? {
        candidates.max { people[$0].mentions.count < people[$1].mentions.count }
    }

    /// Who a pronoun at `offset` stands for: the last subject named before it ("he", "she": a person;
    /// "they", "it": a person or an organisation named within the last few paragraphs).
    /// With a gender ("she"), a person the article shows to be of the other gender is passed over.
    func entityBefore(_ offset: Int, organisations: Bool, within: Int = .max, gender: Gender? = nil) -> String? {
        func latest(_ list: KeyPath<Person, [Int]>) -> (offset: Int, person: Int)? {
            var best: (offset: Int, person: Int)?
            for (k, p) in people.enumerated() where organisations || !p.isOrganisation {
                if let gender, let known = p.gender, known != gender { continue }
                let mentions = p[keyPath: list]
                var lo = 0, hi = mentions.count
                while lo < hi { let mid = (lo + hi) / 2; if mentions[mid] < offset { lo = mid + 1 } else { hi = mid } }
                if lo > 0, best == nil || mentions[lo - 1] > best!.offset { best = (mentions[lo - 1], k) }
            }
            return best
        }
        guard let found = latest(\.mentions) ?? latest(\.objectMentions), offset - found.offset <= within else { return nil }
        return people[found.person].name
    }

    func personBefore(_ offset: Int) -> String? { entityBefore(offset, organisations: false) }

    /// The document phrase last introduced before `offset` ("joint statement").
    func documentBefore(_ offset: Int) -> String? {
        documents.last { $0.offset < offset }?.phrase
    }

    /// Resolves a speaker noun phrase found at `offset`.
    mutating func resolve(_ np: [Token], at offset: Int) -> String? {
        let words = np.filter { $0.isWord }
        guard !words.isEmpty else { return nil }
        if words.count == 1, case let pronoun = Lexicon.pronounStem(words[0].lower), let gender = Lexicon.pronouns[pronoun] {
            return gender == "p" || gender == "n" ? entityBefore(offset, organisations: true, within: 1200)
                : entityBefore(offset, organisations: false, gender: Gender(pronoun: pronoun))
        }
        if words.contains(where: { ["i", "we", "you", "me", "us"].contains($0.lower) }) { return nil }
        let lowered = words.map(\.lower)
        let head = lowered.last!
        // A capitalised name, possibly after role words.
        if words.last!.isCapitalised {
            if let analysed = SpeakerResolver.split(words) {
                if let p = lookup(analysed.name.map { $0.lowercased() }) { return people[p].name }
                return analysed.name.joined(separator: " ")
            }
            // An office named with a connector ("High Commissioner for Human Rights"): the whole name.
            if let connector = words.firstIndex(where: { ["of", "for", "on"].contains($0.text) }), connector > 0,
               words[..<connector].contains(where: { $0.has(.title) }), words[connector...].dropFirst().allSatisfy(\.isCapitalised) {
                var kept = words[...]
                while let first = kept.first, first.lower == "the" { kept.removeFirst() }
                return kept.map { SpeakerResolver.stripPossessive($0.text) }.joined(separator: " ")
            }
            // The trailing capitalised run is the name ("newly appointed To Lam").
            var start = words.count - 1
            // "Iowa State University's Dianne Bystrom": the name is what follows the possessive.
            while start > 0, words[start - 1].isCapitalised && !SpeakerResolver.isPossessive(words[start - 1].text)
                    || ["of", "for", "de", "van", "der", "von", "bin", "al"].contains(words[start - 1].text)
                    && start >= 2 && words[start - 2].isCapitalised { start -= 1 }
            while start < words.count - 1, words[start].text == "the" || words[start].lower == "of" { start += 1 }
            let name = words[start...].map { SpeakerResolver.stripPossessive($0.text) }
            if name.count == 1, ["the", "this"].contains(lowered.first ?? ""), start > 0 { }
            return registerSpeaker(name, at: offset)
        }
        if Lexicon.documentNouns.contains(head) {
            if lowered.first == "this" || lowered.first == "the" || lowered.first == "that", lowered.count <= 2,
               let doc = documentBefore(np.first!.start) { return doc }
            return lowered.filter { !["the", "this", "that", "a", "an"].contains($0) }.joined(separator: " ")
        }
        if Lexicon.titles.contains(head) || Lexicon.leaderHeads.contains(head) {
            if let p = personForDescription(lowered) { return people[p].name }
            // "the actor", "the singer and guitarist": the person the story is about at this point.
            if words.count <= 3, !words.contains(where: \.isCapitalised), let person = personBefore(offset) { return person }
        }
        // "Russian publications", "ISW analysts", "the Russian media": the phrase itself.
        var kept = words
        while let first = kept.first, ["the", "this", "that", "a", "an"].contains(first.lower) { kept.removeFirst() }
        if kept.contains(where: { $0.isCapitalised }) || kept.count <= 3 {
            return kept.isEmpty ? nil : kept.map(\.text).joined(separator: " ")
        }
        return nil
    }
}
