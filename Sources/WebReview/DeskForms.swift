import Foundation
import LedgerStore

/// The desk's forms, one type each: the fields a form sends, as the HTTP server decodes its body
/// (Hummingbird's `URLEncodedFormDecoder`); a field not sent is nil, one sent twice makes the form
/// unreadable (400, nothing recorded). Buttons and hidden fields are read as sent; what a reviewer
/// typed is read with `entered` (trimmed, nil when nothing is left).
public protocol DeskForm: Decodable, Sendable {}

extension DeskForm {
    static func entered(_ value: String?) -> String? { WebRequest.entered(value) }
}

/// A form field named as the page names it, for forms whose fields are known only when read.
public struct FieldName: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// The decision form of a claim's panel; `expect` is the status the reviewer saw, `replace` the
/// colleague's verdict they confirmed replacing.
public struct DecisionForm: DeskForm {
    public var record, status, evidence, note, rating, expect, replace, back: String?
}

public struct NoteForm: DeskForm {
    public var text, back: String?
}

public struct SpeakerForm: DeskForm {
    public var value, reason, expectSpeaker, back: String?
    enum CodingKeys: String, CodingKey {
        case value, reason, back
        case expectSpeaker = "expect_speaker"
    }
}

/// How a quote was said: its own evidence and note fields (`aevidence`, `anote`) beside the
/// decision form's.
public struct AttributionForm: DeskForm {
    public var record, verdict, evidence, note, expectAttribution, back: String?
    enum CodingKeys: String, CodingKey {
        case record, verdict, back
        case evidence = "aevidence"
        case note = "anote"
        case expectAttribution = "expect_attribution"
    }
}

public struct AssignmentForm: DeskForm {
    public var assign, to, expectAssignee, back: String?
    enum CodingKeys: String, CodingKey {
        case assign, to, back
        case expectAssignee = "expect_assignee"
    }
}

public struct SignInForm: DeskForm {
    public var login, token, next: String?
}

/// A source's correction: each field as edited and as the page showed it (`seen_…`).
public struct SourceCorrectionForm: DeskForm {
    public var correct, reason: String?
    public var edited: [SourceField: String] = [:]
    public var seen: [SourceField: String] = [:]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldName.self)
        func value(_ name: String) throws -> String? {
            try c.decodeIfPresent(String.self, forKey: FieldName(stringValue: name))
        }
        correct = try value("correct")
        reason = try value("reason")
        for field in SourceField.allCases {
            edited[field] = try value(field.rawValue)
            seen[field] = try value("seen_" + field.rawValue)
        }
    }
}
