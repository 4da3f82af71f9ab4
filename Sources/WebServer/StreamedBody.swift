import Foundation
import Hummingbird
import Synchronization
import WebReview

/// A body written by a synchronous producer (a report rendered from the ledger on its own thread)
/// and sent as it is made: the producer waits when `inFlight` chunks are not yet sent, and its next
/// write throws once the client has gone, so a report nobody reads any more stops.
final class StreamedBody: Sendable {
    static let chunkBytes = 64 * 1024
    static let inFlight = 4

    private let produce: WebResponse.Producer
    private let room = DispatchSemaphore(value: StreamedBody.inFlight)
    private let gone = Mutex(false)

    init(_ produce: @escaping WebResponse.Producer) { self.produce = produce }

    struct ClientGone: Error {}

    var body: ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
            continuation.onTermination = { _ in self.stop() }
            DispatchQueue.global().async { self.run(continuation) }
            do {
                for try await chunk in chunks {
                    try await writer.write(chunk)
                    self.room.signal()
                }
                try await writer.finish(nil)
            } catch {
                self.stop()
                throw error
            }
        }
    }

    private func stop() {
        gone.withLock { $0 = true }
        for _ in 0..<Self.inFlight { room.signal() }
    }

    private func run(_ out: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) {
        var pending = ""
        func send() throws {
            room.wait()
            if gone.withLock({ $0 }) { throw ClientGone() }
            out.yield(ByteBuffer(string: pending))
            pending = ""
        }
        do {
            try produce { text in
                pending += text
                if pending.utf8.count >= Self.chunkBytes { try send() }
            }
            if !pending.isEmpty { try send() }
            out.finish()
        } catch {
            out.finish(throwing: error)
        }
    }
}
