import GRDB
import LedgerSchema

extension Ledger {
    /// `claim` with the decisions behind its verdict and its notes, as the ledger stood after entry
    /// `asOf` (the head when nil).
    public func withReviewTrail(_ claim: ClaimRecord, asOf: Int64? = nil) throws -> ClaimRecord {
        try read { db in try withReviewTrail(db, claim, asOf: asOf ?? Int64.max) }
    }

    func withReviewTrail(_ db: Database, _ claim: ClaimRecord, asOf: Int64) throws -> ClaimRecord {
        var claim = claim
        claim.decisions = Ledger.currentVerdict(try decisions(db, claimID: claim.claimID, asOf: asOf), status: claim.status)
        if claim.kind == .quote { claim.attributionChecks = try attributionChecks(db, claimID: claim.claimID, asOf: asOf) }
        let arguments: StatementArguments = ["claim_id": claim.claimID, "as_of": asOf]
        claim.notes = try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimNotes.sql), arguments: arguments).map { row in
            HistoryEvent(seq: row["seq"], event: .note, status: nil, detail: row["text"], note: nil,
                         reviewer: row["reviewer"], recordedAt: row["recorded_at"], hash: row["hash"])
        }
        return claim
    }

    /// A claim's status changes up to entry `asOf`, oldest first.
    func decisions(_ db: Database, claimID: String, asOf: Int64) throws -> [HistoryEvent] {
        let arguments: StatementArguments = ["claim_id": claimID, "as_of": asOf]
        return try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimDecisions.sql), arguments: arguments).map { row in
            HistoryEvent(seq: row["seq"], event: .status, status: row["status"], detail: row["evidence"], note: row["note"],
                         reviewer: row["reviewer"], recordedAt: row["recorded_at"], hash: row["hash"], rating: row["rating"],
                         publishedBy: row["published_by"])
        }
    }

    /// The trailing run of decisions that all gave `status` (none for a claim left unverified).
    static func currentVerdict(_ decisions: [HistoryEvent], status: ClaimStatus) -> [HistoryEvent] {
        guard status != .unverified else { return [] }
        var start = decisions.count
        while start > 0, decisions[start - 1].status == status.rawValue { start -= 1 }
        return Array(decisions[start...])
    }
}
