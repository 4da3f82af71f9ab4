import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerStore
import TestSupport
import Testing
import WebReview
import WebServer

@Suite("Web desk: nobody can take it down without signing in")
struct DeskHostileTests {
    /// Wrong tokens from one address, and from the proxy every client comes through, never keep a
    /// right token out; with --trusted-proxy each client behind it is counted on its own.
    @Test func wrongTokensNeverLockOutARightOne() async throws {
        let fixture = try DeskFixture()
        try await fixture.run(signInLimit: SignInLimit(allowed: 3, window: 60)) { web, _ in
            for _ in 0..<8 { _ = try await web.signIn("clr_wrong") }
            let limited = try await web.signIn("clr_wrong")
            #expect(limited.status == 429 && limited.body.contains("from your address"))
            let right = try await web.signIn(fixture.token)
            #expect(right.status == 303 && right.location == "/" && web.cookies["cl_session"] != nil)
        }
    }

    @Test func aTrustedProxysForwardedAddressIsTheClient() async throws {
        let fixture = try DeskFixture()
        let desk = Desk(ledger: fixture.ledger, signInLimit: SignInLimit(allowed: 2, window: 60))
        let app = DeskServer.application(
            desk: desk, host: "127.0.0.1", port: 0, secureCookies: false, trustedProxy: "127.0.0.1",
            idleTimeout: DeskFixture.idleTimeout)
        try await app.test(.live) { client in
            for (who, wrong) in [("203.0.113.7", 2), ("203.0.113.8", 0)] {
                let web = DeskClient(client)
                web.extraHeaders = [("X-Forwarded-For", "198.51.100.1, \(who)")]
                for _ in 0..<wrong { _ = try await web.signIn("clr_wrong") }
                let next = try await web.signIn("clr_wrong")
                #expect(next.status == (wrong == 2 ? 429 : 401), "\(who)")
            }
        }
    }

    /// A POST without a session is answered before its body is read; a multipart body with a
    /// boundary longer than RFC 2046's 70 characters gives no fields (so no CSRF token: refused).
    @Test func bodiesAreReadOnlyForASignedInFormAndBoundariesAreCapped() async throws {
        let fixture = try DeskFixture()
        let head = try fixture.ledger.head().seq
        let claim = try #require(try fixture.ledger.claims().first)
        try await fixture.run { web, _ in
            let big = Array(repeating: UInt8(ascii: "a"), count: 4 * 1024 * 1024)
            let outsider = try await web.send(
                "/ingest", .post, big, type: "multipart/form-data; boundary=" + String(repeating: "b", count: 8000))
            #expect(outsider.status == 403)
            let tooBigLogin = try await web.send("/login", .post, big, type: "application/x-www-form-urlencoded")
            #expect(tooBigLogin.status == 413)
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let boundary = String(repeating: "b", count: 71)
            let long = try await web.postMultipart(
                "/c/\(claim.shortID)/note", fields: [("text", "hello")], file: nil, boundary: boundary)
            #expect(long.status == 403 && long.body.contains("CSRF"))
            let fine = try await web.postMultipart(
                "/c/\(claim.shortID)/note", fields: [("text", "hello")], file: nil,
                boundary: String(repeating: "b", count: 70))
            #expect(fine.status == 303)
        }
        #expect(try fixture.ledger.head().seq == head + 1)
    }

    /// Issue 30, item 5: answers the framework makes itself carry the security headers too.
    @Test func theFrameworksOwnAnswersCarryTheSecurityHeaders() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { web, _ in
            let put = try await web.send("/", .put, nil, type: nil)
            // Over the sign-in form's 16 KiB, refused before it is read: 100 KB shows it without
            // making a loaded machine push megabytes through a connection the server stopped reading.
            let big = try await web.send(
                "/login", .post, Array(repeating: UInt8(ascii: "a"), count: 100_000),
                type: "application/x-www-form-urlencoded")
            for page in [put, big] {
                #expect(
                    page.status >= 400
                        && page.headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'") == true,
                    "\(page.status)")
                #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            // A request the HTTP parser rejects gets the framework's bare 400, written below every
            // middleware: it carries the headers too.
            let port = try #require(web.port)
            for malformed in [
                "NOT HTTP AT ALL\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + String(repeating: "a", count: 200_000) + "\r\n\r\n",
            ] {
                let answer = try await rawExchange(port: port, malformed)
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
                #expect(
                    answer.contains("content-security-policy: default-src 'none'")
                        || answer.contains("Content-Security-Policy: default-src 'none'"),
                    "\(answer.prefix(400))")
                #expect(answer.lowercased().contains("x-content-type-options: nosniff"))
            }
        }
    }

    /// A page loads while a reviewer's decision waits for another process's write lock: the desk
    /// reads on its own connections (WAL lets them read while a writer writes), so no page queues
    /// behind a waiting write. The decision is still pending when the pages have answered.
    /// (Signing in writes the session, so both reviewers sign in before the lock is taken.)
    @Test(.onTheSQLiteFile) func pagesLoadWhileADecisionWaitsForTheWriteLock() async throws {
        let fixture = try DeskFixture()
        let claim = try #require(try fixture.ledger.claims().first)
        let desk = Desk(
            ledger: try Ledger(path: fixture.ledger.path, create: false, busyTimeout: 60, concurrentReads: true))
        let holder = try Ledger(path: fixture.ledger.path, create: false)
        let app = DeskServer.application(
            desk: desk, host: "127.0.0.1", port: 0, secureCookies: false, idleTimeout: DeskFixture.idleTimeout)
        try await app.test(.live) { client in
            let connection = TestClient(host: "127.0.0.1", port: try #require(client.port))
            connection.connect()
            let web = DeskClient(client)
            let other = DeskClient(connection: connection)
            _ = try await web.signIn(fixture.token)
            _ = try await other.signIn(fixture.token)
            _ = try await web.get("/c/\(claim.shortID)")
            let release = Self.holdWriteLock(holder)
            let pending = Flag()
            let decision = Task {
                let page = try await web.post(
                    "/c/\(claim.shortID)/decide", [("record", "1"), ("status", "verified"), ("evidence", "e")])
                pending.set()
                return page.status
            }
            try await Task.sleep(for: .milliseconds(500))
            for path in ["/", "/sources", "/c/\(claim.shortID)"] {
                let page = try await other.get(path)
                #expect(page.status == 200, "\(path)")
            }
            #expect(!pending.isSet, "the pages answered while the decision was still waiting for the lock")
            release.signal()
            #expect(try await decision.value == 303)
            try await connection.shutdown()
        }
        #expect(try fixture.ledger.claim(id: claim.claim.claimID).status == .verified)
    }

    /// Takes the ledger's write lock on another thread and holds it until the returned semaphore is signalled.
    static func holdWriteLock(_ holder: Ledger) -> DispatchSemaphore {
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? holder.write { _ in
                locked.signal()
                release.wait()
            }
        }
        locked.wait()
        return release
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
