/// Suffix tests on a word's UTF-8 bytes.
///
/// `String.hasSuffix` compares characters (grapheme clusters), which costs a walk backwards
/// through Unicode's rules; the extractor asks it of most words (possessives, abbreviations'
/// periods, contractions). Every suffix asked here begins with a character that combines with
/// nothing before it (an apostrophe, a period, a letter after one), and the text is NFC, so the
/// bytes give the same answer.
extension String {
    @inline(__always)
    func endsWithBytes(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let bytes = utf8
        guard bytes.count >= n else { return false }
        var i = bytes.index(bytes.endIndex, offsetBy: -n)
        let tail = suffix.utf8Start
        for k in 0..<n {
            if bytes[i] != tail[k] { return false }
            bytes.formIndex(after: &i)
        }
        return true
    }

    /// The word without its last `count` bytes (a suffix `endsWithBytes` found).
    @inline(__always)
    func droppingBytes(_ count: Int) -> String {
        let bytes = utf8
        return String(Substring(bytes[..<bytes.index(bytes.endIndex, offsetBy: -count)]))
    }
}
