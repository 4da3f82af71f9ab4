import MultipartKit
import NIOCore

/// A multipart/form-data body (an uploaded article), read by MultipartKit's streaming parser: its
/// text fields and the bytes of its first file. Malformed input yields the parts read before the
/// fault, never a crash; the parser is one forward pass, linear in the body whatever the boundary.
enum MultipartFields {
    /// RFC 2046: a boundary is 1 to 70 characters (the parser itself does not check the length).
    static let longestBoundary = 70

    static func read(_ body: [UInt8], boundary: String) -> (fields: [String: String], file: [UInt8]?) {
        guard !boundary.isEmpty, boundary.utf8.count <= longestBoundary else { return ([:], nil) }
        var fields: [String: String] = [:]
        var file: [UInt8]?
        var disposition = ""
        var content: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { buffer in content.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name = parameter("name", in: disposition) {
                if parameter("filename", in: disposition) != nil {
                    if file == nil { file = content }
                } else if fields[name] == nil {
                    fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            disposition = ""
            content.removeAll(keepingCapacity: true)
        }
        try? parser.execute(body)
        return (fields, file)
    }

    /// A parameter of a Content-Disposition value (`form-data; name="x"; filename="a.txt"`).
    static func parameter(_ name: String, in value: String) -> String? {
        guard let range = value.range(of: "; \(name)=\"") else { return nil }
        let rest = value[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
