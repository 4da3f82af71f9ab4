/// Relays: whoever passed a quote on to the article ("told The Associated Press", "according to
/// Reuters", "per Feng", "writes the Associated Press", "Wee of The New York Times reports").
///
/// A relay is kept as the quote's `via`, never as its speaker, when the words have a speaker of
/// their own; the article's own outlet is never a relay.
enum Relays {
    /// Words that make a name a news outlet ("The Associated Press", "Fox News", "the Post").
    static let outletWords: Set<String> = [
        "times", "post", "press", "news", "journal", "herald", "tribune", "gazette", "telegraph", "guardian",
        "chronicle", "magazine", "radio", "television", "tv", "agency", "wire", "daily", "observer", "examiner",
        "reuters", "bloomberg", "ap", "afp", "cnn", "npr", "bbc", "politico", "axios", "msnbc", "cnbc", "abc",
        "cbs", "nbc", "pbs", "xinhua", "tass", "interfax", "meduza", "yonhap", "kyodo", "dpa", "efe", "ansa",
        "breitbart", "buzzfeed", "vox", "slate", "atlantic", "newsweek", "economist", "hill", "politifact",
        "factcheck.org", "snopes", "vnexpress", "dan", "izvestia", "kommersant", "vedomosti", "spiegel", "monde",
        "today", "insider", "network", "broadcasting", "podcast",
    ]
    /// Outlet words that alone name no outlet.
    static let genericMedia: Set<String> = [
        "tv", "television", "radio", "network", "podcast", "agency", "wire", "magazine", "press", "daily",
    ]
    /// Nouns of a statement given to an outlet: "in an interview with CNN", "in a statement to Reuters".
    static let statementNouns: Set<String> = [
        "interview", "interviews", "statement", "comments", "remarks", "email", "call",
    ]
    /// Verbs and nouns of being on air or in print: "said on CNN's …", "appeared on Fox News".
    static let appearances: Set<String> = ["said", "says", "appeared", "appearing", "appearance", "speaking", "spoke"]
    /// Every word `trailing` starts an outlet's phrase at (a token's `.relayWord` feature: most words are none).
    static let relayWords: Set<String> = statementNouns.union(appearances).union(Lexicon.relayVerbs).union([
        "according", "per", "by", "told", "tells", "telling",
    ])

    /// A news outlet's name, or a reporter named with one ("Wee of The New York Times", "CNN's Wolf Blitzer").
    static func isOutlet(_ phrase: [Token]) -> Bool { outlet(in: phrase) != nil }

    /// The outlet a phrase names: the whole phrase ("The Associated Press", "USA Today", "WMUR"), the
    /// outlet a reporter works for ("Wee of The New York Times" → The New York Times), or the owner of
    /// a programme or reporter ("CNN's Wolf Blitzer", "CBS's Face the Nation" → CNN, CBS).
    static func outlet(in phrase: [Token]) -> [Token]? {
        guard let first = phrase.first, first.isCapitalised || first.lower == "the" else { return nil }
        // "said to the TV", "told the network": a medium, not an outlet's name.
        let named = phrase.filter { $0.lower != "the" }
        if named.count == 1, genericMedia.contains(named[0].lower) { return nil }
        if let of = phrase.firstIndex(where: { $0.lower == "of" }), of > 0 {
            return outlet(in: Array(phrase[(of + 1)...]))
        }
        if let owner = phrase.firstIndex(where: { possessor($0) != nil }), let name = possessor(phrase[owner]),
            name.isCapitalised && (outletWords.contains(name.lower) || isCallSign(name))
        {
            return Array(phrase[..<owner]) + [name]
        }
        guard phrase.contains(where: { $0.isCapitalised && (outletWords.contains($0.lower) || isCallSign($0)) }),
            let last = phrase.lastIndex(where: \.isCapitalised)
        else { return nil }
        return Array(phrase[...last])  // "Fox News this week": the name ends at its last capital
    }

    /// A North American broadcaster's call sign: K or W and three more capitals ("WMUR", "KQED").
    static func isCallSign(_ t: Token) -> Bool {
        let u = Array(t.text.unicodeScalars)
        return u.count == 4 && (u[0] == "K" || u[0] == "W") && u.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// "CNN's" → "CNN": the name before a possessive ending, as a token of its own.
    static func possessor(_ t: Token) -> Token? {
        let name = SpeakerResolver.stripPossessive(t.text)
        // Only the "'s" ending: a plural possessive ("Reuters'") is left as it is.
        guard !name.isEmpty, name.unicodeScalars.count == t.text.unicodeScalars.count - 2 else { return nil }
        return Token(kind: .word, start: t.start, end: t.end - 2, text: name, lower: name.lowercased())
    }

    /// Whether an attribution names a relay rather than the speaker: an outlet with a reporting verb,
    /// or "according to" / "per" anything.
    static func isRelay(_ attribution: Attribution) -> Bool {
        if ["according to", "per"].contains(attribution.cue) { return true }
        return Lexicon.relayVerbs.contains(attribution.cue) && isOutlet(attribution.speakerPhrase)
    }

    /// A relay named after a quote's own attribution, in `t[from..<to]`: ", according to Reuters",
    /// ", per Feng", "told The Associated Press", "in an interview with CNN", "as reported by the Post".
    static func trailing(_ t: [Token], from: Int, to: Int) -> [Token]? {
        var i = from
        while i < to, t[i].text != ".", !t[i].isQuoteMark {
            defer { i += 1 }
            guard t[i].isWord, t[i].features.contains(.relayWord) else { continue }
            let w = t[i].lower
            func next(_ k: Int) -> String? { i + k < to && t[i + k].isWord ? t[i + k].lower : nil }
            var object: [Token] = []
            var mustBeOutlet = true
            if w == "according", next(1) == "to" {
                object = Attributor.object(t, from: i + 2, ceiling: to)
                mustBeOutlet = false
            } else if w == "per", i > 0, t[i - 1].text == ",", i + 1 < to, t[i + 1].isCapitalised {
                object = Attributor.object(t, from: i + 1, ceiling: to)
                mustBeOutlet = false
            } else if w == "by", i > 0, ["reported", "published", "quoted", "cited"].contains(t[i - 1].lower) {
                object = Attributor.object(t, from: i + 1, ceiling: to)
                mustBeOutlet = false
            } else if ["told", "tells", "telling"].contains(w) || Lexicon.relayVerbs.contains(w) {
                object = Attributor.object(t, from: i + 1, ceiling: to)
            } else if statementNouns.contains(w) || appearances.contains(w), let p = next(1),
                ["with", "to", "on"].contains(p)
            {
                // "in an interview with CNN", "said on CNN's State of the Union", "appeared on WMUR".
                object = Attributor.object(t, from: i + 2, ceiling: to)
            }
            if mustBeOutlet, let last = object.last, let of = (i + 1..<to).first(where: { t[$0].start >= last.end }),
                t[of].lower == "of"
            {
                // "told Bill O'Reilly of Fox News": the outlet is named after its presenter.
                object += [t[of]] + Attributor.object(t, from: of + 1, ceiling: to)
            }
            // "according to a statement", "according to court documents": where it came from, not
            // who passed it on; a relay has a name.
            if !object.isEmpty, mustBeOutlet ? isOutlet(object) : object.contains(where: \.isCapitalised) {
                return object
            }
        }
        return nil
    }

    /// Whether `name` is the article's own outlet ("The New York Times" for outlet "nytimes" or
    /// "New York Times"): its own reporting is not a relay.
    static func isOwnOutlet(_ name: String, outlet: String?) -> Bool {
        guard let outlet else { return false }
        func words(_ s: String) -> [String] {
            let w = s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            return w.first == "the" ? Array(w.dropFirst()) : w
        }
        let a = words(name)
        let b = words(outlet)
        guard !a.isEmpty, !b.isEmpty else { return false }
        // "Breitbart News" for outlet "breitbart", "New York Times" for "nytimes".
        let initials = String(a.dropLast().compactMap(\.first)) + (a.last ?? "")
        return a.starts(with: b) || b.starts(with: a) || a.joined() == b.joined() || initials == b.joined()
    }

}
