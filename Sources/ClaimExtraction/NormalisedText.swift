import Foundation

/// The text extraction reads (issue 11, item 7): composed (NFC), with invisible format characters
/// (zero-width space and joiners, soft hyphen, BOM, bidi controls: Unicode's default-ignorable code
/// points) left out, so "José" typed as "Jose" + U+0301, or "Mar\u{AD}tínez", names the same person.
/// Every position in the view maps back to the original text, where offsets are recorded.
struct NormalisedText {
    /// The view: what every rule of extraction looks at.
    let scalars: [Unicode.Scalar]
    /// True when the view is the original text itself (the common case): offsets need no mapping.
    let isIdentity: Bool
    /// For each view scalar, the original offsets of the character it came from (end exclusive).
    private let from: [Int]
    private let to: [Int]
    private let originalCount: Int

    init(_ original: [Unicode.Scalar]) {
        originalCount = original.count
        if original.allSatisfy(NormalisedText.isPlain) {
            scalars = original
            isIdentity = true
            from = []
            to = []
            return
        }
        var kept: [Unicode.Scalar] = []
        var keptAt: [Int] = []
        kept.reserveCapacity(original.count)
        keptAt.reserveCapacity(original.count)
        for (k, c) in original.enumerated() where c.isASCII || !c.properties.isDefaultIgnorableCodePoint {
            kept.append(c)
            keptAt.append(k)
        }
        (scalars, from, to) = NormalisedText.compose(kept, at: keptAt)
        isIdentity = scalars == original
    }

    /// NFC of the visible scalars, each output scalar with the original range of its character.
    private static func compose(_ kept: [Unicode.Scalar], at keptAt: [Int]) -> ([Unicode.Scalar], [Int], [Int]) {
        var out = Composition(capacity: kept.count)
        var i = 0
        while i < kept.count {
            // A plain scalar that no combining mark follows stands for itself; anything else is
            // composed with the plain scalar before it, one character at a time.
            guard !isPlain(kept[i]) || i + 1 < kept.count && !isPlain(kept[i + 1]) else {
                out.append(kept[i], from: keptAt[i], to: keptAt[i] + 1)
                i += 1
                continue
            }
            var j = i + 1
            while j < kept.count && !isPlain(kept[j]) { j += 1 }
            out.compose(kept[i..<j], at: keptAt)
            i = j
        }
        return (out.view, out.from, out.to)
    }

    /// The composed scalars so far, each with the original range of its character.
    private struct Composition {
        var view: [Unicode.Scalar] = []
        var from: [Int] = []
        var to: [Int] = []
        var cache: [[UInt32]: [Unicode.Scalar]] = [:]  // a text uses few distinct characters

        init(capacity: Int) {
            view.reserveCapacity(capacity)
            from.reserveCapacity(capacity)
            to.reserveCapacity(capacity)
        }

        mutating func append(_ c: Unicode.Scalar, from lo: Int, to hi: Int) {
            view.append(c)
            from.append(lo)
            to.append(hi)
        }

        /// Appends the NFC of a run; composition never crosses a grapheme boundary, so each
        /// character is composed on its own.
        mutating func compose(_ run: ArraySlice<Unicode.Scalar>, at keptAt: [Int]) {
            var k = run.startIndex
            for character in String(String.UnicodeScalarView(run)) {
                let n = character.unicodeScalars.count
                let lo = keptAt[k]
                let hi = keptAt[k + n - 1] + 1
                let key = character.unicodeScalars.map(\.value)
                let composed =
                    cache[key] ?? Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars)
                cache[key] = composed
                for c in composed { append(c, from: lo, to: hi) }
                k += n
            }
        }
    }

    /// The original range of a view range: from the first character it touches to the end of the last.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        if isIdentity { return range }
        let lo = range.lowerBound < from.count ? from[range.lowerBound] : originalCount
        let hi = range.upperBound > range.lowerBound ? to[range.upperBound - 1] : lo
        return lo..<max(lo, hi)
    }

    /// NFC with the invisible characters left out, for text that is compared with the view (an outlet).
    static func normalise(_ text: String) -> String {
        let view = NormalisedText(Array(text.unicodeScalars))
        return view.isIdentity ? text : String(String.UnicodeScalarView(view.scalars))
    }

    /// Latin letters before the combining marks (U+0300), and the dashes and quotation marks of
    /// General Punctuation: composed and visible whatever their neighbours (most articles are only these).
    @inline(__always) private static func isPlain(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v < 0x300 ? v != 0xAD : (0x2010...0x2029).contains(v) || (0x202F...0x205F).contains(v)
    }
}
