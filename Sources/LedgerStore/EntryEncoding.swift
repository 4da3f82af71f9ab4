import Crypto
import Foundation
import TransparencyLog

/// The kinds of entry the ledger records; the raw value is what is stored and hashed.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case sourceRecorded = "source_recorded"
    case claimRecorded = "claim_recorded"
    case statusChanged = "status_changed"
    case noteAdded = "note_added"
    case correction = "correction"
    case sourceCorrected = "source_corrected"  // schema version 3 on
    case ratingDefined = "rating_defined"  // schema version 3 on
    case reviewerAdded = "reviewer_added"  // schema version 5 on
    case reviewerRevoked = "reviewer_revoked"  // schema version 5 on
    case keyTrusted = "key_trusted"  // schema version 8 on
    case publisherSet = "publisher_set"  // schema version 9 on
    case attributionChecked = "attribution_checked"  // schema version 10 on
    case claimAssigned = "claim_assigned"  // schema version 13 on
}

/// One row of the entry log, exactly as stored.
public struct Entry: Sendable, Equatable {
    public var seq: Int64
    public var kind: String
    public var recordedAt: String
    public var prevHash: String
    public var payload: String
    public var hash: String

    public init(seq: Int64, kind: String, recordedAt: String, prevHash: String, payload: String, hash: String) {
        self.seq = seq
        self.kind = kind
        self.recordedAt = recordedAt
        self.prevHash = prevHash
        self.payload = payload
        self.hash = hash
    }
}

extension Entry {
    /// The entry that follows `head` (nil: the first of a log), on every engine: the next number,
    /// linked to the head's hash, stamped `now` — never earlier than the head's time (the time rule,
    /// docs/LEDGER-FORMAT.md): a clock that went back records the head's time, returned as
    /// `clockBehind` so the caller can say so.
    public static func following(
        _ head: (seq: Int64, hash: String, recordedAt: String?)?, kind: EntryKind, payload: String, now: Date
    ) -> (entry: Entry, clockBehind: String?) {
        let seq = (head?.seq ?? 0) + 1
        let prevHash = head?.hash ?? EntryEncoding.genesisHash
        var recordedAt = LedgerTime.string(from: now)
        var clockBehind: String?
        if let previous = head?.recordedAt ?? nil, recordedAt < previous {
            recordedAt = previous
            clockBehind = previous
        }
        let hash = EntryEncoding.hash(
            seq: seq, kind: kind.rawValue, recordedAt: recordedAt, prevHash: prevHash, payload: payload)
        return (
            Entry(
                seq: seq, kind: kind.rawValue, recordedAt: recordedAt, prevHash: prevHash, payload: payload, hash: hash),
            clockBehind
        )
    }
}

/// The canonical byte encoding of an entry and its SHA-256, as documented in
/// docs/LEDGER-FORMAT.md. Changing anything here breaks every existing ledger.
public enum EntryEncoding {
    /// The first line of every canonical encoding.
    public static let tag = "CLAIMLEDGER-ENTRY-V1"
    /// The `prev_hash` of entry 1.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// tag LF seq LF kind LF recorded_at LF prev_hash LF payload (UTF-8, no trailing LF).
    public static func canonicalBytes(
        seq: Int64, kind: String, recordedAt: String,
        prevHash: String, payload: String
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tag.utf8.count + 120 + payload.utf8.count)
        bytes.append(contentsOf: tag.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: String(seq).utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: kind.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: recordedAt.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: prevHash.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: payload.utf8)
        return bytes
    }

    /// Lowercase hex SHA-256 of the canonical bytes.
    public static func hash(
        seq: Int64, kind: String, recordedAt: String,
        prevHash: String, payload: String
    ) -> String {
        hexSHA256(
            canonicalBytes(
                seq: seq, kind: kind, recordedAt: recordedAt,
                prevHash: prevHash, payload: payload))
    }

    public static func hash(of entry: Entry) -> String {
        hash(
            seq: entry.seq, kind: entry.kind, recordedAt: entry.recordedAt,
            prevHash: entry.prevHash, payload: entry.payload)
    }
}

/// Lowercase hex SHA-256 of some bytes.
public func hexSHA256<D: DataProtocol>(_ data: D) -> String {
    SHA256.hash(data: data).hexString
}

/// Lowercase hex SHA-256 of a string's UTF-8 bytes.
public func hexSHA256(_ string: String) -> String {
    hexSHA256(Array(string.utf8))
}

extension Sequence where Element == UInt8 {
    /// Lowercase hexadecimal, two digits per byte.
    public var hexString: String { Hex.encode(self) }

    package func writeHex(into out: inout [UInt8]) { Hex.write(self, into: &out) }
}

extension SHA256Digest {
    /// Through the digest's bytes in place, specialised: iterating the digest as a sequence copies
    /// its bytes into a new array each time (a malloc per entry in the audit). The digits are
    /// computed, not read from a table, into the buffer's memory: the audit writes one per entry.
    package func writeHex(into out: inout [UInt8]) {
        if out.count < 2 * Self.byteCount {
            out.append(contentsOf: repeatElement(0, count: 2 * Self.byteCount - out.count))
        }
        withUnsafeBytes { digest in
            out.withUnsafeMutableBufferPointer { hex in
                for (k, byte) in digest.enumerated() {
                    hex[2 * k] = hexDigit(byte >> 4)
                    hex[2 * k + 1] = hexDigit(byte & 0x0F)
                }
            }
        }
    }
}

@inline(__always)
private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }

/// Timestamps as stored in entries: UTC, second precision, `2026-01-02T03:04:05Z`.
public enum LedgerTime {
    /// Formats without Foundation's Calendar (slow on Linux, and on the append path).
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - y.count)) + y
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// The time `text` names, read strictly: exactly `YYYY-MM-DDTHH:MM:SSZ`, a real calendar date
    /// from 1970 on, hours 00–23 (no "24:00"), no leap second; nil for anything else (no rollover:
    /// "2026-02-30" is not 2 March).
    public static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard isValid(bytes), let year = Int(text.prefix(4)), year >= 1970, !text.hasSuffix(":60Z") else { return nil }
        func field(_ at: Int) -> Int64 { Int64(text.dropFirst(at).prefix(2))! }
        let (month, day) = (field(5), field(8))
        // Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, the inverse of `string`).
        let y = Int64(year) - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + field(11) * 3_600 + field(14) * 60 + field(17)))
    }

    /// Whether `bytes` is a stored time: exactly `YYYY-MM-DDTHH:MM:SSZ`, a real calendar date and a
    /// time of day (second 60 allowed for a leap second). Fixed width, so byte order is time order.
    /// Inlinable, so that the audit's call on every entry is specialised for its buffer type.
    @inlinable
    public static func isValid<C: RandomAccessCollection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard bytes.count == 20 else { return false }
        let o = bytes.startIndex  // no copy: the audit checks every entry's time
        func at(_ i: Int) -> UInt8 { bytes[o + i] }
        guard at(4) == 0x2D, at(7) == 0x2D, at(10) == 0x54, at(13) == 0x3A, at(16) == 0x3A, at(19) == 0x5A else {
            return false
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard at(i) >= 0x30 && at(i) <= 0x39 else { return nil }
                value = value * 10 + Int(at(i) - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days: Int
        switch month {
        case 2: days = leap ? 29 : 28
        case 4, 6, 9, 11: days = 30
        default: days = 31
        }
        return (1...12).contains(month) && day >= 1 && day <= days && hour < 24 && minute < 60 && second <= 60
    }
}
