import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WebReview

/// The request context of the desk: Hummingbird's, the address of the peer that connected, and
/// what the desk's middleware found: the signed-in session (`SignedIn`) and the form (`FormBody`).
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let peer: String
    public var session: DeskSession?
    /// Set by `QueryFields`.
    public var query: [String: String] = [:]
    public var form: [String: String] = [:]
    /// A URL-encoded form's body as sent, which a route decodes into its form's type.
    public var formText = ""
    public var upload: [UInt8]?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Each form's body is read by `FormBody`, up to the limit its route sets; this is the largest.
    public var maxUploadSize: Int { Desk.largestUpload }
}

/// How the server's requests and answers become the desk's and back: which cookies are Secure,
/// which proxy's X-Forwarded-For names the client.
struct Wire: Sendable {
    let secureCookies: Bool
    let trustedProxy: String?

    /// The request as the desk reads it: method, path, cookies, client, the query `QueryFields`
    /// read and the form `FormBody` read (none before them).
    func request(_ request: Request, _ context: DeskContext) -> WebRequest {
        var web = WebRequest(
            method: request.method.rawValue, path: request.uri.path, query: context.query, form: context.form,
            upload: context.upload, client: client(request, context),
            secure: secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https")
        let cookies = request.cookies
        for name in Desk.cookieNames { web.cookies[name] = cookies[name]?.value }
        return web
    }

    /// The client's address: the peer's, or, when the peer is the reverse proxy `serve` was told
    /// to trust, the last address that proxy added to X-Forwarded-For (any earlier one is the
    /// client's own say and could be anything).
    func client(_ request: Request, _ context: DeskContext) -> String {
        guard let trustedProxy, context.peer == trustedProxy,
            let forwarded = request.headers[values: .init("X-Forwarded-For")!].last?.split(separator: ",").last
        else { return context.peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty ? context.peer : address
    }

    func response(_ answer: WebResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        let body =
            answer.stream.map { StreamedBody($0).body } ?? ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: .init(code: answer.status), headers: fields, body: body)
    }
}
