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
