import Foundation

/// An article as ClaimLedger reads it: metadata and the body that every offset refers to.
public struct Article: Sendable, Equatable {
    public var title: String?
    public var outlet: String?
    public var author: String?
    public var published: String?
    public var url: String?
    /// The text after the header block, newlines normalised to LF.
    public var body: String
    /// Whether `title` was guessed from the text (no header block gave one).
    public var titleGuessed = false

    public init(
        title: String? = nil, outlet: String? = nil, author: String? = nil,
        published: String? = nil, url: String? = nil, body: String
    ) {
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.url = url
        self.body = body
    }
}

/// Why an input file cannot be read as an article.
public enum ArticleError: Error, LocalizedError, Equatable, Sendable {
    case binary(name: String)
    /// UTF-16 text (a byte-order mark, or every other byte NUL): text, but not in UTF-8.
    case utf16(name: String)
    case invalidUTF8(name: String, byteOffset: Int)
    case empty(name: String)
    case nulByte(name: String, byteOffset: Int)

    public var errorDescription: String? {
        switch self {
        case .binary(let name):
            return
                "\(name) looks like a binary file, not article text; give a plain-text (UTF-8) file. Nothing was recorded."
        case .utf16(let name):
            return
                "\(name) is UTF-16 text; convert it to UTF-8 first, e.g. `iconv -f UTF-16 -t UTF-8 \(name) > article.txt`. Nothing was recorded."
        case .invalidUTF8(let name, let offset):
            return
                "\(name) is not valid UTF-8 (bad byte at offset \(offset)); convert it first, e.g. `iconv -f latin1 -t utf-8`. Nothing was recorded."
        case .nulByte(let name, let offset):
            return
                "\(name) holds a NUL byte at offset \(offset), which no article text has (it would cut the text short in every view); remove it, e.g. `tr -d '\\000'`. Nothing was recorded."
        case .empty(let name):
            return "\(name) has no article text; give a file with the article's body. Nothing was recorded."
        }
    }
}

/// Turns raw bytes into an `Article`: refuses binary and invalid UTF-8, reads the header block.
public enum ArticleReader {
    /// The keys a header block may hold (SPEC.md).
    public static let headerKeys: Set<String> = ["title", "outlet", "author", "published", "url"]

    public static func read(_ bytes: [UInt8], name: String) throws -> Article {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if looksUTF16(bytes) { throw ArticleError.utf16(name: name) }
        if looksBinary(bytes) { throw ArticleError.binary(name: name) }
        // One rule for the whole file, not a sample: a NUL anywhere is refused.
        if let nul = bytes.firstIndex(of: 0) { throw ArticleError.nulByte(name: name, byteOffset: nul) }
        if let offset = firstInvalidUTF8(bytes) {
            throw ArticleError.invalidUTF8(name: name, byteOffset: offset + (bytes.startIndex))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var article = parse(text)
        if article.body.allSatisfy({ $0.isWhitespace }) { throw ArticleError.empty(name: name) }
        if article.title == nil {
            article.title = guessedTitle(of: article.body)
            article.titleGuessed = article.title != nil
        }
        return article
    }

    /// Splits off the optional header block (`key: value` lines ended by a blank line).
    public static func parse(_ text: String) -> Article {
        var fields: [String: String] = [:]
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") ?? (rest.isEmpty ? nil : rest.endIndex) {
            let line = rest[rest.startIndex..<newline]
            guard let colon = line.firstIndex(of: ":") else { break }
            let key = line[line.startIndex..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard headerKeys.contains(key) else { break }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[key] = value }
            rest = newline == rest.endIndex ? rest[newline...] : rest[rest.index(after: newline)...]
            // A blank line ends the block.
            if rest.hasPrefix("\n") {
                rest = rest.dropFirst()
                return Article(
                    title: fields["title"], outlet: fields["outlet"], author: fields["author"],
                    published: fields["published"], url: fields["url"], body: String(rest))
            }
        }
        // No complete header block: the whole text is the body.
        return Article(body: text)
    }

    /// A title for an article without one: its first line's first sentence (Markdown heading marks
    /// dropped), at most `maxGuessedTitle` characters, cut between words with "…".
    static func guessedTitle(of body: String) -> String? {
        guard
            let line = body.split(separator: "\n", maxSplits: 20).lazy
                .map({ $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "#>*"))) })
                .first(where: { !$0.isEmpty })
        else { return nil }
        let sentence = firstSentence(of: line)
        guard sentence.count > maxGuessedTitle else { return sentence }
        let cut = sentence.prefix(maxGuessedTitle - 1)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }

    public static let maxGuessedTitle = 120

    /// Up to the first ".", "?" or "!" before a space, past the first 20 characters (so "1." and
    /// "Mr." do not end it).
    static func firstSentence(of line: String) -> String {
        var previous: Character?
        for (offset, index) in line.indices.enumerated() {
            let c = line[index]
            if c == " ", let p = previous, ".?!".contains(p), offset > 20 {
                return String(line[..<index]).trimmingCharacters(in: .whitespaces)
            }
            previous = c
        }
        return line
    }

    /// A UTF-16 byte-order mark, or (without one) a NUL in every other byte of the first 8 KiB
    /// with text in the rest: UTF-16 text.
    static func looksUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let sample = Array(bytes.prefix(8192))
        guard sample.count >= 4 else { return false }
        let even = stride(from: 0, to: sample.count, by: 2).map { sample[$0] }
        let odd = stride(from: 1, to: sample.count, by: 2).map { sample[$0] }
        func mostlyNUL(_ half: [UInt8]) -> Bool { half.filter { $0 == 0 }.count * 10 >= half.count * 9 }
        func mostlyText(_ half: [UInt8]) -> Bool {
            half.filter { $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.count * 10 >= half.count * 9
        }
        return mostlyNUL(even) && mostlyText(odd) || mostlyNUL(odd) && mostlyText(even)
    }

    /// NUL bytes, or many control characters in the first 8 KiB, mean binary.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        return sample.count > 0 && controls * 20 > sample.count
    }

    /// The offset (from the slice's start) of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F:
                i += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i - bytes.startIndex
            }
            guard i + length <= end else { return i - bytes.startIndex }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i - bytes.startIndex }
            // Overlong and surrogate forms.
            let b1 = bytes[i + 1]
            if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) || (b == 0xF0 && b1 < 0x90)
                || (b == 0xF4 && b1 > 0x8F)
            {
                return i - bytes.startIndex
            }
            i += length
        }
        return nil
    }
}
