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
                return
                    "\(path) already exists with other hashes: the ledger's entries changed since it was written (run `claimledger audit --checkpoint … --tiles …`); nothing was overwritten."
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: root + "/" + path).map { [UInt8]($0) }
    }

    /// Writes the tiles not yet present; returns how many were new. Stops at the first conflict.
    /// A tile shorter than it should be whose bytes begin the right ones was cut short while
    /// being written (a full disk): it contradicts nothing and is written anew. Every tile is
    /// written whole or not at all (a temporary file, synced, then renamed into place).
    @discardableResult
    public func write(_ tiles: [(path: String, bytes: [UInt8])]) throws -> Int {
        var written = 0
        for tile in tiles {
            if let existing = read(tile.path) {
                if existing == tile.bytes { continue }
                guard existing.count < tile.bytes.count, tile.bytes.starts(with: existing) else {
                    throw WriteError.conflict(path: root + "/" + tile.path)
                }
            }
            try writeWhole(tile.bytes, to: root + "/" + tile.path)
            written += 1
        }
        return written
    }

    private func writeWhole(_ bytes: [UInt8], to full: String) throws {
        let temporary = full + ".partial-\(getpid())"
        do {
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw WriteError.cannotWrite(path: full, reason: String(cString: strerror(errno))) }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            do {
                try handle.write(contentsOf: Data(bytes))
                guard fsync(fd) == 0 else {
                    throw WriteError.cannotWrite(path: full, reason: String(cString: strerror(errno)))
                }
                try handle.close()
            } catch let error as WriteError {
                throw error
            } catch {
                throw WriteError.cannotWrite(path: full, reason: error.localizedDescription)
            }
            guard rename(temporary, full) == 0 else {
                throw WriteError.cannotWrite(path: full, reason: String(cString: strerror(errno)))
            }
        } catch let error as WriteError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw WriteError.cannotWrite(path: full, reason: error.localizedDescription)
        }
    }
}
