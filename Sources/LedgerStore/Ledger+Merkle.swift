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
}
