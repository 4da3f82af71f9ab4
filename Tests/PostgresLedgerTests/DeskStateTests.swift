import Foundation
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing

@testable import PostgresLedger

/// The web desk's sessions and failed sign-ins on both engines (issue 32): the same behaviour from
/// an SQLite ledger's file and from the PostgreSQL database, and two servers (two stores on the
/// same ledger) see the same sessions and count failures together.
@Suite("Desk sessions on both engines")
struct DeskStateTests {
    enum Engine: String, CaseIterable { case sqlite, postgres }

    /// Two stores on one ledger, as two servers hold them.
    static func stores(_ engine: Engine, _ dir: TemporaryDirectory) throws -> (any DeskStateStore, any DeskStateStore) {
        switch engine {
        case .sqlite:
            let path = dir.file("ledger.sqlite")
            let ledger = try Ledger(path: path, create: true)
            for name in ["r1", "r2"] { _ = try ledger.addReviewer(name, addedBy: "admin") }  // sessions name one
            return (ledger, try Ledger(path: path, create: false))
        case .postgres:
            let address = try PostgresAddress(try PostgresTestDatabase.fresh())
            _ = try PostgresLedger(address: address, create: true)
            return (try PostgresDeskState(address: address), try PostgresDeskState(address: address))
        }
    }

    static var engines: [Engine] { PostgresTestDatabase.available ? Engine.allCases : [.sqlite] }

    @Test(arguments: engines) func aSessionIsKnownEverywhereUntilItEnds(_ engine: Engine) throws {
        let dir = TemporaryDirectory()
        let (a, b) = try Self.stores(engine, dir)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try a.openDeskSession(idHash: String(repeating: "a", count: 64), reviewer: "r1", expires: now + 60, now: now)
        try a.openDeskSession(idHash: String(repeating: "b", count: 64), reviewer: "r1", expires: now + 60, now: now)
        try a.openDeskSession(idHash: String(repeating: "c", count: 64), reviewer: "r2", expires: now + 5, now: now)
        let first = DeskSessionRecord(reviewer: "r1", expires: now + 60)
        #expect(
            try b.deskSession(idHash: String(repeating: "a", count: 64), now: now) == first, "the other server knows it"
        )
        #expect(try b.deskSession(idHash: String(repeating: "c", count: 64), now: now + 5) == nil, "expired")
        #expect(try b.deskSession(idHash: String(repeating: "d", count: 64), now: now) == nil, "unknown")
        try b.closeDeskSession(idHash: String(repeating: "a", count: 64))
        #expect(try a.deskSession(idHash: String(repeating: "a", count: 64), now: now) == nil, "signed out everywhere")
        #expect(try a.deskSession(idHash: String(repeating: "b", count: 64), now: now) == first)
        try b.closeDeskSessions(of: "r1")
        #expect(try a.deskSession(idHash: String(repeating: "b", count: 64), now: now) == nil, "every session of r1")
    }

    @Test(arguments: engines) func failedSignInsAreCountedTogetherAndForgotten(_ engine: Engine) throws {
        let dir = TemporaryDirectory()
        let (a, b) = try Self.stores(engine, dir)
        let t = Date(timeIntervalSince1970: 1_800_000_000.25)
        try a.recordSignInFailure(of: "x", at: t, forgetBefore: t - 60, kept: 3)
        try b.recordSignInFailure(of: "x", at: t + 1, forgetBefore: t - 59, kept: 3)
        try b.recordSignInFailure(of: "y", at: t + 2, forgetBefore: t - 58, kept: 3)
        #expect(try a.signInFailures(of: "x", since: t - 60) == [t, t + 1])
        try a.recordSignInFailure(of: "z", at: t + 3, forgetBefore: t - 57, kept: 3)
        #expect(try b.signInFailures(of: "x", since: t - 60) == [t + 1], "beyond 3 rows the oldest go")
        try a.recordSignInFailure(of: "z", at: t + 70, forgetBefore: t + 10, kept: 3)
        #expect(try b.signInFailures(of: "x", since: .distantPast).isEmpty, "older than the window: forgotten")
        #expect(try b.signInFailures(of: "z", since: .distantPast) == [t + 70])
    }
}
