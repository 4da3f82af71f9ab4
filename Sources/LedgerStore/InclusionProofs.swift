import Foundation
import TransparencyLog

/// `prove`: inclusion proofs for every entry about one claim, in a form checked without the database.
public enum InclusionProofs {
    public static func json(ledger: Ledger, claimID: String, origin: String?) throws -> String {
        let size = Int(try ledger.head().seq)
        let checkpoint = try ledger.checkpoint(origin: try origin ?? ledger.defaultOrigin(), size: size)
        let history = try ledger.history(claimID: claimID)
        var entries: [JSONValue] = []
        for event in history {
            var canonical: [UInt8] = []
            try ledger.forEachEntry(from: event.seq, { e in
                canonical = EntryEncoding.canonicalBytes(seq: e.seq, kind: e.kind, recordedAt: e.recordedAt,
                                                         prevHash: e.prevHash, payload: e.payload)
            }, limit: 1)
            let index = Int(event.seq) - 1
            let proof = try Merkle.inclusionProof(ledger.leafStream, index: index, size: size)
            entries.append(.object([
                ("seq", .int(event.seq)), ("leaf_index", .int(Int64(index))), ("event", .string(event.event.rawValue)),
                ("canonical", .string(Data(canonical).base64EncodedString())),
                ("leaf_hash", .string(Data(Merkle.leafHash(canonical)).base64EncodedString())),
                ("proof", .array(proof.map { .string(Data($0).base64EncodedString()) })),
            ]))
        }
        let value: JSONValue = .object([
            ("format", .string("claimledger-inclusion-proof-v1")), ("claim_id", .string(claimID)),
            ("tree_size", .int(Int64(size))), ("root", .string(Data(checkpoint.root).base64EncodedString())),
            ("checkpoint", .string(checkpoint.body)), ("entries", .array(entries)),
        ])
        return StableJSON.string(value, pretty: true) + "\n"
    }
}
