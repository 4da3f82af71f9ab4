import Foundation

/// A web desk session as it is stored: whose it is and until when.
public struct DeskSessionRecord: Sendable, Equatable {
    public let reviewer: String
    public let expires: Date

    public init(reviewer: String, expires: Date) {
        self.reviewer = reviewer
        self.expires = expires
    }
}

/// Where the web desk keeps its sessions and failed sign-ins: beside the ledger, never in it (no
/// entry, no hash), and shared by every server on the same ledger. An SQLite ledger keeps them in
/// its file (`Ledger`); a ledger on PostgreSQL in the database (`PostgresDeskState`), so servers on
/// different machines know the same reviewers. Sessions are stored under the SHA-256 of the
/// cookie's value.
public protocol DeskStateStore: Sendable {
    /// Records a new session; sessions already expired are deleted at the same time.
    func openDeskSession(idHash: String, reviewer: String, expires: Date, now: Date) throws
    /// The live session stored under `idHash`, or nil (unknown, signed out or expired).
    func deskSession(idHash: String, now: Date) throws -> DeskSessionRecord?
    /// Ends one session (sign-out).
    func closeDeskSession(idHash: String) throws
    /// Ends every session of a reviewer (revoked while signed in).
    func closeDeskSessions(of reviewer: String) throws
    /// A client's failed sign-ins after `since`, oldest first.
    func signInFailures(of client: String, since: Date) throws -> [Date]
    /// Records a failed sign-in; failures from before `forgetBefore` are deleted, and beyond `kept`
    /// rows the oldest are (so wrong tokens from many addresses cannot grow the store without end).
    func recordSignInFailure(of client: String, at: Date, forgetBefore: Date, kept: Int) throws
}
