import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding

/// `list --assigned-to` and the desk's "Mine" and "Unassigned": claims given to one reviewer, or
/// that nobody is on.
public enum AssigneeFilter: Sendable, Equatable {
    case nobody
    case reviewer(String)

    /// The claims queries' `:assigned_to`: a name, or '' for nobody.
    var argument: String {
        switch self {
        case .nobody: return ""
        case .reviewer(let name): return name.precomposedStringWithCanonicalMapping
        }
    }

    /// Whether a claim's assignee is this one.
    public func accepts(_ assignee: String?) -> Bool {
        switch self {
        case .nobody: return assignee == nil
        case .reviewer(let name): return assignee == name
        }
    }
}

/// The JSON payload of a `claim_assigned` entry (schema version 13 on).
public struct AssignmentPayload: Sendable, Equatable, PayloadEncodable {
    public var claimID: String
    /// Who is on the claim from now; nil: nobody (given back).
    public var assignee: String?
    /// Who assigned it (the assignee themselves when they took it).
    public var reviewer: String
    /// The seq of the claim's assignment this one replaced; absent for its first.
    public var replaces: Int?

    public func write(to json: inout PayloadWriter) {
        json.field("assignee", assignee)
        json.field("claim_id", claimID)
        json.field("replaces", replaces)
        json.field("reviewer", reviewer)
    }
}

/// One claim's assignment as asked for: the entry that recorded it, or nil when the claim was
/// already with that assignee (nothing to record), and the assignment it replaced.
public struct AssignmentChange: Sendable, Equatable {
    public var claimID: String
    public var shortID: String
    public var entry: Entry?
    public var replaced: HistoryEvent?

    public init(claimID: String, shortID: String, entry: Entry? = nil, replaced: HistoryEvent? = nil) {
        self.claimID = claimID
        self.shortID = shortID
        self.entry = entry
        self.replaced = replaced
    }
}

/// Why an assignment was refused; nothing was recorded.
public enum AssignmentRefusal: Sendable, Equatable {
    /// The ledger has reviewers, and this name is none of them (the active ones).
    case unknownAssignee(String, known: [String])
    /// The reviewer was revoked: they can no longer sign in to work on it.
    case revokedAssignee(String)

    var commandLineDescription: String {
        switch self {
        case .unknownAssignee(let name, let known):
            return
                "No reviewer \"\(name)\" in this ledger (\(known.map { "\"\($0)\"" }.joined(separator: ", "))); give one of them to --to, or add them with `claimledger reviewer add`. Nothing was recorded."
        case .revokedAssignee(let name):
            return
                "Reviewer \"\(name)\" was revoked and can no longer work on claims; give another to --to. Nothing was recorded."
        }
    }
}

extension Ledger {
    /// Gives each claim to `assignee` (nil: to nobody), in one transaction, all or nothing. A claim
    /// already with that assignee records nothing (a second "I'm on it" is not a second entry).
    /// With `expecting`, a claim whose assignee is no longer that one (a colleague took or gave it
    /// meanwhile) refuses them all. When the ledger has reviewers, the assignee must be an active one.
    public func assign(
        claimIDs: [String], to assignee: String?, reviewer: String, expecting: AssigneeFilter? = nil
    ) throws -> [AssignmentChange] {
        let reviewer = try Ledger.requireReviewer(reviewer)
        let assignee = try assignee.map(Ledger.reviewerName)
        return try write { db in
            if let assignee { try requireAssignable(db, assignee) }
            return try Ledger.distinct(claimIDs).map { claimID in
                guard try exists(db, query: .claimExists, id: claimID) else { throw LedgerError.unknownID(claimID) }
                let shortID = try shortID(db, claimID, table: .claim)
                let last = try assignments(db, claimID: claimID, asOf: Int64.max).last
                let current: String? = last.flatMap { $0.assignee ?? nil }
                guard current != assignee else { return AssignmentChange(claimID: claimID, shortID: shortID) }
                if let expecting, !expecting.accepts(current) {
                    throw LedgerError.conflict(
                        Conflict(
                            claim: shortID, field: .assignment, expected: expecting.expectedName,
                            found: current, by: last?.reviewer, at: last?.recordedAt, entry: last?.seq))
                }
                let payload = AssignmentPayload(
                    claimID: claimID, assignee: assignee, reviewer: reviewer, replaces: last.map { Int($0.seq) })
                return AssignmentChange(
                    claimID: claimID, shortID: shortID, entry: try insertAssignment(db, payload), replaced: last)
            }
        }
    }

    /// A ledger with reviewers (a desk) gives claims only to its active ones; one without (the
    /// command line alone) to any well-formed name.
    private func requireAssignable(_ db: Database, _ name: String) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.reviewers.sql))
        guard !rows.isEmpty else { return }
        guard let row = rows.first(where: { ($0["name"] as String) == name }) else {
            let active = rows.filter { $0["revoked_seq"] == nil }.map { $0["name"] as String }
            throw LedgerError.assignment(.unknownAssignee(name, known: active))
        }
        if row["revoked_seq"] != nil { throw LedgerError.assignment(.revokedAssignee(name)) }
    }

    private func insertAssignment(_ db: Database, _ payload: AssignmentPayload) throws -> Entry {
        let entry = try append(db, kind: .claimAssigned, payload: PayloadJSON.encode(payload))
        try db.cachedStatement(sql: LedgerQuery.insertAssignment.sql).execute(db) { row in
            row.add(entry.seq, as: "seq")
            row.add(payload.claimID, as: "claim_id")
            row.add(payload.assignee, as: "assignee")
            row.add(payload.reviewer, as: "reviewer")
            row.add(payload.replaces, as: "replaces")
        }
        return entry
    }

    /// A claim's assignments up to entry `asOf`, oldest first.
    func assignments(_ db: Database, claimID: String, asOf: Int64) throws -> [HistoryEvent] {
        let arguments: StatementArguments = ["claim_id": claimID, "as_of": asOf]
        return try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.claimAssignments.sql), arguments: arguments).map {
            row in
            HistoryEvent(
                seq: row["seq"], change: .assignment(to: row["assignee"]), reviewer: row["reviewer"],
                recordedAt: row["recorded_at"], hash: row["hash"])
        }
    }
}

extension AssigneeFilter {
    /// As a conflict names what was expected: the name, or nil for nobody.
    var expectedName: String? {
        if case .reviewer(let name) = self { return name }
        return nil
    }
}

extension HistoryEvent {
    /// Whom the claim was given to, for an assignment (nil inside: to nobody).
    public var assignee: String?? {
        if case .assignment(let to) = change { return .some(to) }
        return nil
    }
}
