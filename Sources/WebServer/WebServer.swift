import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WebReview

/// The request context of the desk: Hummingbird's, plus the address of the peer that connected.
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let peer: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The desk reads bodies itself, each up to the limit its route allows (`Desk.bodyLimit`).
    public var maxUploadSize: Int { Desk.largestUpload }

    /// The client's address: the peer's, or, when the peer is the reverse proxy `serve` was told
    /// to trust, the last address that proxy added to X-Forwarded-For (any earlier one is the
    /// client's own say and could be anything).
    func client(_ request: Request, trustedProxy: String?) -> String {
        guard let trustedProxy, peer == trustedProxy,
            let forwarded = request.headers[values: .init("X-Forwarded-For")!].last?.split(separator: ",").last
        else { return peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty ? peer : address
    }
}

/// `claimledger serve`: the desk over HTTP/1.1. Every path goes to `Desk.respond`, which runs on
/// a dispatch queue (SQLite calls block; the server's threads must not).
public enum DeskServer {
    /// An idle connection is closed after a minute: a slow client cannot hold sockets for ever.
    /// (A connection waiting for its answer is never idle.)
    public static let idleTimeout = TimeAmount.seconds(60)

    public static func application(
        desk: Desk, host: String, port: Int, secureCookies: Bool, trustedProxy: String? = nil,
        idleTimeout: TimeAmount = DeskServer.idleTimeout,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: DeskContext.self)
        let handle: @Sendable (Request, DeskContext) async throws -> Response = { request, context in
            var web = webRequest(request, context, secureCookies: secureCookies, trustedProxy: trustedProxy)
            if request.method == .post, let limit = desk.bodyLimit(for: web) {
                do {
                    try await readBody(request, upTo: limit, into: &web)
                } catch {
                    return response(
                        WebResponse.html(
                            "<h1>Too large</h1><p>The form was larger than this page accepts; nothing was recorded.</p>",
                            status: 413))
                }
            }
            let started = ContinuousClock.now
            let asked = web
            var answer = await withCheckedContinuation { done in
                DispatchQueue.global().async { done.resume(returning: desk.respond(asked)) }
            }
            // The server's own time for the answer (W3C Server-Timing), which browsers' developer
            // tools and tools/desk_load.py show apart from the network's.
            let ms = (ContinuousClock.now - started) / .milliseconds(1)
            answer.headers.append(("Server-Timing", "desk;dur=" + String(format: "%.1f", ms)))
            return response(answer)
        }
        router.get("/", use: handle)
        router.get("**", use: handle)
        router.post("**", use: handle)
        return Application(
            router: router,
            server: .http1(
                configuration: .init(additionalChannelHandlers: [SecurityHeaders()], idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// The request without its body: method, path, query, cookies, client.
    static func webRequest(_ request: Request, _ context: DeskContext, secureCookies: Bool, trustedProxy: String?)
        -> WebRequest
    {
        // The raw query through the same parser as form bodies ('+' is a space, decoded once).
        let query = WebForm.urlEncoded(request.uri.query ?? "")
        var web = WebRequest(
            method: request.method.rawValue, path: request.uri.path, query: query,
            client: context.client(request, trustedProxy: trustedProxy),
            secure: secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https")
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let parts = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, web.cookies[parts[0]] == nil { web.cookies[parts[0]] = parts[1] }
        }
        return web
    }

    /// The form fields (and uploaded file) of a POST body of at most `limit` bytes.
    static func readBody(_ request: Request, upTo limit: Int, into web: inout WebRequest) async throws {
        let buffer = try await request.body.collect(upTo: limit)
        let body = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"), let range = type.range(of: "boundary=") {
            let parameter =
                type[range.upperBound...].prefix(WebForm.longestBoundary + 3).split(separator: ";").first ?? ""
            let boundary = parameter.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            (web.form, web.upload) = WebForm.multipart(body, boundary: boundary)
        } else {
            web.form = WebForm.urlEncoded(String(decoding: body, as: UTF8.self))
        }
    }

    static func response(_ answer: WebResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        let body =
            answer.stream.map { StreamedBody($0).body } ?? ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: .init(code: answer.status), headers: fields, body: body)
    }

    /// Runs the desk until SIGINT or SIGTERM.
    public static func run(
        desk: Desk, host: String, port: Int, secureCookies: Bool, trustedProxy: String? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) throws {
        let app = application(
            desk: desk, host: host, port: port, secureCookies: secureCookies, trustedProxy: trustedProxy,
            onRunning: onRunning)
        let failure = FailureBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

final class FailureBox: @unchecked Sendable { var error: (any Error)? }
