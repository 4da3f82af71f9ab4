import Foundation

/// An article's or review's date of publication as ISO 8601 (`2019-11-19`), what ClaimReview and
/// every consumer of it read. Dates typed in other unambiguous forms ("Nov 19, 2019", "19 November
/// 2019", "November 19 2019", an ISO time) are normalised; anything else (including "03/04/2019",
/// which is March or April depending on the reader) is not a date here.
public enum PublicationDate {
    /// An example for error messages.
    public static let example = "2019-11-19"

    /// `text` as `YYYY-MM-DD`, or nil when it is not an unambiguous real date.
    public static func normalised(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = isoDay(trimmed) { return iso }
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        guard words.count == 3 else { return nil }
        // "nov 19 2019" or "19 nov 2019"
        if let month = month(words[0]), let day = Int(words[1]), let year = Int(words[2]) {
            return calendarDay(year, month, day)
        }
        if let day = Int(words[0]), let month = month(words[1]), let year = Int(words[2]) {
            return calendarDay(year, month, day)
        }
        return nil
    }

    /// `YYYY-MM-DD` at the start of an ISO date or time (`2019-11-19T10:00:00Z`).
    private static func isoDay(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count > 10 && bytes[10] == UInt8(ascii: "T")) else { return nil }
        let day = String(decoding: bytes[0..<10], as: UTF8.self)
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return calendarDay(y, m, d)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ word: Substring) -> Int? {
        guard word.count >= 3, let index = months.firstIndex(where: { word.hasPrefix($0) }) else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ][index]
        return full.hasPrefix(word) || word == "sept" ? index + 1 : nil
    }

    /// A real calendar day from year 1000 to 9999 as `YYYY-MM-DD`, else nil (no rollover).
    private static func calendarDay(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
