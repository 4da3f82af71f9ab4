import ClaimExtraction
import Foundation

/// A time budget for analysing one article, so that one pathological file cannot hang an ingest.
public enum ExtractionBudget {
    /// The default: 30 s plus 20 s per MB of text. The release build analyses about 5 MB/s, so only a
    /// text far outside what the extractor was built for reaches it; debug builds (8 s per MB) fit too.
    public static func seconds(forBytes bytes: Int) -> Double {
        30 + 20 * Double(bytes) / 1_000_000
    }

    /// The plan for `article`, or nil when extracting it takes longer than `seconds`. The work runs on
    /// a thread of its own; when it overruns it is cancelled (the extractor stops at its next check,
    /// between stages, quotes and blocks) and nothing of the article is recorded.
    public static func plan(_ article: Article, within seconds: Double) -> IngestPlan? {
        final class Result: @unchecked Sendable {
            let lock = NSLock()
            var plan: IngestPlan?
            var cancelled = false
        }
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        var stoppable = ClaimExtractor()
        stoppable.shouldStop = { result.lock.withLock { result.cancelled } }
        let extractor = stoppable
        running.add(1)
        let thread = Thread {
            let plan = IngestPlan(article: article, extractor: extractor)
            result.lock.withLock { result.plan = plan }
            running.add(-1)
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            result.lock.withLock { result.cancelled = true }
            return nil
        }
        return result.lock.withLock { result.plan }
    }

    /// Analyses running now (a cancelled one counts until it has stopped).
    public static let running = Counter()

    public final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add(_ n: Int) { lock.withLock { count += n } }
        public var value: Int { lock.withLock { count } }
    }
}
