import Foundation

/// What a name looks like, for telling look-alikes apart (after Unicode TR 39's skeleton): the
/// compatibility form (NFKC: fullwidth letters, ligatures and no-break spaces become plain),
/// case folded, invisible characters dropped, runs of spaces as one, and letters of other scripts
/// that look like Latin ones ("а" Cyrillic, "ο" Greek) mapped to them. Two names with the same
/// skeleton read the same on a screen.
public enum NameSkeleton {
    public static func of(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        var out = ""
        var lastSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.generalCategory == .format { continue }
            if scalar.properties.isWhitespace {
                if !lastSpace && !out.isEmpty { out += " " }
                lastSpace = true
                continue
            }
            lastSpace = false
            out += lookAlikes[scalar].map(String.init) ?? String(scalar)
        }
        return out.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "rn", with: "m")
    }

    /// Letters of Cyrillic and Greek (lower case) that print like Latin ones, and digits like letters.
    static let lookAlikes: [Unicode.Scalar: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ё": "ë", "ї": "ï",
        "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
        "0": "o", "1": "l", "ı": "i",
    ]
}
