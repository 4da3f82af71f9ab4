import GRDB
import LedgerSchema
import LedgerStore

extension Auditor {
    /// The stored roots of the log's blocks (schema version 18): every audit checks their numbering
    /// (from 0, no gap, none past the log); `--search-index` recomputes each from its entries.
    func checkMerkleBlocks(_ db: Database) throws -> AuditReport.Problem? {
        let shape = try db.cachedStatement(sql: LedgerQuery.merkleBlockShape.sql)
        if try Bool.fetchOne(shape, arguments: ["block_size": MerkleBlocks.size]) == true {
            return .init(
                seq: nil,
                message: "the stored roots of the log's blocks have a gap or one past the log " + Self.rebuildAdvice)
        }
        guard searchIndexContent, let block = try MerkleBlocks.firstWrongBlock(db) else { return nil }
        return .init(
            seq: Int64(block * MerkleBlocks.size + 1),
            message: "the stored root of the block of entries from this one is not theirs " + Self.rebuildAdvice)
    }
}
