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
    public func run() throws -> AuditReport {
        do {
            // The audit reads every page several times: map the file instead of copying pages in
            // with pread (only while auditing; other commands touch a few pages).
            try ledger.queue.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
            defer { try? ledger.queue.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 0") } }
            return try ledger.read { db in
                if let problem = try checkSchema(db) {
                    return AuditReport(entryCount: 0, headHash: EntryEncoding.genesisHash, problem: problem)
                }
                var report = try checkChain(db)
                if report.problem == nil { report.problem = try checkMaterialized(db) }
                if report.problem == nil { report.problem = try checkForeignKeys(db) }
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

    /// Walks every entry once: numbering without gaps, links, and each hash recomputed.
    func checkChain(_ db: Database) throws -> AuditReport {
        var expectedSeq: Int64 = 1
        var previous = EntryEncoding.genesisHash
        let rows = try Row.fetchCursor(db.cachedStatement(sql: LedgerSchema.query("entries_from")), arguments: [1])
        func fail(_ seq: Int64, _ message: String) -> AuditReport {
            AuditReport(entryCount: expectedSeq - 1, headHash: previous, problem: .init(seq: seq, message: message))
        }
        while let row = try rows.next() {
            guard let seq = row[0] as Int64? else { return fail(expectedSeq, "its number is not an integer") }
            guard let kind = row[1] as String?, let recordedAt = row[2] as String?,
                  let prevHash = row[3] as String?, let payload = row[4] as String?, let hash = row[5] as String?
            else { return fail(seq, "a field is missing or not text") }
            if seq != expectedSeq {
                return fail(expectedSeq, seq > expectedSeq
                            ? "missing: the log jumps from entry \(expectedSeq - 1) to \(seq)"
                            : "out of order: entry \(seq) appears after entry \(expectedSeq - 1)")
            }
            if EntryKind(rawValue: kind) == nil { return fail(seq, "unknown kind \"\(kind)\"") }
            if prevHash != previous {
                return fail(seq, "prev_hash does not match entry \(seq - 1)'s hash (the chain is broken)")
            }
            let recomputed = EntryEncoding.hash(seq: seq, kind: kind, recordedAt: recordedAt,
                                                prevHash: prevHash, payload: payload)
            if recomputed != hash {
                return fail(seq, "its content does not match its hash (stored \(hash.prefix(12))…, recomputed \(recomputed.prefix(12))…)")
            }
            previous = hash
            expectedSeq += 1
        }
        return AuditReport(entryCount: expectedSeq - 1, headHash: previous, problem: nil)
    }

    /// The typed tables must be exactly what the entries' payloads say.
    func checkMaterialized(_ db: Database) throws -> AuditReport.Problem? {
        var worst: (seq: Int64, table: String)?
        for (table, sql) in LedgerSchema.auditQueries {
            if let seq = try Int64.fetchOne(db, sql: sql), seq < (worst?.seq ?? .max) {
                worst = (seq, table)
            }
        }
        guard let worst else { return nil }
        return .init(seq: worst.seq, message: "the \(worst.table) table disagrees with this entry (a derived row was altered, added or removed)")
    }

    func checkForeignKeys(_ db: Database) throws -> AuditReport.Problem? {
        guard let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") else { return nil }
        let table: String = row[0] ?? "?"
        return .init(seq: row[1], message: "a row of \(table) points at a missing row")
    }
}
