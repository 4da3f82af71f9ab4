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

    enum CodingKeys: String, CodingKey {
        case sourceID = "source_id", sha256, title, outlet, author, published, url, text, titleGuessed = "title_guessed"
    }

    public init(sourceID: String, sha256: String?, title: String?, outlet: String?,
                author: String?, published: String?, url: String?, text: String?, titleGuessed: Bool = false) {
        self.sourceID = sourceID; self.sha256 = sha256; self.title = title; self.outlet = outlet
        self.author = author; self.published = published; self.url = url; self.text = text
        self.titleGuessed = titleGuessed ? 1 : nil
    }
}

/// The JSON payload of a `claim_recorded` entry: one quote or one claim.
public struct ClaimPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var sourceID: String
    public var kind: String            // a ClaimKind: "quote" or "claim" (as stored and hashed)
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
    public var speakerKind: String?

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id", sourceID = "source_id", kind, text, speaker, cue, via
        case claimType = "claim_type", score, start, end, prefix, suffix
        case sentenceStart = "sentence_start", sentenceEnd = "sentence_end", speakerKind = "speaker_kind"
    }

    public init(claimID: String, sourceID: String, kind: String, text: String,
                speaker: String? = nil, cue: String? = nil, via: String? = nil,
                claimType: String? = nil, score: Double? = nil, start: Int? = nil, end: Int? = nil,
                prefix: String? = nil, suffix: String? = nil,
                sentenceStart: Int? = nil, sentenceEnd: Int? = nil, speakerKind: String? = nil) {
        self.claimID = claimID; self.sourceID = sourceID; self.kind = kind; self.text = text
        self.speaker = speaker; self.cue = cue; self.via = via; self.claimType = claimType
        self.score = score; self.start = start; self.end = end; self.prefix = prefix
        self.suffix = suffix; self.sentenceStart = sentenceStart; self.sentenceEnd = sentenceEnd
        self.speakerKind = speakerKind
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
    public var status: String
    public var evidence: String
    public var note: String?
    public var reviewer: String
    /// A label of the rating scale (schema version 3 on).
    public var rating: String?
    /// The seq of the claim's decision this one replaced; absent for its first (schema version 3 on).
    public var replaces: Int?

    enum CodingKeys: String, CodingKey {
        case claimID = "claim_id", status, evidence, note, reviewer, rating, replaces
    }

    public init(claimID: String, status: String, evidence: String, note: String?, reviewer: String,
                rating: String? = nil, replaces: Int? = nil) {
        self.claimID = claimID; self.status = status; self.evidence = evidence; self.note = note; self.reviewer = reviewer
        self.rating = rating; self.replaces = replaces
    }
}

/// The JSON payload of a `note_added` entry.
public struct NotePayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var text: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey { case claimID = "claim_id", text, reviewer }

    public init(claimID: String, text: String, reviewer: String) {
        self.claimID = claimID; self.text = text; self.reviewer = reviewer
    }
}

/// The JSON payload of a `correction` entry: one field of a claim set anew.
public struct CorrectionPayload: Codable, Sendable, Equatable {
    public var claimID: String
    public var field: String
    public var value: String?
    public var reason: String
    public var reviewer: String

    enum CodingKeys: String, CodingKey { case claimID = "claim_id", field, value, reason, reviewer }

    public init(claimID: String, field: String, value: String?, reason: String, reviewer: String) {
        self.claimID = claimID; self.field = field; self.value = value; self.reason = reason; self.reviewer = reviewer
    }
}

/// A payload's JSON form: keys in byte order, nulls omitted (docs/LEDGER-FORMAT.md, "Payloads").
public protocol PayloadEncodable {
    /// Writes each field, keys in byte order.
    func write(to json: inout PayloadWriter)
}

/// The one JSON encoder of payloads: sorted keys, no whitespace, slashes unescaped, null keys omitted.
/// Its output is what the chain hashes; it must equal the output writer (`StableJSON` in Reports) on the same object byte for byte
/// (a unit test compares them on random payloads).
public enum PayloadJSON {
    public static func encode(_ value: some PayloadEncodable) -> String {
        var writer = PayloadWriter()
        value.write(to: &writer)
        return writer.finish()
    }
}

/// Writes one JSON object in a single pass into bytes: on the append path this replaced a generic
/// JSON value that was built, sorted and serialised per entry (about a tenth of a bulk ingest).
public struct PayloadWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    #if DEBUG
    private var lastKey: [UInt8] = []
    #endif

    init() { bytes.reserveCapacity(256) }

    private mutating func key(_ key: StaticString) {
        #if DEBUG
        let keyBytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        precondition(lastKey.isEmpty || lastKey.lexicographicallyPrecedes(keyBytes), "payload keys must be written in byte order")
        lastKey = keyBytes
        #endif
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        var text = value
        text.withUTF8 { appendString($0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    private mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var plainFrom = 0
        var i = 0
        let count = utf8.count
        while i < count {
            // Eight bytes at a time while none of them needs escaping (most text).
            if i + 8 <= count && !PayloadWriter.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { i += 1; continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<i]))
            i += 1
            plainFrom = i
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])               // \"
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])               // \\
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is below 0x20, a quote or a backslash (exact, no false negatives:
    /// the classic "has zero byte" and "has byte less than n" bit tricks).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: JSONNumber.text(value).utf8)
    }

    mutating func finish() -> String {
        close()
        return String(decoding: bytes, as: UTF8.self)
    }

    // For `audit`, which re-encodes rows read from SQLite: keys come from column names (already
    // in byte order in Schema/q_audit.sql), values as bytes in place.

    /// Starts a new object, keeping the buffer.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "{"))
    }

    /// `key` is `"name":`, already quoted.
    mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        appendString(text)
    }

    mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, integer: Int64) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        withDecimal(integer) { bytes.append(contentsOf: $0) }
    }

    mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, number: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: number.utf8)
    }

    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// Whether the object written is exactly these bytes.
    func matches(_ other: UnsafeBufferPointer<UInt8>) -> Bool { other.equals(bytes) }
}

extension SourcePayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("author", author); json.field("outlet", outlet); json.field("published", published)
        json.field("sha256", sha256); json.field("source_id", sourceID); json.field("text", text)
        json.field("title", title); json.field("title_guessed", titleGuessed); json.field("url", url)
    }
}

extension ClaimPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID); json.field("claim_type", claimType); json.field("cue", cue)
        json.field("end", end); json.field("kind", kind); json.field("prefix", prefix); json.field("score", score)
        json.field("sentence_end", sentenceEnd); json.field("sentence_start", sentenceStart)
        json.field("source_id", sourceID); json.field("speaker", speaker); json.field("speaker_kind", speakerKind)
        json.field("start", start); json.field("suffix", suffix); json.field("text", text); json.field("via", via)
    }
}

extension StatusPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID); json.field("evidence", evidence); json.field("note", note)
        json.field("rating", rating); json.field("replaces", replaces)
        json.field("reviewer", reviewer); json.field("status", status)
    }
}

extension NotePayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID); json.field("reviewer", reviewer); json.field("text", text)
    }
}

extension CorrectionPayload: PayloadEncodable {
    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID); json.field("field", field); json.field("reason", reason)
        json.field("reviewer", reviewer); json.field("value", value)
    }
}
