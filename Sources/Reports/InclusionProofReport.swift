import Foundation
import LedgerStore

/// `prove --format json`: the claim's inclusion proofs (format `claimledger-inclusion-proof-v1`,
/// docs/LEDGER-FORMAT.md), hashes in base64.
public enum InclusionProofReport {
    public static func json(_ p: ClaimProofs) -> String {
        func b64(_ bytes: [UInt8]) -> JSONValue { .string(Data(bytes).base64EncodedString()) }
        let entries: [JSONValue] = p.proofs.map { e in
            .object([
                ("seq", .int(e.seq)), ("leaf_index", .int(Int64(e.leafIndex))), ("event", .string(e.event.rawValue)),
                ("canonical", b64(e.canonical)), ("leaf_hash", b64(e.leafHash)), ("proof", .array(e.path.map(b64))),
            ])
        }
        let value: JSONValue = .object([
            ("format", .string("claimledger-inclusion-proof-v1")), ("claim_id", .string(p.claimID)),
            ("tree_size", .int(Int64(p.treeSize))), ("root", b64(p.root)),
            ("checkpoint", .string(p.checkpointBody)), ("entries", .array(entries)),
        ])
        return StableJSON.string(value, pretty: true) + "\n"
    }
}
