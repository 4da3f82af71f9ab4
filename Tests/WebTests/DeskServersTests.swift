import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerAudit
import LedgerStore
import Testing
import WebReview
import WebServer

/// Several `serve` processes on one ledger (issue 32): the sessions and failed sign-ins are in the
/// ledger's database, so any server answers any request and a restart signs nobody out. Each
/// server here has its own connections to the file, as a separate process would.
@Suite("Web desk: several servers on one ledger")
struct DeskServersTests {
    static func server(_ fixture: DeskFixture) throws -> some ApplicationProtocol {
        let desk = try fixture.anotherDesk()
        return DeskServer.application(
            desk: desk, host: "127.0.0.1", port: 0, secureCookies: false, idleTimeout: DeskFixture.idleTimeout)
    }

    /// Signed in on one server, a reviewer decides on another; signed out on one, out on both.
    @Test func aSessionOfOneServerIsHonouredByAnother() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        try await Self.server(fixture).test(.live) { one in
            try await Self.server(fixture).test(.live) { two in
                let first = DeskClient(one)
                #expect(try await first.signIn(fixture.token).status == 303)
                _ = try await first.get("/c/\(claim.shortID)")
                let second = DeskClient(two)
                second.cookies = first.cookies
                second.csrf = first.csrf
                #expect(try await second.get("/").status == 200, "the other server knows the session")
                let decided = try await second.post(
                    "/c/\(claim.shortID)/decide",
                    [("record", "1"), ("status", "verified"), ("evidence", "https://e.example")])
                #expect(decided.status == 303, "the form token of one server's page is good on the other")
                #expect(try await second.post("/logout", []).location == "/login")
                #expect(try await first.get("/").location?.hasPrefix("/login") == true, "signed out on both")
            }
        }
        let decided = try fixture.ledger.claim(id: claim.claim.claimID)
        #expect(decided.status == .verified && decided.reviewer == "ann")
    }

    /// A server restarted (a new process on the same file) still knows everyone signed in.
    @Test func aRestartSignsNobodyOut() async throws {
        let fixture = try DeskFixture()
        let cookies = try await Self.signedIn(fixture)
        try await Self.server(fixture).test(.live) { restarted in
            let again = DeskClient(restarted)
            again.cookies = cookies
            let page = try await again.get("/")
            #expect(page.status == 200 && page.body.contains("ann"), "\(page.status) \(page.location ?? "")")
        }
    }

    /// Wrong tokens sent to two servers count together against the client.
    @Test func failedSignInsAreCountedAcrossServers() async throws {
        let fixture = try DeskFixture()
        try await Self.server(fixture).test(.live) { one in
            try await Self.server(fixture).test(.live) { two in
                let (first, second) = (DeskClient(one), DeskClient(two))
                var refused: [Int] = []
                for _ in 0..<3 { refused.append(try await first.signIn("clr_wrong").status) }
                for _ in 0..<2 { refused.append(try await second.signIn("clr_wrong").status) }
                #expect(refused == [401, 401, 401, 401, 401])
                #expect(try await second.signIn("clr_wrong").status == 429, "five wrong tokens, on two servers")
                #expect(try await first.signIn(fixture.token).status == 303, "a right token still signs in")
            }
        }
    }

    /// The cookies of a reviewer signed in on a server that then stops.
    static func signedIn(_ fixture: DeskFixture) async throws -> [String: String] {
        try await server(fixture).test(.live) { one in
            let client = DeskClient(one)
            let signIn = try await client.signIn(fixture.token)
            #expect(signIn.status == 303)
            return client.cookies
        }
    }
}
