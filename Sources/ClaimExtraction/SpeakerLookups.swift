/// Who a mention stands for, asked of the people, documents and mentions a `SpeakerResolver` has
/// collected: a name's person, a description's, the entity named last before an offset.
extension SpeakerResolver {
    /// The entity registered under exactly this full name (lowercased): one dictionary look-up.
    func registered(_ lowercasedName: String) -> Int? { index[lowercasedName] }

    /// The name of the person an article's words name (`Sen. Jeff Flake`, `Rubio's`), without
    /// registering anyone: nil when nobody registered is called so.
    func person(called words: [Token]) -> String? {
        lookup(words.filter { $0.isWord && !$0.has(.title) }.map { SpeakerResolver.stripPossessive($0.lower) }).map {
            people[$0].name
        }
    }

    /// A person whose name holds all these words in order (surname, first name, full name); with a
    /// gender (the name came with "Mr." or "Mrs."), never an organisation nor one whose first name
    /// is the other gender's: "Mr. Clinton" is not Hillary Clinton (the first name alone decides:
    /// roles an earlier "Mr. Khan" gave the wrong Khan must not hide the right one).
    func lookup(_ words: [String], gender: Gender? = nil) -> Int? {
        guard let first = words.first, let candidates = byToken[first] else { return nil }
        let matching = candidates.filter {
            contains(people[$0].nameTokens, words)
                && (gender == nil
                    || !people[$0].isOrganisation && people[$0].firstNameGender.map { $0 == gender } != false)
        }
        guard let best = matching.max(by: { people[$0].mentions.count < people[$1].mentions.count }) else { return nil }
        // "Clinton" in an article naming Bill and Hillary Clinton about as often: ambiguous, so no
        // full name is guessed (a person named far more often than the others is still taken).
        let rivals = matching.filter {
            $0 != best && !people[$0].isOrganisation && people[$0].nameTokens.first != people[best].nameTokens.first
                && 2 * (people[$0].mentions.count + 1) > people[best].mentions.count + 1
        }
        if !rivals.isEmpty, !people[best].isOrganisation, words.count == 1, people[best].nameTokens.first != words[0] {
            return nil
        }
        return best
    }

    private func contains(_ name: [String], _ part: [String]) -> Bool {
        guard part.count <= name.count else { return false }
        if part.count == 1 { return name.contains(part[0]) }
        for start in 0...(name.count - part.count) where Array(name[start..<(start + part.count)]) == part {
            return true
        }
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
                if j + 1 < tokens.count, tokens[j + 1].isWord, tokens[j + 1].has(.title) {
                    j += 1
                    continue
                }
                // a name follows: not a description
                if j + 1 < tokens.count, tokens[j + 1].isCapitalised { return nil }
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

    /// The person a pronoun or description at `offset` stands for: the last named as a subject
    /// before it (else as an object). With a gender ("she"), a person the article shows to be of the
    /// other gender is passed over; an organisation never counts ("it" is resolved apart).
    func personBefore(_ offset: Int, gender: Gender? = nil, excluding listener: String? = nil) -> String? {
        entityBefore(offset) { p in
            !p.isOrganisation && (gender == nil || p.gender == nil || p.gender == gender) && p.name != listener
        }
    }

    /// The entity accepted by `accept` whose last subject mention (else object mention) comes before `offset`.
    func entityBefore(_ offset: Int, within: Int = .max, where accept: (Person) -> Bool) -> String? {
        guard let found = latestSubjectOrObject(before: offset, where: accept), offset - found.offset <= within else {
            return nil
        }
        return people[found.person].name
    }

    /// The last subject mention before `offset` of an entity accepted by `accept`; its last object
    /// mention when it has no subject mention there.
    func latestSubjectOrObject(before offset: Int, where accept: (Person) -> Bool) -> (offset: Int, person: Int)? {
        latestMention(before: offset, in: \.mentions, where: accept)
            ?? latestMention(before: offset, in: \.objectMentions, where: accept)
    }

    /// The last mention before `offset`, in the list `list`, of an entity accepted by `accept` (of
    /// mentions at the same offset, the entity named first). Walks back through all entities'
    /// mentions at once, at most `MentionIndex.searched` of them: linear in the article however many
    /// people it names (asking every entity was people × pronouns).
    func latestMention(before offset: Int, in list: KeyPath<Person, [Int]>, where accept: (Person) -> Bool) -> (
        offset: Int, person: Int
    )? {
        let index = list == \Person.mentions ? subjects : list == \Person.objectMentions ? objects : coordinated
        return index.latest(before: offset) { accept(people[$0]) }
    }

    /// Who "they" at `offset` stands for: the organisation last named, or the first of people named
    /// together as a subject ("Gov. Eric Holcomb and leaders of the Legislature"), whichever is later
    /// and within `within`; never a single person named alone.
    func pluralBefore(_ offset: Int, within: Int) -> String? {
        let organisation = latestSubjectOrObject(before: offset, where: \.isOrganisation)
        let group = latestMention(before: offset, in: \.coordinated) { _ in true }
        guard let found = [organisation, group].compactMap({ $0 }).max(by: { $0.offset < $1.offset }),
            offset - found.offset <= within
        else { return nil }
        return people[found.person].name
    }

    /// The document phrase last introduced before `offset` ("joint statement").
    func documentBefore(_ offset: Int) -> String? {
        documents.last { $0.offset < offset }.map { $0.outlet ?? $0.phrase }
    }

    /// The outlet that published the document noun at `offset` ("a report in the Argus Leader").
    func documentOutlet(at offset: Int) -> String? {
        documents.last { $0.offset == offset }?.outlet
    }
}
