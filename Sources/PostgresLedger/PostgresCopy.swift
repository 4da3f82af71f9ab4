import Foundation
import LedgerSchema
import LedgerStore

/// `claimledger copy`: another engine's entries, moved here exactly.
extension PostgresLedger {
    /// Copies the entries of `source` here exactly (numbers, times, payloads, hashes), after those
    /// this log already holds, which must be the same entries (a copy made before is brought up to
    /// date; another ledger is refused). Each entry's link and hash are checked before it is
    /// written, in transactions of `batch` entries; `progress` is told the entries copied so far.
    @discardableResult
    public func copy(
        from source: any EntryChain, batch: Int = 1_000, progress: (Int64) -> Void = { _ in }
    ) throws -> (seq: Int64, hash: String) {
        let mine = try head()
        if mine.seq > 0 { try checkSameLedger(source, through: mine) }
        var last = mine
        var pending: [Entry] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            try inTransaction {
                try run(PostgresLedgerQuery.appendLock.sql)
                try insert(pending)
            }
            last = (pending[pending.count - 1].seq, pending[pending.count - 1].hash)
            pending.removeAll(keepingCapacity: true)
            progress(last.seq)
        }
        var previous = mine
        try source.forEachEntry(
            from: mine.seq + 1,
            { entry in
                try Self.checkLink(entry, after: previous)
                previous = (entry.seq, entry.hash)
                pending.append(entry)
                if pending.count >= batch { try flush() }
            }, limit: .max)
        try flush()
        return last
    }

    private func checkSameLedger(_ source: any EntryChain, through mine: (seq: Int64, hash: String)) throws {
        var theirs: String?
        try source.forEachEntry(from: mine.seq, { theirs = $0.hash }, limit: 1)
        guard theirs == mine.hash else {
            throw LedgerError.refused(
                "\(address.shown) already holds another ledger (its entry \(mine.seq) is not the source's); copy into an empty database. Nothing was copied."
            )
        }
    }

    /// An entry of the source must follow the one before and match its hash: a damaged source is
    /// not copied.
    static func checkLink(_ entry: Entry, after previous: (seq: Int64, hash: String)) throws {
        let recomputed = EntryEncoding.hash(
            seq: entry.seq, kind: entry.kind, recordedAt: entry.recordedAt, prevHash: entry.prevHash,
            payload: entry.payload)
        guard entry.seq == previous.seq + 1, entry.prevHash == previous.hash, recomputed == entry.hash else {
            throw LedgerError.refused(
                "Entry \(entry.seq) of the source does not follow the chain (run `claimledger audit` on it); nothing from it on was copied."
            )
        }
    }
}
