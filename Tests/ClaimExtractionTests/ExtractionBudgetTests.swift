import ArticleIngest
import ClaimExtraction
import Foundation
import Testing

/// Issue 30, item 4: an analysis over its budget is cancelled, not left burning a core.
@Suite("Extraction budget", .serialized)
struct ExtractionBudgetTests {
    @Test func anAnalysisOverItsBudgetStopsSoonAfter() throws {
        // One paragraph dense with quotations and pronoun attributions: seconds of work in a debug build.
        let parts = (0..<6_000).map { "\"point number \($0) is settled,\" she said" }
        let body = "Maria Lopez spoke at length on Monday. " + parts.joined(separator: ", and ") + ".\n"
        let article = Article(body: body)
        #expect(ExtractionBudget.plan(article, within: 0.02) == nil)
        let deadline = Date() + 20
        while ExtractionBudget.running.value > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(ExtractionBudget.running.value == 0, "the cancelled analysis stopped")
        // Within a budget it still runs to the end.
        let short = Article(body: "Exports rose 5 percent in 2023, the ministry said on Monday.\n")
        #expect(ExtractionBudget.plan(short, within: 30)?.claims.count == 1)
    }

    /// The extractor asks `shouldStop` between stages, every 64 quotes and every block, and stops
    /// at once when told: nothing more is found.
    @Test func theExtractorStopsWhenAsked() throws {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var n = 0
        }
        let parts = (0..<2_000).map { "\"point number \($0) is settled,\" she said" }
        let body =
            "Maria Lopez spoke.\n\n" + parts.joined(separator: ", and ")
            + ".\n\nExports rose 5 percent in 2023, the ministry said.\n"
        var stopping = ClaimExtractor()
        stopping.shouldStop = { true }
        let stopped = stopping.extract(body)
        #expect(stopped.quotes.isEmpty && stopped.claims.isEmpty)
        let calls = Calls()
        var counting = ClaimExtractor()
        counting.shouldStop = {
            calls.lock.withLock { calls.n += 1 }
            return false
        }
        let full = counting.extract(body)
        #expect(full.quotes.count > 1_000 && !full.claims.isEmpty)
        #expect(calls.lock.withLock { calls.n } >= 2_000 / 64, "asked while the quotes are attributed")
    }
}
