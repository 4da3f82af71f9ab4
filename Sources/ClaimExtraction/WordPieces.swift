import Foundation

/// BERT's uncased word-piece tokenizer, as Hugging Face `tokenizers` runs it for all-MiniLM-L6-v2
/// (`BertNormalizer`: control characters dropped, CJK ideographs split, accents stripped, lower
/// case; `BertPreTokenizer`: words split at white space and punctuation; `WordPiece`: longest
/// match first, `##` for a continuation, a word over 100 characters or with no match unknown),
/// over the vocabulary model2vec kept (`WordPieceVocabulary`, written by
/// `tools/train/static_embedding.py`). Unknown pieces are dropped, as model2vec drops them.
struct WordPieces: Sendable {
    static let shared = WordPieces(WordPieceVocabulary.text)
    static let maximumWordLength = 100
    /// The tokenizer's truncation: pieces past this many (unknown ones included) are not read.
    static let maximumPieces = 512

    private let ids: ByteKeyedTable<Int32>
    private let unknown: Int32
    /// No piece: a word that is not one piece whole (`Token.piece`).
    static let none: Int32 = -1
    /// The piece of each ASCII character read alone (a punctuation mark), `unknown` when none.
    private let asciiMarks: [Int32]
    /// The most characters of any piece (after a continuation's `##`): no longer match is tried.
    private let longestPiece: Int
    let count: Int

    init(_ vocabulary: String) {
        var ids: [String: Int32] = [:]
        let lines = vocabulary.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() { ids[String(line)] = Int32(i) }
        self.ids = ByteKeyedTable(ids)
        let unknown = ids["[UNK]"] ?? -1
        self.unknown = unknown
        longestPiece =
            lines.map { $0.hasPrefix("##") ? $0.unicodeScalars.count - 2 : $0.unicodeScalars.count }.max() ?? 0
        count = lines.count
        asciiMarks = (0..<128).map { ids[String(UnicodeScalar(UInt8($0)))] ?? unknown }
    }

    /// The pieces a whole word can be (no `##` continuation), with their numbers.
    var wholeWords: some Sequence<(key: String, value: Int32)> { ids.entries.lazy.filter { !$0.key.hasPrefix("##") } }

    /// The known pieces of texts read one after another (as if joined by spaces).
    func pieces(of texts: some Sequence<String>) -> [Int32] {
        var reader = Reader(unknown: unknown)
        for text in texts where !reader.full { read(text, into: &reader) }
        return reader.out
    }

    /// The same pieces as `pieces(of: tokens.map(\.text))`, with the lookups tokenising did:
    /// a plain word's whole piece is already known (`Token.piece`), an ASCII mark's is in a table.
    func pieces(of tokens: [Token]) -> [Int32] {
        var reader = Reader(unknown: unknown)
        for token in tokens where !reader.full {
            if token.isPlainWord {
                if token.piece != Self.none {
                    reader.take(token.piece)
                } else {
                    for id in pieces(ofASCIIWord: Array(token.lower.utf8)) { reader.take(id) }
                }
            } else if token.kind == .punct, let mark = token.text.unicodeScalars.first, mark.value > 0x20,
                mark.value < 0x7F
            {
                reader.take(asciiMarks[Int(mark.value)])
            } else {
                read(token.text, into: &reader)
            }
        }
        return reader.out
    }

    /// Reads one text: by the plain path when it can, else BERT's normalisation and words.
    private func read(_ text: String, into reader: inout Reader) {
        if read(plain: text, into: &reader) { return }
        for word in Self.words(text) where !reader.full {
            for id in pieces(ofWord: word) { reader.take(id) }
        }
    }

    /// Pieces as read: unknown ones dropped, none after the tokenizer's truncation.
    private struct Reader {
        let unknown: Int32
        var out: [Int32] = []
        var read = 0
        var full: Bool { read >= WordPieces.maximumPieces }

        mutating func take(_ id: Int32) {
            guard !full else { return }
            read += 1
            if id != unknown { out.append(id) }
        }
    }

    /// Reads a text of printable ASCII and common typographic marks (most of news), or returns
    /// false having read nothing: what the general path gives it — lower case, each mark a word,
    /// each word whole or in pieces — without its Unicode tables (extraction's hot path).
    private func read(plain text: String, into reader: inout Reader) -> Bool {
        for c in text.unicodeScalars
        where c.value >= 0x80 && !Self.typographicMarks.contains(c.value) || c.value < 0x20 || c.value == 0x7F {
            return false
        }
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            if let id = ids.value(ofBytes: word[...], continuation: false) {
                reader.take(id)
            } else {
                for id in pieces(ofASCIIWord: word) { reader.take(id) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            switch c.value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(c.value))
            case 0x41...0x5A: word.append(UInt8(c.value + 0x20))
            case 0x20: flush()
            default:
                flush()
                reader.take(ids[String(c)] ?? unknown)
            }
        }
        flush()
        return true
    }

    /// Quotation marks, dashes and the ellipsis: punctuation that normalisation leaves as it is.
    static let typographicMarks: Set<UInt32> = [0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0xAB, 0xBB]

    /// `pieces(ofWord:)` for a lower-case ASCII word, on its bytes.
    private func pieces(ofASCIIWord word: [UInt8]) -> [Int32] {
        longestMatchFirst(word.count) { range in
            ids.value(ofBytes: word[range], continuation: range.lowerBound > 0)
        }
    }

    /// One word's pieces: the whole word if the vocabulary has it, else the longest known prefix
    /// and `##` continuations; unknown if any part has no match.
    func pieces(ofWord word: [Unicode.Scalar]) -> [Int32] {
        longestMatchFirst(word.count) { range in
            var piece = range.lowerBound > 0 ? "##" : ""
            piece.unicodeScalars.append(contentsOf: word[range])
            return ids[piece]
        }
    }

    /// WordPiece's search over a word of `length` characters: from each start, the longest piece
    /// `lookup` knows (a continuation after the first); unknown if some start has none.
    private func longestMatchFirst(_ length: Int, _ lookup: (Range<Int>) -> Int32?) -> [Int32] {
        guard length <= Self.maximumWordLength else { return [unknown] }
        var found: [Int32] = []
        var start = 0
        while start < length {
            var end = min(length, start + longestPiece)
            var match: Int32?
            while end > start, match == nil {
                match = lookup(start..<end)
                if match == nil { end -= 1 }
            }
            guard let match else { return [unknown] }
            found.append(match)
            start = end
        }
        return found
    }

    /// The words of a text after BERT's normalisation, punctuation marks as words of their own.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty { words.append(word) }
            word.removeAll(keepingCapacity: true)
        }
        for c in normalised(text) {
            if c.value < 0x80 ? Chars.isSpace(c) : c.properties.isWhitespace {
                flush()
            } else if isPunctuation(c) || isIdeograph(c) {
                flush()
                words.append([c])
            } else {
                word.append(c)
            }
        }
        flush()
        return words
    }

    /// Lower case without accents or control characters (plain text, most of news, never comes here:
    /// `read(plain:)` takes it).
    static func normalised(_ text: String) -> [Unicode.Scalar] {
        let kept = text.unicodeScalars.filter { !isControl($0) && $0.value != 0xFFFD && $0.value != 0 }
        let bare = String(String.UnicodeScalarView(kept)).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return Array(String(String.UnicodeScalarView(bare)).lowercased().unicodeScalars)
    }

    static func isControl(_ c: Unicode.Scalar) -> Bool {
        if c.value == 0x09 || c.value == 0x0A || c.value == 0x0D { return false }
        switch c.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
            || (0x7B...0x7E).contains(v)
        {
            return true
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    static func isIdeograph(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
