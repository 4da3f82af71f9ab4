import Foundation

/// The words a claim is matched on: lowercase, accents removed, and the forms fact-checkers' claims
/// vary in written one way ("80 percent", "80%", "eighty per cent" → `80 percent`; "$1.2bn",
/// "1.2 billion dollars" → `1200000000 usd`; "fifth", "5th" → `5th`; "Jan." → `january`).
/// The ledger's search index stores this text and every query is written the same way.
public enum MatchText {
    /// Marks the end of a clause in `indexed` text (the index's tokenizer reads it as a space).
    public static let clauseBreak = "|"

    /// The normalised words, in order.
    public static func words(_ text: String) -> [String] { marked(text).filter { $0 != clauseBreak } }

    /// The normalised words joined by spaces, clauses separated by " | ": what the search index
    /// stores for a text ("This is Putin's fifth visit to Vietnam, he previously visited…" →
    /// `this is putin 5th visit to vietnam | he previously visited …`).
    public static func indexed(_ text: String) -> String { marked(text).joined(separator: " ") }

    /// Words with a clause break at each , ; : ( ) — ! ? and sentence end (never two in a row, none at the ends).
    static func marked(_ text: String) -> [String] {
        var reader = NumberReader(tokens: RawToken.split(fold(text)))
        var result: [String] = []
        for word in reader.normalised() where !(word == clauseBreak && (result.last ?? clauseBreak) == clauseBreak) {
            result.append(word)
        }
        if result.last == clauseBreak { result.removeLast() }
        return result
    }

    /// Lowercase, without accents or other combining marks ("São" → "sao").
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where
            !(scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark)
        {
            scalars.append(scalar)
        }
        return String(scalars).lowercased().precomposedStringWithCanonicalMapping
    }

    /// The words of `text` a search looks for: normalised, common words left out, each once.
    public static func queryWords(_ text: String) -> [String] {
        var seen = Set<String>()
        return words(text).filter { !StopWords.contains($0) && seen.insert($0).inserted }
    }

    /// The numbers in normalised words (what "the figure differs" compares).
    public static func numbers(_ words: [String]) -> [String] {
        words.filter(isNumber)
    }

    /// Whether a normalised word (or its stem) is a number: `MatchText` writes every figure with a
    /// leading digit ("5th", "2383", "80%").
    public static func isNumber(_ word: String) -> Bool { word.first?.isNumber == true }
}

/// A piece of folded text: a run of letters, a number as written ("1,200.5"), or one symbol the
/// normaliser reads ("%", "$", "€", "£"). Everything else separates pieces.
enum RawToken: Equatable {
    case word(String)
    case number(Double, text: String)
    case symbol(Character)
    case clauseBreak

    /// The text's words, numbers, symbols and clause breaks. ASCII text (most claims) is read byte
    /// by byte, giving exactly what reading it Character by Character gives (a test compares the
    /// two on random ASCII text): grapheme breaking and Unicode property lookups were most of the
    /// search index's cost, and so of recording a claim.
    static func split(_ text: String) -> [RawToken] {
        var text = text
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } ? splitASCII($0) : nil } ?? splitCharacters(text)
    }

    static func splitCharacters(_ text: String) -> [RawToken] {
        var tokens: [RawToken] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isNumber && c.isASCII {
                var j = i
                while j < chars.count, chars[j].isASCII,
                    chars[j].isNumber
                        || ((chars[j] == "," || chars[j] == ".") && j + 1 < chars.count && chars[j + 1].isASCII
                            && chars[j + 1].isNumber)
                { j += 1 }
                let written = String(chars[i..<j])
                tokens.append(number(written))
                i = j
            } else if c.isLetter {
                var j = i
                while j < chars.count,
                    chars[j].isLetter || chars[j].isNumber
                        || ((chars[j] == "'" || chars[j] == "’") && j + 1 < chars.count && chars[j + 1].isLetter)
                { j += 1 }
                var word = String(chars[i..<j])
                if word.contains(where: { $0 == "'" || $0 == "’" }) {
                    word = String(word.map { $0 == "’" ? "'" : $0 })
                    word = word.hasSuffix("'s") ? String(word.dropLast(2)) : String(word.filter { $0 != "'" })
                }
                tokens.append(.word(word))
                i = j
            } else {
                if "%$€£".contains(c) { tokens.append(.symbol(c)) }
                if ",;:()[]!?—–".contains(c) || (c == "." && (i + 1 == chars.count || chars[i + 1].isWhitespace)) {
                    tokens.append(.clauseBreak)
                }
                i += 1
            }
        }
        return tokens
    }

    /// `splitCharacters` for text of ASCII bytes only: letters A–Z a–z, digits 0–9, whitespace
    /// U+0009–U+000D and space are those bytes' Character properties.
    static func splitASCII(_ b: UnsafeBufferPointer<UInt8>) -> [RawToken] {
        func letter(_ x: UInt8) -> Bool { (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A }
        func digit(_ x: UInt8) -> Bool { x >= 0x30 && x <= 0x39 }
        func space(_ x: UInt8) -> Bool { x == 0x20 || (x >= 0x09 && x <= 0x0D) }
        func next(_ j: Int, _ test: (UInt8) -> Bool) -> Bool { j + 1 < b.count && test(b[j + 1]) }
        var tokens: [RawToken] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            var j = i
            if digit(c) {
                while j < b.count, digit(b[j]) || ((b[j] == 0x2C || b[j] == 0x2E) && next(j, digit)) { j += 1 }
                tokens.append(number(String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)))
            } else if letter(c) {
                while j < b.count, letter(b[j]) || digit(b[j]) || (b[j] == 0x27 && next(j, letter)) { j += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)
                guard word.utf8.contains(0x27) else {
                    tokens.append(.word(word))
                    i = j
                    continue
                }
                tokens.append(
                    .word(
                        word.hasSuffix("'s") ? String(word.dropLast(2)) : String(word.filter { $0 != "'" })))
            } else {
                if c == 0x25 || c == 0x24 { tokens.append(.symbol(Character(Unicode.Scalar(c)))) }
                if breaksClause(c) || (c == 0x2E && (i + 1 == b.count || next(i, space))) {
                    tokens.append(.clauseBreak)
                }
                j = i + 1
            }
            i = j
        }
        return tokens
    }

    /// , ; : ( ) [ ] ! ?
    private static func breaksClause(_ c: UInt8) -> Bool {
        switch c {
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x21, 0x3F: return true
        default: return false
        }
    }

    /// "1,200.5" → 1200.5; "1.200" (a thousands dot) stays 1.2: ambiguous, read the English way.
    private static func number(_ written: String) -> RawToken {
        // Not Foundation's replacingOccurrences: a number in every claim made it a tenth of the index's cost.
        let plain = written.utf8.contains(UInt8(ascii: ",")) ? String(written.filter { $0 != "," }) : written
        return .number(Double(plain) ?? 0, text: written)
    }
}
