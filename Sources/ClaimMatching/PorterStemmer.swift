/// Porter's stemmer (1980, with his later "bli"/"logi" rules), as SQLite's FTS5 `porter` tokenizer
/// applies it: the ledger's search index stores these stems, so the library computes the same ones
/// to look up how common a word is (an oracle test compares both on thousands of real words).
/// Words shorter than three letters, longer than 64 or holding anything but a–z are left as they are.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.count <= 64, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Word(bytes)
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        return String(decoding: w.b, as: UTF8.self)
    }
}

private struct Word {
    var b: [UInt8]
    init(_ b: [UInt8]) { self.b = b }

    func isConsonant(_ i: Int) -> Bool {
        switch b[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
        case 0x79: return i == 0 ? true : !isConsonant(i - 1)  // y after a consonant is a vowel
        default: return true
        }
    }

    /// m: the number of vowel-consonant sequences in the first `length` letters.
    func measure(_ length: Int) -> Int {
        var m = 0
        var i = 0
        while i < length && isConsonant(i) { i += 1 }
        while i < length {
            while i < length && !isConsonant(i) { i += 1 }
            guard i < length else { break }
            while i < length && isConsonant(i) { i += 1 }
            m += 1
        }
        return m
    }

    func hasVowel(_ length: Int) -> Bool { (0..<length).contains { !isConsonant($0) } }

    func endsDouble(_ length: Int) -> Bool {
        length >= 2 && b[length - 1] == b[length - 2] && isConsonant(length - 1)
    }

    /// *o: consonant-vowel-consonant at the end, the last not w, x or y.
    func endsCVC(_ length: Int) -> Bool {
        guard length >= 3, isConsonant(length - 3), !isConsonant(length - 2), isConsonant(length - 1) else {
            return false
        }
        return ![0x77, 0x78, 0x79].contains(b[length - 1])
    }

    func ends(_ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return b.count >= s.count && Array(b[(b.count - s.count)...]) == s
    }

    /// Replaces `suffix` by `replacement` when the stem before it satisfies `condition`.
    /// Returns whether the suffix was there (replaced or not), so a rule list stops at the first.
    @discardableResult
    mutating func rule(_ suffix: String, _ replacement: String, _ condition: (Word, Int) -> Bool) -> Bool {
        guard ends(suffix) else { return false }
        let stemLength = b.count - suffix.utf8.count
        if condition(self, stemLength) {
            b.removeLast(suffix.utf8.count)
            b.append(contentsOf: replacement.utf8)
        }
        return true
    }

    mutating func rules(_ list: [(String, String)], minimumMeasure: Int) {
        for (suffix, replacement) in list {
            if rule(suffix, replacement, { $0.measure($1) > minimumMeasure - 1 }) { return }
        }
    }

    mutating func step1a() {
        if rule("sses", "ss", { _, _ in true }) { return }
        if rule("ies", "i", { _, _ in true }) { return }
        if ends("ss") { return }
        rule("s", "", { _, _ in true })
    }

    mutating func step1b() {
        if ends("eed") {
            rule("eed", "ee", { $0.measure($1) > 0 })
            return
        }
        var removed = false
        for suffix in ["ed", "ing"] where ends(suffix) {
            let stemLength = b.count - suffix.utf8.count
            if hasVowel(stemLength) {
                b.removeLast(suffix.utf8.count)
                removed = true
            }
            break
        }
        guard removed else { return }
        if rule("at", "ate", { _, _ in true }) || rule("bl", "ble", { _, _ in true })
            || rule("iz", "ize", { _, _ in true })
        {
            return
        }
        if endsDouble(b.count) && ![0x6C, 0x73, 0x7A].contains(b[b.count - 1]) {
            b.removeLast()
        } else if measure(b.count) == 1 && endsCVC(b.count) {
            b.append(0x65)
        }
    }

    mutating func step1c() {
        rule("y", "i", { $0.hasVowel($1) })
    }

    mutating func step2() {
        rules(
            [
                ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
                ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
                ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
                ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
                ("logi", "log"),
            ], minimumMeasure: 1)
    }

    mutating func step3() {
        rules(
            [
                ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
                ("ful", ""), ("ness", ""),
            ], minimumMeasure: 1)
    }

    mutating func step4() {
        for suffix in [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
            "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ] where ends(suffix) {
            let stemLength = b.count - suffix.utf8.count
            if suffix == "ion" && !(stemLength > 0 && (b[stemLength - 1] == 0x73 || b[stemLength - 1] == 0x74)) {
                return
            }
            if measure(stemLength) > 1 { b.removeLast(suffix.utf8.count) }
            return
        }
    }

    mutating func step5() {
        if ends("e") {
            let stemLength = b.count - 1
            let m = measure(stemLength)
            if m > 1 || (m == 1 && !endsCVC(stemLength)) { b.removeLast() }
        }
        if measure(b.count) > 1 && endsDouble(b.count) && b[b.count - 1] == 0x6C { b.removeLast() }
    }
}
