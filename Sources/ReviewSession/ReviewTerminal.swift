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
    static let interrupt: UInt8 = 0x03  // Ctrl-C (raw mode: it arrives as a byte, not a signal)
    static let endOfInput: UInt8 = 0x04  // Ctrl-D
    static let tab: UInt8 = 0x09
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
    /// Reads one line with echo and backspace, in raw mode. Enter on an empty line gives an empty
    /// answer, never `offer`: the text typed last is used only on an explicit key (Tab), which
    /// types it out in full on the line, so the reviewer sees it before Enter records it.
    func prompt(_ label: String, offer: String? = nil) -> PromptAnswer {
        write(label + (offer.map { " (Tab: \u{201C}\($0)\u{201D} again)" } ?? "") + ": ")
        var bytes: [UInt8] = []
        var pending: [UInt8] = []
        while let byte = readByte() {
            switch byte {
            case Key.interrupt, Key.endOfInput:
                write("\r\n")
                return .quit
            case Key.escape:
                write("\r\n")
                return .cancelled
            case _ where Key.enter.contains(byte):
                write("\r\n")
                return .text(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            case Key.tab:
                guard let offer, bytes.isEmpty else { continue }
                bytes = Array(offer.utf8)
                write(offer)
            case _ where Key.backspace.contains(byte):
                // Drop a whole character: its continuation bytes (10xxxxxx) first.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                write("\u{8} \u{8}")
            case _ where byte < 0x20: continue  // other control bytes are not text
            default:
                // Echoed a whole character at a time (a multi-byte one once its last byte came).
                bytes.append(byte)
                pending.append(byte)
                if let character = String(bytes: pending, encoding: .utf8) {
                    write(character)
                    pending = []
                } else if pending.count >= 4 {
                    pending = []
                }
            }
        }
        return .quit
    }
}
