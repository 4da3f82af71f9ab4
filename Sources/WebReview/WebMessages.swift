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
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

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

/// Multipart form bodies (an uploaded article): the fields and first file of
/// multipart/form-data. Malformed input yields fewer fields, never a crash. (URL-encoded forms and
/// query strings are read by the HTTP server with Hummingbird's `URLEncodedFormDecoder`.)
public enum WebForm {
    /// RFC 2046: a boundary is 1 to 70 characters.
    public static let longestBoundary = 70

    /// The text fields and the bytes of the first file of a multipart body with this boundary; a
    /// boundary longer than RFC 2046 allows yields nothing. Linear in the body's size: each
    /// delimiter is found by one forward pass that never restarts (`BytePattern`).
    public static func multipart(_ body: [UInt8], boundary: String) -> (fields: [String: String], file: [UInt8]?) {
        guard !boundary.isEmpty, boundary.utf8.count <= longestBoundary else { return ([:], nil) }
        let delimiter = BytePattern(Array(("--" + boundary).utf8))
        let headerEnd = BytePattern(Array("\r\n\r\n".utf8))
        var fields: [String: String] = [:]
        var file: [UInt8]?
        for part in delimiter.split(body) {
            guard let end = headerEnd.firstIndex(in: part) else { continue }
            let head = String(decoding: part[part.startIndex..<end], as: UTF8.self)
            var content = part[(end + 4)...]
            if content.suffix(2).elementsEqual([13, 10]) { content = content.dropLast(2) }
            guard let name = parameter("name", in: head) else { continue }
            if parameter("filename", in: head) != nil {
                if file == nil { file = Array(content) }
            } else if fields[name] == nil {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return (fields, file)
    }

    static func parameter(_ name: String, in head: String) -> String? {
        guard let range = head.range(of: "; \(name)=\"") else { return nil }
        let rest = head[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// A byte string searched for with Knuth–Morris–Pratt: one forward pass over the text, so the
/// time is linear in the text whatever the pattern (a naive search restarts at every near-match:
/// body size × boundary length).
struct BytePattern {
    let needle: [UInt8]
    /// For each prefix of the needle, the length of its longest proper prefix that is also a suffix.
    private let fallback: [Int]

    init(_ needle: [UInt8]) {
        self.needle = needle
        var fallback = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in needle.indices.dropFirst() {
            while k > 0 && needle[i] != needle[k] { k = fallback[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            fallback[i] = k
        }
        self.fallback = fallback
    }

    /// Where the needle first starts in `hay` (an index of `hay`), or nil.
    func firstIndex(in hay: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty else { return nil }
        var k = 0
        for i in hay.indices {
            while k > 0 && hay[i] != needle[k] { k = fallback[k - 1] }
            if hay[i] == needle[k] { k += 1 }
            if k == needle.count { return i - k + 1 }
        }
        return nil
    }

    /// The parts between occurrences, without what comes before the first one.
    func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var from = bytes.startIndex
        while let at = firstIndex(in: bytes[from...]) {
            parts.append(bytes[from..<at])
            from = at + needle.count
        }
        parts.append(bytes[from...])
        return Array(parts.dropFirst())
    }
}
