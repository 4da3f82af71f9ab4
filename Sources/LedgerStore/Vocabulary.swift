import LedgerSchema

/// What a claim is: a direct quote, or a factual claim in the article's own words.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    case quote, claim
}

/// Who a claim's speaker is, as extraction knew it (the stored `claim.speaker_kind`).
public enum SpeakerKind: String, Codable, Sendable, CaseIterable {
    case person, organisation
}

/// The fields of a claim a correction can set anew (the stored `correction.field`).
public enum CorrectionField: String, Codable, Sendable, CaseIterable {
    case speaker, cue, via, text
}

/// One event in a claim's history.
public struct HistoryEvent: Sendable, Equatable {
    /// What happened; the raw value is what `show --format json` prints as `event`.
    public enum Kind: String, Codable, Sendable {
        case recorded, status, note, correction, attribution
    }

    public var seq: Int64
    public var event: Kind
    public var status: String?      // the new status, the attribution verdict, or the corrected field
    public var detail: String?      // evidence, note text, or corrected value and reason
    public var note: String?        // the note that came with a status change
    public var reviewer: String?
    public var recordedAt: String
    public var hash: String
    /// The rating label a status change gave (schema version 3 on).
    public var rating: String? = nil
    /// The organisation whose published verdict an imported status change records (version 9 on).
    public var publishedBy: String? = nil

    /// Whom the entry is credited to: the reviewer, or for an imported verdict its publisher and
    /// who imported it ("Example Fact Check, imported by ann").
    public var credit: String? { Credit.text(reviewer: reviewer, publishedBy: publishedBy) }
}

/// How a decision is credited, in one wording for every front end.
public enum Credit {
    /// A publisher's name as a credit is stored: trimmed, at most 200 code points (as the schema
    /// checks), none when empty.
    public static func publisher(_ name: String?) -> String? {
        guard let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix(200)))
    }

    public static func text(reviewer: String?, publishedBy: String?) -> String? {
        guard let publishedBy else { return reviewer }
        return reviewer.map { "\(publishedBy), imported by \($0)" } ?? publishedBy
    }
}

/// The tables whose rows have short IDs (`c-…`, `s-…`).
enum IDTable {
    case claim, source

    var marker: String { self == .claim ? "c-" : "s-" }
    var withPrefix: LedgerQuery { self == .claim ? .claimIDsWithPrefix : .sourceIDsWithPrefix }
    var below: LedgerQuery { self == .claim ? .claimIDBelow : .sourceIDBelow }
    var above: LedgerQuery { self == .claim ? .claimIDAbove : .sourceIDAbove }
}
