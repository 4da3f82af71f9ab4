import Foundation
import Reports
import ReviewSession

/// The controlling terminal in raw mode (one key at a time, no echo, Ctrl-C as a byte), put back
/// as it was when the session ends, on Ctrl-C, and on SIGTERM or SIGHUP (a closed ssh connection).
final class RawTerminal: ReviewTerminal {
    private let input: Int32, output: Int32
    nonisolated(unsafe) private static var saved: termios?
    nonisolated(unsafe) private static var savedFD: Int32 = -1

    /// Nil when standard input is not a terminal.
    init?(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        guard isatty(input) == 1 else { return nil }
        self.input = input
        self.output = output
        var original = termios()
        guard tcgetattr(input, &original) == 0 else { return nil }
        RawTerminal.saved = original
        RawTerminal.savedFD = input
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSANOW, &raw)  // NOW: keys typed ahead are kept
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { s in
                RawTerminal.restoreSaved()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }

    deinit { RawTerminal.restoreSaved() }

    /// Puts the terminal back (safe in a signal handler: one system call on saved state).
    static func restoreSaved() {
        guard savedFD >= 0, var original = saved else { return }
        tcsetattr(savedFD, TCSAFLUSH, &original)
    }

    var width: Int { Styling.terminalWidth() ?? 80 }

    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(input, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
