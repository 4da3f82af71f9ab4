import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing
import TransparencyLog

/// A saved checkpoint of the ledger as it is now, signed by `signer`.
func saveCheckpoint(_ ledger: Ledger, _ signer: NoteSigner, name: String) throws -> CheckpointAudit.Saved {
    let cp = try ledger.checkpoint(origin: signer.name)
    return .init(name: name, note: try SignedNote.parse(cp.body + "\n" + signer.signatureLine(for: cp.body)))
}

@Suite("Checkpoints catch what the hash chain cannot")
struct CheckpointTests {
    @Test func aRewriteWithEveryHashRecomputedPassesTheChainButNotTheCheckpoint() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)  // 8 entries
        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-8")
        let early = CheckpointAudit.Saved(
            name: "cp-3",
            note: try SignedNote.parse(
                { () -> String in
                    let cp = try ledger.checkpoint(origin: signer.name, size: 3)
                    return cp.body + "\n" + (try signer.signatureLine(for: cp.body))
                }()))

        // The attacker rewrites entry 6's evidence, recomputes every hash after it and the derived row.
        try rewriteRecomputingHashes(
            ledger.path, from: 6,
            [
                "UPDATE entry SET payload = replace(payload, 'Customs data', 'Forged data') WHERE seq = 6",
                "UPDATE review SET evidence = 'Forged data' WHERE seq = 6",
            ])
        let reopened = try Ledger(path: ledger.path, create: false)
        #expect(try Auditor(ledger: reopened).run().passed, "the chain alone cannot see a full recompute")
        let problems = try CheckpointAudit(ledger: reopened).run([saved, early], verifier: signer.verifier)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("contradicts cp-8") == true)
        #expect(problems.first?.contains("entries 4–8") == true, "\(problems)")
    }

    @Test func aRestoredOlderCopyIsCaught() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        // Fold the WAL in, then keep a copy of the file as it is now.
        _ = try ledger.read { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let old = dir.file("old.sqlite")
        try FileManager.default.copyItem(atPath: ledger.path, toPath: old)
        let claim = try ledger.claims().first!.claimID
        try ledger.addNote(claimID: claim, text: "later work", reviewer: "ann")
        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-9")
        let restored = try Ledger(path: old, create: false)
        #expect(try Auditor(ledger: restored).run().passed)
        let problems = try CheckpointAudit(ledger: restored).run([saved], verifier: signer.verifier)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("promised 9 entries but the ledger has 8") == true, "\(problems)")
    }

    @Test func aDeletedWALAfterACrashIsCaught() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        _ = try ledger.read { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let claim = try ledger.claims().first!.claimID
        try ledger.addNote(claimID: claim, text: "committed, still only in the -wal file", reviewer: "ann")
        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-9")
        // As after kill -9: the files on disk are the main file and the -wal; someone deletes the -wal.
        let crashed = dir.file("crashed.sqlite")
        try FileManager.default.copyItem(atPath: ledger.path, toPath: crashed)
        #expect(FileManager.default.fileExists(atPath: ledger.path + "-wal"))
        let survivor = try Ledger(path: crashed, create: false)
        #expect(try survivor.head().seq == 8)
        #expect(try Auditor(ledger: survivor).run().passed, "the file alone cannot tell")
        let problems = try CheckpointAudit(ledger: survivor).run([saved], verifier: signer.verifier)
        #expect(problems.first?.contains("entries 9–9 are gone") == true, "\(problems)")
    }

    @Test func equivocationAndForgedSignaturesAreReported() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let signer = try NoteSigner(name: "test.example/ledger")
        let good = try saveCheckpoint(ledger, signer, name: "good")
        let other = Checkpoint(origin: signer.name, size: 8, root: Array(repeating: 1, count: 32))
        let forkedNote = try SignedNote.parse(other.body + "\n" + signer.signatureLine(for: other.body))
        let problems = try CheckpointAudit(ledger: ledger).run(
            [good, .init(name: "forked", note: forkedNote)], verifier: signer.verifier)
        #expect(problems.contains { $0.contains("equivocation") })

        let stranger = try NoteSigner(name: "test.example/ledger")  // same name, different key
        let unsigned = try CheckpointAudit(ledger: ledger).run([good], verifier: stranger.verifier)
        #expect(unsigned.first?.contains("not signed by key") == true)
        #expect(try CheckpointAudit(ledger: ledger).run([good], verifier: signer.verifier).isEmpty)
    }

    @Test func ledgerTreeMatchesTheNaiveDefinition() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        var leaves: [Merkle.Hash] = []
        try ledger.forEachEntry { e in
            leaves.append(
                Merkle.leafHash(
                    EntryEncoding.canonicalBytes(
                        seq: e.seq, kind: e.kind, recordedAt: e.recordedAt,
                        prevHash: e.prevHash, payload: e.payload)))
        }
        for size in 0...leaves.count {
            var builder = Merkle.RootBuilder()
            for leaf in leaves.prefix(size) { builder.append(leafHash: leaf) }
            #expect(try ledger.treeRoot(size: size) == builder.root)
        }
        let proof = try Merkle.inclusionProof(ledger.leafStream, index: 5, size: 8)
        try Merkle.verifyInclusion(leafHash: leaves[5], index: 5, size: 8, proof: proof, root: ledger.treeRoot(size: 8))
    }
}
