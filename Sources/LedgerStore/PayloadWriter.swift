import Foundation

/// A payload's JSON form: keys in byte order, nulls omitted (docs/LEDGER-FORMAT.md, "Payloads").
public protocol PayloadEncodable {
    /// Writes each field, keys in byte order.
    func write(to json: inout PayloadWriter)
}

/// The one JSON encoder of payloads: sorted keys, no whitespace, slashes unescaped, null keys omitted.
/// Its output is what the chain hashes; it must equal the output writer (`StableJSON` in Reports) on the same object byte for byte
/// (a unit test compares them on random payloads).
public enum PayloadJSON {
    public static func encode(_ value: some PayloadEncodable) -> String {
        var writer = PayloadWriter()
        value.write(to: &writer)
        return writer.finish()
    }
}

/// Writes one JSON object in a single pass into bytes: on the append path this replaced a generic
/// JSON value that was built, sorted and serialised per entry (about a tenth of a bulk ingest).
public struct PayloadWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    #if DEBUG
        private var lastKey: [UInt8] = []
    #endif

    package init() { bytes.reserveCapacity(256) }

    private mutating func key(_ key: StaticString) {
        #if DEBUG
            let keyBytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            precondition(
                lastKey.isEmpty || lastKey.lexicographicallyPrecedes(keyBytes),
                "payload keys must be written in byte order")
            lastKey = keyBytes
        #endif
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        var text = value
        text.withUTF8 { appendString($0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as is.
    private mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var plainFrom = 0
        var i = 0
        let count = utf8.count
        while i < count {
            // Eight bytes at a time while none of them needs escaping (most text).
            if i + 8 <= count
                && !PayloadWriter.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self))
            {
                i += 8
                continue
            }
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<i]))
            i += 1
            plainFrom = i
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])  // \"
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])  // \\
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
                ])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is below 0x20, a quote or a backslash (exact, no false negatives:
    /// the classic "has zero byte" and "has byte less than n" bit tricks).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    /// An enum's stored word (`"quote"`, `"verified"`): the same bytes as its raw string.
    public mutating func field<Word: RawRepresentable>(_ name: StaticString, _ value: Word?)
    where Word.RawValue == String {
        field(name, value?.rawValue)
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: JSONNumber.text(value).utf8)
    }

    mutating func finish() -> String {
        close()
        return String(decoding: bytes, as: UTF8.self)
    }

    // For `audit`, which re-encodes rows read from SQLite: keys come from column names (already
    // in byte order in Schema/q_audit.sql), values as bytes in place.

    /// Starts a new object, keeping the buffer.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "{"))
    }

    /// `key` is `"name":`, already quoted.
    package mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        appendString(text)
    }

    package mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, integer: Int64) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        withDecimal(integer) { bytes.append(contentsOf: $0) }
    }

    package mutating func rawField(_ key: UnsafeBufferPointer<UInt8>, number: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: number.utf8)
    }

    package mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// Whether the object written is exactly these bytes.
    package func matches(_ other: UnsafeBufferPointer<UInt8>) -> Bool { other.equals(bytes) }
}
