import Foundation
import GRDB
import LedgerSchema
import LedgerSearch

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
struct QueuePlace: Comparable {
    var place = -Double.infinity, sourceOrder: Int64 = 0, position: Int64 = 0, claimSeq: Int64 = 0

    static func < (a: QueuePlace, b: QueuePlace) -> Bool {
        (a.place, a.sourceOrder, a.position, a.claimSeq) < (b.place, b.sourceOrder, b.position, b.claimSeq)
    }

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
        if filter.seenBefore != nil, !(try MatchStore.coverEveryClaim(db)) {
            throw LedgerError.refused(
                "The queue is filtered on \"seen before\" from the stored matches, which this ledger has only for its newer claims; `claimledger audit --rebuild-index` stores them for every claim."
            )
        }
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
    /// back), as they stand now: read from the search index's matches, from one article's or one
    /// reviewer's claims (few, sorted here), or by walking the queue's index and reading each claim
    /// it passes until `filter.limit` are kept.
    func forEachQueued(
        _ db: Database, _ filter: ClaimFilter, from start: QueuePlace, forward: Bool,
        _ body: (ClaimRecord) throws -> Void
    ) throws {
        try forEachQueuedRow(db, filter, from: start, forward: forward) { try body(try claimRecord(db, $0)) }
    }

    /// The rows of `forEachQueued`, before they become records (a count needs no short IDs).
    func forEachQueuedRow(
        _ db: Database, _ filter: ClaimFilter, from start: QueuePlace, forward: Bool, _ body: (Row) throws -> Void
    ) throws {
        var now = filter
        now.asOf = nil
        // Claims seen before are read from their stored matches (when every claim has them), the
        // search tested on each.
        let driving = try now.seenBefore == nil && readsIndexMatches(db, now)
        var arguments = now.arguments(driving: driving)
        _ = arguments.append(contentsOf: start.arguments)
        _ = arguments.append(contentsOf: ["direction": forward ? 1 : -1])
        if driving {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: LedgerQuery.queueMatching.sql), arguments: arguments)
            while let row = try rows.next() { try body(row) }
            return
        }
        var reader = QueueBatches(db: db, arguments: arguments, left: now.limit ?? Int.max)
        if let few = try fewCandidates(db, now, arguments) {
            let sorted = few.filter { forward ? start < $0 : $0 < start }.sorted(by: <)
            for place in forward ? sorted : sorted.reversed() where !reader.isFull {
                try reader.add(place.claimSeq, body)
            }
            return try reader.flush(body)
        }
        let walk: LedgerQuery =
            switch (now.status == nil, forward) {
            case (false, true): .queueAfter
            case (false, false): .queueBefore
            case (true, true): .queueAllAfter
            case (true, false): .queueAllBefore
            }
        let seqs = try Int64.fetchCursor(db.cachedStatement(sql: walk.sql), arguments: arguments)
        while !reader.isFull, let seq = try seqs.next() { try reader.add(seq, body) }
        try reader.flush(body)
    }

    /// The queue places of the only claims that can match: one article's, those ever given to one
    /// reviewer, or those seen before (their stored matches: a claim recorded before the ledger
    /// stored matches is not among them); nil when the filter does not narrow the queue so.
    private func fewCandidates(_ db: Database, _ filter: ClaimFilter, _ arguments: StatementArguments) throws
        -> [QueuePlace]?
    {
        let query: LedgerQuery
        if case .reviewer = filter.assignedTo {
            query = .queuePlacesOfAssignee
        } else if filter.sourceID != nil {
            query = .queuePlacesOfSource
        } else if filter.seenBefore != nil, try MatchStore.coverEveryClaim(db) {
            query = .queuePlacesOfRepeats
        } else if filter.maxConfidence != nil {
            // Doubtful speakers: few, read by their confidence; many, found by walking the queue.
            var capped = arguments
            _ = capped.append(contentsOf: ["cap": Ledger.fewDoubtful + 1])
            let places = try places(db, .queuePlacesOfDoubtful, capped)
            return places.count > Ledger.fewDoubtful ? nil : places
        } else {
            return nil
        }
        return try places(db, query, arguments)
    }

    /// Up to this many doubtful speakers are read by their confidence and sorted here.
    static let fewDoubtful = 20_000

    private func places(_ db: Database, _ query: LedgerQuery, _ arguments: StatementArguments) throws
        -> [QueuePlace]
    {
        try Row.fetchAll(db.cachedStatement(sql: query.sql), arguments: arguments).map {
            QueuePlace(place: $0[0], sourceOrder: $0[1], position: $0[2], claimSeq: $0[3])
        }
    }

    /// How many claims have each status now (of one kind, or all): read from the tally migration 6
    /// keeps, not counted. `unassigned`: only the claims nobody is on — the tally less the claims
    /// still with someone (few, counted one by one).
    public func statusTally(kind: ClaimKind? = nil, unassigned: Bool = false) throws -> [ClaimStatus: Int] {
        try read { db in
            var tally: [ClaimStatus: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: LedgerQuery.statusTally.sql), arguments: ["kind": kind?.rawValue])
            {
                if let status = ClaimStatus(rawValue: row[0]) { tally[status, default: 0] += row[1] as Int }
            }
            guard unassigned else { return tally }
            func subtractTaken(_ row: Row) {
                guard let status = ClaimStatus(rawValue: row[.status]), (row[.assignedTo] as String?) != nil
                else { return }
                tally[status, default: 0] -= 1
            }
            let taken = ClaimFilter(kind: kind, withDismissed: true)
            var reader = QueueBatches(db: db, arguments: taken.arguments(), left: Int.max)
            for place in try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.queuePlacesOfAnyone.sql)) {
                try reader.add(place[3], subtractTaken)
            }
            try reader.flush(subtractTaken)
            return tally
        }
    }
}

/// The claims a walk of the queue passes (their seqs, in the walk's order), read and filtered a
/// batch per statement (`queue_claims_in`) and handed on in that order, those the filters keep,
/// until `left` are. Batches grow from 64, so a first page reads few claims and a filter that
/// keeps few reads many per statement.
struct QueueBatches {
    let db: Database
    let arguments: StatementArguments
    var left: Int
    private var batch: [Int64] = []
    private var size = 64

    init(db: Database, arguments: StatementArguments, left: Int) {
        self.db = db
        self.arguments = arguments
        self.left = left
    }

    var isFull: Bool { left <= 0 }

    mutating func add(_ seq: Int64, _ body: (Row) throws -> Void) throws {
        batch.append(seq)
        guard batch.count >= size else { return }
        try flush(body)
        size = min(size * 2, 2_048)
    }

    mutating func flush(_ body: (Row) throws -> Void) throws {
        guard !batch.isEmpty else { return }
        var one = arguments
        _ = one.append(contentsOf: ["seqs": "[" + batch.map(String.init).joined(separator: ",") + "]"])
        let rows = try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.queueClaimsIn.sql), arguments: one)
        let bySeq = Dictionary(rows.map { ($0[.seq] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
        for seq in batch where left > 0 {
            guard let row = bySeq[seq] else { continue }
            left -= 1
            try body(row)
        }
        batch.removeAll(keepingCapacity: true)
    }
}
