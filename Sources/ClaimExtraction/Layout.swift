/// The article cut into blocks, sentences and tokens, with its navigation tail marked.
struct Layout {
    let blocks: [Block]
    let tokens: [[Token]]  // by block
    let sentences: [[Sentence]]  // by block
    /// Index of the first block of the "Related / Other News" tail (blocks.count when none).
    let tailStart: Int
    private let headings: Set<Int>
    private let boilerplate: Set<Int>
    private let s: [Unicode.Scalar]
    private let quoteOnly: [Bool]

    init(_ s: [Unicode.Scalar]) {
        self.s = s
        blocks = Segmenter.blocks(s)
        tokens = blocks.map { Nicknames.dropped(from: tokenize(s, $0.range)) }
        sentences = blocks.map { Segmenter.sentences(s, in: $0) }
        quoteOnly = blocks.map { Layout.isQuoteOnly(s, $0.range) }
        var markers: [Int] = []
        var headings: Set<Int> = []
        var boilerplate: Set<Int> = []
        var words: [Int] = []
        for block in blocks {
            let counts = Layout.wordCounts(tokens[block.index])
            words.append(counts.words)
            if counts.words < 40 {
                // Only short lines can be navigation or boilerplate; search their bytes (fast, no Foundation).
                // ASCII-lowercased UTF-8 bytes: the phrases searched for are lowercase ASCII.
                let text = Array(makeString(s, block.range).utf8).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }
                if block.index >= 1, counts.words <= 8,
                    Lexicon.tailMarkers.contains(where: { text.starts(with: $0.utf8) })
                {
                    markers.append(block.index)
                }
                if Layout.containsBoilerplate(text) && !Layout.quotesSomeone(s, block, tokens[block.index]) {
                    boilerplate.insert(block.index)
                }
            }
            if Layout.isHeading(s, block, counts, sentences: sentences[block.index].count),
                !Layout.introducesQuote(s, block, tokens[block.index])
            {
                headings.insert(block.index)
            }
        }
        tailStart = Layout.tail(markers: markers, blocks: blocks, words: words, s)
        self.headings = headings
        self.boilerplate = boilerplate
    }

    /// Where the navigation tail starts: the first marker line ("Other news", "Read more:") that is
    /// a heading, not a sentence (no closing period), and after which the text is only a list of
    /// short lines (link titles: no paragraph of `tailParagraphWords` words or more). One sentence
    /// that happens to start like a marker ("Other news agencies confirmed this.") never ends an
    /// article's extraction.
    static func tail(markers: [Int], blocks: [Block], words: [Int], _ s: [Unicode.Scalar]) -> Int {
        guard !markers.isEmpty else { return blocks.count }
        // The longest block from each block to the end, so each marker's check is O(1).
        var longestAfter = [Int](repeating: 0, count: blocks.count + 1)
        for k in blocks.indices.reversed() { longestAfter[k] = max(words[k], longestAfter[k + 1]) }
        for k in markers {
            let last = blocks[k].range.upperBound - 1
            let sentence = last >= 0 && [".", "!", "?"].contains(s[last])
            if !sentence && longestAfter[k + 1] < tailParagraphWords { return k }
        }
        return blocks.count
    }

    static let tailParagraphWords = 35

    /// The first line of the navigation tail and how many lines it has, when the article has one.
    var skippedTail: SkippedTail? {
        guard tailStart < blocks.count else { return nil }
        return SkippedTail(heading: makeString(s, blocks[tailStart].range), lines: blocks.count - tailStart)
    }

    /// Words, words of four letters or more, and how many of those are capitalised.
    private static func wordCounts(_ tokens: [Token]) -> (words: Int, significant: Int, capitalised: Int) {
        var words = 0
        var significantWords = 0
        var capitalisedSignificant = 0
        for token in tokens where token.isWord {
            words += 1
            if token.lower.utf8.count > 3 {
                significantWords += 1
                if token.isCapitalised { capitalisedSignificant += 1 }
            }
        }
        return (words, significantWords, capitalisedSignificant)
    }

    /// What may end a line of text. A dash too: a transcript's line cut off (`… from China -`).
    private static let terminal: Set<Unicode.Scalar> = [
        ".", "!", "?", "\"", "\u{201D}", "\u{2019}", "'", "\u{00BB}", ")", "\u{2026}", ":", "-", "\u{2013}",
        "\u{2014}",
    ]

    /// Whether a block is a heading: very short; short, one sentence and without closing punctuation
    /// (`"…" ― Esther Tapia` and a paragraph cut before its period are text); one short quotation with
    /// no sentence inside ("My fears have been realized"); or written like a title.
    private static func isHeading(
        _ s: [Unicode.Scalar], _ block: Block, _ counts: (words: Int, significant: Int, capitalised: Int),
        sentences: Int
    ) -> Bool {
        let words = counts.words
        let last = s[block.range.upperBound - 1]
        if words <= 3
            || !terminal.contains(last) && words < 15 && sentences <= 1 && !holdsQuotedSentence(s, block.range)
        {
            return true
        }
        // A quoted title, not a quoted sentence: what ends inside the closing mark (doubled or not)
        // is no full stop.
        var inside = block.range.upperBound - 1
        while inside > block.range.lowerBound && Chars.anyQuote.contains(s[inside]) { inside -= 1 }
        if let first = s[block.range].first, Chars.anyQuote.contains(first), words < 10, block.range.count > 2,
            Chars.anyQuote.contains(last), !".!?,".unicodeScalars.contains(s[inside])
        {
            return true
        }
        return counts.significant >= 3 && counts.capitalised * 4 >= counts.significant * 3 && words < 20
    }

    /// `Dr. Ward stated:`, `He added:`: a short line that ends in a colon after a verb of speech leads
    /// into the quote below it; it is no heading, however few its words.
    static func introducesQuote(_ s: [Unicode.Scalar], _ block: Block, _ tokens: [Token]) -> Bool {
        s[block.range.upperBound - 1] == ":" && tokens.contains { $0.has(.speechVerb) }
    }

    /// True when a quotation in `range` closes on a full stop, question or exclamation mark (`…president.”`).
    static func holdsQuotedSentence(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if ".!?".unicodeScalars.contains(s[i]), Chars.anyQuote.contains(s[i + 1]) { return true }
            i += 1
        }
        return false
    }

    /// Boilerplate phrases by their first byte, so one pass over a line tests them all.
    static let boilerplateByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for phrase in Lexicon.boilerplate {
            let bytes = Array(phrase.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }()

    /// Whether some phrase starts with these two bytes (bit `first << 8 | second`): most positions
    /// of a line fail this one test. Every phrase has at least two bytes.
    static let boilerplatePairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for phrase in Lexicon.boilerplate {
            let bytes = Array(phrase.utf8)
            let pair = Int(bytes[0]) << 8 | Int(bytes[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    /// Whether an (ASCII-lowercased) line holds any boilerplate phrase.
    static func containsBoilerplate(_ text: [UInt8]) -> Bool {
        let pairs = boilerplatePairs
        let byFirst = boilerplateByFirstByte
        return text.withUnsafeBufferPointer { line in
            guard line.count >= 2 else { return false }
            for i in 0..<(line.count - 1) {
                let pair = Int(line[i]) << 8 | Int(line[i + 1])
                guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for phrase in byFirst[Int(line[i])] where phrase.count <= line.count - i {
                    var k = 1
                    while k < phrase.count && line[i + k] == phrase[k] { k += 1 }
                    if k == phrase.count && isWhole(phrase, at: i, in: line) { return true }
                }
            }
            return false
        }
    }

    /// Whether `phrase`, found at `i`, is whole words there: no letter runs on before it, nor
    /// after it but a plural's "s" ("email us" is not in "email use"; "cookies" holds "cookie").
    private static func isWhole(_ phrase: [UInt8], at i: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        let isLetter = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
        if isLetter(phrase[0]) && i > 0 && isLetter(line[i - 1]) { return false }
        guard isLetter(phrase[phrase.count - 1]) else { return true }
        var end = i + phrase.count
        if end < line.count && line[end] == 0x73 { end += 1 }
        return end == line.count || !isLetter(line[end])
    }

    /// Whether a block quotes someone: a pair of double quotation marks and a verb of speech.
    /// Boilerplate never does ("…," said Jon Ralston, who runs a newsletter).
    static func quotesSomeone(_ s: [Unicode.Scalar], _ block: Block, _ tokens: [Token]) -> Bool {
        var marks = 0
        for i in block.range where Chars.doubleMark.contains(s[i]) { marks += 1 }
        return marks >= 2 && tokens.contains { $0.has(.speechVerb) }
    }

    func isTail(_ block: Block) -> Bool { block.index >= tailStart }
    func isHeading(_ block: Block) -> Bool { headings.contains(block.index) }

    /// A line in title case, so its runs of capitals are no evidence of a name: every word
    /// capitalised but the short ones title case leaves small (figures aside), at least three
    /// capitalised in a heading (`McCain Challenger Kelli Ward: Impeach AG Lynch, Stop DC at the
    /// Door`) and, in a line that ends like a sentence, at least four of four letters or more after
    /// its first (`Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton.` gave
    /// "Obama Sees"). A sentence has lowercase words ("Senator Jane Roe met Governor John Doe on
    /// Monday.").
    func isTitleCased(_ block: Block) -> Bool {
        var capitalised = 0
        var long = 0
        for (k, token) in tokens[block.index].enumerated() where token.isWord {
            guard let first = token.lower.unicodeScalars.first, first.properties.isAlphabetic else { continue }
            if token.isCapitalised {
                capitalised += 1
                if k > 0, token.text.utf8.count >= 4 { long += 1 }
            } else if !Layout.titleCaseMinorWords.contains(token.lower) {
                return false
            }
        }
        return headings.contains(block.index) ? capitalised >= 3 : long >= 4
    }

    /// Words title case leaves lowercase: articles, short conjunctions and prepositions.
    static let titleCaseMinorWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "as",
        "from", "into", "over", "vs", "via", "up", "per", "if",
    ]

    /// Blocks that hold article text: not the tail, not boilerplate, not headings.
    var contentBlocks: [Block] {
        blocks.filter { !isTail($0) && !boilerplate.contains($0.index) && !headings.contains($0.index) }
    }

    /// The sentence holding `offset`, else the next one after it (binary search: sentences are in order).
    func sentence(containing offset: Int, block: Int) -> Range<Int> {
        let list = sentences[block]
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count ? list[lo].range : list.last?.range ?? blocks[block].range
    }

    /// Index of the first token of `block` starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int, block: Int) -> Int {
        let t = tokens[block]
        var lo = 0
        var hi = t.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if t[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The tokens of a sentence (a slice of its block's tokens).
    func tokens(of sentence: Sentence) -> [Token] {
        let lo = tokenIndex(atOrAfter: sentence.range.lowerBound, block: sentence.block)
        let hi = tokenIndex(atOrAfter: sentence.range.upperBound, block: sentence.block)
        return Array(tokens[sentence.block][lo..<max(lo, hi)])
    }

    func blockStartsWithQuote(_ block: Int) -> Bool {
        guard block >= 0 && block < blocks.count else { return false }
        return Layout.opensQuotation(s[blocks[block].range.lowerBound])
    }

    private static func opensQuotation(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || Chars.openDouble.contains(c) || Chars.openSingle.contains(c)
    }

    func blockEndsWithColon(_ block: Int) -> Bool {
        guard block >= 0 && block < blocks.count else { return false }
        return s[blocks[block].range.upperBound - 1] == ":"
    }

    /// The block is one quotation and nothing else (found once per block, when the layout is made).
    func isQuoteOnly(_ block: Int) -> Bool { block >= 0 && block < quoteOnly.count && quoteOnly[block] }

    /// No words after the block's last quotation mark of the kind that opens it (double or single;
    /// a nested 'carry' inside a double quotation is not its end), or the quotation opened at its
    /// start runs to its end. `"…" — that was the verdict of Sarah Jones.` is not quote-only.
    static func isQuoteOnly(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, opensQuotation(s[range.lowerBound]) else { return false }
        let double = Chars.doubleMark.contains(s[range.lowerBound])
        var i = range.upperBound - 1
        var wordsAfter = false
        while i > range.lowerBound {
            let c = s[i]
            if Chars.anyQuote.contains(c), Chars.doubleMark.contains(c) == double,
                double
                    || !(Chars.isLetterOrDigit(s[i - 1]) && i + 1 < range.upperBound && Chars.isLetterOrDigit(s[i + 1]))
            {
                return !wordsAfter
            }
            if Chars.isLetterOrDigit(c) { wordsAfter = true }
            i -= 1
        }
        return true
    }

}
