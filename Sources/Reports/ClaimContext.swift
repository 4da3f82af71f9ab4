import ClaimExtraction

/// How much of the article `show` prints around a claim: its paragraph (the default), or its
/// sentence and N sentences either side (`--context N`).
public enum ContextSize: Sendable, Equatable {
    case paragraph
    case sentences(Int)
}

extension SourceText {
    /// The claim's span with the text around it, widened from its sentence to `size`.
    public func context(start: Int?, end: Int?, sentenceStart: Int?, sentenceEnd: Int?, size: ContextSize)
        -> (before: String, claim: String, after: String)?
    {
        guard
            let parts = sentenceAround(start: start, end: end, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd),
            let start, let end
        else { return nil }
        var lo = start - parts.before.unicodeScalars.count
        var hi = end + parts.after.unicodeScalars.count
        switch size {
        case .paragraph:
            lo = paragraphStart(before: lo)
            hi = paragraphEnd(after: hi)
        case .sentences(let n):
            (lo, hi) = sentences(n, before: lo, after: hi)
        }
        return (text(lo, start), text(start, end), text(end, hi))
    }

    /// A blank line (or the text's start) before `k`; the line's start when the paragraph runs on
    /// for more than 3,000 code points (a text without blank lines).
    func paragraphStart(before k: Int) -> Int {
        var j = k
        while j > 0, k - j < 3_000 {
            if scalar(j - 1) == "\n", j >= 2, isBlankLineEnd(j - 1) { return j }
            j -= 1
        }
        if j == 0 { return 0 }
        j = k
        while j > 0, scalar(j - 1) != "\n" { j -= 1 }
        return j
    }

    func paragraphEnd(after k: Int) -> Int {
        var j = k
        while j < count, j - k < 3_000 {
            if scalar(j) == "\n", j + 1 < count, isBlankLineStart(j + 1) { return j }
            j += 1
        }
        if j >= count { return trimmedEnd(count) }
        j = k
        while j < count, scalar(j) != "\n" { j += 1 }
        return j
    }

    /// Whether the line ending at the newline `k` is blank (only spaces before it back to a newline).
    private func isBlankLineEnd(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, scalar(j) == " " || scalar(j) == "\t" || scalar(j) == "\r" { j -= 1 }
        return j < 0 || scalar(j) == "\n"
    }

    private func isBlankLineStart(_ k: Int) -> Bool {
        var j = k
        while j < count, scalar(j) == " " || scalar(j) == "\t" || scalar(j) == "\r" { j += 1 }
        return j >= count || scalar(j) == "\n"
    }

    /// The start of the sentence `n` sentences before the one holding position `k`, and the end of
    /// the one `n` sentences after the one holding `m`, as the extractor's segmenter reads the text
    /// (one segmenter: `show --context` never cuts "Mr. Smith" or "10:30 p.m." where extraction does not).
    func sentences(_ n: Int, before k: Int, after m: Int) -> (start: Int, end: Int) {
        guard n > 0 else { return (k, m) }
        let ranges = SentenceRanges.of(scalars: scalars)
        guard !ranges.isEmpty else { return (k, m) }
        let first = ranges.lastIndex { $0.lowerBound <= k } ?? 0
        let last = ranges.firstIndex { $0.upperBound >= m } ?? ranges.count - 1
        return (
            min(k, ranges[max(0, first - n)].lowerBound), max(m, ranges[min(ranges.count - 1, last + n)].upperBound)
        )
    }

    private func trimmedEnd(_ k: Int) -> Int {
        var j = k
        while j > 0, scalar(j - 1).properties.isWhitespace { j -= 1 }
        return j
    }
}
