/// Quoted words that name something rather than report speech: a name or a title ("Dancing With the
/// Stars"), a named term (`so-called "death tax"`), a show or a publication (`"Meduza" publication`,
/// `"Orange is the New Black" star`).
enum QuotedTitle {
    /// Whether `span` may be someone's words: not a name, a title or a named term.
    /// Only the tokens next to its marks are looked up (a whole `QuoteSite` is placed later, for speech).
    static func mayBeSpeech(_ s: [Unicode.Scalar], _ layout: Layout, _ span: QuoteSpan) -> Bool {
        let words = tokenize(s, span.content).filter(\.isWord)
        let t = layout.tokens[span.block]
        let openTok = layout.tokenIndex(atOrAfter: span.open, block: span.block)
        let afterClose = layout.tokenIndex(atOrAfter: span.close + 1, block: span.block)
        let last = span.content.isEmpty ? " " : s[span.content.upperBound - 1]
        // `"We will win," campaign manager Robby Mook said`, `"…." Campaign officials said`: a comma,
        // or a sentence's end before a capital, closes speech, whatever noun follows the mark.
        let named =
            afterClose < t.count && namesAThing(t[afterClose]) && last != ","
            && !(".!?".unicodeScalars.contains(last) && t[afterClose].isCapitalised)
        return words.count >= 2 && !isTitle(words, last: last) && !named
            && !(words.count <= 4 && openTok > 0 && isNamedTerm(t[openTok - 1]))
    }

    /// The small words a title leaves in lower case ("Dancing With the Stars").
    private static let smallWords: Set<String> = [
        "of", "the", "and", "in", "on", "a", "an", "to", "for", "with", "at", "by", "from",
    ]

    /// "Meduza", "Dancing With the Stars": names of things, not speech. A book's title stays a
    /// quotation of its author, as annotated news counts it (`Harry Hurt III's "Lost Tycoon: The Many
    /// Lives of Donald J. Trump"`).
    private static func isTitle(_ words: [Token], last: Unicode.Scalar) -> Bool {
        guard words.count <= 8 else { return false }
        let significant = words.filter { !smallWords.contains($0.lower) }
        guard !significant.isEmpty else { return false }
        // "Three Amigos." is still a name: a final period is ignored, but not a question or an exclamation.
        if last == "!" || last == "?" { return false }
        return significant.allSatisfy { $0.isCapitalised || $0.isNumber }
    }

    /// `diagnosed with "feather-duvet lung"`, `what's called "X"`: a term being named, not speech.
    private static func isNamedTerm(_ previous: Token) -> Bool {
        guard previous.isWord else { return false }
        return [
            "with", "called", "dubbed", "named", "termed", "so-called", "nicknamed", "titled", "entitled",
            "labeled", "labelled", "branded", "word", "phrase", "term", "slogan", "hashtag",
        ].contains(previous.lower)
    }

    /// `"Meduza" publication`, `"Orange is the New Black" star`: the quoted words name a
    /// publication, a show, a campaign, a book.
    private static func namesAThing(_ next: Token) -> Bool {
        guard next.isWord else { return false }
        return [
            "publication", "newspaper", "magazine", "program", "programme", "show", "campaign", "project",
            "series", "podcast", "website", "channel", "app", "brand", "movement", "operation", "star", "actor",
            "actress", "author", "host", "book", "film", "movie", "documentary", "novel", "memoir",
        ].contains(next.lower)
    }
}
