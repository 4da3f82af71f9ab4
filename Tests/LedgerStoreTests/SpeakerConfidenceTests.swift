import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// Schema version 7: the speaker ranker's confidence, stored with the quote it attributed.
@Suite("Speaker confidence (migration 7)")
struct SpeakerConfidenceTests {
    /// One source: three quotes the ranker attributed (0.31, 0.64, 0.97), one the rules attributed, one claim.
    func confidenceLedger(_ dir: TemporaryDirectory) throws -> (Ledger, [ClaimPayload]) {
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource("Quotes of the confidence test.")
        let confidences: [Double?] = [0.31, 0.64, 0.97, nil]
        var claims = confidences.enumerated().map { n, confidence in
            ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "quote", start: n, end: n + 1, text: "quote \(n)"),
                sourceID: source.sourceID, kind: .quote, text: "quote \(n)", speaker: "Jane Doe", start: n, end: n + 1,
                speakerConfidence: confidence)
        }
        claims.append(
            ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "claim", start: 9, end: 10, text: "a claim"),
                sourceID: source.sourceID, kind: .claim, text: "a claim", score: 0.8, start: 9, end: 10))
        try ledger.write { db in
            try ledger.recordSource(db, source)
            for c in claims { try ledger.recordClaim(db, c) }
        }
        return (ledger, claims)
    }

    @Test func theConfidenceIsStoredReadBackAndFiltered() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try confidenceLedger(dir)
        #expect(try ledger.claim(id: claims[1].claimID).speakerConfidence == 0.64)
        #expect(try ledger.claim(id: claims[3].claimID).speakerConfidence == nil)
        var doubtful = ClaimFilter(order: .position)
        doubtful.maxConfidence = 0.7
        #expect(try ledger.claims(doubtful).map(\.text) == ["quote 0", "quote 1"])
        var sure = ClaimFilter(order: .position)
        sure.minConfidence = 0.64
        #expect(try ledger.claims(sure).map(\.text) == ["quote 1", "quote 2"])
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    /// A reviewer's correction of the speaker is nobody's guess: the ranker's confidence no longer applies.
    @Test func aCorrectedSpeakerHasNoConfidence() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try confidenceLedger(dir)
        try ledger.correct(
            claimID: claims[0].claimID, field: .speaker, value: "Omar Ali", reason: "misattributed", reviewer: "ann")
        #expect(try ledger.claim(id: claims[0].claimID).speakerConfidence == nil)
        var doubtful = ClaimFilter(order: .position)
        doubtful.maxConfidence = 0.7
        #expect(try ledger.claims(doubtful).map(\.text) == ["quote 1"])
    }

    /// The confidence is part of the hashed payload; its row cannot be altered, added or removed unseen.
    @Test(arguments: [
        ("UPDATE speaker_confidence SET confidence = 0.99 WHERE seq = 3", Int64(3)),
        ("DELETE FROM speaker_confidence WHERE seq = 4", Int64(4)),
        ("INSERT INTO speaker_confidence (seq, confidence) VALUES (5, 0.9)", Int64(5)),
    ])
    func tamperingWithAConfidenceIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try confidenceLedger($0).0 }
    }

    @Test func sqliteRefusesToChangeAConfidence() throws {
        let dir = TemporaryDirectory()
        let (ledger, _) = try confidenceLedger(dir)
        for sql in [
            "UPDATE speaker_confidence SET confidence = 0.5", "DELETE FROM speaker_confidence",
            "INSERT INTO speaker_confidence (seq, confidence) VALUES (6, 0.5)",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
    }

    /// A ledger of schema version 6 opened read-only reads as having no confidences; the first writer migrates it.
    @Test func aVersionSixLedgerReadsWithoutConfidencesThenMigrates() throws {
        let dir = TemporaryDirectory()
        let (ledger, claims) = try confidenceLedger(dir)
        let path = ledger.path
        let older = try DatabaseQueue(path: path)
        try older.writeWithoutTransaction {
            // As a version 6 ledger holds them: payloads without the key (rewritten with their hashes
            // below is not needed for reading), and no table.
            try $0.execute(
                sql: OlderSchema.claimsViewBeforeVersion12
                    + "DROP TABLE attribution_credit; DROP TABLE attribution; DROP TABLE review_credit; DROP TABLE publisher; DROP TABLE trusted_key; DROP TABLE speaker_confidence; PRAGMA user_version = 6;"
            )
        }
        try older.close()
        let reader = try Ledger(path: path, create: false, readOnly: true)
        #expect(try reader.claim(id: claims[1].claimID).speakerConfidence == nil)
        var doubtful = ClaimFilter()
        doubtful.maxConfidence = 0.7
        #expect(try reader.claims(doubtful).isEmpty)
        let writer = try Ledger(path: path, create: false)
        #expect(try writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Ledger.schemaVersion)
    }
}
