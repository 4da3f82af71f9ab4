import Foundation
import GRDB
import LedgerAudit
import LedgerSchema
import LedgerStore
import TestSupport
import Testing
import TransparencyLog

/// Issue 29: a tree head shown in a report is read from the stored roots of the log's blocks of
/// 1,024 entries (schema version 18), and equals the one computed from every entry.
@Suite("Stored roots of the log's blocks (migration 18)")
struct MerkleBlockTests {
    /// A ledger of one source and 2,100 claims (2,101 entries: two complete blocks), written in
    /// three commits so blocks are completed by different ones.
    func bigLedger(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource("An article of many claims.", title: "Many")
        let claims = (0..<2_100).map { (n: Int) -> ClaimPayload in
            ClaimPayload(
                claimID: Identifiers.claimID(
                    sourceID: source.sourceID, kind: "claim", start: n, end: nil, text: "c\(n)"),
                sourceID: source.sourceID, kind: .claim, text: "Claim number \(n).", score: 0.5, start: n)
        }
        try ledger.write { db in _ = try ledger.recordSource(db, source) }
        for part in [claims[..<700], claims[700..<1_500], claims[1_500...]] {
            try ledger.write { db in for c in part { try ledger.recordClaim(db, c) } }
        }
        return ledger
    }

    @Test func theShownTreeHeadIsTheComputedOneAtEverySize() throws {
        let dir = TemporaryDirectory()
        let ledger = try bigLedger(dir)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM merkle_block") } == 2)
        for size in [0, 1, 5, 1_023, 1_024, 1_025, 2_047, 2_048, 2_049, 2_101] {
            #expect(
                try ledger.shownCheckpoint(origin: "o", size: size) == ledger.checkpoint(origin: "o", size: size),
                "size \(size)")
        }
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try Auditor(ledger: ledger).run().passed && full.run().passed)
        // A claim's inclusion proofs (`prove`), made from the blocks, hold against the root computed
        // from every entry.
        let claimID = try #require(try ledger.claims(ClaimFilter(limit: 1, order: .position)).first).claimID
        let proofs = try ClaimProofs(ledger: ledger, claimID: claimID, origin: "o")
        #expect(proofs.root == (try ledger.checkpoint(origin: "o").root) && !proofs.proofs.isEmpty)
        for p in proofs.proofs {
            try Merkle.verifyInclusion(
                leafHash: p.leafHash, index: p.leafIndex, size: proofs.treeSize, proof: p.path, root: proofs.root)
        }
    }

    /// A block's root changed is caught by the full audit (the entry it starts at named), a gap by
    /// every audit; `--rebuild-index` writes them anew.
    @Test(arguments: [
        ("UPDATE merkle_block SET root = zeroblob(32) WHERE block = 1", true),
        ("DELETE FROM merkle_block WHERE block = 0", false),
        ("INSERT INTO merkle_block VALUES (2, zeroblob(32))", false),
    ])
    func aWrongBlockIsCaughtAndRebuilt(sql: String, onlyInFull: Bool) throws {
        let dir = TemporaryDirectory()
        let path = try bigLedger(dir).path
        try tamper(path, sql)
        let ledger = try Ledger(path: path, create: false)
        var full = Auditor(ledger: ledger)
        full.searchIndexContent = true
        #expect(try Auditor(ledger: ledger).run().passed == onlyInFull, "\(sql)")
        let report = try full.run()
        #expect(!report.passed, "\(sql)")
        if onlyInFull { #expect(report.problem?.seq == 1_025, "\(String(describing: report.problem))") }
        try ledger.rebuildDerivedTables()
        #expect(try full.run().passed, "\(sql)")
        #expect(try ledger.shownCheckpoint(origin: "o", size: 2_101) == ledger.checkpoint(origin: "o", size: 2_101))
    }
}
