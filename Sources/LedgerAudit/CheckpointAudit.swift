import Foundation
import GRDB
import LedgerSchema
import LedgerStore
import TransparencyLog

/// Checks saved checkpoints against the ledger: signatures, then that the ledger still contains
/// exactly what each one promised (a consistency proof from it to the current tree).
public struct CheckpointAudit {
    public struct Saved: Sendable {
        public var name: String
        public var note: SignedNote
        public init(name: String, note: SignedNote) {
            self.name = name
            self.note = note
        }
    }

    /// The entry log the checkpoints are judged against, on either engine.
    public let ledger: any EntryChain
    /// Reads a tile of saved checkpoint trees by its path (`checkpoint --tiles`), to name the first
    /// rewritten entry; nil when no tiles were given.
    public let readTile: ((String) -> [UInt8]?)?
    public init(ledger: any EntryChain, readTile: ((String) -> [UInt8]?)? = nil) {
        self.ledger = ledger
        self.readTile = readTile
    }

    /// The problems found, one sentence each (empty when every checkpoint holds). With keys to
    /// check (`signatures`), a checkpoint none of them signed proves nothing and is reported.
    public func run(_ saved: [Saved], signatures: SignatureCheck) throws -> [String] {
        var problems: [String] = []
        var parsed: [(name: String, checkpoint: Checkpoint)] = []
        for s in saved {
            guard let cp = try? Checkpoint(note: s.note) else {
                problems.append("\(s.name) is not a checkpoint.")
                continue
            }
            if signatures.checksSignatures, signatures.signer(of: s.note) == nil {
                problems.append(
                    "\(s.name) is not signed by \(signatures.expected) (or its signature is broken); it proves nothing."
                )
                continue
            }
            parsed.append((s.name, cp))
        }
        return problems + equivocations(parsed) + (try contradictions(parsed))
    }

    /// The problems found, with signatures checked by `verifier` alone (none: not checked).
    public func run(_ saved: [Saved], verifier: NoteVerifier?) throws -> [String] {
        try run(saved, signatures: SignatureCheck(given: verifier, trusted: []))
    }

    /// One log cannot have two different trees of the same size.
    private func equivocations(_ parsed: [(name: String, checkpoint: Checkpoint)]) -> [String] {
        var problems: [String] = []
        for i in parsed.indices {
            for j in parsed.indices
            where j > i && parsed[i].checkpoint.size == parsed[j].checkpoint.size
                && parsed[i].checkpoint.root != parsed[j].checkpoint.root
            {
                problems.append(
                    "\(parsed[i].name) and \(parsed[j].name) both claim size \(parsed[i].checkpoint.size) with different roots: equivocation (two versions of the ledger were shown)."
                )
            }
        }
        return problems
    }

    /// Each checkpoint against the ledger now: still a prefix of it (consistency proof), or where
    /// the rewrite lies (between the largest checkpoint that holds and the one that does not).
    private func contradictions(_ parsed: [(name: String, checkpoint: Checkpoint)]) throws -> [String] {
        var problems: [String] = []
        let size = Int(try ledger.head().seq)
        let currentRoot = try ledger.treeRoot(size: size)
        var holding: [Int] = []
        var contradicted: [(name: String, checkpoint: Checkpoint)] = []
        for (name, cp) in parsed.sorted(by: { $0.checkpoint.size < $1.checkpoint.size }) {
            if cp.size > size {
                problems.append(
                    "The ledger contradicts \(name): it promised \(cp.size) entries but the ledger has \(size); entries \(size + 1)–\(cp.size) are gone (rolled back, an older copy restored, or a lost -wal file)."
                )
            } else if cp.size == 0 {
                holding.append(0)
            } else if try ledger.treeRoot(size: cp.size) != cp.root {
                contradicted.append((name, cp))
            } else {
                let proof = try Merkle.consistencyProof(ledger.leafStream, from: cp.size, to: size)
                do {
                    try Merkle.verifyConsistency(
                        size1: cp.size, size2: size, root1: cp.root, root2: currentRoot, proof: proof)
                    holding.append(cp.size)
                } catch {
                    problems.append(
                        "The ledger contradicts \(name): no consistency from its \(cp.size) entries to the current \(size) (\(error))."
                    )
                }
            }
        }
        for c in contradicted {
            problems.append(try rewriteProblem(c.name, c.checkpoint, holding: holding))
        }
        return problems
    }

    /// What a checkpoint whose root the ledger no longer produces says: the first entry that differs
    /// when its tiles name it, else the range between the largest checkpoint that `holding` says
    /// still holds and this one.
    private func rewriteProblem(_ name: String, _ checkpoint: Checkpoint, holding: [Int]) throws -> String {
        let from = (holding.filter { $0 < checkpoint.size }.max() ?? 0) + 1
        let rewritten =
            "The ledger contradicts \(name): its first \(checkpoint.size) entries no longer produce the checkpoint's root"
        switch try firstDifference(checkpoint) {
        case .some(.found(let entry)):
            return
                "\(rewritten); entry \(entry) is the first that differs from the checkpoint's tree (its tiles), so it was rewritten (and maybe entries after it)."
        case .some(.tilesDoNotMatch):
            return
                "\(rewritten), so entries were rewritten from entry \(from) on (somewhere in entries \(from)–\(checkpoint.size)); the tiles given do not reproduce its root, so they cannot name the entry."
        case nil:
            return
                "\(rewritten), so entries were rewritten from entry \(from) on (somewhere in entries \(from)–\(checkpoint.size)). Keep tiles with your checkpoints (`checkpoint --tiles DIR`) and audit with them to name the entry."
        }
    }

    enum Difference {
        case found(entry: Int)
        case tilesDoNotMatch
    }

    /// Bisection against the checkpoint's own tree: its leaf hashes, read from tiles and authenticated
    /// by recomputing the signed root, compared with the ledger's. Nil without tiles for it.
    private func firstDifference(_ cp: Checkpoint) throws -> Difference? {
        guard let readTile, let saved = Tiles.leaves(size: cp.size, read: readTile) else { return nil }
        guard Merkle.root(saved) == cp.root else { return .tilesDoNotMatch }
        var index = 0
        var first: Int?
        try ledger.leafStream(0, cp.size) { leaf in
            if first == nil, leaf != saved[index] { first = index }
            index += 1
        }
        return first.map { .found(entry: $0 + 1) } ?? .tilesDoNotMatch
    }
}
