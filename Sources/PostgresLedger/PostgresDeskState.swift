import Foundation
import LedgerSchema
import LedgerStore
import PostgresNIO
import ReviewerAccess

/// The web desk's sessions and failed sign-ins in the PostgreSQL database (migration pg002), so
/// every `claimledger serve` on it, on any machine, honours every session and counts failed
/// sign-ins together; a restarted server signs nobody out. Its own connection: a session is never
/// part of a ledger append's transaction, nor waits for one.
public final class PostgresDeskState: DeskStateStore, @unchecked Sendable {
    let database: PostgresLedger

    /// Connects to the ledger's database (its schema made or brought up to date as by `PostgresLedger`).
    /// A read replica is refused here, before the desk listens: signing in and deciding write.
    public init(address: PostgresAddress) throws {
        database = try PostgresLedger(address: address, create: false)
        if try database.run(PostgresLedgerQuery.readOnly.sql).first?.decode(Bool.self) == true {
            throw LedgerError.refused(
                "The database \(address.shown) is a read-only replica (a standby): the desk signs reviewers in and records decisions, so serve it from the primary. Nothing was written."
            )
        }
    }

    public func openDeskSession(idHash: String, reviewer: String, expires: Date, now: Date) throws {
        try database.inTransaction {
            try database.run(PostgresLedgerQuery.deskSessionsExpiredDelete.sql, PostgresBindings(Self.seconds(now)))
            try database.run(
                PostgresLedgerQuery.deskSessionOpen.sql, PostgresBindings(idHash, reviewer, Self.seconds(expires)))
        }
    }

    public func deskSession(idHash: String, now: Date) throws -> DeskSessionRecord? {
        try database.run(PostgresLedgerQuery.deskSessionOf.sql, PostgresBindings(idHash, Self.seconds(now))).first.map {
            row in
            let (reviewer, expires) = try row.decode((String, Int64).self)
            return DeskSessionRecord(reviewer: reviewer, expires: Date(timeIntervalSince1970: TimeInterval(expires)))
        }
    }

    public func closeDeskSession(idHash: String) throws {
        try database.run(PostgresLedgerQuery.deskSessionClose.sql, PostgresBindings(idHash))
    }

    public func closeDeskSessions(of reviewer: String) throws {
        try database.run(PostgresLedgerQuery.deskSessionsCloseOfReviewer.sql, PostgresBindings(reviewer))
    }

    public func signInFailures(of client: String, since: Date) throws -> [Date] {
        try database.run(
            PostgresLedgerQuery.deskSignInFailures.sql, PostgresBindings(client, since.timeIntervalSince1970)
        ).map {
            Date(timeIntervalSince1970: try $0.decode(Double.self))
        }
    }

    public func recordSignInFailure(of client: String, at: Date, forgetBefore: Date, kept: Int) throws {
        try database.inTransaction {
            try database.run(
                PostgresLedgerQuery.deskSignInFailureAdd.sql, PostgresBindings(client, at.timeIntervalSince1970))
            try database.run(
                PostgresLedgerQuery.deskSignInFailuresForget.sql,
                PostgresBindings(forgetBefore.timeIntervalSince1970, Int64(kept))
            )
        }
    }

    /// Whole Unix seconds, as sessions are kept on both engines.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
