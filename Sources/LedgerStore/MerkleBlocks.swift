import Foundation
import GRDB
import LedgerSchema
import TransparencyLog

/// The stored roots of the entry log's complete blocks of 1,024 leaves (schema version 18), so a
/// tree head shown in a report, or a claim's inclusion proofs (`prove`), read at most a thousand
/// roots at a million entries instead of hashing every entry. Signed checkpoints and `audit
/// --checkpoint` never use them.
package enum MerkleBlocks {
    package static let size = 1_024

    /// Stores the root of every block the log has completed and not stored yet (in the writer's
    /// transaction: the blocks a commit completes are stored with it).
    package static func fill(_ db: Database) throws {
        let stored = try Int.fetchOne(db.cachedStatement(sql: LedgerQuery.merkleBlocksStored.sql)) ?? 0
        let entries = try Int.fetchOne(db.cachedStatement(sql: LedgerQuery.head.sql)) ?? 0
        guard stored < entries / size else { return }
        let insert = try db.cachedStatement(sql: LedgerQuery.merkleBlockInsert.sql)
        for block in stored..<(entries / size) {
            try insert.execute(arguments: ["block": block, "root": Data(try root(db, block: block))])
        }
    }

    /// The root of block `block`, from its entries.
    static func root(_ db: Database, block: Int) throws -> Merkle.Hash {
        try Merkle.subtreeHash({ try leaves(db, $0, $1, $2) }, block * size, (block + 1) * size)
    }

    /// The leaf hashes of entries [lo, hi) (0-based leaf indexes), read on `db`.
    package static func leaves(_ db: Database, _ lo: Int, _ hi: Int, _ body: (Merkle.Hash) throws -> Void) throws {
        guard lo < hi else { return }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: LedgerQuery.entriesRange.sql), arguments: [lo + 1, hi])
        while let row = try rows.next() {
            let bytes = EntryEncoding.canonicalBytes(
                seq: row[0], kind: row[1], recordedAt: row[2], prevHash: row[3], payload: row[4])
            try body(Merkle.leafHash(bytes))
        }
    }

    /// MTH(D[0:size]): the stored blocks for the perfect subtrees they make up, the entries for the rest.
    package static func treeRoot(_ db: Database, size: Int) throws -> Merkle.Hash {
        try Merkle.subtreeHash(
            { try leaves(db, $0, $1, $2) }, 0, size, blocks: roots(db, size: size), blockSize: self.size)
    }

    /// The stored roots of the blocks inside the first `size` entries.
    package static func roots(_ db: Database, size: Int) throws -> [Merkle.Hash] {
        try Data.fetchAll(
            db.cachedStatement(sql: LedgerQuery.merkleBlockRoots.sql), arguments: ["blocks": size / self.size]
        ).map { [UInt8]($0) }
    }

    /// The first block whose stored root is not its leaves' (`audit --search-index`), or nil.
    package static func firstWrongBlock(_ db: Database) throws -> Int? {
        let stored = try Int.fetchOne(db.cachedStatement(sql: LedgerQuery.merkleBlocksStored.sql)) ?? 0
        let roots = try Data.fetchAll(
            db.cachedStatement(sql: LedgerQuery.merkleBlockRoots.sql), arguments: ["blocks": stored])
        for (block, stored) in roots.enumerated() where try root(db, block: block) != [UInt8](stored) {
            return block
        }
        return nil
    }
}

extension Ledger {
    /// The tree head of the first `size` entries for showing (a report's): read from the stored
    /// blocks and the entries after them. Signing and auditing use `treeRoot(size:)`.
    public func shownCheckpoint(origin: String, size: Int) throws -> Checkpoint {
        Checkpoint(origin: origin, size: size, root: try read { db in try MerkleBlocks.treeRoot(db, size: size) })
    }
}
