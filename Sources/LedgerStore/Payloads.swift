import Foundation

/// The JSON payload of a `source_recorded` entry.
public struct SourcePayload: Codable, Sendable, Equatable {
    public var sourceID: String
    public var sha256: String?
    public var title: String?
    public var outlet: String?
    public var author: String?
    public var published: String?
    public var url: String?
    public var text: String?
    /// 1 when the title was guessed from the text's first sentence (schema version 3 on); absent otherwise.
    public var titleGuessed: Int?
    /// Whether the title was guessed (the payload's `title_guessed` is 1).
    public var isTitleGuessed: Bool { titleGuessed == 1 }

    enum CodingKeys: String, CodingKey {
        case sourceID = "source_id"
        case sha256, title, outlet, author, published, url, text
        case titleGuessed = "title_guessed"
    }

    public init(
        sourceID: String, sha256: String?, title: String?, outlet: String?,
        author: String?, published: String?, url: String?, text: String?, titleGuessed: Bool = false
    ) {
        self.sourceID = sourceID
        self.sha256 = sha256
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.url = url
        self.text = text
        self.titleGuessed = titleGuessed ? 1 : nil
    }
}

/// The JSON payload of a `claim_recorded` entry: one quote or one claim.
public struct ClaimPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var sourceID: String
    /// Stored and hashed as its raw word, "quote" or "claim".
    public var kind: ClaimKind
    public var text: String
    public var speaker: String?
    public var cue: String?
    public var via: String?
    public var claimType: String?
    public var score: Double?
    public var start: Int?
    public var end: Int?
    public var prefix: String?
    public var suffix: String?
    public var sentenceStart: Int?
    public var sentenceEnd: Int?
    /// A `SpeakerKind` ("person" or "organisation") when extraction knew it; absent otherwise
    /// (and in every payload recorded before schema version 2).
    public var speakerKind: SpeakerKind?
    /// How sure extraction's speaker ranker was of `speaker` (0...1, three decimals); absent when no
    /// speaker was found or the rules alone chose it, and in every payload before schema version 7.
    public var speakerConfidence: Double?

    /// Whether the claim is a span of its source's text (found in an article), not a claim recorded
    /// on its own (an imported fact-check, one added by hand).
    public var isSpan: Bool { start != nil }

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id"
        case sourceID = "source_id"
        case kind, text, speaker, cue, via
        case claimType = "claim_type"
        case score, start, end, prefix, suffix
        case sentenceStart = "sentence_start"
        case sentenceEnd = "sentence_end"
        case speakerKind = "speaker_kind"
        case speakerConfidence = "speaker_confidence"
    }

    public init(
        claimID: String, sourceID: String, kind: ClaimKind, text: String,
        speaker: String? = nil, cue: String? = nil, via: String? = nil,
        claimType: String? = nil, score: Double? = nil, start: Int? = nil, end: Int? = nil,
        prefix: String? = nil, suffix: String? = nil,
        sentenceStart: Int? = nil, sentenceEnd: Int? = nil, speakerKind: SpeakerKind? = nil,
        speakerConfidence: Double? = nil
    ) {
        self.claimID = claimID
        self.sourceID = sourceID
        self.kind = kind
        self.text = text
        self.speaker = speaker
        self.cue = cue
        self.via = via
        self.claimType = claimType
        self.score = score
        self.start = start
        self.end = end
        self.prefix = prefix
        self.suffix = suffix
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.speakerKind = speakerKind
        self.speakerConfidence = speakerConfidence
    }
}

/// A claim's verification status.
/// `dismissed`: not check-worthy (opinion, mis-extraction); listings hide it unless asked.
public enum ClaimStatus: String, Codable, Sendable, CaseIterable {
    case unverified, verified, disputed, dismissed
}

/// The JSON payload of a `status_changed` entry.
public struct StatusPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var status: ClaimStatus
    public var evidence: String
    public var note: String?
    public var reviewer: String
    /// A label of the rating scale (schema version 3 on).
    public var rating: String?
    /// The seq of the claim's decision this one replaced; absent for its first (schema version 3 on).
    public var replaces: Int?
    /// The organisation whose published verdict this decision records (an import; version 9 on).
    public var publishedBy: String?

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id"
        case status, evidence, note, reviewer, rating, replaces
        case publishedBy = "published_by"
    }

    public init(
        claimID: String, status: ClaimStatus, evidence: String, note: String?, reviewer: String,
        rating: String? = nil, replaces: Int? = nil, publishedBy: String? = nil
    ) {
        self.claimID = claimID
        self.status = status
        self.evidence = evidence
        self.note = note
        self.reviewer = reviewer
        self.rating = rating
        self.replaces = replaces
        self.publishedBy = publishedBy
    }
}

/// The JSON payload of a `note_added` entry.
public struct NotePayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var text: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id"
        case text, reviewer
    }

    public init(claimID: String, text: String, reviewer: String) {
        self.claimID = claimID
        self.text = text
        self.reviewer = reviewer
    }
}

/// The JSON payload of a `correction` entry: one field of a claim set anew.
public struct CorrectionPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var field: CorrectionField
    public var value: String?
    public var reason: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id"
        case field, value, reason, reviewer
    }

    public init(claimID: String, field: CorrectionField, value: String?, reason: String, reviewer: String) {
        self.claimID = claimID
        self.field = field
        self.value = value
        self.reason = reason
        self.reviewer = reviewer
    }
}

extension SourcePayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("author", author)
        json.field("outlet", outlet)
        json.field("published", published)
        json.field("sha256", sha256)
        json.field("source_id", sourceID)
        json.field("text", text)
        json.field("title", title)
        json.field("title_guessed", titleGuessed)
        json.field("url", url)
    }
}

extension ClaimPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID)
        json.field("claim_type", claimType)
        json.field("cue", cue)
        json.field("end", end)
        json.field("kind", kind)
        json.field("prefix", prefix)
        json.field("score", score)
        json.field("sentence_end", sentenceEnd)
        json.field("sentence_start", sentenceStart)
        json.field("source_id", sourceID)
        json.field("speaker", speaker)
        json.field("speaker_confidence", speakerConfidence)
        json.field("speaker_kind", speakerKind)
        json.field("start", start)
        json.field("suffix", suffix)
        json.field("text", text)
        json.field("via", via)
    }
}

extension StatusPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID)
        json.field("evidence", evidence)
        json.field("note", note)
        json.field("published_by", publishedBy)
        json.field("rating", rating)
        json.field("replaces", replaces)
        json.field("reviewer", reviewer)
        json.field("status", status)
    }
}

extension NotePayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID)
        json.field("reviewer", reviewer)
        json.field("text", text)
    }
}

extension CorrectionPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID)
        json.field("field", field)
        json.field("reason", reason)
        json.field("reviewer", reviewer)
        json.field("value", value)
    }
}
