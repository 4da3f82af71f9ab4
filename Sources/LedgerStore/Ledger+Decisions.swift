import Foundation
import GRDB
import LedgerSchema

/// A status change as recorded, with the decision it replaced (nil for a claim never decided).
public struct Decision: Sendable, Equatable {
    public var claimID: String
    public var entry: Entry
    public var replaced: HistoryEvent?
}

extension Ledger {
    /// Records `status` for each claim, in one transaction, all or nothing. With `expecting`, a claim
    /// whose status is no longer that one (another reviewer decided it meanwhile) refuses them all:
    /// a script's decision never silently overrides one it did not see.
    public func decide(claimIDs: [String], to status: ClaimStatus, evidence: String?, note: String?,
                       reviewer: String, expecting: ClaimStatus? = nil) throws -> [Decision] {
        guard let evidence = evidence?.trimmingCharacters(in: .whitespacesAndNewlines), !evidence.isEmpty else {
            let verb = status == .verified ? "verify" : status == .disputed ? "dispute" : "A status change"
            throw LedgerError.refused("\(verb) needs evidence: add --evidence with a URL or a citation, e.g. --evidence \"https://example.org/report\". Nothing was recorded.")
        }
        let reviewer = try Ledger.requireReviewer(reviewer)
        return try write { db in
            try Ledger.distinct(claimIDs).map { claimID in
                guard try exists(db, query: .claimExists, id: claimID) else { throw LedgerError.unknownID(claimID) }
                // The decision this one replaces, read inside the writer's transaction.
                let replaced = try decisions(db, claimID: claimID, asOf: Int64.max).last
                if let expecting, (replaced?.status ?? ClaimStatus.unverified.rawValue) != expecting.rawValue {
                    let short = try shortID(db, claimID, table: .claim)
                    let now = replaced.map { "\($0.status ?? "?") (entry \($0.seq), by \($0.reviewer ?? "?") at \($0.recordedAt))" } ?? "unverified"
                    throw LedgerError.refused("\(short) is \(now), not \(expecting.rawValue) as --expect-status says: someone decided it meanwhile. Nothing was recorded; look at it with `claimledger show \(short)`.")
                }
                let payload = StatusPayload(claimID: claimID, status: status.rawValue, evidence: evidence,
                                            note: note.flatMap { $0.isEmpty ? nil : $0 }, reviewer: reviewer)
                let entry = try append(db, kind: .statusChanged, payload: PayloadJSON.encode(payload))
                try db.cachedStatement(sql: LedgerQuery.insertReview.sql).execute(db) { row in
                    row.add(entry.seq); row.add(claimID); row.add(payload.status); row.add(payload.evidence)
                    row.add(payload.note); row.add(payload.reviewer)
                }
                return Decision(claimID: claimID, entry: entry, replaced: replaced)
            }
        }
    }
}
