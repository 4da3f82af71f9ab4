import Foundation
import GRDB
import LedgerSchema

/// Where a page of the review queue starts.
public enum QueueCursor: Sendable, Equatable {
    /// The first page.
    case top
    /// The page that follows this claim (its seq) in the queue.
    case after(Int64)
    /// The page that ends just before this claim.
    case before(Int64)
}

/// One page of the review queue: claims most check-worthy first.
public struct QueuePage: Sendable, Equatable {
    public var claims: [ClaimRecord]
    /// Whether the queue has claims before this page (a previous page to link to).
    public var hasEarlier: Bool
    /// Whether it has claims after it.
    public var hasLater: Bool
}

/// A place in the queue's order (migration 6): minus the score, the source's entry, the offset in
/// the article, the claim's entry. The top of the queue is before every place.
struct QueuePlace {
    var place = -Double.infinity, sourceOrder: Int64 = 0, position: Int64 = 0, claimSeq: Int64 = 0

    var arguments: StatementArguments {
        ["place": place, "source_order": sourceOrder, "position": position, "claim_seq": claimSeq]
    }

    static func of(_ db: Database, claimSeq: Int64) throws -> QueuePlace {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.queuePlace.sql), arguments: [claimSeq])
        else {
            throw LedgerError.unknownID(String(claimSeq))
        }
        return QueuePlace(place: row[0], sourceOrder: row[1], position: row[2], claimSeq: row[3])
    }
}

extension Ledger {
    /// One page of the queue: the claims `filter` selects, most check-worthy first (its order and
    /// `asOf` are not used: the queue is now), `size` of them from `cursor`. Each page is a walk of
    /// an index from its cursor, so the thousandth page costs what the first does.
    public func queuePage(_ filter: ClaimFilter, from cursor: QueueCursor, size: Int) throws -> QueuePage {
        try read { db in try queuePage(db, filter, from: cursor, size: max(1, size)) }
    }

    private func queuePage(_ db: Database, _ filter: ClaimFilter, from cursor: QueueCursor, size: Int) throws
        -> QueuePage
    {
        var limited = filter
        limited.limit = size + 1
        var claims: [ClaimRecord] = []
        switch cursor {
        case .top, .after:
            let start = if case .after(let seq) = cursor { try QueuePlace.of(db, claimSeq: seq) } else { QueuePlace() }
            try forEachQueued(db, limited, from: start, forward: true) { claims.append($0) }
            let later = claims.count > size
            return QueuePage(claims: Array(claims.prefix(size)), hasEarlier: cursor != .top, hasLater: later)
        case .before(let seq):
            try forEachQueued(db, limited, from: try QueuePlace.of(db, claimSeq: seq), forward: false) {
                claims.append($0)
            }
            // Fewer than a page before it: the first page, read as such.
            guard claims.count > size else { return try queuePage(db, filter, from: .top, size: size) }
            return QueuePage(claims: claims.prefix(size).reversed(), hasEarlier: true, hasLater: true)
        }
    }

    /// Claims matching `filter` in the queue's order from `start` (after it, or before it walking
    /// back), as they stand now.
    func forEachQueued(
        _ db: Database, _ filter: ClaimFilter, from start: QueuePlace, forward: Bool,
        _ body: (ClaimRecord) throws -> Void
    ) throws {
        var now = filter
        now.asOf = nil
        let driving = try readsIndexMatches(db, now)
        // One reviewer's claims are few: read from their assignments, not by walking the queue.
        let assigned = if case .reviewer = now.assignedTo { !driving } else { false }
        let query: LedgerQuery =
            switch (driving, now.status == nil, forward) {
            case (true, _, _): .queueMatching
            case _ where assigned: .queueAssigned
            case (false, false, true): .queueAfter
            case (false, false, false): .queueBefore
            case (false, true, true): .queueAllAfter
            case (false, true, false): .queueAllBefore
            }
        var arguments = now.arguments(driving: driving)
        _ = arguments.append(contentsOf: start.arguments)
        _ = arguments.append(contentsOf: ["direction": forward ? 1 : -1])
        let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: arguments)
        while let row = try rows.next() { try body(try claimRecord(db, row)) }
    }

    /// How many claims have each status now (of one kind, or all): read from the tally migration 6
    /// keeps, not counted.
    public func statusTally(kind: ClaimKind? = nil) throws -> [ClaimStatus: Int] {
        try read { db in
            var tally: [ClaimStatus: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: LedgerQuery.statusTally.sql), arguments: ["kind": kind?.rawValue])
            {
                if let status = ClaimStatus(rawValue: row[0]) { tally[status, default: 0] += row[1] as Int }
            }
            return tally
        }
    }
}
