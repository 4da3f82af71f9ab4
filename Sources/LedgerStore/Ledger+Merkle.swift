import Foundation
import GRDB
import LedgerSchema
import TransparencyLog

/// The ledger as an RFC 6962 log: leaf i is SHA-256(0x00 ‖ canonical bytes of entry i+1).
extension Ledger {
    /// Streams the leaf hashes of entries [lo, hi) (0-based leaf indexes), without loading the ledger.
    public var leafStream: Merkle.LeafStream {
        { [self] lo, hi, body in
            guard lo < hi else { return }
            try read { db in
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: LedgerQuery.entriesRange.sql),
                    arguments: [lo + 1, hi])
                while let row = try rows.next() {
                    let bytes = EntryEncoding.canonicalBytes(
                        seq: row[0], kind: row[1], recordedAt: row[2],
                        prevHash: row[3], payload: row[4])
                    try body(Merkle.leafHash(bytes))
                }
            }
        }
    }

    /// The root of the tree of the first `size` entries.
    public func treeRoot(size: Int) throws -> [UInt8] {
        try Merkle.subtreeHash(leafStream, 0, size)
    }

    /// The leaf hashes of the first `size` entries, in order.
    public func leafHashes(size: Int) throws -> [Merkle.Hash] {
        var leaves: [Merkle.Hash] = []
        leaves.reserveCapacity(size)
        try leafStream(0, size) { leaves.append($0) }
        return leaves
    }

    /// The origin line of this ledger's checkpoints when no key names it: derived from entry 1.
    public func defaultOrigin() throws -> String {
        let first = try read { db in try String.fetchOne(db, sql: LedgerQuery.firstHash.sql) }
        return "claimledger/" + (first.map { String($0.prefix(16)) } ?? "empty")
    }

    /// A checkpoint of the whole ledger and the leaf hashes of its tree, from one pass over the
    /// entries (for `checkpoint --tiles`).
    public func checkpointAndLeaves(origin: String) throws -> (checkpoint: Checkpoint, leaves: [Merkle.Hash]) {
        let leaves = try leafHashes(size: Int(try head().seq))
        return (Checkpoint(origin: origin, size: leaves.count, root: Merkle.root(leaves)), leaves)
    }

    /// A checkpoint of the whole ledger (or of its first `size` entries).
    public func checkpoint(origin: String, size: Int? = nil) throws -> Checkpoint {
        let n = try size ?? Int(head().seq)
        return Checkpoint(origin: origin, size: n, root: try treeRoot(size: n))
    }
}
