import Foundation
import GRDB
import LedgerSchema
import LedgerSearch

/// The entry log of record kept by another engine (PostgreSQL, issue 32), of which an SQLite
/// ledger is one machine's local copy (`Ledger.follow`). Every write is appended to the log first,
/// under its append lock and inside the local write's transaction; what other servers appended is
/// applied to the copy — link by link and hash by hash, with its typed rows and derived data —
/// before anything is read or written here.
public protocol LogOfRecord: EntryChain, AnyObject {
    /// How messages name the ledger (never with a password).
    var name: String { get }
    /// Takes the log's append lock, held until `finishAppend` or `abandonAppend`: no writer on any
    /// machine appends in between.
    func beginAppend() throws
    /// Appends `entries` in order (the first follows the log's head), commits them and gives the
    /// lock back; when it throws, nothing was appended and the lock is given back.
    func finishAppend(_ entries: [Entry]) throws
    /// Gives the lock back, appending nothing (nothing happens when no append is under way).
    func abandonAppend()
}

extension Ledger {
    /// How messages name this ledger: its file, or the database whose local copy it is.
    public var name: String { logOfRecord?.name ?? path }

    /// Entries applied from the log of record per local transaction while catching up.
    static let catchUpBatch = 5_000

    /// Makes this file the local copy of `log`: its entries must be the start of the log's (a copy
    /// of another ledger is refused), and those it lacks are applied now (`progress` is told the
    /// last one applied). From then on writes go to the log first, and reads see what others wrote.
    public func follow(_ log: any LogOfRecord, progress: (Int64) -> Void = { _ in }) throws {
        let mine = try readLocally { db in try localHead(db) }
        if mine.seq > 0 {
            var theirs: String?
            try log.forEachEntry(from: mine.seq, { theirs = $0.hash }, limit: 1)
            guard theirs == mine.hash else {
                throw LedgerError.refused(
                    "The local copy at \(path) holds another ledger than this database (its entry \(mine.seq) is not the database's): remove the file, or name another local copy with CLAIMLEDGER_LOCAL_COPY. Nothing was done."
                )
            }
        }
        try catchUp(from: log, progress: progress)
        logOfRecord = log
    }

    /// Applies the log's entries this copy lacks, a batch per local transaction. The log's lock is
    /// not taken (nothing is appended there); entries another process applied meanwhile are skipped.
    func catchUp(from log: any LogOfRecord, progress: (Int64) -> Void = { _ in }) throws {
        while true {
            let mine = try readLocally { db in try localHead(db) }
            var batch: [Entry] = []
            try log.forEachEntry(from: mine.seq + 1, { batch.append($0) }, limit: Ledger.catchUpBatch)
            guard let last = batch.last else { return }
            try writeLocally { db in try apply(db, batch) }
            progress(last.seq)
        }
    }

    /// Set while `withOneCatchUp` runs: the copy was brought up to date at its start.
    @TaskLocal static var caughtUp = false

    /// Runs `body` after one catch-up with the log of record; its reads do not ask the log again (a
    /// desk page reads many times: one round trip per request, not one per read). Its writes still
    /// apply what others appended meanwhile, under the log's lock.
    public func withOneCatchUp<T>(_ body: () throws -> T) throws -> T {
        guard logOfRecord != nil else { return try body() }
        try catchUpIfBehind()
        return try Ledger.$caughtUp.withValue(true) { try body() }
    }

    /// Brings the copy up to date when the log has entries it lacks (one round trip when it has not).
    func catchUpIfBehind() throws {
        guard let log = logOfRecord, !Ledger.caughtUp else { return }
        let mine = try readLocally { db in try localHead(db) }
        if try log.head().seq > mine.seq { try catchUp(from: log) }
    }

    /// `body` under the log's append lock: what others appended is applied first, then `body`'s
    /// entries are appended to the log before the local transaction commits (a log that refuses
    /// them, or cannot be reached, rolls the local transaction back: nothing is recorded anywhere).
    func writeThrough<T>(_ log: any LogOfRecord, foreignKeys: Bool, _ body: (Database) throws -> T) throws -> T {
        try writeLocally(foreignKeys: foreignKeys) { db in
            try log.beginAppend()
            do {
                var missing: [Entry] = []
                try log.forEachEntry(from: try localHead(db).seq + 1, { missing.append($0) }, limit: .max)
                try apply(db, missing)
                let start = try localHead(db).seq
                let result = try body(db)
                try log.finishAppend(try entries(db, after: start))
                return result
            } catch {
                log.abandonAppend()
                throw error
            }
        }
    }

    /// Applies entries of the log of record: each must follow the one before and match its hash;
    /// its typed rows are made from its payload and its derived rows written as the writer's were.
    func apply(_ db: Database, _ entries: [Entry]) throws {
        var previous = try localHead(db)
        let fresh = entries.drop { $0.seq <= previous.seq }  // applied meanwhile by another process
        guard fresh.first?.seq == previous.seq + 1 else { return }
        var claims: [Int64] = []
        for entry in fresh {
            do { try ChainCopy.checkLink(entry, after: previous) } catch {
                throw LedgerError.refused(
                    "Entry \(entry.seq) of the ledger's database does not follow the chain or does not match its hash (run `claimledger audit` on the database); nothing was read or written."
                )
            }
            try replay(db, entry)
            try deriveRows(db, entry, claims: &claims)
            previous = (entry.seq, entry.hash)
        }
        try storeMatches(db, ofApplied: claims)
    }

    /// The search index rows (and matches) an entry changes, as its writer changed them.
    private func deriveRows(_ db: Database, _ entry: Entry, claims: inout [Int64]) throws {
        switch EntryKind(rawValue: entry.kind) {
        case .claimRecorded:
            try SearchIndex.insertApplied(db, seq: entry.seq)
            claims.append(entry.seq)
        case .correction:
            let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.correctionAt.sql), arguments: [entry.seq])
            guard let row, [CorrectionField.text.rawValue, CorrectionField.speaker.rawValue].contains(row[1]) else {
                return
            }
            try SearchIndex.refresh(db, claimID: row[0])
            try matchAgain(db, claimID: row[0])
        case .sourceCorrected:
            let row = try Row.fetchOne(
                db.cachedStatement(sql: LedgerQuery.sourceCorrectionAt.sql), arguments: [entry.seq])
            guard let row, (row[1] as String) == SourceField.title.rawValue else { return }
            try SearchIndex.refresh(db, sourceID: row[0])
        default:
            break
        }
    }

    /// The matches of claims applied from the log, found as their writer found them; past
    /// `seenBeforeLimit` of them at once (a first copy of a large ledger) they are searched when
    /// asked, as after a large import, until `audit --rebuild-index` stores them.
    private func storeMatches(_ db: Database, ofApplied seqs: [Int64]) throws {
        guard seqs.count <= Ledger.seenBeforeLimit else {
            for seq in seqs { try deferMatches(db, claimSeq: seq) }
            return
        }
        let counts = WordCounts()  // every applied claim is indexed already
        for seq in seqs { try storeMatches(db, of: try claimRecord(db, seq: seq, asOf: nil), counts: counts) }
    }

    func localHead(_ db: Database) throws -> (seq: Int64, hash: String) {
        let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.head.sql))
        return (row?["seq"] ?? 0, row?["hash"] ?? EntryEncoding.genesisHash)
    }

    /// This file's entries after `seq`, in order.
    func entries(_ db: Database, after seq: Int64) throws -> [Entry] {
        try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.entriesFrom.sql), arguments: [seq + 1]).map { row in
            Entry(seq: row[0], kind: row[1], recordedAt: row[2], prevHash: row[3], payload: row[4], hash: row[5])
        }
    }
}
