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
            try read { db in try MerkleBlocks.leaves(db, lo, hi, body) }
        }
    }
}
