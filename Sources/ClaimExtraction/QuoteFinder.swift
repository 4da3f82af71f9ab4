/// A span of text between quotation marks, before deciding whether it is speech.
struct QuoteSpan: Sendable {
    /// Offset of the opening mark.
    var open: Int
    /// Offset of the closing mark, or the block's end when the quote is never closed.
    var close: Int
    var closed: Bool
    var block: Int
    /// The words inside the marks, trimmed of spaces.
    var content: Range<Int>
}

/// Pairs quotation marks within each block: straight and curly, double and single,
/// nested quotes kept inside their outer quote, unclosed quotes running to the block's end.
enum QuoteFinder {
    enum Role { case open, close, ambiguous }

    static func spans(_ s: [Unicode.Scalar], blocks: [Block]) -> [QuoteSpan] {
        var result: [QuoteSpan] = []
        for block in blocks {
            let doubles = pair(
                s, block: block,
                isMark: { $0 == "\"" || Chars.openDouble.contains($0) || Chars.closeDouble.contains($0) },
                role: doubleRole)
            result += doubles
            // Single quotes only outside double-quoted spans (inside, they are nested quotes).
            let inside = doubles.map { $0.open...$0.close }
            let singles = pair(
                s, block: block,
                isMark: { c in c == "'" || Chars.openSingle.contains(c) || Chars.closeSingle.contains(c) },
                role: singleRole, skip: { i in inside.contains { $0.contains(i) } })
            // An unclosed single-marked span is an apostrophe's mistake unless a doubled mark
            // opened it (`''If he went …` running on into the next paragraph, as `"` does).
            result += singles.filter { $0.closed || $0.open > block.range.lowerBound && s[$0.open - 1] == s[$0.open] }
        }
        return result.sorted { $0.open < $1.open }
    }

    static func doubleRole(_ s: [Unicode.Scalar], _ i: Int, _ block: Block) -> Role? {
        let c = s[i]
        let before: Unicode.Scalar? = i > block.range.lowerBound ? s[i - 1] : nil
        let after: Unicode.Scalar? = i + 1 < block.range.upperBound ? s[i + 1] : nil
        let spaceBefore = before.map { Chars.isSpace($0) || "([{—–-/".unicodeScalars.contains($0) } ?? true
        let spaceAfter = after.map { Chars.isSpace($0) || ",.;:!?)]}—–".unicodeScalars.contains($0) } ?? true
        // A curly mark typed the wrong way round (`“It's unusual,“ said …`) where only the other
        // fits: after a word and before a space it closes; after a space and before a word it opens.
        if Chars.openDouble.contains(c) { return !spaceBefore && spaceAfter ? .close : .open }
        if Chars.closeDouble.contains(c) { return spaceBefore && !spaceAfter ? .open : .close }
        if spaceBefore && !spaceAfter { return .open }
        if !spaceBefore && spaceAfter { return .close }
        return .ambiguous
    }

    static func singleRole(_ s: [Unicode.Scalar], _ i: Int, _ block: Block) -> Role? {
        let c = s[i]
        let before: Unicode.Scalar? = i > block.range.lowerBound ? s[i - 1] : nil
        let after: Unicode.Scalar? = i + 1 < block.range.upperBound ? s[i + 1] : nil
        let letterBefore = before.map(Chars.isLetterOrDigit) ?? false
        let letterAfter = after.map(Chars.isLetterOrDigit) ?? false
        if letterBefore && letterAfter { return nil }  // apostrophe: isn't, Putin's
        if isElision(s, after: i, block) { return nil }  // the late '90s, get 'em
        if Chars.openSingle.contains(c) {
            // `‘‘We lost,’’`: a doubled mark opens once (its second half opens), as `''` does.
            if let after, Chars.openSingle.contains(after) { return nil }
            return letterAfter || after.map { Chars.anyQuote.contains($0) } == true ? .open : nil
        }
        let spaceBefore =
            before.map { Chars.isSpace($0) || "([{—–-".unicodeScalars.contains($0) || Chars.anyQuote.contains($0) }
            ?? true
        let spaceAfter =
            after.map { Chars.isSpace($0) || ",.;:!?)]}—–".unicodeScalars.contains($0) || Chars.anyQuote.contains($0) }
            ?? true
        if spaceBefore && letterAfter { return .open }
        if !spaceBefore && spaceAfter { return .close }
        return c == "'" ? doubledStraightRole(s, i, block) : nil
    }

    /// Whether the mark at `i` stands for letters left out: a decade's century ('90s) or the
    /// start of a word ('em, 'til, 'bout, 'cause).
    static func isElision(_ s: [Unicode.Scalar], after i: Int, _ block: Block) -> Bool {
        let upper = block.range.upperBound
        var j = i + 1
        while j < upper, j - i <= 5, Chars.isLetterOrDigit(s[j]) { j += 1 }
        guard j > i + 2, j - i <= 5, j == upper || !Chars.isLetterOrDigit(s[j]) else { return false }
        let word = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if word.count == 3, word.hasSuffix("s"), word.prefix(2).allSatisfy(\.isNumber) { return true }
        return elidedWords.contains(word.lowercased())
    }

    static let elidedWords: Set<String> = ["em", "til", "bout", "cause"]

    /// A straight mark the rules above leave undecided that a doubled mark still decides: the
    /// third of `,'''` (a nested quote's close, then the outer's doubled close) closes, and the
    /// first half of a `''` standing between spaces (`coalitions, '' said`) closes an open quote
    /// (or opens one).
    static func doubledStraightRole(_ s: [Unicode.Scalar], _ i: Int, _ block: Block) -> Role? {
        let lower = block.range.lowerBound
        let upper = block.range.upperBound
        let endsARun = { (k: Int) in
            k >= upper || Chars.isSpace(s[k]) || ",.;:!?)]}—–".unicodeScalars.contains(s[k])
        }
        if i - 3 >= lower, s[i - 1] == "'", s[i - 2] == "'", s[i - 3] != "'", !Chars.isSpace(s[i - 3]),
            endsARun(i + 1)
        {
            return .close
        }
        let spaceBefore = i == lower || Chars.isSpace(s[i - 1])
        if spaceBefore, i + 1 < upper, s[i + 1] == "'", i + 2 >= upper || Chars.isSpace(s[i + 2]) {
            return .ambiguous
        }
        return nil
    }

    static func pair(
        _ s: [Unicode.Scalar], block: Block, isMark: (Unicode.Scalar) -> Bool,
        role: ([Unicode.Scalar], Int, Block) -> Role?, skip: (Int) -> Bool = { _ in false }
    ) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var depth = 0
        var outerOpen = -1
        var i = block.range.lowerBound
        func emit(close: Int, closed: Bool) {
            var lo = outerOpen + 1
            var hi = close
            while lo < hi && Chars.isSpace(s[lo]) { lo += 1 }
            while hi > lo && Chars.isSpace(s[hi - 1]) { hi -= 1 }
            if lo < hi {
                spans.append(
                    QuoteSpan(open: outerOpen, close: close, closed: closed, block: block.index, content: lo..<hi))
            }
        }
        while i < block.range.upperBound {
            defer { i += 1 }
            guard isMark(s[i]), !skip(i), let r = role(s, i, block) else { continue }
            let effective: Role = r == .ambiguous ? (depth > 0 ? .close : .open) : r
            switch effective {
            case .open:
                if depth == 0 { outerOpen = i }
                depth += 1
            case .close:
                guard depth > 0 else { continue }
                if depth >= 2 && nextMarkOpens(s, after: i, block: block, isMark: isMark, role: role) {
                    depth = 0  // `…end?" "The issue…`: the outer quote ends here
                } else {
                    depth -= 1
                }
                if depth == 0 { emit(close: i, closed: true) }
            case .ambiguous:
                break
            }
        }
        if depth > 0 { emit(close: block.range.upperBound, closed: false) }
        return spans
    }

    /// True when the next non-space character after `i` is an opening mark.
    static func nextMarkOpens(
        _ s: [Unicode.Scalar], after i: Int, block: Block, isMark: (Unicode.Scalar) -> Bool,
        role: ([Unicode.Scalar], Int, Block) -> Role?
    ) -> Bool {
        var j = i + 1
        while j < block.range.upperBound && Chars.isSpace(s[j]) { j += 1 }
        guard j < block.range.upperBound, isMark(s[j]) else { return false }
        return role(s, j, block) == .open
    }
}
