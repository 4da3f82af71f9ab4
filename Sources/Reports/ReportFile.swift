import Foundation
import LedgerStore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a report to a file so that it is never seen half-written and the file stays what it was:
/// - a new file is written beside the target and renamed into place;
/// - an existing regular file is replaced the same way, keeping its mode and (when we may) its owner
///   and group; when the owner cannot be kept, the file is rewritten in place instead;
/// - a symbolic link is followed: the file it points to is written, the link stays;
/// - anything else (a folder, a device such as /dev/null, a pipe, a socket) is refused: write to
///   standard output and redirect it there instead.
public enum ReportFile {
    public static func write(to path: String, _ render: ((String) throws -> Void) throws -> Void) throws {
        var link = stat()
        let target = resolved(path)
        if target == path, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            throw LedgerError.refused(
                "\(path) is a symbolic link to nothing; point it at a file or choose another path. Nothing was written."
            )
        }
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            throw LedgerError.refused(
                "\(path) is not a regular file (a folder, device, pipe or socket); report -o writes files only. Write to standard output and redirect it instead, e.g. `claimledger report > \(path)`. Nothing was written."
            )
        }
        if exists, info.st_uid != geteuid() || info.st_gid != getegid(), geteuid() != 0 {
            try rewriteInPlace(target, render)  // we could not give a new file its owner back
            return
        }
        let temporary = target + ".partial-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, exists ? info.st_mode & 0o7777 : 0o666)
        guard fd >= 0 else { throw cannotWrite(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            if exists {
                // open() applied the umask; set the mode (and owner, as root) exactly.
                _ = fchmod(fd, info.st_mode & 0o7777)
                if geteuid() == 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
            }
            try render { text in
                do { try handle.write(contentsOf: Data(text.utf8)) } catch { throw cannotWrite(path) }
            }
            guard fsync(fd) == 0 else { throw cannotWrite(path) }
            try handle.close()
            guard rename(temporary, target) == 0 else { throw cannotWrite(path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Saves evidence (a checkpoint) at `path`, which must be new: an existing file is replaced only
    /// with `replacing` and only when it is a regular file (never a link, device, pipe or folder).
    public static func saveNew(_ text: String, at path: String, replacing: Bool) throws {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw LedgerError.refused(
                    "\(path) is not a regular file (a link, folder, device or pipe); a checkpoint is saved only as a file of its own. Choose another -o path. Nothing was written."
                )
            }
            guard replacing else {
                throw LedgerError.refused(
                    "\(path) already exists, and a checkpoint is evidence worth keeping: choose a new name (e.g. -o \(freeName(like: path))), or pass --force to replace it. Nothing was written."
                )
            }
        }
        try write(to: path) { write in try write(text) }
    }

    /// `name-2.ext`, `name-3.ext`, … : the first that does not exist.
    static func freeName(like path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        var n = 2
        while FileManager.default.fileExists(atPath: "\(stem)-\(n)\(ext.isEmpty ? "" : "." + ext)") { n += 1 }
        return "\(stem)-\(n)\(ext.isEmpty ? "" : "." + ext)"
    }

    /// The file a path names after its symbolic links (the path itself when it does not exist yet).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func rewriteInPlace(_ target: String, _ render: ((String) throws -> Void) throws -> Void) throws {
        guard let handle = FileHandle(forUpdatingAtPath: target) else { throw cannotWrite(target) }
        try handle.truncate(atOffset: 0)
        try render { text in
            do { try handle.write(contentsOf: Data(text.utf8)) } catch { throw cannotWrite(target) }
        }
        try handle.close()
    }

    private static func cannotWrite(_ path: String) -> LedgerError {
        LedgerError.refused(
            "Cannot write \(path): \(String(cString: strerror(errno))); check that its folder exists and is writable. Nothing was written."
        )
    }
}
