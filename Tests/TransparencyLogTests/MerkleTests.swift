import Foundation
import Testing
import TransparencyLog

/// The public vectors (transparency-dev/merkle, Apache-2.0), copied from shared/vectors/merkle.
let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

/// A JSON number as Int; uint64 values beyond Int.max wrap negative, which every verifier rejects.
func num(_ any: Any?) -> Int {
    guard let n = any as? NSNumber else { return -1 }
    return Int(truncatingIfNeeded: n.uint64Value)
}

func b64(_ any: Any?) -> [UInt8]? { (any as? String).flatMap { Data(base64Encoded: $0) }.map(Array.init) }

func jsonFiles(_ dir: String) -> [URL] {
    let root = vectors.appendingPathComponent(dir)
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    return e.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
}

/// Leaves as an in-memory stream (the ledger streams from SQLite the same way).
func stream(_ leaves: [Merkle.Hash]) -> Merkle.LeafStream {
    { lo, hi, body in for i in lo..<hi { try body(leaves[i]) } }
}

/// RFC 6962's recursive definition, computed naively: the reference for the streamed versions.
func naiveRoot(_ leaves: ArraySlice<Merkle.Hash>) -> Merkle.Hash {
    if leaves.isEmpty { return Merkle.emptyRoot }
    if leaves.count == 1 { return leaves.first! }
    let k = Merkle.split(leaves.count)
    return Merkle.nodeHash(naiveRoot(leaves.prefix(k)), naiveRoot(leaves.dropFirst(k)))
}

@Suite("RFC 6962 Merkle trees against the public vectors")
struct MerkleVectorTests {
    @Test func rootsForSizesZeroToEight() throws {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: vectors.appendingPathComponent("roots.json")))
            as! [String: Any]
        let inputs = (object["leaf_inputs_hex"] as! [String]).map { Hex.decode($0)! }
        let roots = (object["root_by_tree_size_hex"] as! [String]).map { Hex.decode($0)! }
        for size in 0..<roots.count {
            var builder = Merkle.RootBuilder()
            for input in inputs.prefix(size) { builder.append(leafHash: Merkle.leafHash(input)) }
            #expect(builder.root == roots[size], "size \(size)")
        }
    }

    @Test func everyInclusionVector() throws {
        var accepted = 0
        var rejected = 0
        let files = jsonFiles("inclusion")
        for file in files {
            let v = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let wantErr = v["wantErr"] as! Bool
            let proof = (v["proof"] as? [Any])?.map { b64($0) ?? [] } ?? []
            let result = Result {
                try Merkle.verifyInclusion(
                    leafHash: b64(v["leafHash"]) ?? [], index: num(v["leafIdx"]),
                    size: num(v["treeSize"]), proof: proof, root: b64(v["root"]) ?? [])
            }
            switch result {
            case .success:
                #expect(!wantErr, "\(file.path) accepted but should fail")
                accepted += 1
            case .failure:
                #expect(wantErr, "\(file.path) rejected but is valid")
                rejected += 1
            }
        }
        #expect(files.count == 98)
        #expect(accepted + rejected == 98)
    }

    @Test func everyConsistencyVector() throws {
        let files = jsonFiles("consistency")
        for file in files {
            let v = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let wantErr = v["wantErr"] as! Bool
            let proof = (v["proof"] as? [Any])?.map { b64($0) ?? [] } ?? []
            let result = Result {
                try Merkle.verifyConsistency(
                    size1: num(v["size1"]), size2: num(v["size2"]),
                    root1: b64(v["root1"]) ?? [], root2: b64(v["root2"]) ?? [], proof: proof)
            }
            switch result {
            case .success: #expect(!wantErr, "\(file.path) accepted but should fail")
            case .failure: #expect(wantErr, "\(file.path) rejected but is valid")
            }
        }
        #expect(files.count == 98)
    }

    @Test func streamedTreeMatchesTheNaiveDefinitionUpToSize300() throws {
        let leaves = (0..<300).map { Merkle.leafHash(Array("leaf \($0)".utf8)) }
        for n in 1...300 {
            let root = naiveRoot(leaves[..<n])
            #expect(try Merkle.subtreeHash(stream(leaves), 0, n) == root)
            // Inclusion of every index (sampled beyond 64 to keep the test fast).
            let indexes = n <= 64 ? Array(0..<n) : [0, 1, n / 3, n / 2, n - 2, n - 1]
            for m in indexes {
                let proof = try Merkle.inclusionProof(stream(leaves), index: m, size: n)
                try Merkle.verifyInclusion(leafHash: leaves[m], index: m, size: n, proof: proof, root: root)
            }
            // Consistency from every smaller size (sampled beyond 64).
            let sizes = n <= 64 ? Array(1...n) : [1, 2, n / 2, n - 1, n]
            for m in sizes {
                let proof = try Merkle.consistencyProof(stream(leaves), from: m, to: n)
                try Merkle.verifyConsistency(
                    size1: m, size2: n, root1: naiveRoot(leaves[..<m]), root2: root, proof: proof)
            }
        }
    }

    /// With the roots of complete blocks known (all of them, or only the first few), the tree
    /// head is the definition's for every size, and the leaves read are only those past the blocks
    /// used.
    @Test func treeHeadsFromStoredBlocksMatchTheDefinition() throws {
        let leaves = (0..<300).map { Merkle.leafHash(Array("leaf \($0)".utf8)) }
        for blockSize in [1, 4, 16] {
            let blocks = stride(from: 0, to: leaves.count - blockSize + 1, by: blockSize).map {
                naiveRoot(leaves[$0..<($0 + blockSize)])
            }
            for known in [0, 1, 3, blocks.count] {
                for n in 0...300 {
                    var read = 0
                    let counting: Merkle.LeafStream = { lo, hi, body in
                        for i in lo..<hi {
                            read += 1
                            try body(leaves[i])
                        }
                    }
                    let root = try Merkle.subtreeHash(
                        counting, 0, n, blocks: Array(blocks.prefix(known)), blockSize: blockSize)
                    #expect(root == naiveRoot(leaves[..<n]), "block size \(blockSize), \(known) blocks, size \(n)")
                    for m in Set([0, n / 3, n / 2, n - 1]) where n > 0 {
                        let path = try Merkle.inclusionProof(
                            subtree: {
                                try Merkle.subtreeHash(
                                    stream(leaves), $0, $1, blocks: Array(blocks.prefix(known)), blockSize: blockSize)
                            }, index: m, size: n)
                        #expect(try path == Merkle.inclusionProof(stream(leaves), index: m, size: n), "\(n) \(m)")
                    }
                    #expect(read <= n - min(known, n / blockSize) * blockSize + blockSize, "\(blockSize) \(known) \(n)")
                }
            }
        }
    }
}

@Suite("Signed notes and checkpoints")
struct SignedNoteTests {
    static let signerText = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let verifierText = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let body =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let signature =
        "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test func knownAnswerByteForByte() throws {
        let signer = try NoteSigner(text: Self.signerText)
        #expect(signer.verifier.text == Self.verifierText)
        #expect(signer.text == Self.signerText)
        #expect(try signer.signatureLine(for: Self.body) == Self.signature)
        let note = try SignedNote.parse(Self.body + "\n" + Self.signature)
        #expect(note.isSigned(by: try NoteVerifier(text: Self.verifierText)))
    }

    @Test func everySingleByteChangeToANoteOrKeyIsRejected() throws {
        let verifier = try NoteVerifier(text: Self.verifierText)
        let text = Array((Self.body + "\n" + Self.signature).utf8)
        var changed = 0
        for i in text.indices {
            var bytes = text
            bytes[i] ^= 0x01
            guard let mutated = String(bytes: bytes, encoding: .utf8), let note = try? SignedNote.parse(mutated) else {
                changed += 1
                continue
            }
            #expect(!note.isSigned(by: verifier), "byte \(i) changed and the note still verifies")
            changed += 1
        }
        #expect(changed == text.count)
        for key in [Self.verifierText, Self.signerText] {
            let bytes = Array(key.utf8)
            for i in bytes.indices {
                var mutated = bytes
                mutated[i] ^= 0x01
                let text = String(decoding: mutated, as: UTF8.self)
                if key == Self.verifierText {
                    if let v = try? NoteVerifier(text: text) {
                        #expect(
                            !(try SignedNote.parse(Self.body + "\n" + Self.signature)).isSigned(by: v),
                            "verifier byte \(i)")
                    }
                } else if let s = try? NoteSigner(text: text) {
                    #expect(try s.signatureLine(for: Self.body) != Self.signature, "signer byte \(i)")
                }
            }
        }
    }

    @Test func checkpointRoundTrip() throws {
        let signer = try NoteSigner(name: "example.org/ledger")
        let cp = Checkpoint(origin: "example.org/ledger", size: 42, root: Array(repeating: 7, count: 32))
        let text = cp.body + "\n" + (try signer.signatureLine(for: cp.body))
        let note = try SignedNote.parse(text)
        #expect(try Checkpoint(note: note) == cp)
        #expect(note.isSigned(by: signer.verifier))
        #expect(note.text == text)
        #expect(throws: (any Error).self) { try Checkpoint(note: SignedNote.parse("o\n042\nAAAA\n")) }
    }
}
