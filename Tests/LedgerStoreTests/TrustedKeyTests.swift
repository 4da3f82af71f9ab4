import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing
import TransparencyLog

/// Schema version 8 (issue 30, item 9): the verifier keys a ledger trusts to sign its checkpoints.
@Suite("Trusted keys (migration 8)")
struct TrustedKeyTests {
    /// The small ledger, then a trusted key (entry 9).
    func trustingLedger(_ dir: TemporaryDirectory) throws -> (Ledger, NoteSigner) {
        let ledger = try smallLedger(dir)
        let signer = try NoteSigner(name: "desk.example/ledger")
        try ledger.trustKey(signer.verifier, trustedBy: "ann")
        return (ledger, signer)
    }

    @Test func aTrustedKeyChecksCheckpointsWithoutBeingGiven() throws {
        let dir = TemporaryDirectory()
        let (ledger, signer) = try trustingLedger(dir)
        let keys = try ledger.trustedKeys()
        #expect(
            keys.map(\.name) == ["desk.example/ledger"] && keys.first?.key == signer.verifier.text
                && keys.first?.trustedBy == "ann")
        let signatures = try ledger.signatureCheck(given: nil)
        #expect(signatures.origin == .trustedByLedger && signatures.checksSignatures)

        let good = try saveCheckpoint(ledger, signer, name: "good")
        #expect(try CheckpointAudit(ledger: ledger).run([good], signatures: signatures).isEmpty)
        let forger = try NoteSigner(name: "desk.example/ledger")  // same name, another key
        let forged = try saveCheckpoint(ledger, forger, name: "forged")
        let problems = try CheckpointAudit(ledger: ledger).run([forged], signatures: signatures)
        #expect(problems.first?.contains("forged is not signed by key desk.example/ledger") == true, "\(problems)")
        let unsigned = CheckpointAudit.Saved(
            name: "unsigned", note: try SignedNote.parse(try ledger.checkpoint(origin: "x").body))
        #expect(try CheckpointAudit(ledger: ledger).run([unsigned], signatures: signatures).count == 1)
        // A key given for the run is used instead of the trusted ones.
        let pinned = try ledger.signatureCheck(given: forger.verifier)
        #expect(
            try pinned.origin == .given && CheckpointAudit(ledger: ledger).run([forged], signatures: pinned).isEmpty)
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func withoutTrustedKeysNothingIsChecked() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let signatures = try ledger.signatureCheck(given: nil)
        #expect(signatures.origin == .none && !signatures.checksSignatures)
        let standing = try CheckpointAudit(ledger: ledger).standing(
            [saveCheckpoint(ledger, try NoteSigner(name: "a.example"), name: "cp")],
            signatures: signatures)
        #expect(standing?.signature == "signature not checked (no key given or trusted)")
    }

    @Test func aKeyIsTrustedOnce() throws {
        let dir = TemporaryDirectory()
        let (ledger, signer) = try trustingLedger(dir)
        #expect(throws: LedgerError.self) { try ledger.trustKey(signer.verifier, trustedBy: "bob") }
        #expect(throws: LedgerError.self) {
            try ledger.trustKey(try NoteSigner(name: "b.example").verifier, trustedBy: " ")
        }
        #expect(try ledger.head().seq == 9)
    }

    /// A trusted key is an entry: its row cannot be altered, added or removed unseen.
    @Test(arguments: [
        ("UPDATE trusted_key SET trusted_by = 'mallory' WHERE seq = 9", Int64(9)),
        ("DELETE FROM trusted_key WHERE seq = 9", Int64(9)),
    ])
    func tamperingWithATrustedKeyIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try trustingLedger($0).0 }
    }

    @Test func sqliteRefusesToChangeATrustedKey() throws {
        let dir = TemporaryDirectory()
        let (ledger, _) = try trustingLedger(dir)
        let other = try NoteSigner(name: "m.example").verifier.text
        for sql in [
            "UPDATE trusted_key SET key = '\(other)'", "DELETE FROM trusted_key",
            "INSERT INTO trusted_key (seq, key, name, trusted_by) VALUES (9, '\(other)', 'm.example', 'x')",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
    }

    /// A ledger of schema version 7 opened read-only trusts no key; the first writer migrates it.
    @Test func aVersionSevenLedgerReadsWithoutTrustedKeysThenMigrates() throws {
        let dir = TemporaryDirectory()
        let path = try smallLedger(dir).path
        let older = try DatabaseQueue(path: path)
        try older.writeWithoutTransaction {
            // Version 7's schema: no table, and the kinds' guard as migration 5 left it.
            try $0.execute(
                sql: OlderSchema.claimsViewBeforeVersion12 + """
                    DROP TABLE attribution_credit; DROP TABLE attribution; DROP TABLE review_credit; DROP TABLE publisher; DROP TABLE trusted_key; DROP TRIGGER entry_known_kind;
                    CREATE TRIGGER entry_known_kind BEFORE INSERT ON entry
                    WHEN NEW.kind NOT IN ('source_recorded', 'claim_recorded', 'status_changed', 'note_added', 'correction',
                                          'source_corrected', 'rating_defined', 'reviewer_added', 'reviewer_revoked')
                    BEGIN SELECT RAISE(ABORT, 'ledger: unknown kind of entry'); END;
                    PRAGMA user_version = 7;
                    """)
        }
        try older.close()
        let reader = try Ledger(path: path, create: false, readOnly: true)
        #expect(try reader.trustedKeys().isEmpty)
        #expect(try Auditor(ledger: reader).run().passed)
        let writer = try Ledger(path: path, create: false)
        try writer.trustKey(try NoteSigner(name: "c.example").verifier, trustedBy: "ann")
        #expect(try writer.trustedKeys().count == 1 && (try Auditor(ledger: writer).run().passed))
    }
}
