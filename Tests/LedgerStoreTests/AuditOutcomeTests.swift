import Foundation
import LedgerAudit
import LedgerStore
import TestSupport
import Testing
import TransparencyLog

/// Issue 31 item 7: one library call runs the whole audit (the ledger, then its checkpoints) for
/// every front end; each only words the outcome.
@Suite("The whole audit in one call")
struct AuditOutcomeTests {
    @Test func checkpointsAreJudgedOnlyWhenGivenAndTheLedgerPasses() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let bare = try ledger.auditAll()
        #expect(bare.passed && !bare.checkpointsJudged && bare.standing == nil && bare.checkpoints == 0)

        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-8")
        let holds = try ledger.auditAll(AuditRequest(checkpoints: [saved], verifier: signer.verifier))
        #expect(holds.passed && holds.checkpointsJudged && holds.checkpointProblems.isEmpty)
        #expect(holds.standing?.line.hasSuffix("the ledger holds it") == true, "\(String(describing: holds.standing))")

        // Rewritten with every hash recomputed: the chain passes, the checkpoint does not.
        try rewriteRecomputingHashes(
            ledger.path, from: 6,
            [
                "UPDATE entry SET payload = replace(payload, 'Customs data', 'Forged data') WHERE seq = 6",
                "UPDATE review SET evidence = 'Forged data' WHERE seq = 6",
            ])
        let rewritten = try Ledger(path: ledger.path, create: false)
            .auditAll(AuditRequest(checkpoints: [saved], verifier: signer.verifier))
        #expect(rewritten.report.passed && !rewritten.passed && rewritten.checkpointProblems.count == 1)
        #expect(rewritten.standing?.line.contains("FAILED") == true)
    }

    @Test func aFileThatIsNoCheckpointIsRefusedInputNotAFailedAudit() throws {
        #expect {
            _ = try CheckpointAudit.Saved(name: "notes.txt", text: "just notes\n")
        } throws: { error in
            guard case .notACheckpoint(let file, _) = error as? LedgerError else { return false }
            return file == "notes.txt" && (error as? LedgerError)?.exitCode == 4
        }
    }
}
