import LedgerAudit
import LedgerSchema
import LedgerStore

/// The audit of a ledger on PostgreSQL's own content: its entry log (`ChainAudit`: numbering,
/// links, hashes, times, the checkpoints given), then the typed rows the database made from the
/// entries (migration pg003) against what each entry says.
extension PostgresLedger {
    public func audit(_ request: AuditRequest) throws -> AuditOutcome {
        var outcome = try ChainAudit.outcome(self, request)
        guard outcome.report.passed else { return outcome }
        if let seq = try run(PostgresLedgerQuery.typedRowsDisagreeing.sql).first?.decode(Int64?.self) {
            outcome.report.problem = AuditReport.Problem(
                seq: seq,
                message:
                    "its typed rows in the database do not say what the entry says (a row missing, added or changed outside ClaimLedger)"
            )
        }
        return outcome
    }
}
