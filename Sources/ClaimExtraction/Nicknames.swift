/// A nickname in quotation marks inside a name (`Rep. Robert C. "Bobby" Scott`, `Marcia "Cia"
/// Price`): the marks would cut the name in two (a quote under "Robert C", or under nobody), so the
/// nickname and its marks leave the block's tokens and the name reads as the person's own.
enum Nicknames {
    /// The tokens without the nicknames inside names.
    static func dropped(from tokens: [Token]) -> [Token] {
        // Most blocks have none: found before any copy is made.
        guard let first = tokens.indices.first(where: { nicknameClose(tokens, opening: $0) != nil }) else {
            return tokens
        }
        var kept = Array(tokens[..<first])
        var i = first
        while i < tokens.count {
            if let close = nicknameClose(tokens, opening: i) {
                // `Robert C. "Bobby" Scott`: the initial keeps its period, as before a surname.
                if isInitialsPeriod(tokens, i - 1), let initial = kept.popLast().flatMap({ _ in kept.popLast() }) {
                    kept.append(
                        Token(
                            kind: .word, start: initial.start, end: initial.end + 1, text: initial.text + ".",
                            lower: initial.lower + "."))
                }
                i = close + 1
                continue
            }
            kept.append(tokens[i])
            i += 1
        }
        return kept
    }

    /// The closing mark's index when the mark at `i` opens a nickname: one to three capitalised
    /// words, tight inside their marks, between a first name (or an initial) and a surname.
    static func nicknameClose(_ t: [Token], opening i: Int) -> Int? {
        guard i > 0, i + 3 < t.count, !t[i].isWord, let mark = t[i].text.unicodeScalars.first,
            Chars.anyQuote.contains(mark), t[i + 1].start == t[i].end, t[i].start > t[i - 1].end,
            isNamePart(t[isInitialsPeriod(t, i - 1) ? i - 2 : i - 1])
        else { return nil }
        var k = i + 1
        while k < t.count, k - i <= 3, t[k].isWord, t[k].isCapitalised, !SpeakerResolver.isAdverb(t[k]) { k += 1 }
        guard k > i + 1, k + 1 < t.count, !t[k].isWord, t[k].start == t[k - 1].end,
            let closing = t[k].text.unicodeScalars.first, Chars.anyQuote.contains(closing),
            Chars.doubleMark.contains(closing) == Chars.doubleMark.contains(mark),
            isNamePart(t[k + 1]), t[k + 1].start > t[k].end
        else { return nil }
        return k
    }

    /// The period of an initial (`C.` before a nickname: the tokenizer keeps it only before a capital).
    private static func isInitialsPeriod(_ t: [Token], _ k: Int) -> Bool {
        k > 0 && t[k].text == "." && t[k - 1].isWord && t[k - 1].text.count == 1 && t[k - 1].isCapitalised
            && t[k].start == t[k - 1].end
    }

    /// A capitalised word that may stand in a person's name: not a function word, a title, an
    /// organisation's word or a weekday.
    private static func isNamePart(_ token: Token) -> Bool {
        token.isWord && token.isCapitalised && !token.has(.functionWord) && !token.has(.title)
            && !token.has(.organisationWord) && !token.has(.weekday)
    }
}
