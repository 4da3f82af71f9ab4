import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import WebReview

/// The desk's pages and forms call SQLite, which blocks: they run on NIO's pool of threads for
/// blocking work, never on the server's own threads.
func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(work)
}

/// Lets in only a request with a live session (a revoked reviewer's sessions end at their next
/// request), which it puts in the context; any other is sent to sign in, or refused if a form,
/// before a byte of its body is read.
struct SignedIn: RouterMiddleware {
    let desk: Desk
    let wire: Wire

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        let web = wire.request(request, context)
        let desk = desk
        switch try await blocking({ desk.door(web) }) {
        case .closed(let answer): return wire.response(answer)
        case .open(let session):
            var context = context
            context.session = session
            return try await next(request, context)
        }
    }
}

/// Reads a form's body, up to its route's limit (413 beyond it), into the context's fields and
/// uploaded file (URL-encoded, through `FormFields`, or multipart/form-data); a signed-in form must
/// carry its session's CSRF token.
struct FormBody: RouterMiddleware {
    let desk: Desk
    let wire: Wire
    let limit: Int

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            return wire.response(Desk.tooLarge())
        }
        var context = context
        guard let read = Self.fields(Array(buffer.readableBytesView), type: request.headers[.contentType]) else {
            return wire.response(Desk.unreadable())
        }
        (context.form, context.upload) = read
        // What a route decodes into its form's type: the body as sent, or a multipart body's fields
        // written as a URL-encoded one.
        context.formText =
            Self.isMultipart(request.headers[.contentType])
            ? (try? URLEncodedFormEncoder().encode(read.fields)) ?? ""
            : String(decoding: buffer.readableBytesView, as: UTF8.self)
        if let session = context.session, let refusal = desk.refusal(ofForm: wire.request(request, context), session) {
            return wire.response(refusal)
        }
        return try await next(request, context)
    }

    static func isMultipart(_ type: String?) -> Bool {
        (type ?? "").lowercased().hasPrefix("multipart/form-data")
    }

    /// The fields and uploaded file of a body, or nil when a URL-encoded one cannot be read.
    static func fields(_ body: [UInt8], type: String?) -> (fields: [String: String], file: [UInt8]?)? {
        let type = type ?? ""
        guard isMultipart(type), let range = type.range(of: "boundary=") else {
            return FormFields.read(String(decoding: body, as: UTF8.self)).map { ($0, nil) }
        }
        let parameter =
            type[range.upperBound...].prefix(MultipartFields.longestBoundary + 3).split(separator: ";").first ?? ""
        return MultipartFields.read(body, boundary: parameter.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
    }
}

/// The server's own time for each answer (W3C Server-Timing), which browsers' developer tools and
/// tools/desk_load.py show apart from the network's.
struct ServerTiming: RouterMiddleware {
    typealias Context = DeskContext

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let ms = (ContinuousClock.now - started) / .milliseconds(1)
        response.headers.append(
            HTTPField(name: .init("Server-Timing")!, value: "desk;dur=" + String(format: "%.1f", ms)))
        return response
    }
}

/// A path with no page (or no page for its method) gets the desk's own answer instead of the
/// router's bare 404: signed out, the way to sign in (or a refusal, for a form); signed in, a page
/// that says so, with the way back to the queue.
struct NoPage: RouterMiddleware {
    let desk: Desk
    let wire: Wire

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let web = wire.request(request, context)
            let desk = desk
            return wire.response(
                try await blocking {
                    switch desk.door(web) {
                    case .closed(let answer): return answer
                    case .open(let session): return desk.notFound(web, session)
                    }
                })
        }
    }
}

/// Reads the query string once, into the context, before any route: an address whose query cannot
/// be read (a field twice, an escape no browser writes) is answered 400.
struct QueryFields: RouterMiddleware {
    let wire: Wire

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        guard let query = FormFields.read(request.uri.query ?? "") else {
            return wire.response(Desk.unreadable(query: true))
        }
        var context = context
        context.query = query
        return try await next(request, context)
    }
}
