import Foundation
import LedgerStore
import ReviewerAccess

/// A signed-in reviewer's session: the cookie's random ID, the reviewer it was granted to, and
/// the token every form of the session carries (CSRF).
public struct DeskSession: Sendable, Equatable {
    public let id: String
    public let reviewer: String
    public let csrf: String
    public let expires: Date

    /// A session of this cookie value. Its CSRF token is derived from the value (a one-way hash), so
    /// every server on the ledger knows it without storing it, and a page's token cannot give the cookie.
    init(id: String, reviewer: String, expires: Date) {
        self.id = id
        self.reviewer = reviewer
        self.csrf = hexSHA256("csrf:" + id)
        self.expires = expires
    }
}

/// The desk's sessions, kept beside the ledger (`DeskStateStore`: its SQLite file, or its
/// PostgreSQL database) under the SHA-256 of the cookie's value: every `serve` on the same ledger
/// honours them, and a restart signs nobody out.
public struct SessionStore: Sendable {
    public static let lifetime: TimeInterval = 12 * 3600
    /// Where sessions are kept, and the ledger that says whether their reviewer was revoked.
    let state: any DeskStateStore, ledger: Ledger

    public init(ledger: Ledger, state: (any DeskStateStore)? = nil) {
        self.ledger = ledger
        self.state = state ?? ledger
    }

    public func open(for reviewer: String, now: Date = Date()) throws -> DeskSession {
        // Whole seconds, as the database keeps them, so every server reads the same session.
        let expires = Date(timeIntervalSince1970: (now + Self.lifetime).timeIntervalSince1970.rounded(.down))
        let session = DeskSession(id: LoginToken.randomHex(bytes: 32), reviewer: reviewer, expires: expires)
        try state.openDeskSession(
            idHash: hexSHA256(session.id), reviewer: reviewer, expires: session.expires, now: now)
        return session
    }

    /// The live session of this cookie value, or nil: unknown, signed out, expired, or its
    /// reviewer revoked (then every session of theirs ends here).
    public func session(_ id: String?, now: Date = Date()) throws -> DeskSession? {
        guard let id, id.count == 64, id.allSatisfy(\.isHexDigit),
            let stored = try state.deskSession(idHash: hexSHA256(id), now: now)
        else { return nil }
        guard try !ledger.isRevoked(reviewer: stored.reviewer) else {
            try state.closeDeskSessions(of: stored.reviewer)
            return nil
        }
        return DeskSession(id: id, reviewer: stored.reviewer, expires: stored.expires)
    }

    public func close(_ id: String) throws { try state.closeDeskSession(idHash: hexSHA256(id)) }
}

/// How many wrong tokens a client may send to the sign-in form in how many seconds.
public struct SignInLimit: Sendable {
    public let allowed: Int, window: TimeInterval
    public init(allowed: Int = 5, window: TimeInterval = 60) {
        self.allowed = allowed
        self.window = window
    }
}

/// Failed sign-ins per client address, counted beside the ledger (`DeskStateStore`) so that every server on
/// it counts them together: after `allowed` wrong tokens in `window` seconds a client's next wrong
/// ones are answered 429 until the oldest leaves the window. A right token always signs in (it is
/// checked before the limit): 256 random bits cannot be guessed, so nobody, from any number of
/// addresses, can lock reviewers out by sending wrong ones.
public struct LoginLimiter: Sendable {
    public let limit: SignInLimit
    /// Failures remembered at most; beyond it the oldest are forgotten.
    public static let failuresKept = 10_000
    let state: any DeskStateStore

    public init(state: any DeskStateStore, limit: SignInLimit = SignInLimit()) {
        self.state = state
        self.limit = limit
    }

    /// Seconds until this client's wrong tokens are answered as such again, or nil when they are now.
    public func wait(for client: String, now: Date = Date()) throws -> Int? {
        let mine = try state.signInFailures(of: client, since: now - limit.window)
        guard mine.count >= limit.allowed, let oldest = mine.first else { return nil }
        return max(1, Int((oldest + limit.window).timeIntervalSince(now).rounded(.up)))
    }

    public func failed(_ client: String, now: Date = Date()) throws {
        try state.recordSignInFailure(
            of: client, at: now, forgetBefore: now - limit.window, kept: Self.failuresKept)
    }
}
