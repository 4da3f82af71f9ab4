import Crypto
import Foundation

/// The kinds of entry the ledger records; the raw value is what is stored and hashed.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case sourceRecorded = "source_recorded"
    case claimRecorded = "claim_recorded"
    case statusChanged = "status_changed"
    case noteAdded = "note_added"
    case correction = "correction"
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

/// The canonical byte encoding of an entry and its SHA-256, as documented in
/// docs/LEDGER-FORMAT.md. Changing anything here breaks every existing ledger.
public enum EntryEncoding {
    /// The first line of every canonical encoding.
    public static let tag = "CLAIMLEDGER-ENTRY-V1"
    /// The `prev_hash` of entry 1.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// tag LF seq LF kind LF recorded_at LF prev_hash LF payload (UTF-8, no trailing LF).
    public static func canonicalBytes(seq: Int64, kind: String, recordedAt: String,
                                      prevHash: String, payload: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tag.utf8.count + 120 + payload.utf8.count)
        bytes.append(contentsOf: tag.utf8); bytes.append(0x0A)
        bytes.append(contentsOf: String(seq).utf8); bytes.append(0x0A)
        bytes.append(contentsOf: kind.utf8); bytes.append(0x0A)
        bytes.append(contentsOf: recordedAt.utf8); bytes.append(0x0A)
        bytes.append(contentsOf: prevHash.utf8); bytes.append(0x0A)
        bytes.append(contentsOf: payload.utf8)
        return bytes
    }

    /// Lowercase hex SHA-256 of the canonical bytes.
    public static func hash(seq: Int64, kind: String, recordedAt: String,
                            prevHash: String, payload: String) -> String {
        hexSHA256(canonicalBytes(seq: seq, kind: kind, recordedAt: recordedAt,
                                 prevHash: prevHash, payload: payload))
    }

    public static func hash(of entry: Entry) -> String {
        hash(seq: entry.seq, kind: entry.kind, recordedAt: entry.recordedAt,
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
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Timestamps as stored in entries: UTC, second precision, `2026-01-02T03:04:05Z`.
public enum LedgerTime {
    public static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
