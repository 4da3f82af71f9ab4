import CSQLiteDefensive
import Foundation
import GRDB
import LedgerSchema

/// The outcome of `audit`: the chain's size and head, and the first problem found, if any.
public struct AuditReport: Sendable, Equatable {
    /// What is wrong, and where: `seq` names the first bad entry when the damage is inside one.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64?
        public var message: String
        public var description: String {
            if let seq { return "entry \(seq): \(message)" }
            return message
        }
    }

    public var entryCount: Int64
    public var headHash: String
    public var problem: Problem?
    public var passed: Bool { problem == nil }
}

/// Recomputes the whole chain and checks every invariant the ledger promises.
public struct Auditor {
    let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    /// Runs every check; stops at the first problem, which it names.
    ///
    /// The chain walk and the derived-row check each read the whole log; they run at the same
    /// time on two connections that see the same snapshot (checked by comparing the head each
    /// one sees). When a second connection cannot be had, or an append landed between the two
    /// snapshots, the derived-row check runs after the chain walk on the first connection.
    public func run() throws -> AuditReport {
        do {
            // The audit reads every page: map the file instead of copying pages in with pread
            // (only while auditing; other commands touch a few pages).
            try ledger.queue.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Auditor.mmapSize)") }
            defer { try? ledger.queue.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 0") } }
            let reader = try? ledger.openAuditReader()
            return try ledger.read { db in
                if let problem = try checkSchema(db) {
                    return AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash, problem: problem)
                }
                let head = try Row.fetchOne(db.cachedStatement(sql: LedgerSchema.query("head")))
                let headSeq: Int64 = head?["seq"] ?? 0
                let derived = ConcurrentCheck(reader: reader, headSeq: headSeq)
                // In order of precedence: the chain, then the derived rows, then the foreign keys.
                var report = try ChainWalk().run(db)
                let foreignKeyProblem = report.problem == nil ? try checkForeignKeys(db) : nil
                let derivedResult = try derived.result()
                if report.problem == nil {
                    report.problem = try (derivedResult ?? DerivedRowCheck().run(db)) ?? foreignKeyProblem
                }
                return report
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            return AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash,
                               problem: .init(seq: nil, message: "the database file is damaged: \(error.message ?? "malformed")"))
        } catch LedgerError.damaged(let message) {
            return AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash,
                               problem: .init(seq: nil, message: "the database file is damaged: \(message)"))
        }
    }

    static let mmapSize: Int64 = 1 << 32

    /// The derived-row check on a second connection, started at once, its result awaited later.
    /// `result()` is `nil` when it could not run on the same snapshot (the caller runs it itself).
    final class ConcurrentCheck: @unchecked Sendable {
        private var outcome: Result<AuditReport.Problem?, Error>?
        private let done = DispatchSemaphore(value: 0)
        private let started: Bool

        init(reader: DatabaseQueue?, headSeq: Int64) {
            guard let reader else { started = false; return }
            started = true
            Thread.detachNewThread { [self] in
                outcome = Result {
                    try reader.read { db -> AuditReport.Problem?? in
                        let seq = try Int64.fetchOne(db.cachedStatement(sql: LedgerSchema.query("head"))) ?? 0
                        guard seq == headSeq else { return .none }                 // another snapshot
                        return .some(try DerivedRowCheck().run(db))
                    }
                }.flatMap { $0.map { .success($0) } ?? .failure(NotSameSnapshot()) }
                done.signal()
            }
        }

        struct NotSameSnapshot: Error {}

        /// The check's problem, `.some(nil)` when it passed, `nil` when it did not run.
        func result() throws -> AuditReport.Problem?? {
            guard started else { return nil }
            done.wait()
            switch outcome! {
            case .success(let problem): return .some(problem)
            case .failure(is NotSameSnapshot): return nil
            case .failure(let error): throw error
            }
        }
    }

    /// The schema objects the binary's migrations create, keyed by "type name".
    static let expectedSchema: [String: String] = {
        // An in-memory database with the same migrations gives the exact sqlite_schema text.
        let queue = try! DatabaseQueue()
        return try! queue.write { db in
            for sql in LedgerSchema.migrations { try db.execute(sql: sql) }
            return try schemaObjects(db)
        }
    }()

    static func schemaObjects(_ db: Database) throws -> [String: String] {
        var objects: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: LedgerSchema.query("schema_objects")) {
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
        let expected = Auditor.expectedSchema
        for key in expected.keys.sorted() {
            guard let sql = found[key] else { return .init(seq: nil, message: "schema: \(key) is missing (dropped by hand?)") }
            if sql != expected[key] { return .init(seq: nil, message: "schema: \(key) differs from the one this binary defines") }
        }
        for key in found.keys.sorted() where expected[key] == nil {
            return .init(seq: nil, message: "schema: unexpected \(key) (added by hand?)")
        }
        return nil
    }

    /// References between rows (a claim's source, a decision's claim) that point at nothing.
    func checkForeignKeys(_ db: Database) throws -> AuditReport.Problem? {
        guard let row = try Row.fetchOne(db, sql: LedgerSchema.auditQuery("dangling_references")) else { return nil }
        let table: String = row["table"] ?? "?"
        return .init(seq: row["seq"], message: "a row of \(table) points at a missing row")
    }
}
