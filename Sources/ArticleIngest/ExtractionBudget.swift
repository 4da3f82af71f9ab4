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
    /// a thread of its own; when it overruns it is abandoned (it ends with the process) and nothing of
    /// the article is recorded.
    public static func plan(_ article: Article, within seconds: Double) -> IngestPlan? {
        final class Result: @unchecked Sendable {
            let lock = NSLock()
            var plan: IngestPlan?
        }
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let plan = IngestPlan(article: article)
            result.lock.withLock { result.plan = plan }
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return result.lock.withLock { result.plan }
    }
}
