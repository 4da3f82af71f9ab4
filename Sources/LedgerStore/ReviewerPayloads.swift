import Foundation
import GRDB
import LedgerSchema

/// The JSON payload of a `reviewer_added` entry: a name, and a salted hash of the login token
/// (the token itself is shown once, never stored).
public struct ReviewerPayload: Sendable, Equatable, PayloadEncodable {
    public var name: String
    public var salt: String
    public var tokenHash: String
    public var addedBy: String

    public init(name: String, salt: String, tokenHash: String, addedBy: String) {
        self.name = name
        self.salt = salt
        self.tokenHash = tokenHash
        self.addedBy = addedBy
    }

    public func write(to json: inout PayloadWriter) {
        json.field("added_by", addedBy)
        json.field("name", name)
        json.field("salt", salt)
        json.field("token_hash", tokenHash)
    }
}

/// The JSON payload of a `reviewer_revoked` entry.
public struct RevocationPayload: Sendable, Equatable, PayloadEncodable {
    public var name: String
    public var revokedBy: String

    public init(name: String, revokedBy: String) {
        self.name = name
        self.revokedBy = revokedBy
    }

    public func write(to json: inout PayloadWriter) {
        json.field("name", name)
        json.field("revoked_by", revokedBy)
    }
}

extension Ledger {
    /// A reviewer name: one line of 1 to 60 characters, no control characters.
    package static func reviewerName(_ typed: String) throws -> String {
        let name = typed.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 60,
            !name.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            })
        else {
            throw LedgerError.refused(
                "A reviewer name is one line of 1 to 60 characters without control characters, e.g. \"ann\". Nothing was recorded."
            )
        }
        return name
    }

    /// Whether `name` has recorded any decision here (the CLI tells a login-name default once).
    public func hasDecisions(by name: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: LedgerQuery.reviewerHasDecisions.sql), arguments: ["reviewer": name]) ?? false
        }
    }
}
