/// Speakers named by a label and a colon: before the quote (`Carl Bialik: "…"`) or opening it, as
/// a transcript labels its speakers (`"PENCE: Well, look, …`).
extension QuoteSite {
    /// `Carl Bialik: "…"`, `Pew Research: "…"`: a name and a colon right before the quote; or a
    /// transcript's speaker label opening it (`"PENCE: Well, look, …`).
    func colonLabel() -> Attribution? {
        guard openTok >= 2, t[openTok - 1].text == ":" else { return transcriptLabel() }
        var start = openTok - 1
        while start > sentenceTok, t[start - 1].isWord, t[start - 1].isCapitalised, openTok - start < 6 { start -= 1 }
        guard start < openTok - 1, start == sentenceTok || !t[start - 1].isWord,
            let run = SpeakerResolver.nameRun(t, from: start), run.range.upperBound == openTok - 1, !run.possessive
        else { return nil }
        let phrase = Array(t[run.range])
        return Attribution(speakerPhrase: phrase, offset: phrase[0].start, cue: ":", via: nil)
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
