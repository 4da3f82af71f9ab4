import Crypto
import Foundation

/// Ed25519 keys in the signed-note text formats (C2SP signed-note, golang.org/x/mod/sumdb/note):
/// signer `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>`, verifier `<name>+<hex id>+<base64(0x01 ‖ public key)>`.
public enum NoteKeyError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self {
        case .malformed(let why): return why
        }
    }
}

/// The 4-byte key ID: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), first four bytes.
func keyID(name: String, publicKey: [UInt8]) -> [UInt8] {
    Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
}

func validKeyName(_ name: String) -> Bool {
    !name.isEmpty && !name.contains(where: { $0 == "+" || $0.isWhitespace })
        && name.unicodeScalars.allSatisfy { $0.value > 0x20 }
}

public struct NoteSigner {
    public let name: String
    public let id: [UInt8]
    let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init(name: String) throws {
        guard validKeyName(name) else { throw NoteKeyError.malformed("a key name has no spaces and no '+'") }
        self.name = name
        key = Curve25519.Signing.PrivateKey()
        id = keyID(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    /// Parses `PRIVATE+KEY+name+hexid+base64`; every field is checked, the ID against the key.
    public init(text: String) throws {
        // The base64 key may itself contain '+': split only the four fields before it.
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", validKeyName(String(parts[2])),
            parts[3].count == 8, let hexID = Hex.decode(String(parts[3])),
            let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == 0x01
        else {
            throw NoteKeyError.malformed("not a signer key (expected PRIVATE+KEY+name+id+key)")
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst())
        let id = keyID(name: String(parts[2]), publicKey: Array(key.publicKey.rawRepresentation))
        guard id == hexID else { throw NoteKeyError.malformed("the signer key's ID does not match its key") }
        self.name = String(parts[2])
        self.key = key
        self.id = id
    }

    public var text: String {
        "PRIVATE+KEY+\(name)+\(Hex.encode(id))+" + Data([0x01] + Array(key.rawRepresentation)).base64EncodedString()
    }

    public var verifier: NoteVerifier {
        NoteVerifier(name: name, id: id, key: key.publicKey)
    }

    /// The signature line for `body` (which must end with a newline).
    public func signatureLine(for body: String) throws -> String {
        let signature = try key.signature(for: Array(body.utf8))
        return "\u{2014} \(name) " + Data(id + Array(signature)).base64EncodedString() + "\n"
    }
}

public struct NoteVerifier: Sendable {
    public let name: String
    public let id: [UInt8]
    let key: Curve25519.Signing.PublicKey

    init(name: String, id: [UInt8], key: Curve25519.Signing.PublicKey) {
        self.name = name
        self.id = id
        self.key = key
    }

    /// Parses `name+hexid+base64(0x01 ‖ key)`.
    public init(text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, validKeyName(String(parts[0])), parts[1].count == 8,
            let hexID = Hex.decode(String(parts[1])),
            let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == 0x01
        else {
            throw NoteKeyError.malformed("not a verifier key (expected name+id+key)")
        }
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst())
        guard keyID(name: String(parts[0]), publicKey: Array(raw.dropFirst())) == hexID else {
            throw NoteKeyError.malformed("the verifier key's ID does not match its key")
        }
        name = String(parts[0])
        id = hexID
        self.key = key
    }

    public var text: String {
        "\(name)+\(Hex.encode(id))+" + Data([0x01] + Array(key.rawRepresentation)).base64EncodedString()
    }

    func verify(signature: [UInt8], body: String) -> Bool {
        key.isValidSignature(signature, for: Array(body.utf8))
    }
}

/// A signed note: a text body, a blank line, then one or more signature lines.
public struct SignedNote: Equatable, Sendable {
    public var body: String
    public var signatures: [(name: String, blob: [UInt8])]

    public static func == (a: SignedNote, b: SignedNote) -> Bool {
        a.body == b.body && a.signatures.map(\.name) == b.signatures.map(\.name)
            && a.signatures.map(\.blob) == b.signatures.map(\.blob)
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self {
            case .malformed(let why): return why
            }
        }
    }

    /// Parses a note; a text with no blank line is an unsigned body.
    public static func parse(_ text: String) throws -> SignedNote {
        guard !text.contains("\r") else { throw ParseError.malformed("carriage returns are not allowed in a note") }
        guard let split = text.range(of: "\n\n") else {
            guard text.hasSuffix("\n") else { throw ParseError.malformed("a note ends with a newline") }
            return SignedNote(body: text, signatures: [])
        }
        let body = String(text[..<split.lowerBound]) + "\n"
        let rest = text[split.upperBound...]
        guard rest.hasSuffix("\n") else { throw ParseError.malformed("a signature line ends with a newline") }
        var signatures: [(String, [UInt8])] = []
        for line in rest.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("\u{2014} ") else { throw ParseError.malformed("a signature line starts with '— '") }
            let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, validKeyName(String(fields[0])), let blob = Data(base64Encoded: String(fields[1])),
                blob.count >= 5
            else { throw ParseError.malformed("a signature line is '— name base64'") }
            signatures.append((String(fields[0]), Array(blob)))
        }
        return SignedNote(body: body, signatures: signatures)
    }

    public var text: String {
        guard !signatures.isEmpty else { return body }
        return body + "\n"
            + signatures.map { "\u{2014} \($0.name) " + Data($0.blob).base64EncodedString() + "\n" }.joined()
    }

    /// Whether `verifier` signed this note. A signature by another key is ignored; a signature that
    /// claims to be by this key and fails makes the note invalid.
    public func isSigned(by verifier: NoteVerifier) -> Bool {
        var signed = false
        for s in signatures where s.name == verifier.name && Array(s.blob.prefix(4)) == verifier.id {
            guard s.blob.count == 68, verifier.verify(signature: Array(s.blob.dropFirst(4)), body: body) else {
                return false
            }
            signed = true
        }
        return signed
    }
}

/// A C2SP tlog-checkpoint: origin, tree size, base64 root hash (then optional signatures).
public struct Checkpoint: Equatable {
    public var origin: String
    public var size: Int
    public var root: [UInt8]

    public init(origin: String, size: Int, root: [UInt8]) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    public var body: String { "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n" }

    /// Reads the checkpoint body of a note (extension lines after the root are allowed and ignored).
    public init(note: SignedNote) throws {
        let lines = note.body.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, !lines[0].isEmpty else {
            throw SignedNote.ParseError.malformed("a checkpoint has an origin, a size and a root")
        }
        guard let size = Int(lines[1]), size >= 0, String(size) == lines[1] else {
            throw SignedNote.ParseError.malformed("the tree size is not a decimal number without leading zeros")
        }
        guard let root = Data(base64Encoded: String(lines[2])), root.count == 32 else {
            throw SignedNote.ParseError.malformed("the root hash is not 32 bytes of base64")
        }
        origin = String(lines[0])
        self.size = size
        self.root = Array(root)
    }
}

/// Lowercase hexadecimal: the one hex encoder (hashes in entries, key IDs, checkpoints).
public enum Hex {
    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    @inlinable
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        write(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the hexadecimal into `out` from its start, growing it only if too short (the audit
    /// reuses one buffer for every hash).
    @inlinable
    public static func write<S: Sequence>(_ bytes: S, into out: inout [UInt8]) where S.Element == UInt8 {
        var n = 0
        for byte in bytes {
            if n + 2 > out.count { out.append(contentsOf: [0, 0]) }
            out[n] = digits[Int(byte >> 4)]
            out[n + 1] = digits[Int(byte & 0x0F)]
            n += 2
        }
    }
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var chars = Array(text.utf8)[...]
        while let a = chars.popFirst(), let b = chars.popFirst() {
            guard let hi = nibble(a), let lo = nibble(b) else { return nil }
            out.append(hi << 4 | lo)
        }
        return out
    }
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
