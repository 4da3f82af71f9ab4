import CSQLiteDefensive
import Foundation
import GRDB
import LedgerSchema
import LedgerStore

/// The outcome of `audit`: the chain's size and head, and the first problem found, if any.
public struct AuditReport: Sendable, Equatable {
    /// What is wrong, and where: `seq` names the first bad entry when the damage is inside one.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64?
        public var message: String

        public init(seq: Int64?, message: String) {
            self.seq = seq
            self.message = message
        }

        public var description: String {
            if let seq { return "entry \(seq): \(message)" }
            return message
        }
    }

    public var entryCount: Int64
    public var headHash: String
    public var problem: Problem?
    /// What was not checked, and why (e.g. a check that needs the write lock another process held).
    public var notes: [String] = []
    public var passed: Bool { problem == nil }
}

/// Recomputes the whole chain and checks every invariant the ledger promises.
public struct Auditor {
    let ledger: Ledger
    /// From this many entries on, the log is checked in two halves at once, on two connections.
    let parallelFrom: Int64
    /// Recompute every row of the search index and the review queue from the claims and run FTS5's
    /// integrity check (`audit --search-index`); without it their rows are matched to the claims
    /// one for one, and the queue's decided claims checked.
    public var searchIndexContent = false

    public init(ledger: Ledger, parallelFrom: Int64 = 20_000) {
        self.ledger = ledger
        self.parallelFrom = parallelFrom
    }

    /// Runs every check; reports the first problem, which it names. In order of precedence: the
    /// schema, the chain, the derived rows, the references between rows.
    ///
    /// A large log is read in two halves at the same time, one per core, on two connections that
    /// see the same snapshot (checked by comparing the head each one sees): the second half's
    /// first link is checked against the first half's last hash, and the tables' halves must meet.
    /// When anything disagrees, the tables are read again whole, in seq order, and that answer is
    /// the one reported.
    public func run() throws -> AuditReport {
        do {
            // Pages are read with pread, not mapped: mapping the file was slower once each entry was
            // read only once (1.02 s against 1.15 s at a million entries), and its pages counted in
            // the process's resident memory (1 GB there, against 32 MB).
            return try ledger.read { db in
                if let problem = try checkSchema(db) {
                    return AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash, problem: problem)
                }
                let head = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.head.sql))
                let headSeq: Int64 = head?["seq"] ?? 0
                // A large file's page check runs beside the chain walk, on a connection of its own.
                let pages = headSeq >= parallelFrom ? PageCheck(reader: try? ledger.openAuditReader()) : nil
                let halves = try checkHalves(db, headSeq: headSeq, headHash: head?["hash"] ?? EntryEncoding.genesisHash)
                var report = joinChain(halves)
                if report.problem == nil { report.problem = try rowProblem(db, halves, headSeq: headSeq) }
                if report.problem == nil { report.problem = try checkForeignKeys(db) }
                if report.problem == nil { report.problem = try checkDerivedTables(db, notes: &report.notes) }
                report.problem = try withPageCheck(db, pages, after: report.problem)
                return report
            }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
        {
            return AuditReport(
                entryCount: 0, headHash: EntryEncoding.genesisHash,
                problem: .init(seq: nil, message: "the database file is damaged: \(error.message ?? "malformed")"))
        } catch LedgerError.damaged(let message) {
            return AuditReport(
                entryCount: 0, headHash: EntryEncoding.genesisHash,
                problem: .init(seq: nil, message: "the database file is damaged: \(message)"))
        }
    }

    /// The log in one pass, or in two halves at once when it is long and a second connection sees
    /// the same snapshot.
    private func checkHalves(_ db: Database, headSeq: Int64, headHash: String) throws -> [AuditShare.Outcome] {
        let secondHalf =
            headSeq >= parallelFrom
            ? SecondHalf(reader: try? ledger.openAuditReader(), headSeq: headSeq, headHash: headHash)
            : nil
        if let secondHalf, secondHalf.started {
            let first = try AuditShare(first: 1, last: secondHalf.share.first - 1, toTheEnd: false).run(db)
            return [first, try secondHalf.result()]
        }
        return [try AuditShare(first: 1, last: headSeq, toTheEnd: true).run(db)]
    }

    /// The chain, half after half: each half's first link must be the last hash before it, and its
    /// first time no earlier than the last time before it.
    private func joinChain(_ halves: [AuditShare.Outcome]) -> AuditReport {
        var report = AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash, problem: nil)
        for (n, half) in halves.enumerated() {
            if n > 0 {
                let before = halves[n - 1]
                if let link = half.firstPrevHash, link != before.lastHash {
                    report.problem = .init(
                        seq: before.lastSeq + 1,
                        message: "prev_hash does not match entry \(before.lastSeq)'s hash (the chain is broken)")
                    return report
                }
                if let first = half.firstRecordedAt,
                    let problem = timeProblem(first, after: before.lastRecordedAt, seq: before.lastSeq + 1)
                {
                    report.problem = .init(seq: before.lastSeq + 1, message: problem)
                    return report
                }
            }
            report.entryCount = half.lastSeq
            report.headHash = String(decoding: half.lastHash, as: UTF8.self)
            if let problem = half.chainProblem {
                report.problem = problem
                return report
            }
        }
        return report
    }

    /// The derived rows: trusted when every half passed by rowid and the halves met; otherwise the
    /// tables are read again whole, in seq order, and that answer is the one reported.
    private func rowProblem(_ db: Database, _ halves: [AuditShare.Outcome], headSeq: Int64) throws -> AuditReport
        .Problem?
    {
        let met = halves.count == 1 || zip(halves[0].stoppedAt, halves[1].startedAt).allSatisfy { $0 == $1 }
        guard halves.contains(where: { $0.needsSeqOrder }) || !met else {
            return halves.lazy.compactMap(\.rowProblem).first
        }
        var whole = AuditShare(first: 1, last: headSeq, toTheEnd: true)
        whole.checkChain = false
        whole.bySeq = true
        return try whole.run(db).rowProblem
    }

    /// The second half of the log, checked on another thread and connection, started at once.
    /// `started` is false when that connection could not be had or sees another snapshot.
    final class SecondHalf: @unchecked Sendable {
        let share: AuditShare
        private(set) var started = false
        private var outcome: Result<AuditShare.Outcome, Error>?
        private let done = DispatchSemaphore(value: 0)
        private let snapshotChecked = DispatchSemaphore(value: 0)

        private var sameSnapshot = false
        private var checked = false

        init(reader: DatabaseQueue?, headSeq: Int64, headHash: String) {
            share = AuditShare(first: headSeq / 2 + 1, last: headSeq, toTheEnd: true)
            guard let reader else { return }
            Thread.detachNewThread { [self] in
                outcome = Result {
                    try reader.read { db in
                        let head = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.head.sql))
                        sameSnapshot = head?["seq"] == headSeq && head?["hash"] == headHash
                        checked = true
                        snapshotChecked.signal()
                        guard sameSnapshot else { throw CancellationError() }
                        return try share.run(db)
                    }
                }
                if !checked { snapshotChecked.signal() }  // it failed before the check
                done.signal()
            }
            snapshotChecked.wait()
            started = sameSnapshot
        }

        func result() throws -> AuditShare.Outcome {
            done.wait()
            return try outcome!.get()
        }
    }

    /// The first problem, `earlier` or the page check's: from `pages` when it ran beside the walk
    /// (waited for either way, so its thread never outlives the read), else run here.
    private func withPageCheck(_ db: Database, _ pages: PageCheck?, after earlier: AuditReport.Problem?) throws
        -> AuditReport.Problem?
    {
        guard let pages else { return try earlier ?? Auditor.pageProblem(db) }
        let checked = Result { try pages.result() }
        return try earlier ?? checked.get()
    }

    /// SQLite's page check on another thread and connection, started at once (nil when no second
    /// connection could be had: the caller then runs it on its own).
    final class PageCheck: @unchecked Sendable {
        private var outcome: Result<AuditReport.Problem?, Error>?
        private let done = DispatchSemaphore(value: 0)

        init?(reader: DatabaseQueue?) {
            guard let reader else { return nil }
            Thread.detachNewThread { [self] in
                outcome = Result { try reader.read { db in try Auditor.pageProblem(db) } }
                done.signal()
            }
        }

        func result() throws -> AuditReport.Problem? {
            done.wait()
            return try outcome!.get()
        }
    }

    /// The schema objects the binary's migrations up to each version create, keyed by "type name"
    /// (a ledger read without being migrated is checked against its own version's schema).
    static let expectedSchemas: [[String: String]] = {
        // An in-memory database with the same migrations gives the exact sqlite_schema text.
        let queue = try! DatabaseQueue()
        return try! queue.write { db in
            var schemas: [[String: String]] = [[:]]
            for sql in LedgerSchema.migrations {
                try db.execute(sql: sql)
                schemas.append(try schemaObjects(db))
            }
            return schemas
        }
    }()

    static func schemaObjects(_ db: Database) throws -> [String: String] {
        var objects: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: LedgerQuery.schemaObjects.sql) {
            let type: String = row["type"] ?? "?"
            let name: String = row["name"] ?? "?"
            objects["\(type) \(name)"] = row["sql"] ?? ""
        }
        return objects
    }

    func checkSchema(_ db: Database) throws -> AuditReport.Problem? {
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        guard appID == Ledger.applicationID else {
            return .init(seq: nil, message: "the file's application_id is not ClaimLedger's")
        }
        let found = try Auditor.schemaObjects(db)
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let expected = Auditor.expectedSchemas[min(max(version, 1), Ledger.schemaVersion)]
        for key in expected.keys.sorted() {
            guard let sql = found[key] else {
                return .init(seq: nil, message: "schema: \(key) is missing (dropped by hand?)")
            }
            if sql != expected[key] {
                return .init(seq: nil, message: "schema: \(key) differs from the one this binary defines")
            }
        }
        for key in found.keys.sorted() where expected[key] == nil {
            return .init(seq: nil, message: "schema: unexpected \(key) (added by hand?)")
        }
        return nil
    }

    /// SQLite's own check of every page: a damaged index page can leave every hash intact while
    /// queries that use it fail (`list` exits 5) — the file is damaged, and the audit says so.
    static func pageProblem(_ db: Database) throws -> AuditReport.Problem? {
        guard let findings = try Ledger.pageDamage(db) else { return nil }
        return .init(
            seq: nil,
            message: "the database file is damaged: SQLite's page check says "
                + findings.prefix(3).joined(separator: "; "))
    }

    /// References between rows (a claim's source, a decision's claim) that point at nothing.
    func checkForeignKeys(_ db: Database) throws -> AuditReport.Problem? {
        guard let row = try Row.fetchOne(db, sql: AuditQuery.danglingReferences.sql) else { return nil }
        let table: String = row["table"] ?? "?"
        return .init(seq: row["seq"], message: "a row of \(table) points at a missing row")
    }
}
