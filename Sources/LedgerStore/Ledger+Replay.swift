import Foundation
import GRDB
import LedgerSchema

/// An SQLite ledger filled from another engine's entry log (`claimledger copy --to FILE`).
extension Ledger {
    /// Copies the source's entries here exactly (numbers, times, payloads, hashes), each with the
    /// typed rows of its kind made from its payload (`Schema/q_replay.sql`), in transactions of
    /// `batch` entries. The derived data (search index, queue, stored matches) is not complete
    /// afterwards: rebuild it (`rebuildDerivedTables`, which `audit` also names).
    @discardableResult
    public func replay(
        from source: any EntryChain, batch: Int = 5_000, progress: (Int64) -> Void = { _ in }
    ) throws -> (seq: Int64, hash: String) {
        try ChainCopy.run(
            from: source, onto: try head(), destination: path, batch: batch,
            write: { entries in try write { db in for entry in entries { try replay(db, entry) } } },
            progress: progress)
    }

    func replay(_ db: Database, _ entry: Entry) throws {
        try insertEntry(db, entry)
        for sql in LedgerSchema.replay[entry.kind] ?? [] {
            try db.cachedStatement(sql: sql).execute(arguments: ["seq": entry.seq, "payload": entry.payload])
        }
    }
}
