import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// The rows schema version 3 adds (source corrections, rating labels, a decision's rating and the
/// decision it replaces) are derived rows like the others: `audit` re-derives each from its entry.
@Suite("Tamper evidence of schema version 3's rows")
struct SchemaThreeTamperTests {
    /// smallLedger (8 entries), then: a source correction (9), a rating label (10), a rated decision
    /// replacing entry 5 (11), a dismissal (12).
    static func ledger(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try smallLedger(dir)
        let source = try ledger.sources()[0].source.sourceID
        try ledger.correctSource(
            sourceID: source, changes: [(.title, "Prices, 2023")], reason: "page title", reviewer: "ann")
        try ledger.defineRating("Half true", means: .disputed, value: 3, reviewer: "ann")
        let claims = try ledger.claims(ClaimFilter(order: .position))
        _ = try ledger.decide(
            claimIDs: [claims[0].claimID], Verdict(.disputed, evidence: "revised table", rating: "half TRUE"),
            reviewer: "bob")
        _ = try ledger.decide(
            claimIDs: [claims[2].claimID], Verdict(.dismissed, reason: "not checkable"), reviewer: "bob")
        return ledger
    }

    @Test func theDecisionNamesTheOneItReplacesAndTheLabelAsDefined() throws {
        let dir = TemporaryDirectory()
        let ledger = try SchemaThreeTamperTests.ledger(dir)
        let payload = try #require(
            try ledger.read { try String.fetchOne($0, sql: "SELECT payload FROM entry WHERE seq = 11") })
        #expect(payload.contains(#""rating":"Half true","replaces":5"#), "\(payload)")
        #expect(try ledger.claims(ClaimFilter(status: .dismissed)).count == 1)
        #expect(try ledger.claims(ClaimFilter()).count == 2)  // dismissed left out
        #expect(try ledger.claims(ClaimFilter(withDismissed: true)).count == 3)
        #expect(try ledger.sources()[0].source.title == "Prices, 2023")
        #expect(try ledger.sources(asOf: 8)[0].source.title == "Example")
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func theDatabaseRefusesADecisionThatDoesNotNameTheOneItReplaces() throws {
        let dir = TemporaryDirectory()
        let ledger = try SchemaThreeTamperTests.ledger(dir)
        #expect(throws: (any Error).self) {
            try ledger.write { db in
                let claim = try String.fetchOne(db, sql: "SELECT claim_id FROM review WHERE seq = 11")!
                let entry = try ledger.append(
                    db, kind: .statusChanged,
                    payload: #"{"claim_id":"\#(claim)","evidence":"x","reviewer":"eve","status":"verified"}"#)
                try db.execute(
                    sql:
                        "INSERT INTO review (seq, claim_id, status, evidence, reviewer) VALUES (?, ?, 'verified', 'x', 'eve')",
                    arguments: [entry.seq, claim])
            }
        }
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test(arguments: [
        ("UPDATE source_correction SET value = 'Something else' WHERE seq = 9", Int64(9)),
        ("UPDATE rating SET value = 5 WHERE seq = 10", Int64(10)),
        ("UPDATE review SET rating = 'True' WHERE seq = 11", Int64(11)),
        ("UPDATE review SET replaces = NULL WHERE seq = 11", Int64(11)),
        ("UPDATE review SET status = 'unverified' WHERE seq = 12", Int64(12)),
        ("DELETE FROM source_correction WHERE seq = 9", Int64(9)),
        ("UPDATE entry SET kind = 'correction' WHERE seq = 9", Int64(9)),
    ])
    func tamperingIsCaughtAndTheEntryNamed(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry, in: SchemaThreeTamperTests.ledger)
    }
}
