import Foundation

/// An HTTP request as the desk sees it: the server parses the wire, this holds the parts.
public struct WebRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var form: [String: String]
    /// A file sent with the form (multipart/form-data), its bytes as sent.
    public var upload: [UInt8]?
    public var cookies: [String: String]
    public var client: String
    /// Reached over TLS (a reverse proxy says so with X-Forwarded-Proto: https): cookies get Secure.
    public var secure: Bool

    public init(
        method: String, path: String, query: [String: String] = [:], form: [String: String] = [:],
        upload: [UInt8]? = nil, cookies: [String: String] = [:], client: String = "local", secure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.form = form
        self.upload = upload
        self.cookies = cookies
        self.client = client
        self.secure = secure
    }

    /// A field the user filled in: of the form for a POST, of the query string otherwise; trimmed of
    /// spaces and line breaks at both ends, nil when nothing is left. Every page reads its fields so.
    public func field(_ name: String) -> String? { Self.entered((method == "POST" ? form : query)[name]) }

    /// What a user typed: trimmed of spaces and line breaks at both ends, nil when nothing is left.
    static func entered(_ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed?.isEmpty == false ? trimmed : nil
    }
}

/// What the desk answers: status, headers and body bytes. Every answer carries the security headers.
public struct WebResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Writes the body piece by piece instead of `body` (a long report): sent as it is written; a
    /// write throws once the client has gone, which ends it.
    public var stream: Producer?
    public typealias Producer = @Sendable (_ write: (String) throws -> Void) throws -> Void

    /// No script at all, nothing from elsewhere, no framing, forms only to this server.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The headers every answer carries.
    public static let securityHeaders = [
        ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store"),
    ]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers + Self.securityHeaders
        self.body = body
    }

    public static func html(_ page: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
    }

    public static func redirect(_ location: String, cookies: [String] = []) -> WebResponse {
        WebResponse(status: 303, headers: [("Location", location)] + cookies.map { ("Set-Cookie", $0) })
    }

    public static func download(type: String, filename: String, _ stream: @escaping Producer) -> WebResponse {
        var response = WebResponse(
            status: 200,
            headers: [("Content-Type", type), ("Content-Disposition", "attachment; filename=\"\(filename)\"")])
        response.stream = stream
        return response
    }

    public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}
