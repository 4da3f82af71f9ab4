import Foundation
import GRDB
import LedgerSchema
import LedgerSearch

/// A claim as the ledger stood at some entry (the head unless asked otherwise): its record with
/// corrections applied, its latest status, and its source's title. The one read model of a claim:
/// `list`, `show` and every report format read this, from the claims queries of `q_ledger.sql`.
/// The claim's own fields are its payload's (`c.text`, `c.speaker`…: one shape, `ClaimPayload`).
@dynamicMemberLookup
public struct ClaimRecord: Sendable, Equatable {
    /// The claim as recorded, with the corrections made up to the entry read.
    public var claim: ClaimPayload
    /// The payload's kind.
    public var kind: ClaimKind { claim.kind }
    /// Whether the speaker is a person or an organisation, when extraction knew it (and the speaker
    /// was not corrected since).
    public var speakerKind: SpeakerKind? { claim.speakerKind }
    public var shortID: String
    public var seq: Int64
    public var sourceShortID: String
    public var sourceTitle: String?
    public var status: ClaimStatus
    public var statusSeq: Int64?
    public var evidence: String?
    public var reviewer: String?
    public var note: String?
    public var reviewedAt: String?
    public var recordedAt: String?
    /// The rating label of the current verdict, when one was given.
    public var rating: String?
    /// The organisation that published the current verdict, when an import recorded it.
    public var publishedBy: String?
    /// A quote's latest attribution check (was it said as quoted?); nil when never checked.
    public var attribution: AttributionVerdict?
    /// The reviewer who is on it (migration 13); nil when nobody is.
    public var assignedTo: String?
    /// Every attribution check of a quote, oldest first; filled like `decisions`.
    public var attributionChecks: [HistoryEvent] = []
    /// Whom the current verdict is credited to (`Credit`).
    public var credit: String? { Credit.text(reviewer: reviewer, publishedBy: publishedBy) }
    /// The decisions behind the current verdict, oldest first: every status change since the claim
    /// last reached its current status (two `verify` calls give two, each with its evidence). Filled
    /// by reports and `show` (`Ledger.withReviewTrail`); empty in listings.
    public var decisions: [HistoryEvent] = []
    /// Every note on the claim, oldest first; filled like `decisions`.
    public var notes: [HistoryEvent] = []
    /// Claims of other sources this one repeats (reports; `forEachReportSource(withMatches:)`).
    public var matches: [ClaimReference] = []

    /// The ID a published page names (ClaimReview's `url` and `identifier`): at least 12 hex
    /// characters, so it stays unique and resolvable as the ledger grows (a short ID may lengthen
    /// when a claim with the same first characters is recorded).
    public var publishedID: String { "c-" + claim.claimID.prefix(max(12, shortID.count - 2)) }

    public subscript<T>(dynamicMember field: KeyPath<ClaimPayload, T>) -> T { claim[keyPath: field] }

    /// A row of the claims queries (the columns of `claim_fields`, `ClaimColumn`).
    init(row: Row, shortID: String, sourceShortID: String) {
        // A stored word these types do not know (a ledger edited outside ClaimLedger) reads as a
        // claim with no speaker kind, never as a crash: the audit names the edit.
        let kind = (row[.kind] as String?).flatMap(ClaimKind.init(rawValue:)) ?? .claim
        let speakerKind = (row[.speakerKind] as String?).flatMap(SpeakerKind.init(rawValue:))
        claim = ClaimPayload(
            claimID: row[.claimID], sourceID: row[.sourceID], kind: kind, text: row[.text], speaker: row[.speaker],
            cue: row[.cue], via: row[.via], claimType: row[.claimType], score: row[.score], start: row[.start],
            end: row[.end], prefix: row[.prefix], suffix: row[.suffix], sentenceStart: row[.sentenceStart],
            sentenceEnd: row[.sentenceEnd], speakerKind: speakerKind, speakerConfidence: row[.speakerConfidence])
        seq = row[.seq]
        status = ClaimStatus(rawValue: row[.status]) ?? .unverified
        statusSeq = row[.statusSeq]
        evidence = row[.evidence]
        reviewer = row[.reviewer]
        note = row[.note]
        reviewedAt = row[.reviewedAt]
        recordedAt = row[.recordedAt]
        sourceTitle = row[.sourceTitle]
        rating = row[.rating]
        publishedBy = row[.publishedBy]
        attribution = (row[.attribution] as String?).flatMap(AttributionVerdict.init(rawValue:))
        assignedTo = row[.assignedTo]
        self.shortID = shortID
        self.sourceShortID = sourceShortID
    }
}

/// The order claims come in.
public enum ClaimOrder: String, Sendable, CaseIterable {
    /// Last recorded first (`list`).
    case newest
    /// As they stand in their articles: source by source, by offset (reports).
    case position
    /// Most check-worthy first.
    case score
    /// Least sure speaker first: quotes by their speaker ranker's confidence, lowest first, then
    /// the claims and quotes without one.
    case confidence
}

/// Which claims to read, and as of which entry.
public struct ClaimFilter: Sendable, Equatable {
    public var status: ClaimStatus?
    /// Claims with any of these statuses (with `status`, both must hold); a dismissed one named here
    /// is listed as `status: .dismissed` would list it.
    public var statuses: [ClaimStatus]?
    public var kind: ClaimKind?
    public var speaker: String?
    public var sourceID: String?
    public var search: String?
    /// Only claims scored at least this (quotes, which have no score, are left out).
    public var minScore: Double?
    /// Only quotes whose speaker the ranker chose with at least (at most) this confidence; quotes
    /// without one (no speaker found, the rules alone chose, or a reviewer corrected the speaker) and
    /// claims are left out.
    public var minConfidence: Double?, maxConfidence: Double?
    /// Dismissed claims too (they are left out unless `status` asks for them).
    public var withDismissed: Bool
    public var limit: Int?
    /// The ledger as it stood after this entry: claims recorded by then, with the corrections and
    /// status they had then. Nil: the head.
    public var asOf: Int64?
    public var order: ClaimOrder
    /// Only claims that repeat an earlier claim of another source (with that status, if given).
    public var seenBefore: SeenBeforeFilter?
    /// Only quotes whose latest attribution check is this verdict; `.unconfirmed` also takes the
    /// quotes never checked (claims are left out).
    public var attribution: AttributionVerdict?
    /// Only claims given to this reviewer, or that nobody is on.
    public var assignedTo: AssigneeFilter?
    /// Only claims recorded on or after this day (YYYY-MM-DD, UTC).
    public var since: String?

    public init(
        status: ClaimStatus? = nil, kind: ClaimKind? = nil, speaker: String? = nil,
        sourceID: String? = nil, search: String? = nil, limit: Int? = nil, asOf: Int64? = nil,
        minScore: Double? = nil, order: ClaimOrder = .newest, withDismissed: Bool = false
    ) {
        self.withDismissed = withDismissed
        self.status = status
        self.kind = kind
        self.speaker = speaker
        self.sourceID = sourceID
        self.search = search
        self.limit = limit
        self.asOf = asOf
        self.minScore = minScore
        self.order = order
    }

    /// The query that reads these claims in this order.
    var query: LedgerQuery {
        switch order {
        case .newest: return sourceID == nil ? .claimsNewest : .claimsOfSourceNewest
        case .position: return sourceID == nil ? .claimsByPosition : .claimsOfSource
        case .score: return .claimsByScore
        case .confidence: return .claimsWithoutConfidence  // after the doubtful (Ledger+ConfidenceOrder)
        }
    }

    /// The arguments of the claims queries (each uses the ones it names; GRDB ignores the others).
    /// `--search` as a query on the search index (nil with `asOf`: the index holds today's text).
    var indexMatch: String? { asOf == nil ? WordSearch.indexQuery(search) : nil }

    /// `driving`: read the claims from the index's matches (`claims_matching`) instead of testing each.
    func arguments(claimID: String? = nil, driving: Bool = false) -> StatementArguments {
        [
            "as_of": asOf ?? Int64.max, "source": sourceID, "claim_id": claimID,
            "status": status?.rawValue, "kind": kind?.rawValue,
            "statuses": statuses.map { "[" + $0.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]" },
            "speaker": speaker?.precomposedStringWithCanonicalMapping,
            "search": asOf == nil ? nil : WordSearch.argument(search),
            "match": driving ? nil : indexMatch, "driving": driving ? indexMatch : nil, "order": order.rawValue,
            "min_score": minScore, "with_dismissed": withDismissed,
            "min_confidence": minConfidence, "max_confidence": maxConfidence, "attribution": attribution?.rawValue,
            "assigned_to": assignedTo?.argument, "since": since, "seen_status": seenBefore?.statusArgument,
            "limit": limit ?? -1,
        ]
    }
}

extension Ledger {
    /// Below this many matching claims, `list --search` reads them from the index.
    static let drivingMatches = 5_000

    /// Claims matching `filter`, in its order, handed to `body` one at a time (constant memory).
    public func forEachClaim(_ filter: ClaimFilter, _ body: (ClaimRecord) throws -> Void) throws {
        try read { db in
            guard let wanted = filter.seenBefore else { return try forEachClaim(db, filter, body) }
            // Matched one by one after the query, so the limit counts the claims that repeat one.
            var unlimited = filter
            unlimited.limit = nil
            var left = filter.limit ?? Int.max
            try forEachClaim(db, unlimited) { claim in
                guard left > 0, wanted.accepts(try matches(db, of: claim, before: claim.seq, limit: 5)) else { return }
                left -= 1
                try body(claim)
            }
        }
    }

    /// `query` is the filter's own unless a narrower one (one source, one claim) is asked for.
    /// Most check-worthy first, as the ledger stands now, is the queue's order: read from its index.
    func forEachClaim(
        _ db: Database, _ filter: ClaimFilter, query: LedgerQuery? = nil, claimID: String? = nil,
        _ body: (ClaimRecord) throws -> Void
    ) throws {
        if query == nil, filter.order == .score, filter.asOf == nil {
            return try forEachQueued(db, filter, from: QueuePlace(), forward: true, body)
        }
        let driving = try query == nil && readsIndexMatches(db, filter)
        if query == nil, filter.order == .confidence, !driving {
            return try forEachByConfidence(db, filter, body)
        }
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: (driving ? .claimsMatching : query ?? filter.query).sql),
            arguments: filter.arguments(claimID: claimID, driving: driving))
        while let row = try rows.next() { try body(try claimRecord(db, row)) }
    }

    /// Whether a search is read from the index's matches: when few claims hold its words. One that
    /// many hold is matched by testing claims in order until the limit is reached.
    func readsIndexMatches(_ db: Database, _ filter: ClaimFilter) throws -> Bool {
        guard let match = filter.indexMatch else { return false }
        let held =
            try Int.fetchOne(
                db.cachedStatement(sql: LedgerQuery.indexTermCount.sql),
                arguments: ["match": match, "cap": Ledger.drivingMatches]) ?? 0
        return held < Ledger.drivingMatches
    }

    /// A row of the claims queries as a record, with its short IDs.
    func claimRecord(_ db: Database, _ row: Row) throws -> ClaimRecord {
        ClaimRecord(
            row: row, shortID: try shortID(db, row[.claimID], table: .claim),
            sourceShortID: try shortID(db, row[.sourceID], table: .source))
    }

    /// Claims matching `filter`, in its order.
    public func claims(_ filter: ClaimFilter = ClaimFilter()) throws -> [ClaimRecord] {
        var result: [ClaimRecord] = []
        try forEachClaim(filter) { result.append($0) }
        return result
    }

    /// One claim as it stands now.
    public func claim(id: String) throws -> ClaimRecord {
        var found: ClaimRecord?
        try read { db in try forEachClaim(db, ClaimFilter(), query: .claimByID, claimID: id) { found = $0 } }
        guard let found else { throw LedgerError.unknownID(id) }
        return found
    }

    /// How many claims match `filter`, by status, and in how many sources (one `GROUP BY`).
    public func claimCounts(_ filter: ClaimFilter) throws -> (byStatus: [ClaimStatus: Int], sources: Int) {
        try read { db in
            var byStatus: [ClaimStatus: Int] = [:]
            var sources: Set<String> = []
            var counted = filter
            counted.withDismissed = true  // counted apart, never hidden from a count
            if counted.asOf == nil, counted.sourceID != nil || counted.assignedTo?.expectedName != nil {
                // One article's or one reviewer's claims are few: counted from their own index (the
                // claims query cannot use one for an optional filter) instead of reading every claim.
                try forEachQueuedRow(db, counted, from: QueuePlace(), forward: true) { row in
                    sources.insert(row[.sourceID])
                    if let status = ClaimStatus(rawValue: row[.status]) { byStatus[status, default: 0] += 1 }
                }
                return (byStatus, sources.count)
            }
            let query: LedgerQuery = counted.sourceID == nil ? .claimCounts : .claimCountsOfSource
            for row in try Row.fetchAll(db.cachedStatement(sql: query.sql), arguments: counted.arguments()) {
                sources.insert(row[0])
                if let status = ClaimStatus(rawValue: row[1]) { byStatus[status, default: 0] += row[2] as Int }
            }
            return (byStatus, sources.count)
        }
    }
}
