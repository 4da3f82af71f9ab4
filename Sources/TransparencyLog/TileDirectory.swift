import Foundation

/// Tiles kept in a folder (`DIR/tile/L/…`), as `checkpoint --tiles DIR` writes them and
/// `audit --tiles DIR` reads them. A tile already there is never overwritten: tiles are
/// immutable, so one that differs is evidence that the ledger changed, and is reported.
public struct TileDirectory: Sendable {
    public let root: String
    public init(_ root: String) { self.root = root }

    public enum WriteError: Error, CustomStringConvertible {
        case conflict(path: String)
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self {
            case .conflict(let path):
                return "\(path) already exists with other hashes: the ledger's entries changed since it was written (run `claimledger audit --checkpoint … --tiles …`); nothing was overwritten."
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: root + "/" + path).map { [UInt8]($0) }
    }

    /// Writes the tiles not yet present; returns how many were new. Stops at the first conflict.
    @discardableResult
    public func write(_ tiles: [(path: String, bytes: [UInt8])]) throws -> Int {
        var written = 0
        for tile in tiles {
            if let existing = read(tile.path) {
                guard existing == tile.bytes else { throw WriteError.conflict(path: root + "/" + tile.path) }
                continue
            }
            let full = root + "/" + tile.path
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(tile.bytes).write(to: URL(fileURLWithPath: full), options: .withoutOverwriting)
            } catch {
                throw WriteError.cannotWrite(path: full, reason: error.localizedDescription)
            }
            written += 1
        }
        return written
    }
}
