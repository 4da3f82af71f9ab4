import Foundation
import LedgerStore
import ReviewerAccess
import Testing

@testable import WebReview
@testable import WebServer

@Suite("Web forms and sessions")
struct WebFormTests {
    /// URL-encoded forms and queries are read by Hummingbird's decoder: '+' is a space, escapes
    /// are decoded once, a field without '=' is left out; a field sent twice or an escape no
    /// browser writes makes the form unreadable (the desk answers 400).
    @Test func urlEncodedFormsAreReadByTheFrameworksDecoder() {
        #expect(
            FormFields.read("a=1+2&b=%C3%A9%26&c&=x&e=&f=%2541") == [
                "a": "1 2", "b": "é&", "": "x", "e": "", "f": "%41",
            ])
        #expect(FormFields.read("") == [:])
        #expect(FormFields.read("a=1&a=3") == nil)
        #expect(FormFields.read("d=%ZZ") == nil)
        #expect(FormFields.read("a[b]=1&c=2") == ["a": "", "c": "2"])
    }

    @Test func multipartBodiesGiveFieldsAndTheFirstFile() {
        let body = Array(
            "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHi\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\nline1\r\nline2\r\n--b--\r\n"
                .utf8)
        let (fields, file) = MultipartFields.read(body, boundary: "b")
        #expect(fields == ["title": "Hi"])
        #expect(file.map { String(decoding: $0, as: UTF8.self) } == "line1\r\nline2")
        #expect(MultipartFields.read(Array("garbage".utf8), boundary: "b").fields.isEmpty)
        #expect(MultipartFields.read(body, boundary: "").file == nil)
    }

    @Test(.onTheSQLiteFile) func sessionsLiveInTheLedgerAndExpireOrClose() throws {
        let fixture = try DeskFixture()
        let store = SessionStore(ledger: fixture.ledger)
        let start = Date()
        let s = try store.open(for: "ann", now: start)
        #expect(try store.session(s.id, now: start + 60)?.reviewer == "ann")
        #expect(try store.session(s.id, now: start + 60)?.csrf == s.csrf, "the form token is the session's")
        let elsewhere = SessionStore(ledger: try Ledger(path: fixture.ledger.path, create: false))
        #expect(try elsewhere.session(s.id, now: start + 60) == s, "another server on the ledger knows it")
        #expect(try store.session(s.id, now: start + SessionStore.lifetime + 1) == nil)
        let t = try store.open(for: "ann", now: start)
        try elsewhere.close(t.id)
        #expect(try store.session(t.id, now: start) == nil, "signed out on one server, out on all")
        #expect(try store.session("short") == nil)
        #expect(try fixture.ledger.deskSession(idHash: hexSHA256(s.id)) != nil)
        #expect(try fixture.ledger.deskSession(idHash: s.id) == nil, "only the cookie's hash is kept")
        try fixture.ledger.revokeReviewer("ann", revokedBy: "desk")
        #expect(try store.session(s.id, now: start + 60) == nil, "a revoked reviewer's session ends")
        #expect(try fixture.ledger.deskSession(idHash: hexSHA256(s.id)) == nil, "its row is gone")
    }

    @Test(.onTheSQLiteFile) func theLimiterCountsFailuresPerClientOnlyOnEveryServer() throws {
        let fixture = try DeskFixture()
        let limiter = LoginLimiter(state: fixture.ledger, limit: SignInLimit(allowed: 2, window: 60))
        let other = LoginLimiter(
            state: try Ledger(path: fixture.ledger.path, create: false), limit: SignInLimit(allowed: 2, window: 60))
        let t = Date()
        try limiter.failed("a", now: t)
        try other.failed("a", now: t)
        #expect(try limiter.wait(for: "a", now: t + 1) != nil)
        #expect(try other.wait(for: "a", now: t + 1) != nil, "two servers count one client together")
        #expect(try limiter.wait(for: "b", now: t + 1) == nil)
        for i in 0..<100 { try limiter.failed("x\(i)", now: t + 1) }
        #expect(try limiter.wait(for: "c", now: t + 2) == nil, "failures from many addresses do not limit another one")
        #expect(try limiter.wait(for: "a", now: t + 61) == nil)
        try limiter.failed("z", now: t + 200)
        #expect(try fixture.ledger.signInFailures(of: "a", since: .distantPast).isEmpty, "old failures are forgotten")
    }

    @Test func aBoundaryLongerThanRFC2046AllowsIsRefused() {
        let long = String(repeating: "a", count: 71)
        let body = Array("--\(long)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--\(long)--".utf8)
        #expect(MultipartFields.read(body, boundary: long).fields.isEmpty)
        let ok = String(repeating: "a", count: 70)
        let seventy = Array("--\(ok)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--\(ok)--".utf8)
        #expect(MultipartFields.read(seventy, boundary: ok).fields == ["x": "1"])
    }
}
