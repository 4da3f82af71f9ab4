import Crypto
import Foundation
import LedgerStore

/// The chain half of an audit pass: numbering without gaps, each link, each hash recomputed from
/// the canonical encoding (docs/LEDGER-FORMAT.md), and the time rule. Buffers are reused per entry.
struct ChainCheck {
    private(set) var outcome: AuditShare.Outcome
    private(set) var expectedSeq: Int64
    private var previous: [UInt8]?
    private var recomputed = [UInt8](repeating: 0, count: 64)
    private var header: [UInt8] = []

    init(first: Int64) {
        let genesis = Array(EntryEncoding.genesisHash.utf8)
        outcome = AuditShare.Outcome(lastSeq: first - 1, lastHash: first == 1 ? genesis : [])
        expectedSeq = first
        previous = first == 1 ? genesis : nil
        header.reserveCapacity(256)
    }

    /// Checks one entry; the problem, if any, names the entry it concerns.
    mutating func step(
        seq: Int64, kind: UnsafeBufferPointer<UInt8>, known: Bool, recordedAt: UnsafeBufferPointer<UInt8>,
        prevHash: UnsafeBufferPointer<UInt8>, payload: UnsafeBufferPointer<UInt8>,
        hash: UnsafeBufferPointer<UInt8>
    ) -> AuditReport.Problem? {
        func problem(_ message: String, at n: Int64? = nil) -> AuditReport.Problem {
            .init(seq: n ?? seq, message: message)
        }
        if seq != expectedSeq {
            return problem(
                seq > expectedSeq
                    ? "missing: the log jumps from entry \(expectedSeq - 1) to \(seq)"
                    : "out of order: entry \(seq) appears after entry \(expectedSeq - 1)", at: expectedSeq)
        }
        if !known { return problem("unknown kind \"\(String(decoding: kind, as: UTF8.self))\"") }
        if let previous {
            if !prevHash.equals(previous) {
                return problem("prev_hash does not match entry \(seq - 1)'s hash (the chain is broken)")
            }
        } else {
            outcome.firstPrevHash = Array(prevHash)  // checked against the stretch before
        }
        rehash(seq: seq, kind: kind, recordedAt: recordedAt, prevHash: prevHash, payload: payload)
        if !hash.equals(recomputed) {
            let stored = String(decoding: hash, as: UTF8.self)
            let mine = String(decoding: recomputed, as: UTF8.self)
            return problem(
                "its content does not match its hash (stored \(stored.prefix(12))…, recomputed \(mine.prefix(12))…)")
        }
        if let message = timeProblem(recordedAt, after: outcome.lastRecordedAt, seq: seq) { return problem(message) }
        if outcome.firstRecordedAt == nil { outcome.firstRecordedAt = Array(recordedAt) }
        outcome.lastRecordedAt.removeAll(keepingCapacity: true)
        outcome.lastRecordedAt.append(contentsOf: recordedAt)
        if previous == nil { previous = recomputed } else { swap(&previous!, &recomputed) }
        outcome.lastSeq = seq
        outcome.lastHash = previous!
        expectedSeq += 1
        return nil
    }

    /// The canonical encoding, hashed: the header lines, then the payload in place.
    private mutating func rehash(
        seq: Int64, kind: UnsafeBufferPointer<UInt8>, recordedAt: UnsafeBufferPointer<UInt8>,
        prevHash: UnsafeBufferPointer<UInt8>, payload: UnsafeBufferPointer<UInt8>
    ) {
        header.removeAll(keepingCapacity: true)
        header.append(contentsOf: AuditShare.tagLine)
        withDecimal(seq) { header.append(contentsOf: $0) }
        header.append(0x0A)
        header.append(contentsOf: kind)
        header.append(0x0A)
        header.append(contentsOf: recordedAt)
        header.append(0x0A)
        header.append(contentsOf: prevHash)
        header.append(0x0A)
        var hasher = SHA256()
        header.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(payload))
        hasher.finalize().writeHex(into: &recomputed)
    }
}

/// The rows half of an audit pass: the typed tables walked beside the entries in seq order (a merge
/// join). Every entry has its one row in the table of its kind, no table has a row without its
/// entry, and each row, re-encoded with the payload writer, is its entry's payload byte for byte.
/// The first disagreement is kept and the join stops.
struct RowJoin {
    private let streams: [AuditTableStream]
    /// The seq of each table's next row in this stretch (.max when none), in EntryKind order.
    private var pending: [Int64]
    private var writer = PayloadWriter()
    private(set) var problem: AuditReport.Problem?

    init(streams: [AuditTableStream]) {
        self.streams = streams
        pending = streams.map { $0.pendingSeq ?? .max }
    }

    mutating func step(seq: Int64, kindIndex: Int?, payload: UnsafeBufferPointer<UInt8>) throws {
        guard problem == nil else { return }
        if let kindIndex {
            let own = streams[kindIndex]
            if pending[kindIndex] == seq, own.encodeCurrent(into: &writer), writer.matches(payload) {
                try own.advance()
                pending[kindIndex] = own.pendingSeq ?? .max
            } else if pending[kindIndex] >= seq {  // its row is missing or differs
                problem = AuditShare.rowProblem(seq, own.table)
                return
            }
        }
        // A table's pending row with this seq or an earlier one has no entry of its kind.
        if let n = pending.indices.first(where: { pending[$0] <= seq }) {
            problem = AuditShare.rowProblem(pending[n], streams[n].table)
        }
    }

    /// The problem found, or a row left over in this stretch that belongs to no entry.
    func finish() -> AuditReport.Problem? {
        if let problem { return problem }
        guard let stray = streams.compactMap({ s in s.pendingSeq.map { ($0, s.table) } }).min(by: { $0.0 < $1.0 })
        else { return nil }
        return AuditShare.rowProblem(stray.0, stray.1)
    }
}
