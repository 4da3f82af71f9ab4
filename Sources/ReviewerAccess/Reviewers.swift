import Crypto
import Foundation
import GRDB
import LedgerSchema
import LedgerStore
import SQLiteBinding
import TransparencyLog

/// A reviewer of the desk as the ledger knows them.
public struct Reviewer: Sendable, Equatable {
    public var name: String
    public var seq: Int64
    public var addedAt: String
    public var addedBy: String
    public var revoked: Revocation?
    var salt: String
    var tokenHash: String

    public var isActive: Bool { revoked == nil }

    /// The entry that revoked a reviewer: its seq, time and who revoked them.
    public struct Revocation: Sendable, Equatable {
        public var seq: Int64
        public var at: String
        public var by: String
    }
}

/// Login tokens: 32 random bytes, written `clr_` + 64 hex digits. Stored as hex SHA-256 of
/// (16 random salt bytes ‖ the token's UTF-8): a token has 256 bits of entropy, so a fast hash is
/// enough (a slow KDF protects guessable passwords, which these are not).
public enum LoginToken {
    public static let prefix = "clr_"

    static func random(bytes count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes in hex (salts, tokens, session IDs, CSRF tokens).
    public static func randomHex(bytes count: Int) -> String { Hex.encode(random(bytes: count)) }

    public static func new() -> String { prefix + randomHex(bytes: 32) }

    static func hash(_ token: String, saltHex: String) -> String {
        var data = Data(Hex.decode(saltHex) ?? [])
        data.append(Data(token.utf8))
        return Hex.encode(SHA256.hash(data: data))
    }

    /// Equal strings, compared in time that depends on their lengths only.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return difference == 0
    }
}

extension Ledger {
    /// Adds a reviewer and returns their login token, which exists nowhere else: show it once.
    public func addReviewer(_ typed: String, addedBy: String) throws -> (entry: Entry, token: String) {
        let name = try Ledger.reviewerName(typed)
        let token = LoginToken.new()
        let salt = LoginToken.randomHex(bytes: 16)
        let payload = ReviewerPayload(
            name: name, salt: salt, tokenHash: LoginToken.hash(token, saltHex: salt),
            addedBy: try Ledger.requireReviewer(addedBy))
        let entry = try write { db in
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: LedgerQuery.reviewerNamed.sql), arguments: ["name": name])
            {
                let had: String = row["name"]
                throw LedgerError.refused(
                    "There is already a reviewer \"\(had)\"\(row["revoked_seq"] == nil ? "" : " (revoked)") in this ledger; a name is given once, so that every decision stays attributable. Choose another name. Nothing was recorded."
                )
            }
            // A name that reads the same as an existing one (another script's letters, fullwidth, a
            // no-break space, decomposed accents) would make two reviewers look like one.
            let skeleton = NameSkeleton.of(name)
            for row in try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.reviewers.sql))
            where NameSkeleton.of(row["name"]) == skeleton {
                let had: String = row["name"]
                throw LedgerError.refused(
                    "\"\(name)\" looks the same as the existing reviewer \"\(had)\"\(row["revoked_seq"] == nil ? "" : " (revoked)"); a name must read differently from every other, so that a decision is never taken for someone else's. Choose another name. Nothing was recorded."
                )
            }
            let entry = try append(db, kind: .reviewerAdded, payload: PayloadJSON.encode(payload))
            try db.cachedStatement(sql: LedgerQuery.insertReviewer.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(payload.name, as: "name")
                row.add(payload.salt, as: "salt")
                row.add(payload.tokenHash, as: "token_hash")
                row.add(payload.addedBy, as: "added_by")
            }
            return entry
        }
        return (entry, token)
    }

    /// Revokes a reviewer: their token no longer signs in; their decisions stay as they were.
    @discardableResult
    public func revokeReviewer(_ typed: String, revokedBy: String) throws -> Entry {
        let payload = RevocationPayload(
            name: try Ledger.reviewerName(typed), revokedBy: try Ledger.requireReviewer(revokedBy))
        return try write { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: LedgerQuery.reviewerNamed.sql), arguments: ["name": payload.name])
            else {
                throw LedgerError.refused(
                    "No reviewer \"\(payload.name)\" in this ledger (see `claimledger reviewer list`). Nothing was recorded."
                )
            }
            guard row["revoked_seq"] == nil else {
                throw LedgerError.refused(
                    "Reviewer \"\(row["name"] as String)\" was already revoked (entry \(row["revoked_seq"] as Int64)). Nothing was recorded."
                )
            }
            let revoked = RevocationPayload(name: row["name"], revokedBy: payload.revokedBy)
            let entry = try append(db, kind: .reviewerRevoked, payload: PayloadJSON.encode(revoked))
            try db.cachedStatement(sql: LedgerQuery.insertReviewerRevocation.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(revoked.name, as: "name")
                row.add(revoked.revokedBy, as: "revoked_by")
            }
            return entry
        }
    }

    /// Every reviewer ever added, oldest first.
    public func reviewers() throws -> [Reviewer] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.reviewers.sql)).map { row in
                let revokedSeq: Int64? = row["revoked_seq"]
                return Reviewer(
                    name: row["name"], seq: row["seq"], addedAt: row["recorded_at"], addedBy: row["added_by"],
                    revoked: revokedSeq.map {
                        Reviewer.Revocation(seq: $0, at: row["revoked_at"], by: row["revoked_by"])
                    },
                    salt: row["salt"], tokenHash: row["token_hash"])
            }
        }
    }

    /// The active reviewer whose token this is, or nil. Every active reviewer's hash is computed
    /// and compared in constant time, so the answer's timing tells nothing about which one matched.
    public func reviewer(signingInWith token: String) throws -> Reviewer? {
        var found: Reviewer?
        for reviewer in try reviewers() where reviewer.isActive {
            if LoginToken.constantTimeEqual(LoginToken.hash(token, saltHex: reviewer.salt), reviewer.tokenHash) {
                found = reviewer
            }
        }
        return found
    }
}
