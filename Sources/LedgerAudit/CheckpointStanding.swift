import Foundation
import LedgerStore
import TransparencyLog

/// Where a ledger stands against the checkpoints saved of it, in one line: what the latest of them
/// promised (size, root, who signed it) and whether the ledger still holds every one. For the web
/// desk's footer (`claimledger serve --checkpoint FILE --key KEY`).
public struct CheckpointStanding: Sendable, Equatable {
    public var file: String
    public var size: Int
    /// The root hash, hex.
    public var root: String
    /// Its signature, checked with the given or trusted keys: "signed by NAME", "not signed by
    /// key NAME", or "signature not checked (no key given or trusted)".
    public var signature: String
    /// The audit's sentences (not signed by the key, contradicted by the ledger…); empty: it holds.
    public var problems: [String]

    public var line: String {
        let verdict = problems.isEmpty ? "the ledger holds it" : "FAILED: " + problems.joined(separator: " ")
        return "\(file): \(size) entries, root \(root.prefix(16))…, \(signature); \(verdict)"
    }
}

extension CheckpointAudit {
    /// The standing of the latest (largest) of `saved`, with the problems of them all; nil when
    /// none of them is a checkpoint at all (then `run` says why).
    public func standing(_ saved: [Saved], signatures: SignatureCheck) throws -> CheckpointStanding? {
        let parsed = saved.compactMap { s in (try? Checkpoint(note: s.note)).map { (s, $0) } }
        guard let (latest, checkpoint) = parsed.max(by: { $0.1.size < $1.1.size }) else { return nil }
        let signature =
            !signatures.checksSignatures
            ? "signature not checked (no key given or trusted)"
            : signatures.signer(of: latest.note).map { "signed by " + $0.name } ?? "not signed by " + signatures.signers
        return CheckpointStanding(
            file: latest.name, size: checkpoint.size, root: Hex.encode(checkpoint.root),
            signature: signature, problems: try run(saved, signatures: signatures))
    }
}
