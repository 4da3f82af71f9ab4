import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding

/// A quote's second axis: was it said as quoted? Its status says whether what it says holds.
public enum AttributionVerdict: String, Sendable, CaseIterable, Codable {
    /// Said, in these words, with this meaning.
    case confirmed
    /// The words are not what the speaker said.
    case misquoted
    /// The words were said, but the quote changes what they meant.
    case outOfContext = "out_of_context"
    /// The speaker never said it.
    case notSaid = "not_said"
    /// Not known (again): a check taken back.
    case unconfirmed

    /// In words, for every front end ("Said as quoted", "Out of context").
    public var label: String {
        switch self {
        case .confirmed: return "Said as quoted"
        case .misquoted: return "Misquoted"
        case .outOfContext: return "Out of context"
        case .notSaid: return "Not said"
        case .unconfirmed: return "Unconfirmed"
        }
    }

    /// How it is typed at the command line: `out-of-context`, `not-said`.
    public var argument: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    /// Reads `confirmed`, `out-of-context` or `out_of_context`, case ignored.
    public init?(typed: String) {
        self.init(rawValue: typed.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// The verdict's place on ClaimReview's 1–5 scale (5: said as quoted); nil for unconfirmed.
    public var ratingValue: Int? {
        switch self {
        case .confirmed: return 5
        case .outOfContext: return 2
        case .misquoted, .notSaid: return 1
        case .unconfirmed: return nil
        }
    }
}

/// Which of a quote's two axes a published review (ClaimReview's `reviewAspect`) is about: written
/// by the reports, read back by import.
public enum ReviewAspect {
    public static let content = "content: whether what the quote says is true"
    public static let attribution = "attribution: whether the speaker said it as quoted"

    /// Whether a published review's aspect is one of the two (as written, or in any case).
    public static func isContent(_ aspect: String?) -> Bool { aspect?.lowercased().hasPrefix("content") == true }
    public static func isAttribution(_ aspect: String?) -> Bool {
        aspect?.lowercased().hasPrefix("attribution") == true
    }

    /// A quote's attribution review is named after its content review: the identifier and the
    /// review page's address with these endings.
    public static func attributionIdentifier(_ contentIdentifier: String) -> String {
        contentIdentifier + "-attribution"
    }
    public static func attributionURL(_ contentURL: String) -> String { contentURL + "#attribution" }

    /// What an attribution review reviews: that the speaker said the quote ("Jane Roe said: “…”").
    public static func saidClaim(speaker: String?, quote: String) -> String {
        "\(speaker ?? "Someone") said: “\(quote)”"
    }

    /// The quote inside such a text, else nil.
    public static func quotedWords(_ claim: String) -> String? {
        guard let open = claim.range(of: " said: “"), claim.hasSuffix("”") else { return nil }
        let words = claim[open.upperBound..<claim.index(before: claim.endIndex)]
        return words.isEmpty ? nil : String(words)
    }
}

/// The JSON payload of an `attribution_checked` entry.
public struct AttributionPayload: Sendable, Equatable, PayloadEncodable {
    public var claimID: String
    public var verdict: AttributionVerdict
    public var evidence: String
    public var note: String?
    public var reviewer: String
    /// The seq of the quote's check this one replaced; absent for its first.
    public var replaces: Int?
    /// The organisation whose published review an imported check records (schema version 11 on);
    /// absent on checks made here, so their bytes are as before.
    public var publishedBy: String? = nil

    public func write(to json: inout PayloadWriter) {
        json.field("claim_id", claimID)
        json.field("evidence", evidence)
        json.field("note", note)
        json.field("published_by", publishedBy)
        json.field("replaces", replaces)
        json.field("reviewer", reviewer)
        json.field("verdict", verdict.rawValue)
    }
}

extension AttributionPayload {
    /// A check as recorded: evidence trimmed and required, an empty note none, a known reviewer;
    /// replacing nothing until the caller says which check it replaces.
    static func checked(
        claimID: String, _ verdict: AttributionVerdict, evidence: String, note: String?,
        reviewer: String
    ) throws -> AttributionPayload {
        let evidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !evidence.isEmpty else { throw LedgerError.missing(.attributionEvidence) }
        return AttributionPayload(
            claimID: claimID, verdict: verdict, evidence: evidence, note: note.flatMap { $0.isEmpty ? nil : $0 },
            reviewer: try Ledger.requireReviewer(reviewer), replaces: nil)
    }
}

extension Ledger {
    /// Records whether a quote was said as quoted, with its evidence. With `expecting`, a quote whose
    /// attribution is no longer that one (a colleague checked it meanwhile) refuses it; nil
    /// `expecting` with `checkConflicts` means "never checked". Only a quote has an attribution.
    /// Returns the check's entry with the check it replaced (nil for the quote's first), as
    /// `decide` returns a verdict's: a check made twice says so.
    @discardableResult
    public func checkAttribution(
        claimID: String, _ verdict: AttributionVerdict, evidence: String, note: String? = nil,
        reviewer: String, expecting: AttributionVerdict? = nil, checkConflicts: Bool = false
    ) throws -> Decision {
        var payload = try AttributionPayload.checked(
            claimID: claimID, verdict, evidence: evidence, note: note, reviewer: reviewer)
        return try write { db in
            var found: ClaimRecord?
            try forEachClaim(db, ClaimFilter(), query: .claimByID, claimID: claimID) { found = $0 }
            guard let claim = found else { throw LedgerError.unknownID(claimID) }
            guard claim.kind == .quote else { throw LedgerError.attribution(.notAQuote(claim.shortID)) }
            let last = try attributionChecks(db, claimID: claimID, asOf: Int64.max).last
            let current = last?.attributionVerdict
            if checkConflicts || expecting != nil, current != expecting {
                throw LedgerError.conflict(
                    Conflict(
                        claim: claim.shortID, field: .attribution, expected: expecting?.rawValue,
                        found: current?.rawValue, by: last?.reviewer, at: last?.recordedAt, entry: last?.seq))
            }
            payload.replaces = last.map { Int($0.seq) }
            return Decision(claimID: claimID, entry: try insertAttribution(db, payload), replaced: last)
        }
    }

    /// The first attribution check of a quote recorded in the same transaction (an import): no
    /// earlier check to replace or to conflict with; credited to `publishedBy`, the organisation that
    /// published it, when given ("Example Fact Check, imported by ann").
    @discardableResult
    public func recordFirstAttribution(
        _ db: Database, claimID: String, _ verdict: AttributionVerdict, evidence: String,
        note: String? = nil, reviewer: String, publishedBy: String? = nil
    ) throws -> Entry {
        var payload = try AttributionPayload.checked(
            claimID: claimID, verdict, evidence: evidence, note: note, reviewer: reviewer)
        payload.publishedBy = Credit.publisher(publishedBy)
        return try insertAttribution(db, payload)
    }

    private func insertAttribution(_ db: Database, _ payload: AttributionPayload) throws -> Entry {
        let entry = try append(db, kind: .attributionChecked, payload: PayloadJSON.encode(payload))
        try db.cachedStatement(sql: LedgerQuery.insertAttribution.sql).execute(db) { row in
            row.add(entry.seq, as: "seq")
            row.add(payload.claimID, as: "claim_id")
            row.add(payload.verdict.rawValue, as: "verdict")
            row.add(payload.evidence, as: "evidence")
            row.add(payload.note, as: "note")
            row.add(payload.reviewer, as: "reviewer")
            row.add(payload.replaces, as: "replaces")
        }
        if let publisher = payload.publishedBy {
            try db.cachedStatement(sql: LedgerQuery.insertAttributionCredit.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(publisher, as: "published_by")
            }
        }
        return entry
    }

    /// A quote's attribution checks up to entry `asOf`, oldest first.
    func attributionChecks(_ db: Database, claimID: String, asOf: Int64) throws -> [HistoryEvent] {
        let arguments: StatementArguments = ["claim_id": claimID, "as_of": asOf]
        return try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimAttributions.sql), arguments: arguments).map {
            row in
            let raw: String = row["verdict"]
            guard let verdict = AttributionVerdict(rawValue: raw) else {
                throw LedgerError.damaged("an attribution check has the unknown verdict \(raw)")
            }
            return HistoryEvent(
                seq: row["seq"], change: .attribution(verdict: verdict, evidence: row["evidence"], note: row["note"]),
                reviewer: row["reviewer"], recordedAt: row["recorded_at"], hash: row["hash"],
                publishedBy: row["published_by"])
        }
    }
}

/// Why an attribution check was refused; nothing was recorded.
public enum AttributionRefusal: Sendable, Equatable {
    /// A claim in the article's own voice has no speaker to check.
    case notAQuote(String)

    var commandLineDescription: String {
        switch self {
        case .notAQuote(let claim):
            return
                "\(claim) is a claim, not a quote: only a quote has a speaker whose words can be checked. Use verify or dispute for what it says. Nothing was recorded."
        }
    }
}
