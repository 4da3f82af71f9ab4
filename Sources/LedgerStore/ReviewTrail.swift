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
        claim.decisions = Ledger.currentVerdict(
            try decisions(db, claimID: claim.claimID, asOf: asOf), status: claim.status)
        if claim.kind == .quote {
            claim.attributionChecks = try attributionChecks(db, claimID: claim.claimID, asOf: asOf)
        }
        let arguments: StatementArguments = ["claim_id": claim.claimID, "as_of": asOf]
        claim.notes = try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimNotes.sql), arguments: arguments).map {
            row in
            HistoryEvent(
                seq: row["seq"], change: .note(row["text"]), reviewer: row["reviewer"], recordedAt: row["recorded_at"],
                hash: row["hash"])
        }
        return claim
    }

    /// A claim's status changes up to entry `asOf`, oldest first.
    func decisions(_ db: Database, claimID: String, asOf: Int64) throws -> [HistoryEvent] {
        let arguments: StatementArguments = ["claim_id": claimID, "as_of": asOf]
        return try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimDecisions.sql), arguments: arguments).map {
            row in
            HistoryEvent(
                seq: row["seq"], change: .decision(try Verdict(row: row)), reviewer: row["reviewer"],
                recordedAt: row["recorded_at"], hash: row["hash"], publishedBy: row["published_by"])
        }
    }

    /// The trailing run of decisions that all gave `status` (none for a claim left unverified).
    static func currentVerdict(_ decisions: [HistoryEvent], status: ClaimStatus) -> [HistoryEvent] {
        guard status != .unverified else { return [] }
        var start = decisions.count
        while start > 0, decisions[start - 1].verdict?.status == status { start -= 1 }
        return Array(decisions[start...])
    }
}

extension Verdict {
    /// A recorded decision (a row with `status`, `evidence`, `note`, `rating`).
    init(row: Row) throws {
        let raw: String = row["status"]
        guard let status = ClaimStatus(rawValue: raw) else {
            throw LedgerError.damaged("a decision has the unknown status \(raw)")
        }
        self.init(status, grounds: row["evidence"], note: row["note"], rating: row["rating"])
    }
}

extension HistoryEvent.Change {
    /// A row of `claim_history`: its `event` says which of its columns hold the change.
    init(claimRow row: Row) throws {
        switch row["event"] as String {
        case "status":
            self = .decision(try Verdict(row: row))
        case "note":
            self = .note(row["note"])
        case "correction":
            let raw: String = row["field"]
            guard let field = CorrectionField(rawValue: raw) else {
                throw LedgerError.damaged("a correction of the unknown field \(raw)")
            }
            self = .correction(field: field, value: row["value"], reason: row["reason"])
        default:
            self = .recorded
        }
    }
}
