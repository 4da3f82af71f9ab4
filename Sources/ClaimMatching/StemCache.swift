import Foundation

/// Porter stems, remembered for the process: a search compares its query with up to 50 candidates,
/// stemming each candidate's words, and the same words come round in every search (at a million
/// claims this stemming was a fifth of an ingest's time). Bounded: emptied when it holds
/// `capacity` words.
enum StemCache {
    static let capacity = 100_000
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stems: [String: String] = [:]

    static func stem(_ word: String) -> String {
        lock.lock()
        let known = stems[word]
        lock.unlock()
        if let known { return known }
        let stem = PorterStemmer.stem(word)
        lock.lock()
        if stems.count >= capacity { stems.removeAll(keepingCapacity: true) }
        stems[word] = stem
        lock.unlock()
        return stem
    }
}
