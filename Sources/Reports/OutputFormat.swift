import Foundation
import LedgerStore

/// How a listing is printed: a table for people, JSON/NDJSON/CSV for scripts.
public enum ListingFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv
}

/// Whether to colour output: only on a terminal, and never when NO_COLOR is set.
public struct Styling: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Decides from the environment and whether stdout is a terminal.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Styling
    {
        let noColor = (environment["NO_COLOR"].map { !$0.isEmpty }) ?? false
        let dumb = environment["TERM"] == "dumb"
        return Styling(colour: !noColor && !dumb && isatty(STDOUT_FILENO) == 1)
    }

    public static let plain = Styling(colour: false)

    /// The terminal's width in columns when stdout is a terminal ($COLUMNS when set), else nil.
    public static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    /// A status word (a table cell, already fitted) in its colour: green, red, yellow.
    public func status(_ cell: String) -> String {
        switch ClaimStatus(rawValue: cell.trimmingCharacters(in: .whitespaces)) {
        case .verified: return paint(cell, "32")
        case .disputed: return paint(cell, "31")
        case .dismissed: return paint(cell, "2")
        default: return paint(cell, "33")
        }
    }
}

/// RFC 4180 CSV cells, neutralised so a spreadsheet never runs them as formulas.
public enum CSV {
    public static func cell(_ value: String?) -> String {
        guard var text = value else { return "" }
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    public static func row(_ values: [String?]) -> String {
        values.map(cell).joined(separator: ",") + "\r\n"
    }
}

/// Column layout for plain-text tables; widths in characters, text cut with "…".
public struct TextTable: Sendable {
    public var headers: [String]
    public var widths: [Int]
    /// The terminal's width: the last column is cut to what is left of it (with "…"), so a row
    /// never wraps. Nil (not a terminal): the last column is printed whole.
    public var terminalWidth: Int?

    public init(headers: [String], widths: [Int], terminalWidth: Int? = nil) {
        self.headers = headers
        self.widths = widths
        self.terminalWidth = terminalWidth
    }

    /// The width left for the last column on the terminal (at least 10).
    var lastWidth: Int? {
        terminalWidth.map { max(10, $0 - widths.dropLast().reduce(0, +) - 2 * (widths.count - 1)) }
    }

    /// The width of the column that gives way on a narrow terminal (the speaker's): `widest` when
    /// printing whole, else what the terminal leaves after the `fixed` columns before it, the gaps
    /// between all the columns and `text` characters for the last one, kept within narrowest…widest.
    public static func flexibleWidth(
        terminalWidth: Int?, fixed: [Int], text: Int = 20, narrowest: Int = 8, widest: Int = 20
    ) -> Int {
        guard let terminalWidth else { return widest }
        let taken = fixed.reduce(0, +) + 2 * (fixed.count + 1)
        return min(widest, max(narrowest, terminalWidth - taken - text))
    }

    /// Cut to `width` characters with "…", padded to it (a column that is not the last).
    public static func fit(_ text: String, _ width: Int) -> String {
        let cut = fitted(text, width)
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// Cut to `width` characters with "…", never padded (the last column).
    static func fitted(_ text: String, _ width: Int) -> String {
        let flat = VisibleText.visible(text)
        return flat.count <= width ? flat : String(flat.prefix(max(0, width - 1))) + "…"
    }

    public func line(_ cells: [String], decorate: [(String) -> String]? = nil) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            let last = i == cells.count - 1
            let fitted =
                !last
                ? TextTable.fit(cell, widths[i])
                : lastWidth.map { TextTable.fitted(cell, $0) } ?? VisibleText.visible(cell)
            parts.append(decorate?[i](fitted) ?? fitted)
        }
        return parts.joined(separator: "  ")
    }
}
