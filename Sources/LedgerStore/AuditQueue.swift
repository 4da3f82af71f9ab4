import Foundation
import GRDB
import LedgerSchema

/// The audit of the review queue (schema version 6): `claim_queue` and `status_tally`, derived data
/// outside the hash chain that the triggers of migration 6 keep. Always: one queue row per claim
/// and no other, every decided claim's status, and the tally's totals (O(decisions)). With
/// `searchIndexContent` (`audit --search-index`): every row's place recomputed from its claim, and
/// the tally by kind.
extension Auditor {
    static let rebuildAdvice = "(derived data, outside the hash chain: `claimledger audit --rebuild-index` writes it anew)"

    func checkQueue(_ db: Database) throws -> AuditReport.Problem? {
        guard (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) >= 6 else { return nil }
        if let seq = try SearchIndex.firstUnpairedRow(db, rows: .queueSeqs) {
            return .init(seq: seq, message: "the review queue has no row for this claim, or a row for no claim " + Self.rebuildAdvice)
        }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.queueStatusCheck.sql)) else { return nil }
        if let seq = row["wrong"] as Int64? {
            return .init(seq: seq, message: "the review queue's status for this claim is not its latest decision's " + Self.rebuildAdvice)
        }
        guard row["decided_agree"] as Bool? == true else {
            return .init(seq: nil, message: "the review queue holds decided claims that have no decision " + Self.rebuildAdvice)
        }
        guard row["tally_agrees"] as Bool? == true else {
            return .init(seq: nil, message: "the count of claims by status disagrees with the review queue " + Self.rebuildAdvice)
        }
        guard searchIndexContent else { return nil }
        guard let seq = try Int64.fetchOne(db.cachedStatement(sql: LedgerQuery.queueDisagreement.sql)) else { return nil }
        return seq < 0
            ? .init(seq: nil, message: "the count of claims by status and kind disagrees with the claims " + Self.rebuildAdvice)
            : .init(seq: seq, message: "the review queue's row for this claim is not what the ledger says " + Self.rebuildAdvice)
    }
}

extension Ledger {
    /// Writes the derived tables anew from the entries: the search index and the review queue, for
    /// ones found damaged. Each is dropped and made again by its migration's own statements (a
    /// damaged inverted index could refuse the deletes a plain emptying needs).
    public func rebuildDerivedTables() throws {
        try write { db in
            try db.execute(sql: LedgerQuery.indexDrop.sql)
            try db.execute(sql: LedgerSchema.migrations[3])
            try SearchIndex.refresh(db)
            try db.execute(sql: LedgerQuery.queueDrop.sql)
            try db.execute(sql: LedgerSchema.migrations[5])
        }
    }
}
