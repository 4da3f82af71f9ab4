import ClaimMatching
import GRDB
import LedgerSchema
import SQLiteBinding

/// The search index (`claim_index`, schema version 4): derived data, written in the same
/// transaction as the entries it follows, never part of the hash chain. One row per claim whose
/// columns are `IndexedClaim`'s, computed from the claim as it stands now.
package enum SearchIndex {
    /// What the index holds for one claim.
    struct IndexedClaim: Equatable {
        var seq: Int64
        var body: String
        var speaker: String
        var context: String

        /// From a row of `index_sources`: seq, text, speaker, source title, source text (or NULL).
        init(sourceRow row: Row) {
            self.init(seq: row[0], text: row[1] ?? "", speaker: row[2], title: row[3], about: row[4])
        }

        /// A claim's current text and speaker, its source's current title, and the source's text
        /// when the claim is not a span of it.
        init(seq: Int64, text: String, speaker: String?, title: String?, about: String?) {
            self.seq = seq
            body = MatchText.indexed(text)
            self.speaker = MatchText.indexed(speaker ?? "")
            let title = title ?? ""
            let about = about ?? ""
            context = MatchText.indexed(about.isEmpty ? title : title + "\n" + about)
        }

        /// From a row of `index_rows`: what is stored.
        init(storedRow row: Row) {
            seq = row[0]
            body = row[1] ?? ""
            speaker = row[2] ?? ""
            context = row[3] ?? ""
        }
    }

    /// Writes the index rows of one claim (by `seq` or `claimID`), of one source's claims, or of every claim.
    package static func refresh(_ db: Database, seq: Int64? = nil, claimID: String? = nil, sourceID: String? = nil)
        throws
    {
        try flushPending(db)  // a claim recorded in this transaction may be refreshed
        let (query, arguments): (LedgerQuery, StatementArguments)
        if let seq {
            (query, arguments) = (.indexSourceOfSeq, ["seq": seq])
        } else if let claimID {
            (query, arguments) = (.indexSourceOfClaim, ["claim_id": claimID])
        } else if let sourceID {
            (query, arguments) = (.indexSourcesOfSource, ["source": sourceID])
        } else {
            (query, arguments) = (.indexSources, [])
        }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: arguments)
        while let row = try rows.next() {
            let claim = IndexedClaim(sourceRow: row)
            try db.cachedStatement(sql: LedgerQuery.indexDelete.sql).execute(db) { $0.add(claim.seq) }
            try db.cachedStatement(sql: LedgerQuery.indexInsert.sql).execute(db) { values in
                values.add(claim.seq)
                values.add(claim.body)
                values.add(claim.speaker)
                values.add(claim.context)
            }
        }
    }

    /// The row of the claim of entry `seq`, just applied from a log of record (it has none yet):
    /// read from its tables, then left waiting as `insertNew`'s rows are.
    package static func insertApplied(_ db: Database, seq: Int64) throws {
        let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.indexSourceOfSeq.sql), arguments: ["seq": seq])
        guard let row else { return }
        try wait(IndexedClaim(sourceRow: row), db)
    }

    /// The row of a claim recorded in this transaction (it has none yet, nor any correction): from its
    /// payload and its source's current title, without reading the claim back (the bulk-append path).
    /// It waits in `temp.index_pending` until `flushPending`: FTS5 writes what it holds to disk at
    /// every statement savepoint, and the next entry's insert opens one, so a row inserted into
    /// `claim_index` per claim cost a segment per claim (and their merging).
    package static func insertNew(
        _ db: Database, seq: Int64, text: String, speaker: String?, sourceID: String, isSpan: Bool
    )
        throws
    {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: LedgerQuery.indexContextOfSource.sql),
            arguments: ["source": sourceID, "with_body": !isSpan])
        try wait(IndexedClaim(seq: seq, text: text, speaker: speaker, title: row?[0], about: row?[1]), db)
    }

    private static func wait(_ claim: IndexedClaim, _ db: Database) throws {
        try db.cachedStatement(sql: LedgerQuery.indexPendingInsert.sql).execute(db) { values in
            values.add(claim.seq)
            values.add(claim.body)
            values.add(claim.speaker)
            values.add(claim.context)
        }
    }

    /// Moves the rows `insertNew` left waiting into the index, in one statement: before the
    /// transaction that recorded them commits, and before the index is searched or refreshed in it.
    /// The waiting table is made when a connection opens (`createPending`): a CREATE run later, even
    /// one that makes nothing, makes GRDB forget every prepared statement.
    package static func flushPending(_ db: Database) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: LedgerQuery.indexPendingAny.sql)) == true else { return }
        try db.cachedStatement(sql: LedgerQuery.indexPendingFlush.sql).execute()
        try db.cachedStatement(sql: LedgerQuery.indexPendingClear.sql).execute()
    }

    /// Makes this connection's table of waiting rows (a TEMP table: SQLite lets even a read-only
    /// connection make one).
    package static func createPending(_ db: Database) throws {
        try db.execute(sql: LedgerQuery.indexPendingCreate.sql)
    }

    /// The first claim (its seq) whose index row disagrees with the ledger, or an index row of no
    /// claim (its rowid); nil when every row is what the claims say.
    package static func firstDisagreement(_ db: Database) throws -> Int64? {
        let expected = try Row.fetchCursor(db.cachedStatement(sql: LedgerQuery.indexSources.sql))
        let stored = try Row.fetchCursor(db.cachedStatement(sql: LedgerQuery.indexRows.sql))
        var nextStored = try stored.next().map(IndexedClaim.init(storedRow:))
        while let row = try expected.next() {
            let claim = IndexedClaim(sourceRow: row)
            guard let have = nextStored else { return claim.seq }
            if have.seq < claim.seq { return have.seq }
            if have != claim { return claim.seq }
            nextStored = try stored.next().map(IndexedClaim.init(storedRow:))
        }
        return nextStored?.seq
    }
}
