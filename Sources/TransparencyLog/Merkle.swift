import Crypto
import Foundation

/// RFC 6962 / RFC 9162 Merkle tree hashing over a log of leaves, with inclusion and consistency
/// proofs and their verification. Leaves are streamed: memory is O(log n) whatever the log's size.
public enum Merkle {
    public typealias Hash = [UInt8]

    /// SHA-256 of the empty string: the root of an empty tree.
    public static let emptyRoot: Hash = Array(SHA256.hash(data: [UInt8]()))

    public static func leafHash(_ data: some DataProtocol) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: data)
        return Array(hasher.finalize())
    }

    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The largest power of two strictly smaller than `n` (n > 1): RFC 6962's split point.
    public static func split(_ n: Int) -> Int {
        precondition(n > 1)
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// Folds leaf hashes, given in order, into the root: a stack of perfect subtrees merged as they fill.
    public struct RootBuilder {
        private var stack: [(hash: Hash, size: Int)] = []
        public private(set) var count = 0

        public init() {}

        public mutating func append(leafHash: Hash) {
            stack.append((leafHash, 1))
            count += 1
            while stack.count >= 2, stack[stack.count - 1].size == stack[stack.count - 2].size {
                let right = stack.removeLast()
                let left = stack.removeLast()
                stack.append((Merkle.nodeHash(left.hash, right.hash), left.size * 2))
            }
        }

        /// The root of the leaves appended so far (right-to-left fold of the perfect subtrees).
        public var root: Hash {
            guard var result = stack.last?.hash else { return Merkle.emptyRoot }
            for subtree in stack.dropLast().reversed() { result = Merkle.nodeHash(subtree.hash, result) }
            return result
        }
    }

    /// MTH of leaf hashes already in memory.
    public static func root(_ leaves: [Hash]) -> Hash {
        var builder = RootBuilder()
        for leaf in leaves { builder.append(leafHash: leaf) }
        return builder.root
    }

    /// Where leaves come from: `forEach(lo, hi, body)` calls `body` with the leaf hashes of [lo, hi) in order.
    public typealias LeafStream = (_ lo: Int, _ hi: Int, _ body: (Hash) throws -> Void) throws -> Void

    /// MTH(D[lo:hi]).
    public static func subtreeHash(_ leaves: LeafStream, _ lo: Int, _ hi: Int) throws -> Hash {
        var builder = RootBuilder()
        try leaves(lo, hi) { builder.append(leafHash: $0) }
        return builder.root
    }

    /// MTH(D[lo:hi]) when the roots of the complete blocks of `blockSize` leaves are known
    /// (`blocks[b]` is MTH(D[b·blockSize : (b+1)·blockSize])): a perfect subtree made of known
    /// blocks is combined from them, and only the leaves of the rest are read (one stretch).
    public static func subtreeHash(_ leaves: LeafStream, _ lo: Int, _ hi: Int, blocks: [Hash], blockSize: Int) throws
        -> Hash
    {
        let n = hi - lo
        let known = blocks.count * blockSize
        if n >= blockSize, lo % blockSize == 0, n & (n - 1) == 0, hi <= known {
            return root(Array(blocks[(lo / blockSize)..<(hi / blockSize)]))
        }
        if n <= blockSize || lo >= known { return try subtreeHash(leaves, lo, hi) }
        let k = split(n)
        return nodeHash(
            try subtreeHash(leaves, lo, lo + k, blocks: blocks, blockSize: blockSize),
            try subtreeHash(leaves, lo + k, hi, blocks: blocks, blockSize: blockSize))
    }

    /// PATH(m, D[lo:hi]) (RFC 6962 2.1.1): the audit path of leaf `m` (relative to `lo`).
    public static func inclusionProof(_ leaves: LeafStream, index m: Int, lo: Int = 0, size n: Int) throws -> [Hash] {
        try inclusionProof(subtree: { try subtreeHash(leaves, $0, $1) }, index: m, lo: lo, size: n)
    }

    /// The same path with each MTH(D[a:b]) it needs from `subtree(a, b)` (e.g. from stored blocks).
    public static func inclusionProof(subtree: (Int, Int) throws -> Hash, index m: Int, lo: Int = 0, size n: Int)
        throws -> [Hash]
    {
        precondition(m >= 0 && m < n)
        if n == 1 { return [] }
        let k = split(n)
        if m < k {
            return try inclusionProof(subtree: subtree, index: m, lo: lo, size: k) + [subtree(lo + k, lo + n)]
        }
        return try inclusionProof(subtree: subtree, index: m - k, lo: lo + k, size: n - k) + [subtree(lo, lo + k)]
    }

    /// PROOF(m, D[n]) (RFC 6962 2.1.2): proves the tree of size `m` is a prefix of the tree of size `n`.
    public static func consistencyProof(_ leaves: LeafStream, from m: Int, to n: Int) throws -> [Hash] {
        precondition(0 < m && m <= n)
        return try subproof(leaves, m: m, lo: 0, n: n, complete: true)
    }

    static func subproof(_ leaves: LeafStream, m: Int, lo: Int, n: Int, complete: Bool) throws -> [Hash] {
        if m == n { return complete ? [] : [try subtreeHash(leaves, lo, lo + n)] }
        let k = split(n)
        if m <= k {
            return try subproof(leaves, m: m, lo: lo, n: k, complete: complete) + [subtreeHash(leaves, lo + k, lo + n)]
        }
        return try subproof(leaves, m: m - k, lo: lo + k, n: n - k, complete: false) + [subtreeHash(leaves, lo, lo + k)]
    }

    /// Why a proof is rejected.
    public enum ProofError: Error, Equatable, CustomStringConvertible {
        case badSize(String)
        case badHashLength
        case mismatch(String)
        public var description: String {
            switch self {
            case .badSize(let why): return why
            case .badHashLength: return "a hash in the proof is not 32 bytes"
            case .mismatch(let why): return why
            }
        }
    }

    /// RFC 9162 2.1.3.2: checks that `leafHash` is leaf `index` of the tree of `size` with `root`.
    public static func verifyInclusion(leafHash: Hash, index: Int, size: Int, proof: [Hash], root: Hash) throws {
        guard index >= 0, index < size else {
            throw ProofError.badSize("leaf index \(index) is not below tree size \(size)")
        }
        guard leafHash.count == 32, root.count == 32, proof.allSatisfy({ $0.count == 32 }) else {
            throw ProofError.badHashLength
        }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { throw ProofError.mismatch("the proof is longer than the tree is deep") }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError.mismatch("the proof is shorter than the tree is deep") }
        guard r == root else { throw ProofError.mismatch("the proof does not lead to the root") }
    }

    /// RFC 9162 2.1.4.2: checks that the tree (size1, root1) is a prefix of (size2, root2).
    public static func verifyConsistency(size1: Int, size2: Int, root1: Hash, root2: Hash, proof: [Hash]) throws {
        // Sizes first, as transparency-dev/merkle does: equal sizes compare the roots as given.
        guard size1 >= 0, size1 <= size2 else {
            throw ProofError.badSize("the first tree (\(size1)) is larger than the second (\(size2))")
        }
        guard size1 > 0 else { throw ProofError.badSize("a consistency proof from an empty tree proves nothing") }
        if size1 == size2 {
            guard proof.isEmpty else { throw ProofError.mismatch("equal sizes need an empty proof") }
            guard root1 == root2 else { throw ProofError.mismatch("the roots differ at the same size") }
            return
        }
        guard root1.count == 32, root2.count == 32, proof.allSatisfy({ $0.count == 32 }) else {
            throw ProofError.badHashLength
        }
        guard !proof.isEmpty else { throw ProofError.mismatch("the proof is empty") }
        var path = proof
        if size1 & (size1 - 1) == 0 { path.insert(root1, at: 0) }  // size1 is a power of two
        let (fr, sr) = try consistencyRoots(size1: size1, size2: size2, path: path)
        guard fr == root1 else { throw ProofError.mismatch("the proof does not lead to the first root") }
        guard sr == root2 else { throw ProofError.mismatch("the proof does not lead to the second root") }
    }

    /// The two roots a consistency proof's path leads to (RFC 9162 2.1.4.2, steps 3 to 7).
    static func consistencyRoots(size1: Int, size2: Int, path: [Hash]) throws -> (first: Hash, second: Hash) {
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw ProofError.mismatch("the proof is too long") }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw ProofError.mismatch("the proof is too short") }
        return (fr, sr)
    }
}
