/// The tree of a checkpoint as C2SP tlog-tiles (https://c2sp.org/tlog-tiles): every hash of the
/// tree, 256 to a tile, so that a later audit can compare the ledger with the tree the checkpoint
/// signed, entry by entry, and name the first entry that differs.
///
/// Level 0 tiles hold leaf hashes; a level-L tile holds the roots of complete subtrees of 256^L
/// leaves. A full tile never changes; a partial one is written as `.p/W` beside it.
public enum Tiles {
    public static let width = 256

    /// `tile/L/x001/x234/067` (and `.p/W` for a partial tile of W hashes).
    public static func path(level: Int, index: Int, partialWidth: Int = 0) -> String {
        var parts: [String] = []
        var n = index
        repeat {
            parts.insert(threeDigits(n % 1000), at: 0)
            n /= 1000
        } while n > 0
        let encoded = parts.dropLast().map { "x" + $0 } + [parts.last!]
        let tail = partialWidth > 0 ? ".p/\(partialWidth)" : ""
        return "tile/\(level)/" + encoded.joined(separator: "/") + tail
    }

    private static func threeDigits(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: 3 - s.count) + s
    }

    /// Every tile of the tree of `leaves` (its leaf hashes): path and bytes, level 0 first.
    public static func make(leaves: [Merkle.Hash]) -> [(path: String, bytes: [UInt8])] {
        var out: [(path: String, bytes: [UInt8])] = []
        var level = 0
        var hashes = leaves
        while !hashes.isEmpty {
            for start in stride(from: 0, to: hashes.count, by: width) {
                let tile = hashes[start..<min(start + width, hashes.count)]
                out.append(
                    (
                        path(level: level, index: start / width, partialWidth: tile.count == width ? 0 : tile.count),
                        tile.flatMap { $0 }
                    ))
            }
            // The next level holds the roots of the complete tiles of this one.
            hashes = stride(from: 0, to: hashes.count - hashes.count % width, by: width).map {
                subtreeRoot(hashes[$0..<($0 + width)])
            }
            level += 1
        }
        return out
    }

    /// The leaf hashes of a tree of `size` leaves, read from level-0 tiles (nil when one is missing or short).
    public static func leaves(size: Int, read: (String) -> [UInt8]?) -> [Merkle.Hash]? {
        var result: [Merkle.Hash] = []
        result.reserveCapacity(size)
        for start in stride(from: 0, to: size, by: width) {
            let count = min(width, size - start)
            guard let bytes = read(path(level: 0, index: start / width, partialWidth: count == width ? 0 : count)),
                bytes.count == count * 32
            else { return nil }
            for k in 0..<count { result.append(Array(bytes[(k * 32)..<(k * 32 + 32)])) }
        }
        return result
    }

    /// The root of a complete subtree over a power-of-two number of node hashes.
    static func subtreeRoot(_ nodes: ArraySlice<Merkle.Hash>) -> Merkle.Hash {
        var level = Array(nodes)
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { Merkle.nodeHash(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}
