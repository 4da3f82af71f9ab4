import Foundation

/// The terms of the search index's texts, remembered for the process: every search builds the
/// terms of up to 50 candidates from their indexed words, and the same earlier claims come round as
/// candidates again and again while articles on one subject are recorded. Keyed by the indexed text
/// itself, so a corrected claim's new text is new terms. At most 8,192 texts.
extension MatchTerms {
    private static let cache = ProcessCache<String, MatchTerms>(capacity: 8_192)

    /// The terms of a search index column's text, built once per process for the same text.
    public static func of(indexed: String) -> MatchTerms {
        cache.value(for: indexed, make: MatchTerms.init(indexed:))
    }
}
