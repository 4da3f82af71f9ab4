import Foundation
import GRDB
import LedgerSchema
import LedgerSearch
import LedgerStore

/// The audit of the derived tables, outside the hash chain: the search index (schema version 4)
/// and the review queue (`claim_queue`, `status_tally`: version 6, kept by migration 6's triggers).
/// Always: each has one row per claim and no other (one pass over the claims for both), the queue
/// holds every decided claim's status, and the tally agrees with it (O(decisions)). With
/// `searchIndexContent` (`audit --search-index`): every row of both recomputed from the claims, and
/// the tally by kind.
extension Auditor {
    static let rebuildAdvice =
        "(derived data, outside the hash chain: `claimledger audit --rebuild-index` writes it anew)"

    func checkDerivedTables(_ db: Database, notes: inout [String]) throws -> AuditReport.Problem? {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        var tables: [(rows: LedgerQuery, name: String)] = []
        // else compared whole
        if version >= 4, !searchIndexContent { tables.append((.indexRowids, "the search index")) }
        if version >= 6 { tables.append((.queueSeqs, "the review queue")) }
        let pairing = try ClaimPairing(db, tables: tables.map(\.rows))
        if let (table, seq) = pairing.unpaired {
            return .init(
                seq: seq,
                message: "\(tables[table].name) has no row for this claim, or a row for no claim " + Self.rebuildAdvice)
        }
        if version >= 4, searchIndexContent, let problem = try checkSearchIndex(db, notes: &notes) { return problem }
        if version >= 14, let problem = try checkStoredMatches(db) { return problem }
        if version >= 18, let problem = try checkMerkleBlocks(db) { return problem }
        return version >= 6 ? try checkQueue(db, claims: pairing.claims) : nil
    }

    private func checkQueue(_ db: Database, claims: Int) throws -> AuditReport.Problem? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.queueStatusCheck.sql)) else { return nil }
        if let seq = row["wrong"] as Int64? {
            return .init(
                seq: seq,
                message: "the review queue's status for this claim is not its latest decision's " + Self.rebuildAdvice)
        }
        guard row["decided_agree"] as Bool? == true else {
            return .init(
                seq: nil, message: "the review queue holds decided claims that have no decision " + Self.rebuildAdvice)
        }
        guard row["decided_tallied"] as Bool? == true, row["tallied"] as Int? == claims else {
            return .init(
                seq: nil, message: "the count of claims by status disagrees with the review queue " + Self.rebuildAdvice
            )
        }
        guard searchIndexContent else { return nil }
        let ties = try Self.queueBreaksTies(db)
        let seq =
            try Int64.fetchOne(
                db.cachedStatement(sql: LedgerQuery.queueDisagreement.sql),
                arguments: ["newest_first": try Self.queueIsNewestFirst(db), "ties": ties])
            ?? (ties ? try Int64.fetchOne(db.cachedStatement(sql: LedgerQuery.queueTieDisagreement.sql)) : nil)
        guard let seq else { return nil }
        return seq < 0
            ? .init(
                seq: nil,
                message: "the count of claims by status and kind disagrees with the claims " + Self.rebuildAdvice)
            : .init(
                seq: seq,
                message: "the review queue's row for this claim is not what the ledger says " + Self.rebuildAdvice)
    }
}

extension Auditor {
    /// Whether the queue puts the newest article first among equal scores (schema version 15).
    static func queueIsNewestFirst(_ db: Database) throws -> Bool {
        (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) >= 15
    }

    /// Whether the queue breaks ties by the kind of claim and seen before (schema version 17).
    static func queueBreaksTies(_ db: Database) throws -> Bool {
        (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) >= 17
    }
}

/// Derived tables with one row per claim, keyed by the claim's seq, paired with the claims in one
/// merge over the claims' seqs: the first seq where one of them has a row too many or too few.
struct ClaimPairing {
    var claims = 0
    /// Which table (its index in `tables`) and the seq: a claim it lacks, or a row of no claim.
    var unpaired: (Int, Int64)?

    init(_ db: Database, tables: [LedgerQuery]) throws {
        let claimSeqs = try Int64.fetchCursor(db.cachedStatement(sql: LedgerQuery.claimSeqs.sql))
        let cursors = try tables.map { try Int64.fetchCursor(db.cachedStatement(sql: $0.sql)) }
        var heads = try cursors.map { try $0.next() }
        while let seq = try claimSeqs.next() {
            claims += 1
            for (n, head) in heads.enumerated() {
                guard let have = head, have == seq else {
                    unpaired = (n, min(head ?? seq, seq))
                    return
                }
                heads[n] = try cursors[n].next()
            }
        }
        if let n = heads.firstIndex(where: { $0 != nil }), let seq = heads[n] { unpaired = (n, seq) }
    }
}

extension Ledger {
    /// Writes the derived tables anew from the entries, for ones found damaged: the search index and
    /// the review queue, each dropped and made again by its migration's own statements (a damaged
    /// inverted index could refuse the deletes a plain emptying needs), then the stored matches,
    /// every claim searched again, and the roots of the log's blocks.
    public func rebuildDerivedTables() throws {
        try write { db in
            try db.execute(sql: LedgerQuery.indexDrop.sql)
            try db.execute(sql: LedgerSchema.migrations[3])
            try SearchIndex.refresh(db)
            try db.execute(sql: LedgerQuery.queueDrop.sql)
            try db.execute(sql: LedgerSchema.migrations[5])
            if try Auditor.queueIsNewestFirst(db) { try db.execute(sql: LedgerSchema.migrations[14]) }
            if try Auditor.queueBreaksTies(db) { try db.execute(sql: LedgerSchema.migrations[16]) }
            try matchEveryClaim(db)
            if (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) >= 18 {
                try db.execute(sql: LedgerQuery.merkleBlocksClear.sql)
                try MerkleBlocks.fill(db)
            }
        }
    }
}

extension Auditor {
    /// Stored matches (schema version 14): every audit checks that each names two claims of
    /// different sources, the earlier first; `--search-index` also recomputes their words in common.
    func checkStoredMatches(_ db: Database) throws -> AuditReport.Problem? {
        if let seq = try StoredMatchAudit.firstProblem(db) {
            return .init(
                seq: seq,
                message: "a stored match of this claim names no claim, a claim of its own source or a later one, "
                    + "or the claim was recorded before matches were stored " + Self.rebuildAdvice)
        }
        guard searchIndexContent, let seq = try StoredMatchAudit.firstDisagreement(db) else { return nil }
        return .init(
            seq: seq,
            message: "a stored match of this claim does not have the words in common its two texts have "
                + Self.rebuildAdvice)
    }
}
