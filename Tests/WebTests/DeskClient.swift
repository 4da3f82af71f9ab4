import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LedgerAudit
import LedgerStore
import NIOCore
import ReviewerAccess
import TestSupport
import Testing
import TransparencyLog
import WebReview
import WebServer

/// A browser in miniature over real HTTP: keeps cookies, reads the CSRF token from the last page.
final class DeskClient: @unchecked Sendable {
    typealias Execute =
        @Sendable (String, HTTPRequest.Method, HTTPFields, ByteBuffer?) async throws -> (Int, HTTPFields, ByteBuffer)
    let execute: Execute
    var cookies: [String: String] = [:]
    var csrf: String?
    /// Headers sent with every request (a proxy's X-Forwarded-For).
    var extraHeaders: [(String, String)] = []

    /// The live server's port (nil for a client on a connection of its own).
    var port: Int?

    init(_ client: any TestClientProtocol) {
        port = client.port
        execute = { uri, method, headers, body in
            let r = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
            return (Int(r.status.code), r.headers, r.body)
        }
    }

    /// A browser on its own connection (the test client's requests share one, answered in order).
    init(connection: TestClient) {
        execute = { uri, method, headers, body in
            let r = try await connection.execute(.init(uri, method: method, headers: headers, body: body))
            return (Int(r.status.code), r.headers, r.body ?? ByteBuffer())
        }
    }

    struct Page {
        var status: Int
        var headers: HTTPFields
        var body: String
        var location: String?
    }

    @discardableResult
    func get(_ uri: String) async throws -> Page { try await send(uri, .get, nil, type: nil) }

    @discardableResult
    func post(_ uri: String, _ form: [(String, String)], withCSRF: Bool = true) async throws -> Page {
        var fields = form
        if withCSRF, let csrf { fields.append(("csrf", csrf)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, .post, Array(body.utf8), type: "application/x-www-form-urlencoded")
    }

    func postMultipart(
        _ uri: String, fields: [(String, String)], file: [UInt8]?,
        boundary: String = "----desk-test-boundary"
    ) async throws -> Page {
        var body: [UInt8] = []
        for (k, v) in fields + (csrf.map { [("csrf", $0)] } ?? []) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                    .utf8)
            body += file + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await send(uri, .post, body, type: "multipart/form-data; boundary=\(boundary)")
    }

    func signIn(_ token: String) async throws -> Page {
        let login = try await get("/login")
        let field = try #require(Self.value(of: "login", in: login.body))
        return try await post("/login", [("login", field), ("token", token)], withCSRF: false)
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? ""
    }

    static func value(of name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, _ body: [UInt8]?, type: String?) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let type { headers[.contentType] = type }
        for (name, value) in extraHeaders { headers.append(HTTPField(name: .init(name)!, value: value)) }
        let (status, responseHeaders, responseBody) = try await execute(
            uri, method, headers, body.map { ByteBuffer(bytes: $0) })
        for set in responseHeaders[values: .setCookie] {
            let pair = set.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
        }
        let text = String(buffer: responseBody)
        if let token = Self.value(of: "csrf", in: text) { csrf = token }
        return Page(status: status, headers: responseHeaders, body: text, location: responseHeaders[.location])
    }
}

/// A desk on a temporary ledger with the two sample articles and a reviewer, served on a free port.
struct DeskFixture {
    /// The tests' connections are idle between requests for as long as a loaded machine running the
    /// whole suite keeps them waiting (over a minute seen): the desk's own minute would close them.
    static let idleTimeout = TimeAmount.minutes(10)

    let dir = TemporaryDirectory()
    let ledger: Ledger
    let token: String
    /// The ledger's address for the binary (the SQLite file, or a PostgreSQL database under
    /// `CLAIMLEDGER_TEST_ENGINE=postgres`) and the environment it needs there (`TestEngine`).
    let db: String
    let environment: [String: String]

    init(reviewer: String = "ann") throws {
        (db, environment) = TestEngine.ledger(in: dir)
        for name in ["000_ef25d13846437f12.txt", "004_8460d107cbcf0280.txt"] {
            let path = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds/\(name)").path
            try Self.ingest(path, db: db, environment: environment)
        }
        ledger = try TestEngine.open(db: db, in: dir)
        ledger.clock = { Date(timeIntervalSince1970: 1_767_225_600) }  // 2026-01-01T00:00:00Z
        token = try ledger.addReviewer(reviewer, addedBy: "desk").token
    }

    /// Runs `claimledger ingest FILE` on the fixture's ledger.
    func ingest(_ file: String) throws { try Self.ingest(file, db: db, environment: environment) }

    private static func ingest(_ file: String, db: String, environment: [String: String]) throws {
        let result = try ClaimLedgerBinary.run(["ingest", file, "--db", db], environment: environment)
        precondition(result.status == 0, result.stderr)
    }

    /// A desk on the same ledger with connections of its own, as another `serve` process (on
    /// PostgreSQL, as on another machine: its own local copy, named `copy`).
    func anotherDesk(copy: String = "another-copy.sqlite") throws -> Desk {
        let other = try TestEngine.open(db: db, in: dir, copy: copy, concurrentReads: true)
        return Desk(ledger: other, deskState: try TestEngine.deskState(db: db))
    }

    func run(
        signInLimit: SignInLimit = SignInLimit(), checkpoints: [CheckpointAudit.Saved] = [],
        verifier: NoteVerifier? = nil,
        _ test: @escaping @Sendable (DeskClient, Desk) async throws -> Void
    ) async throws {
        let desk = Desk(
            ledger: ledger, signInLimit: signInLimit, checkpoints: checkpoints, verifier: verifier,
            deskState: try TestEngine.deskState(db: db))
        let app = DeskServer.application(
            desk: desk, host: "127.0.0.1", port: 0, secureCookies: false, idleTimeout: DeskFixture.idleTimeout)
        try await app.test(.live) { client in try await test(DeskClient(client), desk) }
    }
}

/// Sends raw bytes on a new TCP connection to the desk and returns all it answers until it closes
/// (for requests no HTTP client would send).
/// The socket calls block, so they run on a thread of their own: on the cooperative pool (two
/// threads on a two-core machine) they could hold the very thread the server needs to answer.
func rawExchange(port: Int, _ request: String) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try blockingExchange(port: port, request) }) }.start()
    }
}

private func blockingExchange(port: Int, _ request: String) throws -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    // A socket call with a timeout is never restarted after a signal (signal(7)): the end-to-end
    // tests' child processes send SIGCHLD, so each call is retried on EINTR, and the answer is
    // awaited up to 60 s, a bound a loaded machine running the whole suite stays under.
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let connected = retryingInterrupts {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
    guard connected == 0 || errno == EISCONN else { throw POSIXError(.ECONNREFUSED) }
    let bytes = Array(request.utf8)
    var sent = 0
    while sent < bytes.count {
        let n = retryingInterrupts {
            bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        if n <= 0 { break }  // the server closed early, as it may for an oversized head: read its answer
        sent += n
    }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = retryingInterrupts { buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } }
        if n <= 0 { break }
        answer += buffer[0..<n]
    }
    return String(decoding: answer, as: UTF8.self)
}

/// Calls `call` again while it fails with EINTR.
private func retryingInterrupts<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}
