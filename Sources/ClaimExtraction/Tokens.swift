/// A word or punctuation mark of the body, located by code point offsets.
struct Token: Sendable {
    enum Kind: Sendable { case word, punct }
    var kind: Kind
    var start: Int
    var end: Int
    let text: String
    let lower: String
    var features: WordFeatures = []
    /// Its number in the check-worthiness model and in the word-piece vocabulary (`WordTable`).
    private(set) var modelWord = ModelTables.unknown
    private(set) var piece = WordPieces.none
    /// Starts with an uppercase letter (computed once: asked about every token many times).
    private(set) var isCapitalised = false
    private(set) var isNumber = false
    /// Only ASCII letters and digits: its word pieces are read from `lower` alone.
    private(set) var isPlainWord = false

    init(kind: Kind, start: Int, end: Int, text: String, lower: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        if kind == .word {
            let info = WordTable.info(lower)
            features = info.features
            modelWord = info.modelWord
            piece = info.piece
            isPlainWord = lower.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }
            if let first = text.unicodeScalars.first {
                isCapitalised = Chars.isUppercase(first)
                isNumber = Chars.isDigit(first)
            }
        }
    }

    @inline(__always) func has(_ feature: WordFeatures) -> Bool { features.contains(feature) }

    /// A currency sign before a figure (`Fight for $15 organizing director Kendall Fells told`).
    static func isAmount(_ t: [Token], _ k: Int) -> Bool {
        ["$", "£", "€"].contains(t[k].text) && k + 1 < t.count && t[k + 1].isNumber
    }
    var isWord: Bool { kind == .word }
    /// A quotation mark of any shape, straight or curly, single or double.
    var isQuoteMark: Bool { !isWord && text.unicodeScalars.first.map(Chars.anyQuote.contains) == true }
}

/// Character classes over code points.
enum Chars {
    // ASCII fast paths: Unicode property lookups are the slow part of scanning news text.
    @inline(__always)
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
    /// UTF-8 read as Latin-1 (`FranÃ§ois`, `SÃ©golÃ¨ne`): a continuation byte's character after a
    /// lead byte's is part of the word, so the name is not cut at its accented letter.
    @inline(__always)
    static func isMojibakeTail(_ c: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        (0x80...0xBF).contains(c.value) && (0xC2...0xDF).contains(previous.value)
    }
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return c.properties.isWhitespace
    }
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return c.properties.isUppercase
    }
    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return c.properties.numericType != nil
    }
    /// Scalar classes as sets (for readability at call sites) backed by switch-based tests (for speed).
    struct ScalarClass: Sendable {
        let test: @Sendable (Unicode.Scalar) -> Bool
        @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool { test(c) }
    }
    static let apostrophes = ScalarClass { $0 == "'" || $0 == "\u{2019}" }
    static let openDouble = ScalarClass { $0 == "\u{201C}" || $0 == "\u{201E}" || $0 == "\u{00AB}" }
    static let closeDouble = ScalarClass { $0 == "\u{201D}" || $0 == "\u{00BB}" }
    /// A double quotation mark of any form: straight, opening or closing.
    static let doubleMark = ScalarClass { c in
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return true
        default: return false
        }
    }
    static let openSingle = ScalarClass { $0 == "\u{2018}" }
    static let closeSingle = ScalarClass { $0 == "\u{2019}" }
    static let anyQuote = ScalarClass { c in
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2018, 0x2019: return true
        default: return false
        }
    }
    static let dashes = ScalarClass { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
}

/// Splits a range of the body into words and punctuation.
/// A word keeps inner apostrophes, hyphens and dots ("isn't", "Jong-un", "U.S", "3.5").
func tokenize(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    // The devcorpus has a token per 5.3 characters; a quarter leaves room for denser blocks (a
    // regrowth copies every token).
    tokens.reserveCapacity(range.count / 4 + 4)
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
        let c = s[i]
        if Chars.isSpace(c) {
            i += 1
            continue
        }
        if Chars.isLetterOrDigit(c) {
            let word = wordToken(s, from: i, end: end)
            tokens.append(word)
            i = word.end
        } else {
            let text = String(c)
            tokens.append(Token(kind: .punct, start: i, end: i + 1, text: text, lower: text))
            i += 1
        }
    }
    return tokens
}

/// The word starting at `i`, with its inner joiners, a plural possessive's apostrophe, and an
/// abbreviation's period.
@inline(__always)
private func wordToken(_ s: [Unicode.Scalar], from i: Int, end: Int) -> Token {
    var j = wordEnd(s, from: i, end: end)
    var (text, lower) = wordStrings(s, i, j)
    // "Mr.", "Sen.", "U.S.": an abbreviation keeps its period, so a name runs on through it.
    let initial =
        j - i == 1 && Chars.isUppercase(s[i]) && j + 2 < end && Chars.isSpace(s[j + 1]) && Chars.isUppercase(s[j + 2])
    if j < end, s[j] == ".",
        Segmenter.abbreviations.contains(lower) && lower != "no" || initial
            || initialsBeforeName(s, i, j, end: end, lower: lower)
    {
        j += 1
        text += "."
        lower += "."
    }
    return Token(kind: .word, start: i, end: j, text: text, lower: lower)
}

/// "G.K. Butterfield", "J.M. Berger": capital initials run together keep their period before a
/// capitalised word that is not a function word ("N.J. The governor" keeps the period apart).
private func initialsBeforeName(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, end: Int, lower: String) -> Bool {
    guard j + 2 < end, Chars.isSpace(s[j + 1]), Chars.isUppercase(s[j + 2]), Chars.isUppercase(s[i]),
        Segmenter.isInitialism(lower)
    else { return false }
    var k = j + 2
    while k < end, Chars.isLetterOrDigit(s[k]) { k += 1 }
    return !Lexicon.functionWords.contains(wordStrings(s, j + 2, k).1)
}

/// How many words `tokenize` finds in `range`, counted up to `limit` without making them.
func wordCount(_ s: [Unicode.Scalar], _ range: Range<Int>, upTo limit: Int) -> Int {
    var count = 0
    var i = range.lowerBound
    while i < range.upperBound, count < limit {
        if Chars.isLetterOrDigit(s[i]) {
            count += 1
            // An abbreviation's period, which `wordToken` may add, starts no word.
            i = wordEnd(s, from: i, end: range.upperBound)
        } else {
            i += 1
        }
    }
    return count
}

/// Where the word starting at `i` ends, before an abbreviation's period.
@inline(__always)
private func wordEnd(_ s: [Unicode.Scalar], from i: Int, end: Int) -> Int {
    var j = i + 1
    while j < end {
        let d = s[j]
        if Chars.isLetterOrDigit(d) || Chars.isMojibakeTail(d, after: s[j - 1]) {
            j += 1
            continue
        }
        // Joiners inside a word: followed by a letter or digit.
        if (Chars.apostrophes.contains(d) || d == "-" || d == "." || d == "," && Chars.isDigit(s[j - 1]))
            && j + 1 < end && Chars.isLetterOrDigit(s[j + 1])
        {
            if d == "," && !Chars.isDigit(s[j + 1]) { break }
            j += 2
            continue
        }
        break
    }
    // "Sanders’ campaign manager": a plural possessive keeps its apostrophe.
    if j + 1 < end, Chars.apostrophes.contains(s[j]), s[j - 1] == "s" || s[j - 1] == "S", Chars.isSpace(s[j + 1]),
        j + 2 < end, Chars.isLetterOrDigit(s[j + 2])
    {
        j += 1
    }
    return j
}

/// The text of a word and its lowercase form; ASCII words (most of English news) skip Unicode case mapping.
@inline(__always)
func wordStrings(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> (String, String) {
    var ascii = true
    for k in i..<j where s[k].value >= 0x80 {
        ascii = false
        break
    }
    guard ascii else {
        let text = makeString(s, i..<j)
        return (text, text.lowercased())
    }
    let count = j - i
    let text = String(unsafeUninitializedCapacity: count) { buffer in
        for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: s[i + k].value) }
        return count
    }
    let lower = String(unsafeUninitializedCapacity: count) { buffer in
        for k in 0..<count {
            let b = UInt8(truncatingIfNeeded: s[i + k].value)
            buffer[k] = (b >= 0x41 && b <= 0x5A) ? b + 32 : b
        }
        return count
    }
    return (text, lower)
}

/// The text of `s[range]` as a String, encoded directly to UTF-8 (no intermediate views).
public func makeString(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
    var capacity = 0
    for k in range { capacity += UTF8.width(s[k]) }
    return String(unsafeUninitializedCapacity: capacity) { buffer in
        var n = 0
        for k in range {
            UTF8.encode(s[k]) { byte in
                buffer[n] = byte
                n += 1
            }
        }
        return n
    }
}

/// The body as an array of code points, the unit of every offset.
public func scalarsOf(_ text: String) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars { result.append(c) }
    return result
}
