import Foundation
import LedgerStore
import Synchronization

/// A signed-in reviewer's session: the cookie's random ID, the reviewer it was granted to, and
/// the token every form of the session carries (CSRF).
public struct DeskSession: Sendable, Equatable {
    public let id: String
    public let reviewer: String
    public let csrf: String
    public let expires: Date
}

/// Sessions in memory, behind a mutex (a restart signs everyone out; nothing secret is written anywhere).
public final class SessionStore: Sendable {
    public static let lifetime: TimeInterval = 12 * 3600
    private let sessions = Mutex<[String: DeskSession]>([:])

    public init() {}

    public func open(for reviewer: String, now: Date = Date()) -> DeskSession {
        let session = DeskSession(
            id: LoginToken.randomHex(bytes: 32), reviewer: reviewer, csrf: LoginToken.randomHex(bytes: 32),
            expires: now + Self.lifetime)
        sessions.withLock { $0[session.id] = session }
        return session
    }

    /// The live session of this cookie value, or nil (unknown, or expired: then forgotten).
    public func session(_ id: String?, now: Date = Date()) -> DeskSession? {
        guard let id, id.count == 64 else { return nil }
        return sessions.withLock { sessions in
            guard let found = sessions[id] else { return nil }
            if found.expires <= now {
                sessions[id] = nil
                return nil
            }
            return found
        }
    }

    public func close(_ id: String) { sessions.withLock { $0[id] = nil } }

    /// Ends every session of a reviewer (revoked while signed in).
    public func closeAll(of reviewer: String) {
        sessions.withLock { $0 = $0.filter { $0.value.reviewer != reviewer } }
    }
}

/// Failed sign-ins per client address: after `allowed` wrong tokens in `window` seconds a client's
/// next wrong ones are answered 429 until the oldest leaves the window. A right token always signs
/// in (it is checked before the limit): 256 random bits cannot be guessed, so nobody, from any
/// number of addresses, can lock reviewers out by sending wrong ones.
public final class LoginLimiter: Sendable {
    public let allowed: Int, window: TimeInterval
    /// Clients remembered at most; beyond it the one whose last failure is oldest is forgotten.
    public static let clientsKept = 10_000
    private let failures = Mutex<[String: [Date]]>([:])

    public init(allowed: Int = 5, window: TimeInterval = 60) {
        self.allowed = allowed
        self.window = window
    }

    /// Seconds until this client's wrong tokens are answered as such again, or nil when they are now.
    public func wait(for client: String, now: Date = Date()) -> Int? {
        failures.withLock { failures in
            let mine = (failures[client] ?? []).filter { $0 > now - window }
            guard mine.count >= allowed, let oldest = mine.first else { return nil }
            return max(1, Int((oldest + window).timeIntervalSince(now).rounded(.up)))
        }
    }

    public func failed(_ client: String, now: Date = Date()) {
        failures.withLock { failures in
            failures[client] = (failures[client] ?? []).filter { $0 > now - window } + [now]
            if failures.count > Self.clientsKept { prune(&failures, now) }
        }
    }

    private func prune(_ failures: inout [String: [Date]], _ now: Date) {
        failures = failures.filter { $0.value.last.map { $0 > now - window } ?? false }
        while failures.count > Self.clientsKept, let stalest = failures.min(by: { $0.value.last! < $1.value.last! }) {
            failures[stalest.key] = nil
        }
    }
}
