import Foundation
import LedgerStore

/// A signed-in reviewer's session: the cookie's random ID, the reviewer it was granted to, and
/// the token every form of the session carries (CSRF).
public struct DeskSession: Sendable, Equatable {
    public let id: String
    public let reviewer: String
    public let csrf: String
    public let expires: Date
}

/// Sessions in memory (a restart signs everyone out; nothing secret is written anywhere).
public final class SessionStore: @unchecked Sendable {
    public static let lifetime: TimeInterval = 12 * 3600
    private var sessions: [String: DeskSession] = [:]
    private let lock = NSLock()

    public init() {}

    public func open(for reviewer: String, now: Date = Date()) -> DeskSession {
        let session = DeskSession(id: LoginToken.randomHex(bytes: 32), reviewer: reviewer, csrf: LoginToken.randomHex(bytes: 32),
                                  expires: now + Self.lifetime)
        lock.withLock { sessions[session.id] = session }
        return session
    }

    /// The live session of this cookie value, or nil (unknown, or expired: then forgotten).
    public func session(_ id: String?, now: Date = Date()) -> DeskSession? {
        guard let id, id.count == 64 else { return nil }
        return lock.withLock {
            guard let found = sessions[id] else { return nil }
            if found.expires <= now { sessions[id] = nil; return nil }
            return found
        }
    }

    public func close(_ id: String) { lock.withLock { sessions[id] = nil } }

    /// Ends every session of a reviewer (revoked while signed in).
    public func closeAll(of reviewer: String) { lock.withLock { sessions = sessions.filter { $0.value.reviewer != reviewer } } }
}

/// Failed sign-ins per client address: at most `allowed` in `window` seconds, then refused until
/// the oldest failure leaves the window; and at most `globalAllowed` for all clients together, so
/// many addresses cannot guess faster either.
public final class LoginLimiter: @unchecked Sendable {
    public let allowed: Int, globalAllowed: Int, window: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var all: [Date] = []
    private let lock = NSLock()

    public init(allowed: Int = 5, globalAllowed: Int = 60, window: TimeInterval = 60) {
        self.allowed = allowed; self.globalAllowed = globalAllowed; self.window = window
    }

    /// Seconds until this client may try again, or nil when it may now.
    public func wait(for client: String, now: Date = Date()) -> Int? {
        lock.withLock {
            prune(now)
            let mine = failures[client] ?? []
            if mine.count >= allowed, let oldest = mine.first { return max(1, Int((oldest + window).timeIntervalSince(now).rounded(.up))) }
            if all.count >= globalAllowed, let oldest = all.first { return max(1, Int((oldest + window).timeIntervalSince(now).rounded(.up))) }
            return nil
        }
    }

    public func failed(_ client: String, now: Date = Date()) {
        lock.withLock { failures[client, default: []].append(now); all.append(now) }
    }

    private func prune(_ now: Date) {
        let since = now - window
        all.removeAll { $0 <= since }
        for (client, times) in failures {
            let kept = times.filter { $0 > since }
            failures[client] = kept.isEmpty ? nil : kept
        }
    }
}
