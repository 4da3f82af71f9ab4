import Foundation
import HTTPTypes
import Hummingbird
import LedgerStore
import Reports
import TestSupport
import Testing
import WebReview

@testable import WebServer

@Suite("Web desk: long reports stream")
struct StreamedReportTests {
    /// A client that takes three chunks and goes: the producer's next write throws and it stops.
    struct LeavingClient: ResponseBodyWriter {
        let received: Counter
        mutating func write(_ buffer: ByteBuffer) async throws {
            if received.add(buffer.readableBytes) >= 3 { throw CancellationError() }
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks = 0, bytes = 0
        func add(_ n: Int) -> Int {
            lock.withLock {
                chunks += 1
                bytes += n
                return chunks
            }
        }
        var total: Int { lock.withLock { bytes } }
    }

    @Test func aReportWhoseClientLeftStopsBeingWritten() async throws {
        let stopped = DispatchSemaphore(value: 0)
        let written = Counter()
        let endless: WebResponse.Producer = { write in
            defer { stopped.signal() }
            while true {
                try write(String(repeating: "x", count: 1000))
                _ = written.add(1000)
            }
        }
        let client = Counter()
        await #expect(throws: (any Error).self) {
            try await StreamedBody(endless).body.write(LeavingClient(received: client))
        }
        #expect(stopped.wait(timeout: .now() + 60) == .success, "the producer ended once the client had gone")
        // It got at most the chunks in flight beyond what the client took.
        #expect(written.total <= (3 + StreamedBody.inFlight + 1) * StreamedBody.chunkBytes + 1000)
    }

    @Test func theDesksReportIsTheWholeReportAsTheCLIWritesIt() async throws {
        let fixture = try DeskFixture()
        var text = ""
        try CitationReport(ledger: fixture.ledger).render(.markdown, asOf: nil) { text += $0 }
        let expected = text
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let report = try await web.get("/report.markdown")
            #expect(report.status == 200 && report.body == expected && expected.count > 1000)
        }
    }
}
