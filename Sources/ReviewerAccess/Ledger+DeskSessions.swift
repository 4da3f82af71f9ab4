import Foundation
import GRDB
import LedgerSchema
import LedgerStore

/// The web desk's state kept beside the ledger in its SQLite file (schema version 16; not in the
/// ledger: no entry, no hash): sessions and failed sign-ins, shared by every server on the same
/// file, so a restart signs nobody out. A session is stored under the SHA-256 of its cookie's
/// value, never the value itself. (A ledger on PostgreSQL keeps them in the database instead:
/// `PostgresDeskState`.)
extension Ledger: DeskStateStore {
    /// Records a new session; sessions already expired are deleted at the same time.
    public func openDeskSession(idHash: String, reviewer: String, expires: Date, now: Date = Date()) throws {
        try write { db in
            try db.cachedStatement(sql: LedgerQuery.deskSessionsExpiredDelete.sql).execute(arguments: [
                "now": Int64(now.timeIntervalSince1970)
            ])
            try db.cachedStatement(sql: LedgerQuery.deskSessionOpen.sql).execute(arguments: [
                "id_hash": idHash, "reviewer": reviewer, "expires": Int64(expires.timeIntervalSince1970),
            ])
        }
    }

    /// The live session stored under `idHash`, or nil (unknown, signed out or expired).
    public func deskSession(idHash: String, now: Date = Date()) throws -> DeskSessionRecord? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: LedgerQuery.deskSessionOf.sql),
                arguments: ["id_hash": idHash, "now": Int64(now.timeIntervalSince1970)]
            ).map { row in
                DeskSessionRecord(
                    reviewer: row["reviewer"],
                    expires: Date(timeIntervalSince1970: TimeInterval(row["expires"] as Int64)))
            }
        }
    }

    /// Whether the reviewer of this name was revoked (a session of theirs must not be honoured).
    public func isRevoked(reviewer: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db.cachedStatement(sql: LedgerQuery.reviewerRevoked.sql), arguments: ["name": reviewer])
                ?? false
        }
    }

    /// Ends one session (sign-out).
    public func closeDeskSession(idHash: String) throws {
        try write { db in
            try db.cachedStatement(sql: LedgerQuery.deskSessionClose.sql).execute(arguments: ["id_hash": idHash])
        }
    }

    /// Ends every session of a reviewer (revoked while signed in).
    public func closeDeskSessions(of reviewer: String) throws {
        try write { db in
            try db.cachedStatement(sql: LedgerQuery.deskSessionsCloseOfReviewer.sql).execute(arguments: [
                "reviewer": reviewer
            ])
        }
    }

    /// A client's failed sign-ins after `since`, oldest first.
    public func signInFailures(of client: String, since: Date) throws -> [Date] {
        try read { db in
            try Double.fetchAll(
                db.cachedStatement(sql: LedgerQuery.deskSignInFailures.sql),
                arguments: ["client": client, "since": since.timeIntervalSince1970]
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Records a failed sign-in; failures from before `forgetBefore` are deleted, and beyond `kept`
    /// rows the oldest are (so wrong tokens from many addresses cannot grow the file without end).
    public func recordSignInFailure(of client: String, at: Date, forgetBefore: Date, kept: Int) throws {
        try write { db in
            try db.cachedStatement(sql: LedgerQuery.deskSignInFailureAdd.sql).execute(arguments: [
                "client": client, "at": at.timeIntervalSince1970,
            ])
            try db.cachedStatement(sql: LedgerQuery.deskSignInFailuresForget.sql).execute(arguments: [
                "since": forgetBefore.timeIntervalSince1970, "kept": kept,
            ])
        }
    }
}
