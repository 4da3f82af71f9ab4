import Foundation

/// What a review session needs from a terminal: one key at a time, and text written out. The CLI
/// gives it a real terminal in raw mode; tests give it scripted keys.
public protocol ReviewTerminal: AnyObject {
    /// The next byte typed; nil at the end of input.
    func readByte() -> UInt8?
    func write(_ text: String)
    /// Columns to wrap text at.
    var width: Int { get }
}

/// Keys with a meaning of their own in a session.
enum Key {
    static let enter: Set<UInt8> = [0x0D, 0x0A]
    static let backspace: Set<UInt8> = [0x7F, 0x08]
    static let escape: UInt8 = 0x1B
    static let interrupt: UInt8 = 0x03        // Ctrl-C (raw mode: it arrives as a byte, not a signal)
    static let endOfInput: UInt8 = 0x04       // Ctrl-D
}

/// What a prompt got.
enum PromptAnswer: Equatable {
    case text(String)
    /// Esc: the action is cancelled, nothing is recorded.
    case cancelled
    /// Ctrl-C, Ctrl-D or the end of input: the session ends.
    case quit
}

extension ReviewTerminal {
    /// Reads one line with echo and backspace, in raw mode. Enter on an empty line takes `suggestion`.
    func prompt(_ label: String, suggestion: String? = nil) -> PromptAnswer {
        write("\(label)" + (suggestion.map { " [\($0)]" } ?? "") + ": ")
        var bytes: [UInt8] = [], pending: [UInt8] = []
        while let byte = readByte() {
            switch byte {
            case Key.interrupt, Key.endOfInput: write("\r\n"); return .quit
            case Key.escape: write("\r\n"); return .cancelled
            case _ where Key.enter.contains(byte):
                write("\r\n")
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                return .text(text.isEmpty ? suggestion ?? "" : text)
            case _ where Key.backspace.contains(byte):
                // Drop a whole character: its continuation bytes (10xxxxxx) first.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                write("\u{8} \u{8}")
            case _ where byte < 0x20: continue        // other control bytes are not text
            default:
                // Echoed a whole character at a time (a multi-byte one once its last byte came).
                bytes.append(byte)
                pending.append(byte)
                if let character = String(bytes: pending, encoding: .utf8) { write(character); pending = [] }
                else if pending.count >= 4 { pending = [] }
            }
        }
        return .quit
    }
}
