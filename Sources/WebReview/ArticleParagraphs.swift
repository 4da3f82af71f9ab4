/// Where an article's text breaks into paragraphs for the desk: at each run of line breaks that no
/// quote's or claim's span crosses (a span is never cut in two), leaving out the breaks themselves
/// and paragraphs of nothing but white space in which no span starts.
enum ArticleParagraphs {
    static func ranges(_ scalars: [Unicode.Scalar], spans: [Range<Int>]) -> [Range<Int>] {
        var covered = [Bool](repeating: false, count: scalars.count)
        var starts = Set<Int>()
        for span in spans {
            starts.insert(span.lowerBound)
            for i in span.clamped(to: 0..<scalars.count) { covered[i] = true }
        }
        var out: [Range<Int>] = []
        func add(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if range.allSatisfy({ scalars[$0].properties.isWhitespace }), !range.contains(where: starts.contains) {
                return
            }
            out.append(range)
        }
        var start = 0
        var i = 0
        while i < scalars.count {
            guard isBreak(scalars[i]), !covered[i] else {
                i += 1
                continue
            }
            add(start..<i)
            while i < scalars.count, isBreak(scalars[i]), !covered[i] { i += 1 }
            start = i
        }
        add(start..<scalars.count)
        return out
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
    }
}
