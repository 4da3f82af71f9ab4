import Foundation

/// Content-derived identities and the short forms people type (`c-1a2b3c`, `s-9f8e7d`).
public enum Identifiers {
    /// Whether `text` is nothing but claim or source IDs (`c-1a2b3c s-4d5e6f`): a note or reason
    /// whose text was forgotten.
    public static func isOnlyIDs(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        return !words.isEmpty
            && words.allSatisfy { word in
                let w = word.lowercased()
                return (w.hasPrefix("c-") || w.hasPrefix("s-")) && w.count >= 6
                    && w.dropFirst(2).allSatisfy(\.isHexDigit)
            }
    }

    /// Fewest hex digits shown in a short ID.
    public static let minimumShortLength = 6

    /// A source with text is identified by the SHA-256 of that text.
    public static func sourceID(text: String) -> String { hexSHA256(text) }

    /// A source without text (a broadcast, a speech) by what describes it.
    public static func sourceID(title: String, url: String?, outlet: String?, published: String?) -> String {
        hexSHA256(
            ["source-without-text", title, url ?? "", outlet ?? "", published ?? ""]
                .joined(separator: "\n"))
    }

    /// A claim by its source, its kind, its place and its words.
    public static func claimID(sourceID: String, kind: String, start: Int?, end: Int?, text: String) -> String {
        hexSHA256(
            ["claim", sourceID, kind, start.map(String.init) ?? "", end.map(String.init) ?? "", text]
                .joined(separator: "\n"))
    }

    /// The shortest prefix of `id` (at least `minimumShortLength`) that differs from its neighbours.
    public static func shortLength(of id: String, neighbours: [String?]) -> Int {
        var length = minimumShortLength
        for case let other? in neighbours {
            let common = zip(id, other).prefix { $0 == $1 }.count
            length = max(length, common + 1)
        }
        return min(length, id.count)
    }

    /// Shortest unique prefixes for a whole set of IDs (used where there is no ledger, e.g. `extract`).
    public static func shortForms(of ids: [String]) -> [String: String] {
        let sorted = Array(Set(ids)).sorted()
        var result: [String: String] = [:]
        for (i, id) in sorted.enumerated() {
            let below = i > 0 ? sorted[i - 1] : nil
            let above = i + 1 < sorted.count ? sorted[i + 1] : nil
            result[id] = String(id.prefix(shortLength(of: id, neighbours: [below, above])))
        }
        return result
    }

    /// Strips an optional `c-`/`s-` and lowercases; nil when the rest is not hex.
    public static func normalisePrefix(_ typed: String) -> (kind: Character?, hex: String)? {
        var text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        var kind: Character?
        if text.hasPrefix("c-") || text.hasPrefix("s-") {
            kind = text.first
            text.removeFirst(2)
        }
        guard !text.isEmpty, text.count <= 64,
            text.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        else { return nil }
        return (kind, text)
    }
}
