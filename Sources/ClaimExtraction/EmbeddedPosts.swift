/// A social-media post embedded in an article, signed on the line after it:
/// "Yes this is real …" then "— Dianna E. Anderson (@diannaeanderson) November 18, 2019".
extension Layout {
    static let signatureDashes: Set<String> = ["\u{2014}", "\u{2013}", "-", "\u{2015}"]

    /// Who signed the post that block `index` belongs to: the name on the next block's signature line,
    /// as an attribution with the cue "posted" (nil when no signature follows).
    func postSignature(after index: Int) -> Attribution? {
        let next = index + 1
        guard next < blocks.count, next < tailStart else { return nil }
        let t = tokens[next]
        guard t.count >= 4, t.count <= 40, Layout.signatureDashes.contains(t[0].text) else { return nil }
        var name: [Token] = []
        var k = 1
        while k < t.count, t[k].isWord, t[k].isCapitalised, name.count < 5 {
            name.append(t[k])
            k += 1
        }
        // Emoji and other symbols may sit between the name and the handle.
        while k < t.count, !t[k].isWord, t[k].text != "(" { k += 1 }
        guard !name.isEmpty, k + 1 < t.count, t[k].text == "(", t[k + 1].text.hasPrefix("@") || t[k + 1].text == "@"
        else { return nil }
        return Attribution(speakerPhrase: name, offset: name[0].start, cue: "posted", via: nil)
    }
}

/// A quotation signed by a dash and a name: `"…" ― Esther Tapia`, or `- Sanders.` on the line under it.
extension Layout {
    /// The name a dash at `dash` signs with: a name run right after it, closed by the line's end, a
    /// period, a comma (`, Feb. 4 debate`), a parenthesis or another dash.
    static func signature(_ t: [Token], dash: Int) -> Attribution? {
        guard dash + 1 < t.count, signatureDashes.contains(t[dash].text),
            let run = SpeakerResolver.nameRun(t, from: dash + 1), !run.possessive
        else { return nil }
        let end = run.range.upperBound
        guard
            end == t.count || [".", ",", "(", "\u{2015}", "\u{2014}"].contains(t[end].text)
                || t[end].isWord && t[end].text.unicodeScalars.first.map(Chars.anyQuote.contains) == true
        else { return nil }
        let phrase = Array(t[run.range])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: "\u{2014}", via: nil)
    }

    /// Whether the sentence of `tokens` starting at `start` is such a signature right after a
    /// quotation's closing mark (on its line or the line under it): it signs, it claims nothing.
    static func signsQuotation(_ s: [Unicode.Scalar], _ tokens: [Token], at start: Int) -> Bool {
        guard signature(tokens, dash: 0) != nil else { return false }
        var i = start - 1
        while i >= 0, Chars.isSpace(s[i]) { i -= 1 }
        return i >= 0 && Chars.anyQuote.contains(s[i])
    }
}
