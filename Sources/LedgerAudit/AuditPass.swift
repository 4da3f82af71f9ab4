import CSQLiteDefensive
import Crypto
import Foundation
import GRDB
import LedgerSchema
import LedgerStore

// The streaming pass of `audit` (its cursors are in AuditCursors.swift).

/// One stretch of the log, entries `first...last`, checked in one pass:
/// - the chain: numbering without gaps, each link, each hash recomputed from the canonical
///   encoding (docs/LEDGER-FORMAT.md);
/// - the typed tables: walked beside the entries in `seq` order (a merge join), every entry has its
///   one row in the table of its kind, no table has a row without its entry, and each row,
///   re-encoded with the payload writer (column names as keys), is its entry's payload byte for byte.
/// `audit` runs two stretches at once, one per core, and checks that they meet.
struct AuditShare {
    var first: Int64
    var last: Int64
    /// Whether `first` starts the log (the stretch's first entry links to the genesis hash).
    var fromGenesis: Bool { first == 1 }
    /// Read the tables to their end: rows after `last` belong to no entry.
    var toTheEnd: Bool
    var checkChain = true
    /// Read tables whole in seq order (the authoritative, slower way) instead of by rowid.
    var bySeq = false

    struct Outcome {
        var chainProblem: AuditReport.Problem?
        /// The entries verified, and the hash of the last one (the head when the stretch is whole).
        var lastSeq: Int64
        var lastHash: [UInt8]
        /// The prev_hash the first entry carries, to be checked against the stretch before.
        var firstPrevHash: [UInt8]?
        /// The first and last `recorded_at` of the stretch: times never go back across stretches either.
        var firstRecordedAt: [UInt8]?
        var lastRecordedAt: [UInt8] = []
        var rowProblem: AuditReport.Problem?
        /// The rows were not in seq order, or a row problem was found reading by rowid: the tables
        /// must be read again by seq to say what is wrong.
        var needsSeqOrder = false
        /// Per table, the rowid of the first row after this stretch (nil at the table's end).
        var stoppedAt: [Int64?] = []
        var startedAt: [Int64?] = []
    }

    /// The table whose rows each kind of entry adds.
    static let tables: [EntryKind: String] = [
        .sourceRecorded: "source", .claimRecorded: "claim", .statusChanged: "review",
        .noteAdded: "note", .correction: "correction",
        .sourceCorrected: "source_correction", .ratingDefined: "rating",
        .reviewerAdded: "reviewer", .reviewerRevoked: "reviewer_revocation",
        .keyTrusted: "trusted_key", .publisherSet: "publisher", .attributionChecked: "attribution",
        .claimAssigned: "assignment",
    ]
    static let tagLine = Array((EntryEncoding.tag + "\n").utf8)
    /// The index in `EntryKind.allCases` of the kind spelled by these bytes, or nil.
    @inline(__always)
    static func kindIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        EntryKind.allCases.firstIndex { $0.rawValue.utf8.elementsEqual(bytes) }
    }

    static func rowProblem(_ seq: Int64, _ table: String) -> AuditReport.Problem {
        .init(
            seq: seq,
            message: "the \(table) table disagrees with this entry (a derived row was altered, added or removed)")
    }

    /// The tables, each from where this stretch begins (and that rowid, when known).
    private func openStreams(_ db: Database) throws -> (streams: [AuditTableStream], startedAt: [Int64?]) {
        var streams: [AuditTableStream] = []
        var startedAt: [Int64?] = []
        for kind in EntryKind.allCases {
            let name = kind.rawValue
            var from: Int64? = nil
            if !bySeq {
                from =
                    fromGenesis
                    ? Int64.min
                    : try Int64.fetchOne(db, sql: AuditQuery.firstRow(entryKind: name).sql, arguments: [first])
                        ?? Int64.max
                startedAt.append(from == Int64.max ? nil : from)
            }
            let query: AuditQuery = bySeq ? .rowsBySeq(entryKind: name) : .rows(entryKind: name)
            streams.append(
                try AuditTableStream(
                    db, table: AuditShare.tables[kind]!, sql: query.sql,
                    fromRowid: from, last: toTheEnd ? .max : last))
        }
        return (streams, startedAt)
    }

    func run(_ db: Database) throws -> Outcome {
        let (streams, startedAt) = try openStreams(db)
        var chain = ChainCheck(first: first)
        var join = RowJoin(streams: streams)
        func failed(_ problem: AuditReport.Problem) -> Outcome {
            var o = chain.outcome
            o.startedAt = startedAt
            o.rowProblem = join.problem
            o.chainProblem = problem
            return o
        }
        let rows = try RawCursor(db, sql: AuditQuery.entriesBetween.sql, arguments: [first, last])
        while try rows.step() {
            guard rows.type(0) == SQLITE_INTEGER else {
                return failed(.init(seq: chain.expectedSeq, message: "its number is not an integer"))
            }
            let seq = rows.int64(0)
            guard let kind = rows.text(1), let recordedAt = rows.text(2), let prevHash = rows.text(3),
                let payload = rows.text(4), let hash = rows.text(5)
            else { return failed(.init(seq: seq, message: "a field is missing or not text")) }
            let kindIndex = AuditShare.kindIndex(kind)
            if checkChain,
                let problem = chain.step(
                    seq: seq, kind: kind, known: kindIndex != nil, recordedAt: recordedAt,
                    prevHash: prevHash, payload: payload, hash: hash)
            {
                return failed(problem)
            }
            try join.step(seq: seq, kindIndex: kindIndex, payload: payload)
        }
        if checkChain && chain.expectedSeq <= last {
            return failed(
                .init(
                    seq: chain.expectedSeq,
                    message: "missing: the log jumps from entry \(chain.expectedSeq - 1) past entry \(last)"))
        }
        return finished(chain, &join, streams, startedAt: startedAt)
    }

    /// The outcome of a pass that read every entry of its range: the chain's, the rows' problem,
    /// and where each table's stream stopped.
    private func finished(
        _ chain: ChainCheck, _ join: inout RowJoin, _ streams: [AuditTableStream], startedAt: [Int64?]
    )
        -> Outcome
    {
        var outcome = chain.outcome
        outcome.startedAt = startedAt
        outcome.rowProblem = join.finish()
        outcome.needsSeqOrder = !bySeq && (outcome.rowProblem != nil || streams.contains { $0.outOfOrder })
        outcome.stoppedAt = streams.map { $0.currentRowid }
        return outcome
    }
}
