import Foundation
import TransparencyLog

/// `prove`: inclusion proofs for every entry about one claim, checkable without the database
/// (rendered by `InclusionProofReport` in Reports).
public struct ClaimProofs: Sendable {
    public struct Proof: Sendable {
        public var seq: Int64
        public var leafIndex: Int
        public var event: HistoryEvent.Kind
        /// The entry's canonical bytes (the Merkle leaf's data).
        public var canonical: [UInt8]
        public var leafHash: [UInt8]
        public var path: [[UInt8]]
    }

    public var claimID: String
    public var treeSize: Int
    public var root: [UInt8]
    public var checkpointBody: String
    public var proofs: [Proof]

    public init(ledger: Ledger, claimID: String, origin: String?) throws {
        let size = Int(try ledger.head().seq)
        // The tree head and every audit path from the stored roots of the log's blocks (read once)
        // and the entries after them (a proof is checked against a root, never trusted for one).
        let blocks = try ledger.read { db in try MerkleBlocks.roots(db, size: size) }
        let leaves = ledger.leafStream
        func subtree(_ lo: Int, _ hi: Int) throws -> Merkle.Hash {
            try Merkle.subtreeHash(leaves, lo, hi, blocks: blocks, blockSize: MerkleBlocks.size)
        }
        let checkpoint = Checkpoint(
            origin: try origin ?? ledger.defaultOrigin(), size: size, root: try subtree(0, size))
        self.claimID = claimID
        treeSize = size
        root = checkpoint.root
        checkpointBody = checkpoint.body
        proofs = try ledger.history(claimID: claimID).map { event in
            var canonical: [UInt8] = []
            try ledger.forEachEntry(
                from: event.seq,
                { e in
                    canonical = EntryEncoding.canonicalBytes(
                        seq: e.seq, kind: e.kind, recordedAt: e.recordedAt,
                        prevHash: e.prevHash, payload: e.payload)
                }, limit: 1)
            let index = Int(event.seq) - 1
            return Proof(
                seq: event.seq, leafIndex: index, event: event.event, canonical: canonical,
                leafHash: Merkle.leafHash(canonical),
                path: try Merkle.inclusionProof(subtree: subtree, index: index, size: size))
        }
    }
}
