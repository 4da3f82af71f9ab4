import Foundation

/// Porter stems, remembered for the process: a search compares its query with up to 50 candidates,
/// stemming each candidate's words, and the same words come round in every search (at a million
/// claims this stemming was a fifth of an ingest's time). At most 100,000 words.
enum StemCache {
    private static let stems = ProcessCache<String, String>(capacity: 100_000)

    static func stem(_ word: String) -> String { stems.value(for: word, make: PorterStemmer.stem) }
}
