import Foundation
import HTTPTypes
import Hummingbird
import WebReview

/// The request context of the desk: Hummingbird's, plus the client's address (for sign-in limits).
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// An uploaded article may be large; the desk refuses what is not article text.
    public var maxUploadSize: Int { 16 * 1024 * 1024 }
}

/// `claimledger serve`: the desk over HTTP/1.1. Every path goes to `Desk.respond`, which runs on
/// a dispatch queue (SQLite calls block; the server's threads must not).
public enum DeskServer {
    public static func application(desk: Desk, host: String, port: Int, secureCookies: Bool,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: DeskContext.self)
        let handle: @Sendable (Request, DeskContext) async throws -> Response = { request, context in
            let web = try await webRequest(request, context, secureCookies: secureCookies)
            let started = ContinuousClock.now
            var answer = await withCheckedContinuation { done in
                DispatchQueue.global().async { done.resume(returning: desk.respond(web)) }
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
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    static func webRequest(_ request: Request, _ context: DeskContext, secureCookies: Bool) async throws -> WebRequest {
        // The raw query through the same parser as form bodies ('+' is a space, decoded once).
        let query = WebForm.urlEncoded(request.uri.query ?? "")
        var web = WebRequest(method: request.method.rawValue, path: request.uri.path, query: query, client: context.client,
                             secure: secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https")
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let parts = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, web.cookies[parts[0]] == nil { web.cookies[parts[0]] = parts[1] }
        }
        guard request.method == .post else { return web }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let body = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"), let range = type.range(of: "boundary=") {
            let boundary = String(type[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            (web.form, web.upload) = WebForm.multipart(body, boundary: boundary)
        } else {
            web.form = WebForm.urlEncoded(String(decoding: body, as: UTF8.self))
        }
        return web
    }

    static func response(_ answer: WebResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// Runs the desk until SIGINT or SIGTERM.
    public static func run(desk: Desk, host: String, port: Int, secureCookies: Bool, onRunning: @escaping @Sendable (Int) async -> Void) throws {
        let app = application(desk: desk, host: host, port: port, secureCookies: secureCookies, onRunning: onRunning)
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
