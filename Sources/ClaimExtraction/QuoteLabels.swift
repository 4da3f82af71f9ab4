/// Speakers named by a label and a colon: before the quote (`Carl Bialik: "…"`) or opening it, as
/// a transcript labels its speakers (`"PENCE: Well, look, …`).
extension QuoteSite {
    /// `Carl Bialik: "…"`, `Pew Research: "…"`: a name and a colon right before the quote; or a
    /// transcript's speaker label opening it (`"PENCE: Well, look, …`).
    /// A party tag may stand between the name and the colon (`Rep. Trey Gowdy (R-S.C.): "…"`), and a
    /// role may open the line (`Former secretary of state Hillary Rodham Clinton: "…"`).
    func colonLabel() -> Attribution? {
        guard openTok >= 2, t[openTok - 1].text == ":" else { return transcriptLabel() }
        let nameEnd = partyTagStart(before: openTok - 1) ?? openTok - 1
        var start = nameEnd
        while start > sentenceTok, t[start - 1].isWord, t[start - 1].isCapitalised, nameEnd - start < 5 { start -= 1 }
        guard start < nameEnd, start == sentenceTok || !t[start - 1].isWord || opensWithRole(before: start),
            let run = SpeakerResolver.nameRun(t, from: start), run.range.upperBound == nameEnd, !run.possessive
        else { return nil }
        let phrase = Array(t[run.range])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: ":", via: nil)
    }

    /// Where `(R-S.C.)` starts when it ends right before `colon`.
    private func partyTagStart(before colon: Int) -> Int? {
        guard colon > 0, t[colon - 1].text == ")" else { return nil }
        var k = colon - 2
        while k > sentenceTok, colon - k < 10, t[k].text != "(" {
            if t[k].isWord && !t[k].isCapitalised { return nil }
            k -= 1
        }
        return t[k].text == "(" && k < colon - 2 ? k : nil
    }

    /// Whether the sentence's words before `start` are only a role (`Former secretary of state`,
    /// `Republican pollster`): capitalised words, role words and the connectors between them.
    private func opensWithRole(before start: Int) -> Bool {
        let words = t[sentenceTok..<start]
        guard words.count <= 6, words.allSatisfy(\.isWord), words.contains(where: RoleDescription.isRole) else {
            return false
        }
        // `secretary of state`: the word after a connector is the office's object.
        return words.indices.allSatisfy { k in
            t[k].isCapitalised || RoleDescription.isRole(t[k]) || RoleDescription.isConnector(t[k])
                || k > sentenceTok && RoleDescription.isConnector(t[k - 1])
        }
    }

    /// `"WALLACE: But, Governor Pence, …`: one to three words in capitals and a colon opening the
    /// quote are a transcript's label of its speaker (not a heading's word such as "UPDATE").
    func transcriptLabel() -> Attribution? {
        let first = openTok + 1  // after the opening mark
        var k = first
        while k < closeTok, k < t.count, k - first < 3, t[k].isWord, t[k].text.count > 1,
            t[k].text == t[k].text.uppercased(), t[k].text != t[k].lower
        { k += 1 }
        guard k > first, k < min(closeTok, t.count), t[k].text == ":",
            !t[first..<k].contains(where: { Self.notLabels.contains($0.lower) })
        else { return nil }
        let phrase = Array(t[first..<k])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: ":", via: nil)
    }

    /// Words in capitals before a colon that label a text, not a speaker.
    static let notLabels: Set<String> = [
        "update", "updated", "note", "editor's", "editor’s", "editors", "breaking", "correction", "watch", "read",
        "related", "photo", "photos", "video", "advertisement", "transcript", "source", "sources", "warning", "alert",
        "exclusive", "live", "opinion", "analysis", "more", "see", "also", "q", "a",
    ]
}
