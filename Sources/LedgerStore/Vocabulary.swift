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

/// One event in a claim's (or a source's) history: what changed, who made the entry and when.
public struct HistoryEvent: Sendable, Equatable {
    /// What the entry changed.
    public enum Change: Sendable, Equatable {
        /// The claim or source was recorded.
        case recorded
        /// A decision: its status, evidence (for a dismissal or a reopening, the reason), note and rating.
        case decision(Verdict)
        /// A note's text.
        case note(String)
        /// A claim's field set anew (nil: "not known"), and why.
        case correction(field: CorrectionField, value: String?, reason: String)
        /// A source's field set anew (nil: "not known"), and why.
        case sourceCorrection(field: SourceField, value: String?, reason: String)
        /// A quote checked for whether it was said as quoted: the verdict, its evidence and note.
        case attribution(verdict: AttributionVerdict, evidence: String, note: String?)
        /// The claim given to a reviewer, or to nobody (nil).
        case assignment(to: String?)
    }

    /// What kind of event it is; the raw value is what `show --format json` prints as `event`.
    public enum Kind: String, Codable, Sendable {
        case recorded, status, note, correction, attribution, assignment
    }

    public var seq: Int64
    public var change: Change
    public var reviewer: String?
    public var recordedAt: String
    public var hash: String
    /// The organisation whose published verdict or attribution check an import recorded (version 9 on).
    public var publishedBy: String? = nil

    public init(
        seq: Int64, change: Change, reviewer: String?, recordedAt: String, hash: String, publishedBy: String? = nil
    ) {
        self.seq = seq
        self.change = change
        self.reviewer = reviewer
        self.recordedAt = recordedAt
        self.hash = hash
        self.publishedBy = publishedBy
    }

    public var event: Kind {
        switch change {
        case .recorded: return .recorded
        case .decision: return .status
        case .note: return .note
        case .correction, .sourceCorrection: return .correction
        case .attribution: return .attribution
        case .assignment: return .assignment
        }
    }

    /// The decision, for a status change.
    public var verdict: Verdict? {
        if case .decision(let verdict) = change { return verdict }
        return nil
    }

    /// The verdict, for an attribution check.
    public var attributionVerdict: AttributionVerdict? {
        if case .attribution(let verdict, _, _) = change { return verdict }
        return nil
    }

    /// The evidence of a decision (of a dismissal or a reopening: its reason) or of an attribution check.
    public var evidence: String? {
        switch change {
        case .decision(let verdict): return verdict.grounds
        case .attribution(_, let evidence, _): return evidence
        default: return nil
        }
    }

    /// The note a decision or an attribution check came with.
    public var note: String? {
        switch change {
        case .decision(let verdict): return verdict.note
        case .attribution(_, _, let note): return note
        default: return nil
        }
    }

    /// A note's text.
    public var noteText: String? {
        if case .note(let text) = change { return text }
        return nil
    }

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
