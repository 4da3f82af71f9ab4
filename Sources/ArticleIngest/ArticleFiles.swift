import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The article files named on a command line: files, folders (their files matching a pattern,
/// `*.txt` by default, in name order) and `-` for standard input.
public struct ArticleFiles: Sendable, Equatable {
    /// Paths to read, in order.
    public var paths: [String]
    /// Files in a folder whose name is not valid UTF-8: they cannot be named or recorded faithfully,
    /// so they are reported (the name shown with its bad bytes as `\xE9`) and skipped.
    public var unnameable: [String]
    /// Files in a folder that do not match the pattern (a README.md beside the articles): named, not read.
    public var skipped: [String] = []

    /// `pattern` is a shell pattern (`*.txt`, `*.md`) for the files taken from folders; files named
    /// one by one are always taken.
    public static func expand(_ inputs: [String], pattern: String = "*.txt") throws -> ArticleFiles {
        var files = ArticleFiles(paths: [], unnameable: [])
        for input in inputs {
            if input == "-" {
                files.paths.append(input)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ArticleFilesError.missing(input)
            }
            guard isDirectory.boolValue else {
                files.paths.append(input)
                continue
            }
            let listing = try articleNames(in: input, pattern: pattern)
            if listing.valid.isEmpty && listing.invalid.isEmpty {
                throw ArticleFilesError.emptyFolder(input, pattern: pattern)
            }
            files.paths += listing.valid.map { (input as NSString).appendingPathComponent($0) }
            files.unnameable += listing.invalid.map { (input as NSString).appendingPathComponent($0) }
            files.skipped += listing.skipped.map { (input as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// The names in a folder that match `pattern`, read as raw bytes so that a name that is not UTF-8
    /// is seen (Foundation would replace its bytes and then fail to find the file); hidden files and
    /// folders are passed over, other files that do not match are `skipped`.
    static func articleNames(in folder: String, pattern: String) throws -> (
        valid: [String], invalid: [String], skipped: [String]
    ) {
        guard let dir = opendir(folder) else { throw ArticleFilesError.unreadableFolder(folder) }
        defer { closedir(dir) }
        var valid: [String] = []
        var invalid: [String] = []
        var skipped: [String] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard bytes.first != UInt8(ascii: "."), entry.pointee.d_type != UInt8(DT_DIR) else { continue }
            let matches = (bytes + [0]).withUnsafeBufferPointer { name in
                fnmatch(pattern, UnsafeRawPointer(name.baseAddress!).assumingMemoryBound(to: CChar.self), 0) == 0
            }
            switch (matches, String(validating: bytes, as: UTF8.self)) {
            case (true, let name?): valid.append(name)
            case (true, nil): invalid.append(escaped(bytes))
            case (false, let name): skipped.append(name ?? escaped(bytes))
            }
        }
        return (valid.sorted(), invalid.sorted(), skipped.sorted())
    }

    /// A byte string with every byte outside valid UTF-8 written as `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            var matched = false
            for length in (1...4).reversed() where i + length <= bytes.count {
                if let s = String(validating: bytes[i..<(i + length)], as: UTF8.self), s.unicodeScalars.count == 1 {
                    out += s
                    i += length
                    matched = true
                    break
                }
            }
            if !matched {
                out += String(format: "\\x%02X", bytes[i])
                i += 1
            }
        }
        return out
    }
}

/// Why the inputs of an ingest could not be listed.
public enum ArticleFilesError: Error, LocalizedError, Equatable {
    case missing(String)
    case emptyFolder(String, pattern: String)
    case unreadableFolder(String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "No file or folder at \(path); check the path. Nothing was recorded."
        case .emptyFolder(let path, let pattern):
            return
                "The folder \(path) holds no files matching \(pattern); give another pattern with --glob (e.g. --glob '*.md'). Nothing was recorded."
        case .unreadableFolder(let path):
            return "Cannot list the folder \(path); check its permissions. Nothing was recorded."
        }
    }
}
