/// The subjects a clause's words give a participle or a shared verb: a name after "with", a name
/// after a possessor and its role, a capitalised run, a described person or document.
extension Attributor {
    /// "…, with Sen. John McCain calling it a "Chinese menu"": a participle's own subject, a name
    /// right after "with", not the clause's.
    static func absoluteSubject(_ t: [Token], before end: Int, floor: Int) -> [Token]? {
        var k = end - 1
        while k >= floor, end - k <= 6, t[k].isWord, t[k].isCapitalised || t[k].has(.title) { k -= 1 }
        guard k >= floor, k < end - 1, t[k].isWord, t[k].lower == "with", t[k + 1].isCapitalised,
            t[end - 1].isCapitalised, !SpeakerResolver.isPossessive(t[end - 1].text)
        else { return nil }
        return Array(t[(k + 1)..<end])
    }

    /// "Hillary Clinton’s campaign manager Robby Mook": the name after a possessive and its role
    /// (up to four lowercase words or titles), when `phrase` (from `start`) ends in a possessive.
    static func nameAfterPossessive(_ t: [Token], _ phrase: [Token], at start: Int, end: Int) -> [Token]? {
        guard let last = phrase.last, SpeakerResolver.isPossessive(last.text) else { return nil }
        var k = start + phrase.count
        let roleStart = k
        while k < end, k - roleStart < 4, t[k].isWord, !t[k].isCapitalised || t[k].has(.title) { k += 1 }
        guard k > roleStart, k < end, t[k].isWord, t[k].isCapitalised else { return nil }
        let name = capitalisedRun(t, from: k, end: end)
        return name.last.map { SpeakerResolver.isPossessive($0.text) } == false ? name : nil
    }

    /// The capitalised words and titles from token `start` on ("President Joe Biden").
    static func capitalisedRun(_ t: [Token], from start: Int, end: Int) -> [Token] {
        var k = start
        while k < end, t[k].isWord, t[k].isCapitalised || Lexicon.titles.contains(t[k].lower) { k += 1 }
        return Array(t[start..<k])
    }

    /// "the minister", "this report": up to four words from `start` ending in a title or a document.
    static func describedSubject(_ t: [Token], from start: Int, end: Int) -> [Token]? {
        var k = start
        while k < end, t[k].isWord, k - start < 4 {
            k += 1
            if Lexicon.titles.contains(t[k - 1].lower) || Lexicon.documentNouns.contains(t[k - 1].lower) {
                return Array(t[start..<k])
            }
        }
        return nil
    }
}
