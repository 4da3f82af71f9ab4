import Foundation

/// Reads the numbers of a text one way: digits or words, magnitudes, percentages, currencies,
/// ordinals ("eighty-four per cent" → `84 percent`; "$1.2bn" → `1200000000 usd`; "fifth" → `5th`).
struct NumberReader {
    let tokens: [RawToken]
    var i = 0
    var out: [String] = []

    init(tokens: [RawToken]) { self.tokens = tokens }

    mutating func normalised() -> [String] {
        while i < tokens.count {
            switch tokens[i] {
            case .symbol(let s):
                i += 1
                if s == "%" {
                    out.append("percent")
                } else if let currency = NumberWords.currencySymbols[s] {
                    // "$80" → "80 usd": the currency after its amount, as "80 dollars" reads.
                    _ = readNumber()
                    out.append(currency)
                }
            case .clauseBreak:
                i += 1
                out.append(MatchText.clauseBreak)
            case .number, .word:
                if readNumber() { continue }
                guard case .word(let word) = tokens[i] else {
                    i += 1
                    continue
                }
                i += 1
                readWord(word)
            }
        }
        return out
    }

    /// A word that is not part of a number.
    private mutating func readWord(_ word: String) {
        if word == "per", case .word("cent")? = peek(0) {
            i += 1
            out.append("percent")
            return
        }
        if let ordinal = NumberWords.ordinals[word] {
            out.append(NumberWords.ordinal(ordinal))
            return
        }
        if let unit = NumberWords.unitWords[word] {
            out.append(unit)
            return
        }
        out.append(NumberWords.months[word] ?? word)
    }

    private func peek(_ offset: Int) -> RawToken? { i + offset < tokens.count ? tokens[i + offset] : nil }

    /// Reads a number (digits or words, with its magnitude and ordinal suffix) at `i`; false when none.
    private mutating func readNumber() -> Bool {
        var value: Double
        switch peek(0) {
        case .number(let v, _)?:
            value = v
            i += 1
            if case .word(let suffix)? = peek(0), ["st", "nd", "rd", "th"].contains(suffix), v == v.rounded(), v < 1e9 {
                i += 1
                out.append(NumberWords.ordinal(Int(v)))
                return true
            }
        case .word(let w)? where NumberWords.value(of: w) != nil:
            guard let words = readNumberWords() else { return false }
            value = words
        default:
            return false
        }
        while case .word(let w)? = peek(0), let scale = NumberWords.magnitudes[w] {
            value *= scale
            i += 1
        }
        out.append(NumberWords.render(value))
        return true
    }

    /// "eighty four", "one hundred and five", "two thousand": small number words combined.
    private mutating func readNumberWords() -> Double? {
        var total = 0.0
        var current = 0.0
        var used = 0
        while case .word(let w)? = peek(0) {
            if let v = NumberWords.value(of: w) {
                if v == 100 { current = max(current, 1) * 100 } else { current += v }
            } else if w == "and", used > 0, case .word(let next)? = peek(1), NumberWords.value(of: next) != nil {
                // "one hundred and five"
            } else if w == "thousand", used > 0 {
                total += max(current, 1) * 1000
                current = 0
            } else {
                break
            }
            used += 1
            i += 1
        }
        // "a"/"one" alone stays a word ("one of them"); a lone number word becomes its digits.
        return used == 0 ? nil : total + current
    }
}

enum NumberWords {
    static let small: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    ]

    static func value(of word: String) -> Double? { small[word] }

    static let magnitudes: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
        "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
    ]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
    ]

    static let currencySymbols: [Character: String] = ["$": "usd", "€": "eur", "£": "gbp"]

    static let unitWords: [String: String] = [
        "percent": "percent", "pct": "percent", "percentage": "percent",
        "dollar": "usd", "dollars": "usd", "usd": "usd", "euro": "eur", "euros": "eur", "eur": "eur", "gbp": "gbp",
    ]

    static let months: [String: String] = [
        "jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
        "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    ]

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// 80 → "80"; 1.25 → "1p25" (one word for the index, whose tokenizer splits at a point).
    static func render(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e18 { return String(Int64(value)) }
        var text = String(value)
        if text.contains("e") { text = String(format: "%.6g", value) }
        return String(text.map { $0 == "." ? "p" : $0 })
    }
}
