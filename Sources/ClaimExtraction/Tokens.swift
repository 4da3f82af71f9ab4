/// A word or punctuation mark of the body, located by code point offsets.
struct Token: Sendable {
    enum Kind: Sendable { case word, punct }
    var kind: Kind
    var start: Int
    var end: Int
    var text: String
    var lower: String

    var isWord: Bool { kind == .word }
    /// Starts with an uppercase letter.
    var isCapitalised: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
    var isNumber: Bool { kind == .word && text.unicodeScalars.first.map { $0.properties.numericType != nil } == true }
}

/// Character classes over code points.
enum Chars {
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]
    static let openDouble: Set<Unicode.Scalar> = ["\u{201C}", "\u{201E}", "\u{00AB}"]
    static let closeDouble: Set<Unicode.Scalar> = ["\u{201D}", "\u{00BB}"]
    static let openSingle: Set<Unicode.Scalar> = ["\u{2018}"]
    static let closeSingle: Set<Unicode.Scalar> = ["\u{2019}"]
    static let anyQuote: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}"]
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]
}

/// Splits a range of the body into words and punctuation.
/// A word keeps inner apostrophes, hyphens and dots ("isn't", "Jong-un", "U.S", "3.5").
func tokenize(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
        let c = s[i]
        if Chars.isSpace(c) { i += 1; continue }
        if Chars.isLetterOrDigit(c) {
            var j = i + 1
            while j < end {
                let d = s[j]
                if Chars.isLetterOrDigit(d) { j += 1; continue }
                // Joiners inside a word: followed by a letter or digit.
                if (Chars.apostrophes.contains(d) || d == "-" || d == "." || d == "," && s[j - 1].properties.numericType != nil)
                    && j + 1 < end && Chars.isLetterOrDigit(s[j + 1]) {
                    if d == "," && s[j + 1].properties.numericType == nil { break }
                    j += 2; continue
                }
                break
            }
            let text = String(String.UnicodeScalarView(s[i..<j]))
            tokens.append(Token(kind: .word, start: i, end: j, text: text, lower: text.lowercased()))
            i = j
        } else {
            let text = String(c)
            tokens.append(Token(kind: .punct, start: i, end: i + 1, text: text, lower: text))
            i += 1
        }
    }
    return tokens
}
