import TransparencyLog

/// The entry log as every engine keeps it (issue 32): the hash chain, read in order. What is
/// checked and proved from the chain alone (`ChainAudit`, checkpoints, inclusion proofs) is written
/// against this, so it gives the same answer on SQLite and on PostgreSQL for the same entries.
public protocol EntryChain {
    /// The last entry's number and hash; (0, genesis) for an empty log.
    func head() throws -> (seq: Int64, hash: String)
    /// Calls `body` with each entry from `seq` on (at most `limit`), in order, without loading them all.
    func forEachEntry(from seq: Int64, _ body: (Entry) throws -> Void, limit: Int) throws
    /// The RFC 6962 leaf hashes of entries [lo, hi) (0-based leaf indexes), streamed.
    var leafStream: Merkle.LeafStream { get }
}

extension EntryChain {
    /// The root of the tree of the first `size` entries.
    public func treeRoot(size: Int) throws -> [UInt8] { try Merkle.subtreeHash(leafStream, 0, size) }

    /// A checkpoint of the whole log (or of its first `size` entries).
    public func checkpoint(origin: String, size: Int? = nil) throws -> Checkpoint {
        let n = try size ?? Int(head().seq)
        return Checkpoint(origin: origin, size: n, root: try treeRoot(size: n))
    }

    /// The origin line of this log's checkpoints when no key names it: derived from entry 1.
    public func defaultOrigin() throws -> String {
        var first: String?
        try forEachEntry(from: 1, { first = $0.hash }, limit: 1)
        return "claimledger/" + (first.map { String($0.prefix(16)) } ?? "empty")
    }

    /// The leaf hashes of the first `size` entries, in order.
    public func leafHashes(size: Int) throws -> [Merkle.Hash] {
        var leaves: [Merkle.Hash] = []
        leaves.reserveCapacity(size)
        try leafStream(0, size) { leaves.append($0) }
        return leaves
    }

    /// A checkpoint of the whole ledger and the leaf hashes of its tree, from one pass over the
    /// entries (for `checkpoint --tiles`).
    public func checkpointAndLeaves(origin: String) throws -> (checkpoint: Checkpoint, leaves: [Merkle.Hash]) {
        let leaves = try leafHashes(size: Int(try head().seq))
        return (Checkpoint(origin: origin, size: leaves.count, root: Merkle.root(leaves)), leaves)
    }

    /// The leaf hash of one entry (what `leafStream` yields for it).
    public static func leafHash(of entry: Entry) -> Merkle.Hash {
        Merkle.leafHash(
            EntryEncoding.canonicalBytes(
                seq: entry.seq, kind: entry.kind, recordedAt: entry.recordedAt, prevHash: entry.prevHash,
                payload: entry.payload))
    }
}

extension Ledger: EntryChain {}
