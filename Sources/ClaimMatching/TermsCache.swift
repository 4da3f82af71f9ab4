import Foundation

/// The terms of the search index's texts, remembered for the process: every search builds the
/// terms of up to 50 candidates from their indexed words, and the same earlier claims come round as
/// candidates again and again while articles on one subject are recorded (building them was an
/// eighth of an ingest's time). Keyed by the indexed text itself, so a corrected claim's new text
/// is new terms. Bounded: emptied when it holds `capacity` texts.
enum TermsCache {
    static let capacity = 8_192
    private static let lock = NSLock()
    nonisolated(unsafe) private static var terms: [String: MatchTerms] = [:]

    static func terms(indexed: String) -> MatchTerms {
        lock.lock()
        let known = terms[indexed]
        lock.unlock()
        if let known { return known }
        let made = MatchTerms(indexedWords: indexed.split(separator: " ").map(String.init))
        lock.lock()
        if terms.count >= capacity { terms.removeAll(keepingCapacity: true) }
        terms[indexed] = made
        lock.unlock()
        return made
    }
}

extension MatchTerms {
    /// The terms of a search index column's text, built once per process for the same text.
    public static func of(indexed: String) -> MatchTerms { TermsCache.terms(indexed: indexed) }
}
