import Foundation
import LedgerSchema
import LedgerStore

/// `claimledger copy --to postgresql://…`: another engine's entries, moved here exactly.
extension PostgresLedger {
    /// Copies the entries of `source` here exactly (numbers, times, payloads, hashes), after those
    /// this log already holds, which must be the same entries (`ChainCopy`: a copy made before is
    /// brought up to date; another ledger is refused; each entry's link and hash are checked before
    /// it is written), in transactions of `batch` entries under the append lock.
    @discardableResult
    public func copy(
        from source: any EntryChain, batch: Int = 1_000, progress: (Int64) -> Void = { _ in }
    ) throws -> (seq: Int64, hash: String) {
        try ChainCopy.run(
            from: source, onto: try head(), destination: address.shown, batch: batch,
            write: { entries in
                try inTransaction {
                    try run(PostgresLedgerQuery.appendLock.sql)
                    try insert(entries)
                }
            }, progress: progress)
    }
}
