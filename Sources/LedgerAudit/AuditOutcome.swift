import Foundation
import LedgerStore
import TransparencyLog

/// A whole audit, as every front end runs it (`audit`, and the desk at start and from its page):
/// the ledger's own checks, then, when they pass, its saved checkpoints against it. Each front end
/// only words the outcome for its own users.
public struct AuditOutcome: Sendable {
    public var report: AuditReport
    /// What the checkpoints say is wrong, one sentence each (empty: they hold, none was given, or
    /// the ledger's own audit failed and they were not judged).
    public var checkpointProblems: [String]
    /// The latest checkpoint's standing (nil: none given, or not judged).
    public var standing: CheckpointStanding?
    /// How the checkpoints' signatures were checked.
    public var signatures: SignatureCheck
    /// How many checkpoints were given.
    public var checkpoints: Int

    /// Whether the ledger passed, and holds every checkpoint given.
    public var passed: Bool { report.passed && checkpointProblems.isEmpty }
    /// Whether the checkpoints were judged (the ledger's own audit passed and some were given).
    public var checkpointsJudged: Bool { report.passed && checkpoints > 0 }
}

/// What a whole audit checks besides the ledger itself.
public struct AuditRequest {
    public var checkpoints: [CheckpointAudit.Saved]
    /// The key that must have signed the checkpoints (nil: the keys the ledger trusts, if any).
    public var verifier: NoteVerifier?
    /// Tiles saved with the checkpoints (`checkpoint --tiles`): name the first rewritten entry.
    public var readTile: ((String) -> [UInt8]?)?
    /// Recompute every derived row and run FTS5's own check (`audit --search-index`).
    public var searchIndexContent: Bool

    public init(
        checkpoints: [CheckpointAudit.Saved] = [], verifier: NoteVerifier? = nil,
        readTile: ((String) -> [UInt8]?)? = nil, searchIndexContent: Bool = false
    ) {
        self.checkpoints = checkpoints
        self.verifier = verifier
        self.readTile = readTile
        self.searchIndexContent = searchIndexContent
    }
}

extension CheckpointAudit.Saved {
    /// A checkpoint file's text as `claimledger checkpoint` wrote it; any other text is refused
    /// input (the ledger is not judged on it).
    public init(name: String, text: String) throws {
        do {
            let note = try SignedNote.parse(text)
            _ = try Checkpoint(note: note)
            self.init(name: name, note: note)
        } catch {
            throw LedgerError.notACheckpoint(file: name, reason: "\(error)")
        }
    }
}

extension Ledger {
    /// The whole audit: the ledger's own checks; then, when they pass, every checkpoint of
    /// `request` against the ledger, with the latest one's standing.
    public func auditAll(_ request: AuditRequest = AuditRequest()) throws -> AuditOutcome {
        var auditor = Auditor(ledger: self)
        auditor.searchIndexContent = request.searchIndexContent
        let report = try auditor.run()
        let signatures = try signatureCheck(given: request.verifier)
        var outcome = AuditOutcome(
            report: report, checkpointProblems: [], standing: nil, signatures: signatures,
            checkpoints: request.checkpoints.count)
        guard outcome.checkpointsJudged else { return outcome }
        let audit = CheckpointAudit(ledger: self, readTile: request.readTile)
        // The standing carries the problems of them all: the checkpoints are checked once.
        outcome.standing = try audit.standing(request.checkpoints, signatures: signatures)
        outcome.checkpointProblems =
            try outcome.standing?.problems ?? audit.run(request.checkpoints, signatures: signatures)
        return outcome
    }
}
