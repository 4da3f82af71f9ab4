import Foundation
import LedgerStore

/// The one JSON writer of ClaimLedger's output (listings, `show`, reports, `extract`, `prove`,
/// `audit`): keys in byte order, no insignificant whitespace (unless pretty), `/` unescaped and
/// non-ASCII as UTF-8, so output is stable and diffable. (The ledger's hashed payloads have their
/// own writer, `PayloadWriter` in LedgerStore; a test proves the two agree byte for byte.)
public enum StableJSON {
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .int(let i): out += String(i)
        case .double(let d): out += JSONNumber.text(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
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

    static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C {
            plain = false
            break
        }
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

    /// A value parsed by `JSONSerialization` (a stored payload shown by `log`).
    public init(parsed value: Any) {
        switch value {
        case let s as String: self = .string(s)
        case let b as Bool: self = .bool(b)
        case let i as Int: self = .int(Int64(i))
        case let i as Int64: self = .int(i)
        case let d as Double: self = .double(d)
        case let dict as [String: Any]: self = .object(dict.map { ($0.key, JSONValue(parsed: $0.value)) })
        case let array as [Any]: self = .array(array.map(JSONValue.init(parsed:)))
        default: self = .null
        }
    }
}

/// A stream of JSON values written one at a time, as a JSON array (each item on its own line after
/// `indent`) or as NDJSON (one value per line): constant memory however long the listing.
public struct JSONItems {
    public enum Style: Sendable {
        case array(indent: String)
        case lines
    }

    public let style: Style
    private var count = 0

    public init(_ style: Style) { self.style = style }

    /// What goes before the first item.
    public var opening: String {
        if case .array = style { return "[" }
        return ""
    }

    /// One item, with what separates it from the one before.
    public mutating func item(_ value: JSONValue) -> String {
        defer { count += 1 }
        switch style {
        case .array(let indent): return (count == 0 ? "\n" : ",\n") + indent + StableJSON.string(value)
        case .lines: return StableJSON.string(value) + "\n"
        }
    }

    /// What goes after the last item.
    public var closing: String {
        if case .array = style { return count == 0 ? "]" : "\n]" }
        return ""
    }
}
