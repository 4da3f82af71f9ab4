import Foundation

// Byte helpers shared by the payload writer and the audit (which compare and write bytes in place).

extension UnsafeBufferPointer<UInt8> {
    package func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }

    package func equals(_ other: [UInt8]) -> Bool { other.withUnsafeBufferPointer { equals($0) } }
}

/// Calls `body` with `value` in decimal ASCII, written on the stack (no allocation per number).
@inline(__always)
package func withDecimal<R>(_ value: Int64, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    var storage = (UInt64(0), UInt64(0), UInt64(0))  // 24 bytes: 20 digits and a sign fit
    return withUnsafeMutableBytes(of: &storage) { buffer in
        var v = value.magnitude
        var start = buffer.count
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        } while v > 0
        if value < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return body(UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
}
