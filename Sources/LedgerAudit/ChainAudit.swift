import Foundation
import LedgerStore

/// The audit of the hash chain alone, on any engine's entry log (issue 32): the entries numbered
/// without gaps, each linked to the one before, each hash recomputed from the canonical encoding,
/// the time rule. On SQLite the full `Auditor` does this and also checks the typed tables, the
/// schema and the derived data; on PostgreSQL this is the audit there is so far.
public enum ChainAudit {
    public static func run(_ log: any EntryChain) throws -> AuditReport {
        var check = ChainCheck(first: 1)
        var problem: AuditReport.Problem?
        try log.forEachEntry(
            from: 1,
            { entry in
                guard problem == nil else { return }
                problem = step(&check, entry)
            }, limit: .max)
        let outcome = check.outcome
        let head = String(decoding: outcome.lastHash, as: UTF8.self)
        let headSeq = try log.head().seq
        if problem == nil, headSeq != outcome.lastSeq {
            problem = .init(seq: nil, message: "the head is entry \(headSeq) but the log ends at \(outcome.lastSeq)")
        }
        return AuditReport(entryCount: outcome.lastSeq, headHash: head, problem: problem)
    }

    /// The chain's audit and the checkpoints of `request` against it; their signatures are
    /// checked with the request's verifier only (a log alone keeps no trusted keys).
    public static func outcome(_ log: any EntryChain, _ request: AuditRequest) throws -> AuditOutcome {
        let signatures = SignatureCheck(given: request.verifier, trusted: [])
        var outcome = AuditOutcome(
            report: try run(log), checkpointProblems: [], standing: nil, signatures: signatures,
            checkpoints: request.checkpoints.count)
        if outcome.checkpointsJudged {
            outcome.checkpointProblems = try CheckpointAudit(ledger: log, readTile: request.readTile).run(
                request.checkpoints, signatures: signatures)
        }
        return outcome
    }

    private static func step(_ check: inout ChainCheck, _ entry: Entry) -> AuditReport.Problem? {
        let kind = Array(entry.kind.utf8)
        let recordedAt = Array(entry.recordedAt.utf8)
        let prevHash = Array(entry.prevHash.utf8)
        let payload = Array(entry.payload.utf8)
        let hash = Array(entry.hash.utf8)
        return kind.withUnsafeBufferPointer { k in
            recordedAt.withUnsafeBufferPointer { r in
                prevHash.withUnsafeBufferPointer { p in
                    payload.withUnsafeBufferPointer { body in
                        hash.withUnsafeBufferPointer { h in
                            check.step(
                                seq: entry.seq, kind: k, known: EntryKind(rawValue: entry.kind) != nil, recordedAt: r,
                                prevHash: p, payload: body, hash: h)
                        }
                    }
                }
            }
        }
    }
}

extension Ledger {
    /// A whole ledger made from another engine's entry log (`claimledger copy --to FILE`): its
    /// entries and their typed rows (`replay`), then the search index, queue and stored matches
    /// written anew from them. Returns the head.
    @discardableResult
    public func copyLedger(from source: any EntryChain, progress: (Int64) -> Void = { _ in }) throws -> (
        seq: Int64, hash: String
    ) {
        let head = try replay(from: source, progress: progress)
        try rebuildDerivedTables()
        return head
    }
}
