import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program run on a pseudo-terminal, as a person at a terminal runs it: the test types keys and
/// waits for what the screen shows. Nothing is timed: each wait ends as soon as the text appears
/// (the timeout only bounds a failing test).
public final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private var keptSlave: Int32 = -1
    private let process = Process()
    private let lock = NSLock()
    private var buffer = Data()
    private let reader = DispatchGroup()

    public init(
        _ executable: URL, _ args: [String], in directory: String, environment: [String: String],
        columns: UInt16 = 100, rows: UInt16 = 40
    ) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw CocoaError(.fileReadUnknown) }
        self.master = master
        // The test keeps its own descriptor of the terminal, to look at its settings afterwards.
        keptSlave = dup(slave)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = executable
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        try terminal.close()
        reader.enter()
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(self.master, &chunk, chunk.count)
                if n <= 0 { break }  // EIO once the program has exited
                lock.lock()
                buffer.append(contentsOf: chunk[0..<n])
                lock.unlock()
            }
            reader.leave()
        }
    }

    /// Everything the program wrote so far.
    public var screen: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Types `text` (bytes as they are: "\r" is Enter, "\u{3}" Ctrl-C).
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the output holds `text` `count` times in all; false on timeout.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        func seen() -> Bool { screen.components(separatedBy: text).count - 1 >= count }
        while !seen() {
            // A program that ended will write nothing more: one last look once its output is read.
            if !process.isRunning {
                _ = reader.wait(timeout: .now() + 5)
                return seen()
            }
            if Date() >= deadline { return false }
            usleep(10_000)
        }
        return true
    }

    /// Whether the terminal is back in its ordinary mode (line editing and echo on), as a program
    /// that took it over must leave it.
    public var isInOrdinaryMode: Bool {
        var settings = termios()
        guard tcgetattr(keptSlave, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }

    deinit { if keptSlave >= 0 { close(keptSlave) } }

    /// Waits for the program to end; its exit status.
    public func exitStatus(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        _ = reader.wait(timeout: .now() + 5)
        close(master)
        return process.terminationStatus
    }
}
