/// Text from articles and reviewers made safe for a terminal or a plain-text report: control
/// characters and bidirectional overrides are shown as visible symbols instead of acting.
///
/// An article may carry ESC sequences (which can rewrite a table row on screen, so an unverified
/// quote *displays* as verified) or a right-to-left override (`‮detupsid‬` displays as "disputed").
/// JSON and CSV keep the exact text (JSON escapes controls itself); every human-facing view goes
/// through `visible`.
public enum VisibleText {
    /// `text` on one line, with each control shown as a symbol: ESC as ␛ (U+241B), other C0
    /// controls as their Control Pictures (U+2400…), DEL as ␡, C1 controls and bidi controls as
    /// `<U+XXXX>`. Newlines and tabs become spaces, or stay with `keepingLines` (HTML, where they are inert).
    public static func visible(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c.value {
            case 0x0A, 0x09, 0x0D: out.append(keepingLines ? c : " ")
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + c.value)!)
            case 0x7F: out.append("\u{2421}")
            case _ where needsCare(c): out.append(contentsOf: "<U+\(hex4(c.value))>".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the bidirectional embedding, override, isolate and mark characters.
    static func needsCare(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
