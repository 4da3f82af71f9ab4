import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The article files named on a command line: files, folders (their `.txt` and `.md` files, in
/// name order) and `-` for standard input.
public struct ArticleFiles: Sendable, Equatable {
    /// Paths to read, in order.
    public var paths: [String]
    /// Files in a folder whose name is not valid UTF-8: they cannot be named or recorded faithfully,
    /// so they are reported (the name shown with its bad bytes as `\xE9`) and skipped.
    public var unnameable: [String]

    public static func expand(_ inputs: [String]) throws -> ArticleFiles {
        var files = ArticleFiles(paths: [], unnameable: [])
        for input in inputs {
            if input == "-" { files.paths.append(input); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ArticleFilesError.missing(input)
            }
            guard isDirectory.boolValue else { files.paths.append(input); continue }
            let (names, bad) = try articleNames(in: input)
            if names.isEmpty && bad.isEmpty { throw ArticleFilesError.emptyFolder(input) }
            files.paths += names.map { (input as NSString).appendingPathComponent($0) }
            files.unnameable += bad.map { (input as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// The `.txt`/`.md` names in a folder, read as raw bytes so that a name that is not UTF-8 is seen
    /// (Foundation would replace its bytes and then fail to find the file).
    static func articleNames(in folder: String) throws -> (valid: [String], invalid: [String]) {
        guard let dir = opendir(folder) else { throw ArticleFilesError.unreadableFolder(folder) }
        defer { closedir(dir) }
        var valid: [String] = [], invalid: [String] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            let lossy = String(decoding: bytes, as: UTF8.self)
            guard lossy.hasSuffix(".txt") || lossy.hasSuffix(".md") else { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                valid.append(name)
            } else {
                invalid.append(escaped(bytes))
            }
        }
        return (valid.sorted(), invalid.sorted())
    }

    /// A byte string with every byte outside valid UTF-8 written as `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            var matched = false
            for length in (1...4).reversed() where i + length <= bytes.count {
                if let s = String(validating: bytes[i..<(i + length)], as: UTF8.self), s.unicodeScalars.count == 1 {
                    out += s; i += length; matched = true; break
                }
            }
            if !matched { out += String(format: "\\x%02X", bytes[i]); i += 1 }
        }
        return out
    }
}

/// Why the inputs of an ingest could not be listed.
public enum ArticleFilesError: Error, LocalizedError, Equatable {
    case missing(String)
    case emptyFolder(String)
    case unreadableFolder(String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "No file or folder at \(path); check the path. Nothing was recorded."
        case .emptyFolder(let path): return "The folder \(path) holds no .txt or .md articles. Nothing was recorded."
        case .unreadableFolder(let path): return "Cannot list the folder \(path); check its permissions. Nothing was recorded."
        }
    }
}
