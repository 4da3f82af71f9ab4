/// How the rules found a quote's speaker: the search in `QuoteSite` that gave it, or inheritance
/// from a neighbouring quote. A feature of the speaker ranker.
enum AttributionRoute: Int, Sendable, CaseIterable {
    case none, after, dash, before, sentenceEnd, colon, subject, nearestClause, previousSentence, previousParagraph,
        inherited
}

/// What the rules said of one quote, before the ranker chooses among the entities around it.
struct RuleAttribution {
    var speaker: String?
    var route: AttributionRoute
    /// The speaker phrase in the article's words (empty when inherited or not found).
    var phrase: [Token]
    /// Who the speaker told it to (`he told Rubio`): never the speaker.
    var listener: String? = nil
}

/// One entity who may have said a quote, with the features the ranker reads.
public struct SpeakerCandidate: Sendable, Equatable {
    public var name: String
    /// In the order of `SpeakerFeature.allCases`.
    public var features: [Double]
}

/// The quotes of an article with the candidates the ranker chose among (for training and tests).
public struct RankedQuote: Sendable, Equatable {
    public var quote: ExtractedQuote
    public var candidates: [SpeakerCandidate]
}

/// The features of a speaker candidate, in the order the model reads them.
public enum SpeakerFeature: Int, CaseIterable, Sendable {
    case ruleChoice, route, phraseKind, genderAgreement, previousSpeaker, previousQuoteGap
    case mentionsTotal, mentionsBefore, subjectBefore, objectBefore, after, sameSentenceBefore, sameSentenceAfter
    case blocksBack, recencyRank, isOrganisation, nameWords, candidateCount, quoteStartsBlock, quoteOnlyBlock, isEntity
    case cueBefore, cueAfter, nameShape

    public var name: String { String(describing: self) }
}

/// Where one quote stands, and what came before it, for its candidates' features.
struct QuoteContext {
    var span: QuoteSpan
    var rule: RuleAttribution
    /// The speaker the rules gave the quote before this one, and how many blocks back it stands.
    var previousSpeaker: String?
    var previousGap: Int
    /// The entities the rules' speaker and the previous speaker name ("The Democratic National
    /// Committee" is the entity "Democratic National Committee"), set by `SpeakerCandidateFinder`.
    var rulePerson: Int? = nil, previousPerson: Int? = nil
}

/// The nearest mentions of one entity around a quote.
struct MentionEvidence {
    var subjectBefore: Int?, objectBefore: Int?, after: Int?
    var sameSentenceBefore = false, sameSentenceAfter = false
    var blocksBack: Int?
    var rank: Int?
    /// Whether the nearest mention before (after) the quote is a speech verb's subject or object ("X said", "said X").
    var cueBefore = false, cueAfter = false
}
