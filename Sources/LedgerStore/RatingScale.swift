import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding

/// One label of the rating scale: what a newsroom publishes ("Mostly true"), the status it means,
/// and its place on the scale from 1 (worst) to 5 (best), ClaimReview's `ratingValue`.
public struct RatingLabel: Sendable, Equatable, Codable {
    public var label: String
    public var means: ClaimStatus
    public var value: Int
    /// The entry that defined it in this ledger; nil for a label of the built-in scale.
    public var seq: Int64?
    public var reviewer: String?

    public init(label: String, means: ClaimStatus, value: Int, seq: Int64? = nil, reviewer: String? = nil) {
        self.label = label
        self.means = means
        self.value = value
        self.seq = seq
        self.reviewer = reviewer
    }

    /// The scale every ledger starts with (README, "Ratings"): the one most fact-checkers publish.
    public static let builtIn: [RatingLabel] = [
        RatingLabel(label: "True", means: .verified, value: 5),
        RatingLabel(label: "Mostly true", means: .verified, value: 4),
        RatingLabel(label: "Missing context", means: .disputed, value: 3),
        RatingLabel(label: "Misleading", means: .disputed, value: 2),
        RatingLabel(label: "False", means: .disputed, value: 1),
    ]
    /// ClaimReview's bounds of every label's value.
    public static let best = 5, worst = 1
}

/// What the scale's figures mean, in one place: the rating a decision publishes, and where another
/// organisation's rating (a place on its own scale, 0 worst to 1 best) stands on ours.
extension RatingLabel {
    /// A decision's published rating: its label on `scale` (case ignored), else the bare verdict at
    /// the end of the scale it means (verified: 5 "Verified"; disputed: 1 "Disputed").
    public static func published(label: String?, status: ClaimStatus, on scale: [RatingLabel]) -> (
        value: Int, name: String
    ) {
        if let label, let found = scale.label(named: label) { return (found.value, found.label) }
        return status == .verified ? (best, "Verified") : (worst, "Disputed")
    }

    /// The status a place on another scale means: its top quarter verified, its bottom quarter
    /// disputed, anything between nil (stays unverified).
    public static func means(place: Double) -> ClaimStatus? {
        place >= 0.75 ? .verified : place <= 0.25 ? .disputed : nil
    }

    /// The value on this scale of a place on another.
    public static func value(place: Double) -> Int {
        worst + Int((place * Double(best - worst)).rounded())
    }

    /// The value of a rating known only by what it means: the end of the scale it is at, the middle
    /// when not known.
    public static func value(means: ClaimStatus?) -> Int {
        means == .verified ? best : means == .disputed ? worst : (best + worst) / 2
    }
}

extension Array where Element == RatingLabel {
    /// Where the label `typed` stands in the scale: labels are matched with case ignored.
    func index(ofLabel typed: String) -> Index? {
        let wanted = typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return firstIndex { $0.label.lowercased() == wanted }
    }

    /// The label `typed` names, case ignored.
    public func label(named typed: String) -> RatingLabel? { index(ofLabel: typed).map { self[$0] } }
}

/// The JSON payload of a `rating_defined` entry.
public struct RatingPayload: Codable, Sendable, Equatable, PayloadEncodable {
    public var label: String
    public var means: ClaimStatus
    public var value: Int
    public var reviewer: String

    public func write(to json: inout PayloadWriter) {
        json.field("label", label)
        json.field("means", means)
        json.field("reviewer", reviewer)
        json.field("value", value)
    }
}

extension Ledger {
    /// The scale in force after entry `asOf` (nil: the head): the built-in labels, each replaced by
    /// the ledger's own definition of the same label (case ignored), then the ledger's other labels
    /// in the order defined.
    public func ratingScale(asOf: Int64? = nil) throws -> [RatingLabel] {
        try read { db in try ratingScale(db, asOf: asOf ?? Int64.max) }
    }

    func ratingScale(_ db: Database, asOf: Int64 = Int64.max) throws -> [RatingLabel] {
        let own = try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.ratingsDefined.sql), arguments: ["as_of": asOf])
            .map { row in
                RatingLabel(
                    label: row["label"], means: ClaimStatus(rawValue: row["means"]) ?? .disputed,
                    value: row["value"], seq: row["seq"], reviewer: row["reviewer"])
            }
        var scale = RatingLabel.builtIn
        for label in own {
            if let i = scale.index(ofLabel: label.label) { scale[i] = label } else { scale.append(label) }
        }
        return scale
    }

    /// The label `typed` names (case ignored), which must mean `status`.
    func ratingLabel(_ db: Database, named typed: String, for status: ClaimStatus) throws -> RatingLabel {
        let scale = try ratingScale(db)
        guard let label = scale.label(named: typed) else {
            throw LedgerError.rating(.unknown(label: typed, known: scale.map(\.label)))
        }
        guard label.means == status else {
            throw LedgerError.rating(.meansOther(label: label.label, means: label.means))
        }
        return label
    }

    /// Adds a label to the scale, or defines an existing one anew (its older definition stays in the log).
    @discardableResult
    public func defineRating(_ label: String, means: ClaimStatus, value: Int, reviewer: String) throws -> Entry {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 60, !label.contains(where: { $0.isNewline }) else {
            throw LedgerError.refused(
                "A rating label is one line of 1 to 60 characters, e.g. \"Half true\". Nothing was recorded.")
        }
        guard means == .verified || means == .disputed else {
            throw LedgerError.refused(
                "A rating means verified or disputed (--means verified|disputed). Nothing was recorded.")
        }
        guard (RatingLabel.worst...RatingLabel.best).contains(value) else {
            throw LedgerError.refused(
                "A rating's value is from \(RatingLabel.worst) (worst) to \(RatingLabel.best) (best). Nothing was recorded."
            )
        }
        let payload = RatingPayload(
            label: label, means: means, value: value, reviewer: try Ledger.requireReviewer(reviewer))
        return try write { db in try insertRating(db, payload) }
    }

    private func insertRating(_ db: Database, _ payload: RatingPayload) throws -> Entry {
        let entry = try append(db, kind: .ratingDefined, payload: PayloadJSON.encode(payload))
        try db.cachedStatement(sql: LedgerQuery.insertRating.sql).execute(db) { row in
            row.add(entry.seq, as: "seq")
            row.add(payload.label, as: "label")
            row.add(payload.means.rawValue, as: "means")
            row.add(payload.value, as: "value")
            row.add(payload.reviewer, as: "reviewer")
        }
        return entry
    }

    /// The label of this ledger's scale that a published rating names (case ignored), in the
    /// caller's transaction (`import`). A label the scale lacks is added to it when its meaning is
    /// known (`means`, verified or disputed, at `value` 1–5), so a rating is never dropped on the
    /// way in; `added` says so. Nil when the scale lacks it and its meaning is not known, or when it
    /// is not one line of 1 to 60 characters.
    public func adoptRating(
        _ db: Database, label typed: String, means: ClaimStatus?, value: Int,
        reviewer: String
    ) throws -> (label: RatingLabel, added: Bool)? {
        let label = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let known = try ratingScale(db).label(named: label) { return (known, false) }
        guard let means, means == .verified || means == .disputed, !label.isEmpty, label.count <= 60,
            !label.contains(where: \.isNewline)
        else { return nil }
        let value = min(max(value, RatingLabel.worst), RatingLabel.best)
        let payload = RatingPayload(
            label: label, means: means, value: value, reviewer: try Ledger.requireReviewer(reviewer))
        let entry = try insertRating(db, payload)
        return (RatingLabel(label: label, means: means, value: value, seq: entry.seq, reviewer: payload.reviewer), true)
    }
}
