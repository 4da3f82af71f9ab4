import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding

/// A status change or an attribution check as recorded, with the one of its kind it replaced (nil
/// for a claim never decided, a quote never checked).
public struct Decision: Sendable, Equatable {
    public var claimID: String
    public var entry: Entry
    public var replaced: HistoryEvent?
}

/// What a reviewer decides about claims: a verdict with its evidence (and optionally a rating
/// label), reopening (back to unverified) or dismissal (not check-worthy), both with a reason.
public struct Verdict: Sendable, Equatable {
    public var status: ClaimStatus
    /// What the decision rests on, as its status reads it: the evidence of a verdict (verified,
    /// disputed), the reason for a dismissal or a reopening (`evidence`, `reason`). Nil: missing,
    /// and refused.
    public var grounds: String?
    public var note: String?
    /// A label of the rating scale; it must mean `status`.
    public var rating: String?

    /// A decision whose status the caller does not know in advance (a form, a command's flag, a
    /// stored row): `grounds` is its evidence or its reason, as the status says.
    public init(_ status: ClaimStatus, grounds: String?, note: String? = nil, rating: String? = nil) {
        self.status = status
        self.grounds = grounds
        self.note = note
        self.rating = rating
    }

    /// A verdict (verified, disputed) and its evidence.
    public init(_ status: ClaimStatus, evidence: String?, note: String? = nil, rating: String? = nil) {
        self.init(status, grounds: evidence, note: note, rating: rating)
    }

    /// A dismissal or a reopening (status unverified) and why.
    public init(_ status: ClaimStatus, reason: String?, note: String? = nil) {
        self.init(status, grounds: reason, note: note)
    }

    /// Whether this is a verdict on what the claim says (verified or disputed), which rests on evidence.
    public var isVerdict: Bool { status == .verified || status == .disputed }
    /// The evidence of a verdict; nil for a dismissal or a reopening.
    public var evidence: String? { isVerdict ? grounds : nil }
    /// Why a claim was dismissed or reopened; nil for a verdict.
    public var reason: String? { isVerdict ? nil : grounds }

    /// Why the verdict cannot be recorded as given, or nil.
    func refusal() -> LedgerError? {
        guard let evidence = grounds?.trimmingCharacters(in: .whitespacesAndNewlines), !evidence.isEmpty else {
            return .missing(.evidence(for: status))
        }
        if rating != nil && !isVerdict { return .rating(.notForDecision(status)) }
        // A reason (dismiss, reopen) that is only IDs was forgotten; evidence may cite another claim.
        if !isVerdict && Identifiers.isOnlyIDs(evidence) {
            return .missing(.onlyIDs(evidence))
        }
        return nil
    }
}

extension Ledger {
    /// Records `verdict` for each claim, in one transaction, all or nothing. Each decision names the
    /// one it replaces. With `expecting`, a claim whose status is no longer that one (another
    /// reviewer decided it meanwhile) refuses them all: a script's decision never silently
    /// overrides one it did not see.
    public func decide(
        claimIDs: [String], _ verdict: Verdict, reviewer: String,
        expecting: ClaimStatus? = nil
    ) throws -> [Decision] {
        if let refusal = verdict.refusal() { throw refusal }
        let reviewer = try Ledger.requireReviewer(reviewer)
        let grounds = verdict.grounds!.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write { db in
            let rating = try verdict.rating.map { try ratingLabel(db, named: $0, for: verdict.status) }
            return try Ledger.distinct(claimIDs).map { claimID in
                guard try exists(db, query: .claimExists, id: claimID) else { throw LedgerError.unknownID(claimID) }
                // The decision this one replaces, read inside the writer's transaction.
                let replaced = try decisions(db, claimID: claimID, asOf: Int64.max).last
                let current = (replaced?.verdict?.status ?? .unverified).rawValue
                if let expecting, current != expecting.rawValue {
                    throw LedgerError.conflict(
                        Conflict(
                            claim: try shortID(db, claimID, table: .claim), field: .status,
                            expected: expecting.rawValue, found: current, by: replaced?.credit,
                            at: replaced?.recordedAt, entry: replaced?.seq))
                }
                if verdict.status == .unverified, current == ClaimStatus.unverified.rawValue {
                    let short = try shortID(db, claimID, table: .claim)
                    throw LedgerError.refused(
                        "\(short) is unverified already: there is nothing to reopen. Nothing was recorded.")
                }
                let payload = StatusPayload(
                    claimID: claimID, status: verdict.status, evidence: grounds,
                    note: verdict.note.flatMap { $0.isEmpty ? nil : $0 }, reviewer: reviewer,
                    rating: rating?.label, replaces: replaced.map { Int($0.seq) })
                return Decision(claimID: claimID, entry: try insertDecision(db, payload), replaced: replaced)
            }
        }
    }

    /// The first verdict on a claim recorded in the same transaction (`import`: a published review's
    /// verdict); nothing to replace, so none is named.
    @discardableResult
    /// `publishedBy` credits the verdict to the organisation that published it.
    public func recordFirstVerdict(
        _ db: Database, claimID: String, _ verdict: Verdict, reviewer: String,
        publishedBy: String? = nil
    ) throws -> Entry {
        if let refusal = verdict.refusal() { throw refusal }
        let rating = try verdict.rating.map { try ratingLabel(db, named: $0, for: verdict.status) }
        let payload = StatusPayload(
            claimID: claimID, status: verdict.status,
            evidence: verdict.grounds!.trimmingCharacters(in: .whitespacesAndNewlines),
            note: verdict.note.flatMap { $0.isEmpty ? nil : $0 }, reviewer: try Ledger.requireReviewer(reviewer),
            rating: rating?.label, replaces: nil,
            publishedBy: Credit.publisher(publishedBy))
        return try insertDecision(db, payload)
    }

    private func insertDecision(_ db: Database, _ payload: StatusPayload) throws -> Entry {
        let entry = try append(db, kind: .statusChanged, payload: PayloadJSON.encode(payload))
        try db.cachedStatement(sql: LedgerQuery.insertReview.sql).execute(db) { row in
            row.add(entry.seq, as: "seq")
            row.add(payload.claimID, as: "claim_id")
            row.add(payload.status.rawValue, as: "status")
            row.add(payload.evidence, as: "evidence")
            row.add(payload.note, as: "note")
            row.add(payload.reviewer, as: "reviewer")
            row.add(payload.rating, as: "rating")
            row.add(payload.replaces, as: "replaces")
        }
        if let publishedBy = payload.publishedBy {
            try db.cachedStatement(sql: LedgerQuery.insertReviewCredit.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(publishedBy, as: "published_by")
            }
        }
        return entry
    }
}
