/// A direct quote found in an article.
public struct ExtractedQuote: Sendable, Equatable {
    public var text: String
    public var speaker: String?
    public var cue: String?
    public var via: String?
    /// Code point offsets of `text` in the body (end exclusive).
    public var start: Int
    public var end: Int
    /// The sentence (or sentences) the quote stands in.
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// Whether the speaker is an organisation (true) or a person (false), when the article shows it.
    public var speakerIsOrganisation: Bool? = nil
    /// How likely the trained ranker finds it that `speaker` said it (0...1); nil when no speaker was
    /// found or the rules alone chose (`--speakers rules`).
    public var speakerConfidence: Double? = nil
}

/// A check-worthy factual claim found in an article.
public struct ExtractedClaim: Sendable, Equatable {
    public var text: String
    public var claimType: ClaimType
    public var speaker: String?
    public var cue: String?
    /// Check-worthiness in 0...1: how much a fact-checker would want to check it first.
    public var score: Double
    public var start: Int
    public var end: Int
    /// Whether the speaker is an organisation (true) or a person (false), when the article shows it.
    public var speakerIsOrganisation: Bool? = nil
}

/// What a claim asserts.
public enum ClaimType: String, Sendable, CaseIterable {
    case statistic, date, count, ranking, attributed, other
}

/// Everything found in one article.
public struct Extraction: Sendable, Equatable {
    public var quotes: [ExtractedQuote]
    public var claims: [ExtractedClaim]
    /// The navigation tail at the article's end ("Other news" and a list of links), not searched.
    public var skippedTail: SkippedTail? = nil
}

/// The lines at an article's end that were taken for navigation and not searched for claims.
public struct SkippedTail: Sendable, Equatable {
    /// Its first line ("Other news").
    public var heading: String
    /// How many lines (blocks) it has, the heading included.
    public var lines: Int
}

extension Extraction {
    /// The same finds with offsets and texts in the original text the view was made from.
    func mapped(to original: [Unicode.Scalar], by view: NormalisedText) -> Extraction {
        var result = self
        for k in result.quotes.indices {
            var q = result.quotes[k]
            let span = view.originalRange(q.start..<q.end)
            let sentence = view.originalRange(q.sentenceStart..<q.sentenceEnd)
            q.start = span.lowerBound
            q.end = span.upperBound
            q.text = makeString(original, span)
            q.sentenceStart = sentence.lowerBound
            q.sentenceEnd = sentence.upperBound
            result.quotes[k] = q
        }
        for k in result.claims.indices {
            let span = view.originalRange(result.claims[k].start..<result.claims[k].end)
            result.claims[k].start = span.lowerBound
            result.claims[k].end = span.upperBound
            result.claims[k].text = makeString(original, span)
        }
        return result
    }
}

/// Text around a span, for the W3C TextQuoteSelector (up to 32 code points each side).
public func contextAround(_ body: [Unicode.Scalar], start: Int, end: Int, width: Int = 32) -> (
    prefix: String, suffix: String
) {
    let lo = max(0, start - width)
    let hi = min(body.count, end + width)
    return (makeString(body, lo..<start), makeString(body, end..<hi))
}
