import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// A ledger with one source, three claims and two decisions (8 entries).
func smallLedger(_ dir: TemporaryDirectory) throws -> Ledger {
    let ledger = try makeTemporaryLedger(in: dir)
    let source = sampleSource("Prices rose 5 percent in 2023. Exports fell. Imports doubled.")
    let claims = ["Prices rose 5 percent in 2023.", "Exports fell.", "Imports doubled."].enumerated().map { n, text in
        ClaimPayload(
            claimID: Identifiers.claimID(sourceID: source.sourceID, kind: "claim", start: n, end: n + 1, text: text),
            sourceID: source.sourceID, kind: .claim, text: text)
    }
    try ledger.write { db in
        try ledger.recordSource(db, source)
        for c in claims { try ledger.recordClaim(db, c) }
    }
    try ledger.changeStatus(
        claimID: claims[0].claimID, to: .verified, evidence: "https://stats.example/2023", note: nil, reviewer: "ann")
    try ledger.changeStatus(
        claimID: claims[1].claimID, to: .disputed, evidence: "Customs data", note: nil, reviewer: "bob")
    try ledger.addNote(claimID: claims[2].claimID, text: "ask the ministry", reviewer: "ann")
    try ledger.correct(
        claimID: claims[2].claimID, field: .speaker, value: "Ministry", reason: "source named", reviewer: "ann")
    return ledger
}

/// What an attacker with the `sqlite3` tool can do: drop the guards, change rows, put the guards back.
func tamper(_ path: String, _ sql: String, restoreTriggers: Bool = true) throws {
    var config = Configuration()
    config.foreignKeysEnabled = false  // as in the sqlite3 tool
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { db in
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
        for t in triggers { try db.execute(sql: "DROP TRIGGER \(t["name"] as String)") }
        try db.execute(sql: sql)
        if restoreTriggers { for t in triggers { try db.execute(sql: t["sql"]) } }
    }
}

/// A stronger attacker: rewrites rows, then recomputes every hash from entry `seq` on, so the
/// chain alone looks intact.
func rewriteRecomputingHashes(_ path: String, from seq: Int64, _ statements: [String]) throws {
    var config = Configuration()
    config.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { db in
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
        for t in triggers { try db.execute(sql: "DROP TRIGGER \(t["name"] as String)") }
        for sql in statements { try db.execute(sql: sql) }
        var previous: String =
            try String.fetchOne(db, sql: "SELECT hash FROM entry WHERE seq = ?", arguments: [seq - 1])
            ?? EntryEncoding.genesisHash
        for row in try Row.fetchAll(
            db, sql: "SELECT seq, kind, recorded_at, payload FROM entry WHERE seq >= ? ORDER BY seq", arguments: [seq])
        {
            let hash = EntryEncoding.hash(
                seq: row["seq"], kind: row["kind"], recordedAt: row["recorded_at"], prevHash: previous,
                payload: row["payload"])
            try db.execute(
                sql: "UPDATE entry SET prev_hash = ?, hash = ? WHERE seq = ?",
                arguments: [previous, hash, row["seq"] as Int64])
            previous = hash
        }
        for t in triggers { try db.execute(sql: t["sql"]) }
    }
}

/// Tampers a fresh ledger made by `make` with `sql`, then audits it whole and split in halves as a
/// large log is (8 entries: 1–4 and 5–8; 1–3 and 4–8 after a deletion): both must fail, naming `entry`.
func expectCaught(
    _ sql: String, namingEntry entry: Int64, in make: (TemporaryDirectory) throws -> Ledger,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    for parallelFrom in [Int64.max, 1] {
        let dir = TemporaryDirectory()
        let path = try make(dir).path
        try tamper(path, sql)
        let report = try Auditor(ledger: Ledger(path: path, create: false), parallelFrom: parallelFrom).run()
        #expect(!report.passed, "\(sql), parallelFrom \(parallelFrom)", sourceLocation: sourceLocation)
        #expect(
            report.problem?.seq == entry, "\(sql), parallelFrom \(parallelFrom): \(String(describing: report.problem))",
            sourceLocation: sourceLocation)
    }
}

@Suite("Append-only and tamper evidence")
struct TamperTests {
    @Test func updateDeleteAndReplaceAreRefusedBySQLite() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        for sql in [
            "UPDATE entry SET payload = '{}' WHERE seq = 2",
            "DELETE FROM entry WHERE seq = 8",
            "UPDATE claim SET speaker = 'someone'",
            "DELETE FROM review",
            "INSERT OR REPLACE INTO entry SELECT * FROM entry WHERE seq = 2",
            "INSERT OR REPLACE INTO review SELECT * FROM review LIMIT 1",
            "INSERT INTO note SELECT * FROM note ON CONFLICT(seq) DO UPDATE SET text = 'x'",
        ] {
            // refused: a LedgerError when a rule (trigger) says no
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func writableSchemaIsClosedByDefensiveMode() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        #expect(throws: DatabaseError.self) {
            try ledger.write { db in
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(sql: "DELETE FROM sqlite_schema WHERE name = 'entry_no_update'")
            }
        }
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func aDroppedTriggerIsReported() throws {
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "DROP TRIGGER claim_no_update") }
        let report = try Auditor(ledger: Ledger(path: path, create: false)).run()
        #expect(!report.passed)
        #expect(report.problem?.message.contains("trigger claim_no_update is missing") == true)
    }

    @Test(arguments: [
        ("UPDATE entry SET payload = replace(payload, 'Customs', 'Cystoms') WHERE seq = 6", Int64(6)),
        ("UPDATE entry SET recorded_at = '2020-01-01T00:00:00Z' WHERE seq = 3", Int64(3)),
        ("UPDATE entry SET kind = 'note_added' WHERE seq = 8", Int64(8)),
        ("UPDATE review SET evidence = 'nothing' WHERE seq = 5", Int64(5)),
        ("DELETE FROM entry WHERE seq = 8", Int64(8)),
        ("DELETE FROM entry WHERE seq = 4", Int64(4)),
        (
            """
            UPDATE entry SET payload = CASE seq WHEN 5 THEN (SELECT payload FROM entry WHERE seq = 6)
                                               ELSE (SELECT payload FROM entry WHERE seq = 5) END,
                             hash = CASE seq WHEN 5 THEN (SELECT hash FROM entry WHERE seq = 6)
                                             ELSE (SELECT hash FROM entry WHERE seq = 5) END
            WHERE seq IN (5, 6)
            """, Int64(5)
        ),
        ("UPDATE entry SET seq = seq + 100 WHERE seq = 3", Int64(3)),
        // Derived rows: removed, added without an entry, moved to another entry, re-ordered and changed.
        ("DELETE FROM note WHERE seq = 7", Int64(7)),
        ("INSERT INTO note VALUES (100, (SELECT claim_id FROM claim LIMIT 1), 'slipped in', 'eve')", Int64(100)),
        ("INSERT INTO note VALUES (5, (SELECT claim_id FROM claim LIMIT 1), 'slipped in', 'eve')", Int64(5)),
        ("UPDATE claim SET seq = 5 WHERE seq = 2", Int64(2)),
        (
            "UPDATE claim SET rowid = 1000 WHERE seq = 2; UPDATE claim SET text = 'Exports rose.' WHERE seq = 3",
            Int64(3)
        ),
        ("UPDATE source SET body = NULL WHERE seq = 1", Int64(1)),
        ("UPDATE claim SET score = 0.5 WHERE seq = 4", Int64(4)),
        (
            "INSERT INTO claim (rowid, claim_id, seq, source_id, kind, text) VALUES (0, 'x', 7, (SELECT source_id FROM source), 'claim', 'stray')",
            Int64(7)
        ),
        (
            "INSERT INTO claim (rowid, claim_id, seq, source_id, kind, text) VALUES (-5, 'x', 0, (SELECT source_id FROM source), 'claim', 'stray')",
            Int64(0)
        ),
    ])
    func tamperingIsCaughtAndTheEntryNamed(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry, in: smallLedger)
    }

    @Test func anUntouchedLedgerPassesWholeAndInHalves() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        for parallelFrom: Int64 in [.max, 1] {
            let report = try Auditor(ledger: ledger, parallelFrom: parallelFrom).run()
            #expect(report.passed, "\(String(describing: report.problem))")
            #expect(report.entryCount == 8)
            #expect(report.headHash == (try ledger.head().hash))
        }
    }

    @Test func rowsStoredOutOfOrderAreStillCheckedInSeqOrder() throws {
        // rowid order is not seq order (only another tool could do this): the audit reads by seq.
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        try tamper(path, "UPDATE claim SET rowid = 1000 WHERE seq = 2; UPDATE review SET rowid = rowid WHERE seq = 5")
        for parallelFrom: Int64 in [.max, 1] {
            #expect(try Auditor(ledger: Ledger(path: path, create: false), parallelFrom: parallelFrom).run().passed)
        }
    }

    @Test func aReferenceToNothingIsCaughtEvenWithEveryHashRecomputed() throws {
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        let bogus = String(repeating: "e", count: 64)
        try rewriteRecomputingHashes(
            path, from: 6,
            [
                "UPDATE entry SET payload = json_set(payload, '$.claim_id', '\(bogus)') WHERE seq = 6",
                "UPDATE review SET claim_id = '\(bogus)' WHERE seq = 6",
            ])
        let report = try Auditor(ledger: Ledger(path: path, create: false)).run()
        #expect(report.problem?.seq == 6)
        #expect(report.problem?.message == "a row of review points at a missing row")
    }

    @Test func everyForeignKeyIsCoveredByTheAudit() throws {
        // Schema/q_audit.sql checks the references below; a new foreign key needs a check there.
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let queue = try DatabaseQueue(path: ledger.path)
        let found = try queue.read { db in
            try ["entry", "source", "claim", "review", "note", "correction"].flatMap { (table: String) in
                try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?)", arguments: [table]).map { row in
                    "\(table).\(row["from"] as String) -> \(row["table"] as String).\(row["to"] as String)"
                }
            }
        }
        #expect(
            Set(found) == [
                "source.seq -> entry.seq", "claim.seq -> entry.seq", "review.seq -> entry.seq", "note.seq -> entry.seq",
                "correction.seq -> entry.seq",  // pairing of rows and entries (DerivedRowCheck)
                "claim.source_id -> source.source_id", "review.claim_id -> claim.claim_id",
                "note.claim_id -> claim.claim_id", "correction.claim_id -> claim.claim_id",  // dangling_references
            ])
    }

    @Test func aByteFlippedInTheFileIsCaught() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let path = ledger.path
        // Fold the WAL into the main file so the bytes are there to flip.
        try ledger.write { _ in }
        _ = try ledger.read { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        guard let at = bytes.indices.first(where: { bytes[$0...].starts(with: Array("Customs data".utf8)) }) else {
            Issue.record("payload bytes not found")
            return
        }
        bytes[at] = UInt8(ascii: "K")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try Auditor(ledger: Ledger(path: path, create: false)).run()
        #expect(!report.passed)
        #expect(report.problem?.seq == 6)
    }
}
