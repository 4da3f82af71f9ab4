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

    enum CodingKeys: String, CodingKey {
        case sourceID = "source_id", sha256, title, outlet, author, published, url, text
    }

    public init(sourceID: String, sha256: String?, title: String?, outlet: String?,
                author: String?, published: String?, url: String?, text: String?) {
        self.sourceID = sourceID; self.sha256 = sha256; self.title = title; self.outlet = outlet
        self.author = author; self.published = published; self.url = url; self.text = text
    }
}

/// The JSON payload of a `claim_recorded` entry: one quote or one claim.
public struct ClaimPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var sourceID: String
    public var kind: String            // "quote" or "claim"
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

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id", sourceID = "source_id", kind, text, speaker, cue, via
        case claimType = "claim_type", score, start, end, prefix, suffix
        case sentenceStart = "sentence_start", sentenceEnd = "sentence_end"
    }

    public init(claimID: String, sourceID: String, kind: String, text: String,
                speaker: String? = nil, cue: String? = nil, via: String? = nil,
                claimType: String? = nil, score: Double? = nil, start: Int? = nil, end: Int? = nil,
                prefix: String? = nil, suffix: String? = nil,
                sentenceStart: Int? = nil, sentenceEnd: Int? = nil) {
        self.claimID = claimID; self.sourceID = sourceID; self.kind = kind; self.text = text
        self.speaker = speaker; self.cue = cue; self.via = via; self.claimType = claimType
        self.score = score; self.start = start; self.end = end; self.prefix = prefix
        self.suffix = suffix; self.sentenceStart = sentenceStart; self.sentenceEnd = sentenceEnd
    }
}

/// A claim's verification status.
public enum ClaimStatus: String, Codable, Sendable, CaseIterable {
    case unverified, verified, disputed
}

/// The JSON payload of a `status_changed` entry.
public struct StatusPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var status: String
    public var evidence: String
    public var note: String?
    public var reviewer: String

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id", status, evidence, note, reviewer
    }
}

/// The JSON payload of a `note_added` entry.
public struct NotePayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var text: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey { case claimID = "claim_id", text, reviewer }
}

/// The JSON payload of a `correction` entry: one field of a claim set anew.
public struct CorrectionPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var field: String
    public var value: String?
    public var reason: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey { case claimID = "claim_id", field, value, reason, reviewer }
}

/// A payload's JSON form: keys sorted, nulls omitted (docs/LEDGER-FORMAT.md, "Payloads").
protocol PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] { get }
}

/// The one JSON encoder of payloads: sorted keys, no whitespace, slashes unescaped, null keys omitted.
enum PayloadJSON {
    static func encode(_ value: some PayloadEncodable) throws -> String {
        StableJSON.string(.object(value.jsonPairs.filter { $0.1 != .null }))
    }
}

extension SourcePayload: PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] {
        [("source_id", .string(sourceID)), ("sha256", .from(sha256)), ("title", .from(title)), ("outlet", .from(outlet)),
         ("author", .from(author)), ("published", .from(published)), ("url", .from(url)), ("text", .from(text))]
    }
}

extension ClaimPayload: PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] {
        [("claim_id", .string(claimID)), ("source_id", .string(sourceID)), ("kind", .string(kind)), ("text", .string(text)),
         ("speaker", .from(speaker)), ("cue", .from(cue)), ("via", .from(via)), ("claim_type", .from(claimType)),
         ("score", .from(score)), ("start", .from(start)), ("end", .from(end)), ("prefix", .from(prefix)),
         ("suffix", .from(suffix)), ("sentence_start", .from(sentenceStart)), ("sentence_end", .from(sentenceEnd))]
    }
}

extension StatusPayload: PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] {
        [("claim_id", .string(claimID)), ("status", .string(status)), ("evidence", .string(evidence)),
         ("note", .from(note)), ("reviewer", .string(reviewer))]
    }
}

extension NotePayload: PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] {
        [("claim_id", .string(claimID)), ("text", .string(text)), ("reviewer", .string(reviewer))]
    }
}

extension CorrectionPayload: PayloadEncodable {
    var jsonPairs: [(String, JSONValue)] {
        [("claim_id", .string(claimID)), ("field", .string(field)), ("value", .from(value)),
         ("reason", .string(reason)), ("reviewer", .string(reviewer))]
    }
}
