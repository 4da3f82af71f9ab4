/// Word wrap for a terminal (which breaks lines mid-word): colour codes take no width, a wrapped
/// line keeps its indent, and a word longer than the line (a URL) stays whole. `show` and `review`.
public enum Wrapping {
    public static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(Substring($0), width: max(20, width)) }.joined(separator: "\n")
    }

    static func wrapLine(_ line: Substring, width: Int) -> String {
        guard visibleCount(line) > width else { return String(line) }
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.count
        for word in line.dropFirst(indent.count).split(separator: " ") {
            let w = visibleCount(word)
            if currentWidth > indent.count && currentWidth + 1 + w > width {
                lines.append(current)
                current = indent
                currentWidth = indent.count
            }
            if currentWidth > indent.count {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += w
        }
        return (lines + [current]).joined(separator: "\n")
    }

    /// Characters shown, not counting `ESC [ … m` sequences.
    static func visibleCount(_ text: Substring) -> Int {
        var count = 0
        var inEscape = false
        for c in text {
            if inEscape {
                if c == "m" { inEscape = false }
            } else if c == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
