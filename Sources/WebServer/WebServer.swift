import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import WebReview

/// `claimledger serve`: the desk over HTTP/1.1, on Hummingbird's router (`DeskRoutes`).
public enum DeskServer {
    /// An idle connection is closed after a minute: a slow client cannot hold sockets for ever.
    /// (A connection waiting for its answer is never idle.)
    public static let idleTimeout = TimeAmount.seconds(60)

    public static func application(
        desk: Desk, host: String, port: Int, secureCookies: Bool, trustedProxy: String? = nil,
        idleTimeout: TimeAmount = DeskServer.idleTimeout,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: DeskContext.self)
        DeskRoutes(desk: desk, wire: Wire(secureCookies: secureCookies, trustedProxy: trustedProxy)).register(
            on: router)
        return Application(
            router: router,
            server: .http1(
                configuration: .init(additionalChannelHandlers: [SecurityHeaders()], idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Runs the desk until SIGINT or SIGTERM.
    public static func run(
        desk: Desk, host: String, port: Int, secureCookies: Bool, trustedProxy: String? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) throws {
        let app = application(
            desk: desk, host: host, port: port, secureCookies: secureCookies, trustedProxy: trustedProxy,
            onRunning: onRunning)
        let failure = FailureBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

/// The error the server stopped with, handed from its task to the thread that waits for it.
final class FailureBox: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    var error: (any Error)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
