import Foundation
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
        let (fields, file) = WebForm.multipart(body, boundary: "b")
        #expect(fields == ["title": "Hi"])
        #expect(file.map { String(decoding: $0, as: UTF8.self) } == "line1\r\nline2")
        #expect(WebForm.multipart(Array("garbage".utf8), boundary: "b").fields.isEmpty)
        #expect(WebForm.multipart(body, boundary: "").file == nil)
    }

    @Test func sessionsExpireAndCanBeClosed() {
        let store = SessionStore()
        let start = Date()
        let s = store.open(for: "ann", now: start)
        #expect(store.session(s.id, now: start + 60)?.reviewer == "ann")
        #expect(store.session(s.id, now: start + SessionStore.lifetime + 1) == nil)
        let t = store.open(for: "ann", now: start)
        store.closeAll(of: "ann")
        #expect(store.session(t.id, now: start) == nil)
        #expect(store.session("short") == nil)
    }

    @Test func theLimiterCountsFailuresPerClientOnly() {
        let limiter = LoginLimiter(allowed: 2, window: 60)
        let t = Date()
        limiter.failed("a", now: t)
        limiter.failed("a", now: t)
        #expect(limiter.wait(for: "a", now: t + 1) != nil)
        #expect(limiter.wait(for: "b", now: t + 1) == nil)
        for i in 0..<100 { limiter.failed("x\(i)", now: t + 1) }
        #expect(limiter.wait(for: "c", now: t + 2) == nil, "failures from many addresses do not limit another one")
        #expect(limiter.wait(for: "a", now: t + 61) == nil)
    }

    @Test func aLongBoundaryIsRefusedAndTheSearchIsLinear() {
        let long = String(repeating: "a", count: 71)
        let body = Array("--\(long)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--\(long)--".utf8)
        #expect(WebForm.multipart(body, boundary: long).fields.isEmpty)
        let ok = String(repeating: "a", count: 70)
        let seventy = Array("--\(ok)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--\(ok)--".utf8)
        #expect(WebForm.multipart(seventy, boundary: ok).fields == ["x": "1"])
    }

    @Test func thePatternSearchFindsOverlappingPrefixes() {
        let pattern = BytePattern(Array("aab".utf8))
        #expect(pattern.firstIndex(in: Array("aaab".utf8)[...]) == 1)
        #expect(pattern.firstIndex(in: Array("abaab".utf8)[...]) == 2)
        #expect(pattern.split(Array("xaabyaabz".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["y", "z"])
    }
}
