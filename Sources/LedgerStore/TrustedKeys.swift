import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding
import TransparencyLog

/// The JSON payload of a `key_trusted` entry: a verifier key the ledger trusts to sign its
/// checkpoints (its text, and its name for listings), and who trusted it.
public struct TrustedKeyPayload: Sendable, Equatable, PayloadEncodable {
    public var key: String
    public var name: String
    public var trustedBy: String

    public func write(to json: inout PayloadWriter) {
        json.field("key", key)
        json.field("name", name)
        json.field("trusted_by", trustedBy)
    }
}

/// A verifier key as the ledger knows it: the entry that trusted it, when and by whom.
public struct TrustedKey: Sendable, Equatable {
    public var name: String
    /// The key's text, `name+id+base64` (C2SP signed-note verifier key).
    public var key: String
    public var seq: Int64
    public var trustedAt: String
    public var trustedBy: String
}

/// What checks a checkpoint's signature: the key given for this one run (`--key`), else every key
/// the ledger trusts; with neither, signatures are not checked (and every report says so).
public struct SignatureCheck: Sendable {
    public enum Origin: Sendable, Equatable { case given, trustedByLedger, none }
    public var verifiers: [NoteVerifier]
    public var origin: Origin

    public init(given: NoteVerifier?, trusted: [TrustedKey]) {
        if let given {
            verifiers = [given]
            origin = .given
        } else {
            verifiers = trusted.compactMap { try? NoteVerifier(text: $0.key) }
            origin = verifiers.isEmpty ? .none : .trustedByLedger
        }
    }

    public var checksSignatures: Bool { !verifiers.isEmpty }

    /// The verifier that signed `note`, or nil.
    public func signer(of note: SignedNote) -> NoteVerifier? { verifiers.first { note.isSigned(by: $0) } }

    /// Who must have signed: the one key's name, or "a key this ledger trusts (A, B)".
    public var signers: String {
        verifiers.count == 1
            ? verifiers[0].name : "a key this ledger trusts (\(verifiers.map(\.name).joined(separator: ", ")))"
    }

    /// The same for a sentence: "key NAME" or "a key this ledger trusts (A, B)".
    public var expected: String { verifiers.count == 1 ? "key " + signers : signers }
}

extension Ledger {
    /// Trusts a verifier key to sign this ledger's checkpoints, from this entry on. A key is
    /// trusted once in a ledger's life; a signer key is refused (it must never enter the ledger).
    @discardableResult
    public func trustKey(_ verifier: NoteVerifier, trustedBy: String) throws -> Entry {
        let payload = TrustedKeyPayload(
            key: verifier.text, name: verifier.name, trustedBy: try Ledger.requireReviewer(trustedBy))
        return try write { db in
            for known in try trustedKeys(db) where known.key == payload.key {
                throw LedgerError.refused(
                    "This ledger already trusts key \(known.name) (entry \(known.seq), by \(known.trustedBy)). Nothing was recorded."
                )
            }
            let entry = try append(db, kind: .keyTrusted, payload: PayloadJSON.encode(payload))
            try db.cachedStatement(sql: LedgerQuery.insertTrustedKey.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(payload.key, as: "key")
                row.add(payload.name, as: "name")
                row.add(payload.trustedBy, as: "trusted_by")
            }
            return entry
        }
    }

    /// Every verifier key this ledger trusts, oldest first.
    public func trustedKeys() throws -> [TrustedKey] {
        try read { db in try trustedKeys(db) }
    }

    private func trustedKeys(_ db: Database) throws -> [TrustedKey] {
        try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.trustedKeys.sql)).map { row in
            TrustedKey(
                name: row["name"], key: row["key"], seq: row["seq"], trustedAt: row["recorded_at"],
                trustedBy: row["trusted_by"])
        }
    }

    /// How this ledger's checkpoints are checked: with `given` when there is one, else with the
    /// keys it trusts.
    public func signatureCheck(given: NoteVerifier?) throws -> SignatureCheck {
        SignatureCheck(given: given, trusted: given == nil ? try trustedKeys() : [])
    }
}
