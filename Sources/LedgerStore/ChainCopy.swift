import Foundation

/// Copying one engine's entry log into another, entry for entry (issue 32): the one algorithm
/// `claimledger copy` runs in either direction. The destination's entries must be the start of the
/// source's (an earlier copy is brought up to date; another ledger is refused); every entry copied
/// must follow the one before and match its hash, so a damaged source stops the copy where it is.
public enum ChainCopy {
    /// Streams the source's entries after `destinationHead` to `write`, `batch` at a time, each
    /// checked first; `progress` is told the last entry written. Returns the new head.
    public static func run(
        from source: any EntryChain, onto destinationHead: (seq: Int64, hash: String), destination: String,
        batch: Int, write: ([Entry]) throws -> Void, progress: (Int64) -> Void
    ) throws -> (seq: Int64, hash: String) {
        if destinationHead.seq > 0 { try checkSameLedger(source, through: destinationHead, destination: destination) }
        var last = destinationHead
        var pending: [Entry] = []
        func flush() throws {
            guard let end = pending.last else { return }
            try write(pending)
            last = (end.seq, end.hash)
            pending.removeAll(keepingCapacity: true)
            progress(last.seq)
        }
        var previous = destinationHead
        try source.forEachEntry(
            from: destinationHead.seq + 1,
            { entry in
                try checkLink(entry, after: previous)
                previous = (entry.seq, entry.hash)
                pending.append(entry)
                if pending.count >= batch { try flush() }
            }, limit: .max)
        try flush()
        return last
    }

    static func checkSameLedger(
        _ source: any EntryChain, through mine: (seq: Int64, hash: String), destination: String
    ) throws {
        var theirs: String?
        try source.forEachEntry(from: mine.seq, { theirs = $0.hash }, limit: 1)
        guard theirs == mine.hash else {
            throw LedgerError.refused(
                "\(destination) already holds another ledger (its entry \(mine.seq) is not the source's); copy into an empty one. Nothing was copied."
            )
        }
    }

    /// An entry of the source must be of a known kind, follow the one before and match its hash.
    static func checkLink(_ entry: Entry, after previous: (seq: Int64, hash: String)) throws {
        let recomputed = EntryEncoding.hash(
            seq: entry.seq, kind: entry.kind, recordedAt: entry.recordedAt, prevHash: entry.prevHash,
            payload: entry.payload)
        guard EntryKind(rawValue: entry.kind) != nil, entry.seq == previous.seq + 1, entry.prevHash == previous.hash,
            recomputed == entry.hash
        else {
            throw LedgerError.refused(
                "Entry \(entry.seq) of the source does not follow the chain (run `claimledger audit` on it); nothing from it on was copied."
            )
        }
    }
}
