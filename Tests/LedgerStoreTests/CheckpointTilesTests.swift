import Foundation
import LedgerAudit
import LedgerStore
import TestSupport
import Testing
import TransparencyLog

/// Tiles saved with a checkpoint let the audit name the first rewritten entry (issue 11, 12d).
@Suite("Checkpoint tiles name the rewritten entry")
struct CheckpointTilesTests {
    @Test func tilePathsFollowC2SP() {
        #expect(Tiles.path(level: 0, index: 1_234_067) == "tile/0/x001/x234/067")
        #expect(Tiles.path(level: 0, index: 1_234_067, partialWidth: 8) == "tile/0/x001/x234/067.p/8")
        #expect(Tiles.path(level: 2, index: 5) == "tile/2/005")
        #expect(Tiles.path(level: 1, index: 1000) == "tile/1/x001/000")
    }

    @Test func tilesHoldEveryLeafAndTheRootsOfFullTiles() throws {
        let leaves = (0..<600).map { Merkle.leafHash(Array("entry \($0)".utf8)) }
        let tiles = Tiles.make(leaves: leaves)
        #expect(tiles.map(\.path) == ["tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2"])
        let byPath = Dictionary(uniqueKeysWithValues: tiles.map { ($0.path, $0.bytes) })
        #expect(Tiles.leaves(size: 600, read: { byPath[$0] }) == leaves)
        #expect(Tiles.leaves(size: 601, read: { byPath[$0] }) == nil)
        let stream: Merkle.LeafStream = { lo, hi, body in for k in lo..<hi { try body(leaves[k]) } }
        #expect(Array(byPath["tile/1/000.p/2"]!.prefix(32)) == (try Merkle.subtreeHash(stream, 0, 256)))
    }

    /// Issue 30, item 10: a tile cut short (a full disk) is written anew; a tile with other hashes
    /// is a contradiction; no temporary file is left.
    @Test func aTileCutShortIsRepairedAndAContradictingOneReported() throws {
        let dir = TemporaryDirectory()
        let tiles = Tiles.make(leaves: (0..<300).map { Merkle.leafHash(Array("entry \($0)".utf8)) })
        let folder = TileDirectory(dir.path)
        #expect(try folder.write(tiles) == tiles.count)
        let first = dir.path + "/" + tiles[0].path
        FileManager.default.createFile(atPath: first, contents: Data())  // empty, as after ENOSPC
        #expect(try folder.write(tiles) == 1)
        #expect(folder.read(tiles[0].path) == tiles[0].bytes)
        // a prefix: cut short
        FileManager.default.createFile(atPath: first, contents: Data(tiles[0].bytes.prefix(100)))
        #expect(try folder.write(tiles) == 1)
        var other = tiles[0].bytes
        other[5] ^= 1
        FileManager.default.createFile(atPath: first, contents: Data(other))
        #expect(throws: TileDirectory.WriteError.self) { try folder.write(tiles) }
        FileManager.default.createFile(atPath: first, contents: Data(other.prefix(64)))  // short and different
        #expect(throws: TileDirectory.WriteError.self) { try folder.write(tiles) }
        let left =
            FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter {
                $0.contains(".partial-")
            } ?? []
        #expect(left.isEmpty)
    }

    @Test func aRewriteIsNamedToTheEntryWithTiles() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)  // 8 entries
        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-8")
        let tiles = TileDirectory(dir.file("tiles"))
        let (cp, leaves) = try ledger.checkpointAndLeaves(origin: signer.name)
        #expect(cp.body == (try ledger.checkpoint(origin: signer.name)).body, "one pass gives the same checkpoint")
        #expect(try tiles.write(Tiles.make(leaves: leaves)) == 1)
        #expect(try tiles.write(Tiles.make(leaves: try ledger.leafHashes(size: 8))) == 0, "nothing new the second time")

        try rewriteRecomputingHashes(
            ledger.path, from: 6,
            [
                "UPDATE entry SET payload = replace(payload, 'Customs data', 'Forged data') WHERE seq = 6",
                "UPDATE review SET evidence = 'Forged data' WHERE seq = 6",
            ])
        let reopened = try Ledger(path: ledger.path, create: false)
        let named = try CheckpointAudit(ledger: reopened, readTile: tiles.read).run([saved], verifier: signer.verifier)
        #expect(named.count == 1)
        #expect(named.first?.contains("entry 6 is the first that differs") == true, "\(named)")
        let unnamed = try CheckpointAudit(ledger: reopened).run([saved], verifier: signer.verifier)
        #expect(unnamed.first?.contains("entries 1–8") == true, "\(unnamed)")

        // The ledger's tree now differs from the saved tile, which is never overwritten.
        #expect(throws: TileDirectory.WriteError.self) {
            try tiles.write(Tiles.make(leaves: try reopened.leafHashes(size: 8)))
        }
    }

    @Test func tilesThatDoNotReproduceTheSignedRootNameNothing() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let signer = try NoteSigner(name: "test.example/ledger")
        let saved = try saveCheckpoint(ledger, signer, name: "cp-8")
        try rewriteRecomputingHashes(
            ledger.path, from: 6,
            [
                "UPDATE entry SET payload = replace(payload, 'Customs data', 'Forged data') WHERE seq = 6",
                "UPDATE review SET evidence = 'Forged data' WHERE seq = 6",
            ])
        let reopened = try Ledger(path: ledger.path, create: false)
        // Tiles made from the rewritten ledger (as an attacker would hand over) do not match the signed root.
        let forged = TileDirectory(dir.file("forged"))
        try forged.write(Tiles.make(leaves: try reopened.leafHashes(size: 8)))
        let problems = try CheckpointAudit(ledger: reopened, readTile: forged.read).run(
            [saved], verifier: signer.verifier)
        #expect(problems.first?.contains("do not reproduce its root") == true, "\(problems)")
    }
}
