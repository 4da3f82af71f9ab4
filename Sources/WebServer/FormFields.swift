import Hummingbird
import WebReview

/// A URL-encoded form or query string as Hummingbird's `URLEncodedFormDecoder` reads it, into the
/// fields the desk's pages take: each a string ('+' a space, percent-escapes decoded once); a
/// field of a structured name ("a[b]") is kept empty. A field sent twice, or an escape no browser
/// writes, makes the whole form unreadable: the desk answers 400 and records nothing.
struct FormFields: Decodable {
    var fields: [String: String] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldName.self)
        for key in container.allKeys {
            fields[key.stringValue] = (try? container.decode(String.self, forKey: key)) ?? ""
        }
    }

    /// The fields of `text` (a body or a query string), or nil when it cannot be read.
    static func read(_ text: String) -> [String: String]? {
        guard !text.isEmpty else { return [:] }
        return try? URLEncodedFormDecoder().decode(FormFields.self, from: text).fields
    }
}
