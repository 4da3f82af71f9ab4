import ArgumentParser
import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore

/// Runs a command body, turning library errors into one line on stderr and the documented exit
/// code (thrown as argument-parser's `ExitCode`, so the command returns normally and buffers flush).
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as LedgerError {
        throw failure(error.errorDescription ?? "\(error)", code: error.exitCode)
    } catch let error as ArticleFilesError {
        throw failure(error.errorDescription ?? "\(error)", code: 4)
    } catch let error as ArticleError {
        throw failure(error.errorDescription ?? "\(error)", code: 4)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        throw failure("\(error)", code: 5)
    }
}

/// Prints `error: message` on stderr and gives the exit code to throw.
func failure(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    return ExitCode(code)
}

/// Writes to stdout without buffering surprises.
func out(_ text: String) {
    writeToStandardOutput(Array(text.utf8))
}

/// Writes every byte to standard output; when it cannot (a full disk, /dev/full, a closed file),
/// says so on stderr and exits 4 (Foundation's FileHandle.write traps instead).
func writeToStandardOutput(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
        let n = bytes[done...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
            let why = String(cString: strerror(errno))
            FileHandle.standardError.write(
                Data(
                    "error: could not write the output (\(why)); what was printed is incomplete. Free some space or write elsewhere.\n"
                        .utf8))
            exit(4)
        }
        done += n
    }
}

/// Writes a diagnostic line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Buffered stdout for long listings.
final class StandardOutput {
    private var buffer: [UInt8] = []
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }
    func flush() {
        writeToStandardOutput(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
