/// A paragraph (or a heading line) of the body.
struct Block: Sendable {
    var range: Range<Int>
    var index: Int
}

/// A sentence inside a block.
struct Sentence: Sendable {
    var range: Range<Int>
    var block: Int
}

/// Splits the body into blocks and sentences, by code point offsets.
enum Segmenter {
    /// Each non-empty line is a block: news text puts one paragraph per line.
    static func blocks(_ s: [Unicode.Scalar]) -> [Block] {
        var blocks: [Block] = []
        var lineStart = 0
        func add(_ a: Int, _ b: Int) {
            var lo = a
            var hi = b
            while lo < hi && Chars.isSpace(s[lo]) { lo += 1 }
            while hi > lo && Chars.isSpace(s[hi - 1]) { hi -= 1 }
            if lo < hi { blocks.append(Block(range: lo..<hi, index: blocks.count)) }
        }
        for i in 0..<s.count where s[i] == "\n" {
            add(lineStart, i)
            lineStart = i + 1
        }
        add(lineStart, s.count)
        return blocks
    }

    /// Words after which a period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
        "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "u.s", "u.k", "u.n", "e.u",
        "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx", "e.g", "i.e", "mt", "ft", "ave", "blvd", "dept", "est", "fig", "vol", "rev", "hon",
        "pres", "supt", "atty", "d.c", "n.y", "l.a", "calif", "fla", "mass", "wash", "ariz", "mich", "del",
        // Plural titles ("Sens. Johnny Isakson of Georgia and …") and "Roe v. Wade".
        "sens", "reps", "govs", "gens", "adm", "adms", "msgr", "messrs", "v",
    ]
    /// Abbreviations that may still end a sentence when a capitalised word follows.
    static let sentenceFinalAbbreviations: Set<String> = ["etc", "inc", "co", "corp", "ltd", "jr", "sr"]

    static func sentences(_ s: [Unicode.Scalar], in block: Block) -> [Sentence] {
        var result: [Sentence] = []
        var start = block.range.lowerBound
        let end = block.range.upperBound
        var i = start
        while i < end {
            let c = s[i]
            if c == "." || c == "!" || c == "?" || c == "\u{2026}" {
                var j = i + 1
                while j < end, s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "\u{2026}" { j += 1 }
                // An ellipsis marks words left out, not a sentence's end ("We will … We will win"),
                // unless a period, question or exclamation mark follows it.
                if isEllipsis(s[i..<j]) {
                    i = j
                    continue
                }
                // Closing quotes and brackets belong to the sentence they end.
                while j < end,
                    Chars.closeDouble.contains(s[j]) || Chars.closeSingle.contains(s[j])
                        || s[j] == "\"" || s[j] == "'" || s[j] == ")" || s[j] == "]"
                { j += 1 }
                guard j < end, Chars.isSpace(s[j]) else {
                    i = j
                    continue
                }
                var k = j
                while k < end && Chars.isSpace(s[k]) { k += 1 }
                guard k < end else { break }
                if isBoundary(s, period: i, next: k, blockStart: block.range.lowerBound) {
                    result.append(Sentence(range: start..<j, block: block.index))
                    start = k
                }
                i = k
            } else {
                i += 1
            }
        }
        if start < end { result.append(Sentence(range: start..<end, block: block.index)) }
        return result
    }

    static func isBoundary(_ s: [Unicode.Scalar], period i: Int, next k: Int, blockStart: Int) -> Bool {
        let n = s[k]
        let startsLikeSentence =
            Chars.isUppercase(n) || Chars.isDigit(n)
            || Chars.openDouble.contains(n) || Chars.openSingle.contains(n) || n == "\"" || n == "'"
            || n == "(" || n == "[" || n == "\u{2026}" || Chars.dashes.contains(n)
        guard startsLikeSentence else { return false }
        guard s[i] == "." else { return true }
        // The word before the period.
        var w = i
        while w > blockStart && (Chars.isLetterOrDigit(s[w - 1]) || s[w - 1] == ".") { w -= 1 }
        let word = wordStrings(s, w, i).1
        if word.isEmpty { return true }
        // Initials: "J. K. Rowling", "George W. Bush"; not the pronoun ("Neither do I. This debate …").
        if word.count == 1, let first = word.unicodeScalars.first, first.properties.isAlphabetic,
            Chars.isUppercase(s[w]), !(word == "i" && followsLowercaseWord(s, w, blockStart))
        {
            return false
        }
        // Initials run together: "U.S.", "H.W. Bush", "CHARLESTON, S.C. — In the fall", "10:30 p.m. Tuesday".
        if isInitialism(word) { return false }
        if abbreviations.contains(word) {
            if word == "no" { return !Chars.isDigit(n) }
            if sentenceFinalAbbreviations.contains(word) { return true }
            return false
        }
        return true
    }

    /// "...", "…": three or more periods, or ellipsis characters, with no other mark after them.
    static func isEllipsis(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        run.last == "\u{2026}" || run.count >= 3 && run.allSatisfy { $0 == "." }
    }

    /// Single letters joined by periods, the last period excluded: "u.s", "h.w", "p.m".
    static func isInitialism(_ word: String) -> Bool {
        var letters = 0
        var expectLetter = true
        for c in word.unicodeScalars {
            if expectLetter != (c != ".") || expectLetter && !c.properties.isAlphabetic { return false }
            if expectLetter { letters += 1 }
            expectLetter.toggle()
        }
        return letters >= 2 && !expectLetter
    }

    /// Whether a lowercase word ends just before position `w` (spaces between).
    static func followsLowercaseWord(_ s: [Unicode.Scalar], _ w: Int, _ blockStart: Int) -> Bool {
        var k = w
        while k > blockStart && Chars.isSpace(s[k - 1]) { k -= 1 }
        return k > blockStart && k < w && s[k - 1].properties.isLowercase
    }
}
