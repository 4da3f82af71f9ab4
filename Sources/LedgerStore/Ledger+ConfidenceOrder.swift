import GRDB
import LedgerSchema

extension Ledger {
    /// `ClaimOrder.confidence`: the quotes with a speaker confidence, lowest first, read from the
    /// confidence index one claim at a time (so a limit stops the walk early at any ledger size),
    /// then every other claim the filter keeps, in article order. A search that few claims hold is
    /// read from its matches instead (`claims_matching`, in the same order).
    func forEachByConfidence(_ db: Database, _ filter: ClaimFilter, _ body: (ClaimRecord) throws -> Void) throws {
        var left = filter.limit ?? Int.max
        let arguments = filter.arguments()
        let seqs = try Int64.fetchCursor(db.cachedStatement(sql: LedgerQuery.doubtfulSeqs.sql), arguments: arguments)
        let one = try db.cachedStatement(sql: LedgerQuery.claimWithConfidence.sql)
        while left > 0, let seq = try seqs.next() {
            var withSeq = arguments
            withSeq += ["seq": seq]
            guard let row = try Row.fetchOne(one, arguments: withSeq) else { continue }
            left -= 1
            try body(try claimRecord(db, row))
        }
        // Only quotes with a confidence pass a confidence bound: nothing else to read.
        guard left > 0, filter.minConfidence == nil, filter.maxConfidence == nil else { return }
        var rest = filter
        rest.limit = left == Int.max ? nil : left
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: LedgerQuery.claimsWithoutConfidence.sql), arguments: rest.arguments())
        while let row = try rows.next() { try body(try claimRecord(db, row)) }
    }
}
