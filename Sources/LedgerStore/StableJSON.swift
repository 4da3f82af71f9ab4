import Foundation

/// JSON text with keys in byte order, no insignificant whitespace (unless pretty), `/` unescaped
/// and non-ASCII as UTF-8: stable, diffable output for scripts and golden files.
///
/// Foundation's `JSONSerialization` with `.sortedKeys` sorts with locale-aware comparison and
/// dominated the time of large listings; this writer does one pass with byte-order keys.
public enum StableJSON {
    /// Serialises String, Bool, integers, Double, NSNull/nil, arrays and `[String: Any]`.
    public static func string(_ object: Any?, pretty: Bool = false) -> String {
        var out = ""
        write(object, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// `nil` as JSON null.
    public static func value(_ v: Any?) -> Any { v ?? NSNull() }

    static func write(_ value: Any?, into out: inout String, indent: Int?) {
        guard let value else { out += "null"; return }
        switch value {
        case let s as String: writeString(s, into: &out)
        case let b as Bool: out += b ? "true" : "false"
        case let i as Int: out += String(i)
        case let i as Int64: out += String(i)
        case let i as Int32: out += String(i)
        case let d as Double: out += number(d)
        case is NSNull: out += "null"
        case let dict as [String: Any]:
            let keys = dict.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if keys.isEmpty { out += "{}"; return }
            out += "{"
            for (n, key) in keys.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(unwrap(dict[key]!), into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        case let array as [Any]:
            if array.isEmpty { out += "[]"; return }
            out += "["
            for (n, item) in array.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(unwrap(item), into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case let s as Substring: writeString(String(s), into: &out)
        default: writeString("\(value)", into: &out)
        }
    }

    /// An `Optional` stored in `Any` is unwrapped (nil becomes null).
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { $0.value }
    }

    static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { plain = false; break }
        if plain {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}

/// A JSON value built without `Any`, for output written many times (listings, reports).
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys are written in byte order whatever order they are given in.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { StableJSON.string(a) == StableJSON.string(b) }

    public static func from(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func from(_ i: Int?) -> JSONValue { i.map { .int(Int64($0)) } ?? .null }
    public static func from(_ i: Int64?) -> JSONValue { i.map(JSONValue.int) ?? .null }
    public static func from(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
}

extension StableJSON {
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            let sorted = pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (n, (key, item)) in sorted.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }
}
