import ClaimMatching
import GRDB
import LedgerSchema
import LedgerSearch

/// "Has this been checked before?": for each claim, the earlier claims of other sources that repeat it.
public struct SeenBeforeSummary: Sendable, Equatable {
    /// The source's claims and quotes.
    public var claims = 0
    /// How many of them repeat an earlier claim.
    public var seen = 0
    /// The status of the earlier claim each repeats (a decided one when there is one).
    public var byStatus: [ClaimStatus: Int] = [:]
    /// How many were matched (all of them, unless the article has more than `Ledger.seenBeforeLimit`).
    public var checked = 0

    public init() {}

    /// "3 seen before: 1 verified, 1 disputed, 1 unverified" (nil when none was).
    public var sentence: String? {
        guard seen > 0 else { return nil }
        let counts = ClaimStatus.allCases.compactMap { s in byStatus[s].map { "\($0) \(s.rawValue)" } }
        let partial = checked < claims ? " (the first \(checked) of \(claims) checked)" : ""
        return "\(seen) seen before: " + counts.joined(separator: ", ") + partial
    }
}

/// `list --seen-before`: claims that repeat an earlier one, or one with a given status.
public enum SeenBeforeFilter: Sendable, Equatable {
    case any
    case status(ClaimStatus)

    /// The status the earlier claim must have now (`queue_places_of_repeats`), nil for any.
    var statusArgument: String? {
        if case .status(let status) = self { return status.rawValue }
        return nil
    }

    func accepts(_ earlier: [SimilarClaim]) -> Bool {
        switch self {
        case .any: return !earlier.isEmpty
        case .status(let status): return earlier.contains { $0.claim.status == status }
        }
    }
}

/// A claim's matches in other sources: the earlier claims it repeats ("seen before") and the later
/// ones that repeat it ("also claimed later"), each the most alike first.
public struct ClaimMatches: Sendable {
    public var earlier: [SimilarClaim] = []
    public var later: [SimilarClaim] = []

    public init(earlier: [SimilarClaim] = [], later: [SimilarClaim] = []) {
        self.earlier = earlier
        self.later = later
    }
}

extension Ledger {
    /// The claims of other sources that `claim` repeats, and those recorded after it that repeat it.
    public func claimMatches(of claim: ClaimRecord, limit: Int = 5) throws -> ClaimMatches {
        try read { db in
            let later = try matches(db, of: claim, before: nil, limit: limit * 2).filter { $0.claim.seq > claim.seq }
            return ClaimMatches(
                earlier: try matches(db, of: claim, before: claim.seq, limit: limit), later: Array(later.prefix(limit)))
        }
    }

    /// Claims of other sources, earlier or later, that repeat `claim` (a report's "also claimed in").
    public func repeats(of claim: ClaimRecord, limit: Int = 5) throws -> [SimilarClaim] {
        try read { db in try matches(db, of: claim, before: nil, limit: limit) }
    }

    /// The claims of other sources recorded before entry `before` (nil: any) that repeat `claim`,
    /// as they stood after entry `asOf`: its stored matches (and, when `before` is past it, the
    /// later claims that stored it as theirs), or for a claim recorded before the ledger stored
    /// matches or left pending by a large import, a search.
    func matches(_ db: Database, of claim: ClaimRecord, before: Int64?, limit: Int, asOf: Int64? = nil) throws
        -> [SimilarClaim]
    {
        guard try MatchStore.areStored(db, seq: claim.seq) else {
            return try search(db, of: claim, before: before, limit: limit, asOf: asOf)
        }
        let upTo = [asOf, before.map { $0 - 1 }].compactMap { $0 }.min()
        return try storedMatches(
            db, of: claim, later: before.map { $0 > claim.seq } ?? true, limit: limit, upTo: upTo, asOf: asOf)
    }

    /// Searches the index for the claims of other sources recorded before entry `before` that
    /// `claim` repeats (`matches`, when none are stored).
    func search(_ db: Database, of claim: ClaimRecord, before: Int64?, limit: Int, asOf: Int64?) throws
        -> [SimilarClaim]
    {
        try similarClaims(
            db, try CandidateSearch.seenBefore(db, claim.searched(before: before), limit: limit), asOf: asOf)
    }

    /// For a source just recorded: how many of its claims repeat earlier ones, and with what status.
    /// Nothing is searched when no claim of another source came before it (a first article).
    public func seenBefore(sourceID: String) throws -> SeenBeforeSummary {
        var summary = SeenBeforeSummary()
        try read { db in
            guard try MatchStore.anyClaimBefore(db, sourceID: sourceID) else {
                summary.claims =
                    try Int.fetchOne(
                        db.cachedStatement(sql: LedgerQuery.claimsOfSourceCount.sql), arguments: ["source": sourceID])
                    ?? 0
                return
            }
            try forEachClaim(
                db, ClaimFilter(sourceID: sourceID, order: .position, withDismissed: true), query: .claimsOfSource
            ) { claim in
                summary.claims += 1
                guard summary.claims <= Ledger.seenBeforeLimit else { return }
                summary.count(try matches(db, of: claim, before: claim.seq, limit: 5))
            }
        }
        summary.checked = min(summary.claims, Ledger.seenBeforeLimit)
        return summary
    }
}

/// Another source's claim that repeats a claim, as a report cites it.
public struct ClaimReference: Sendable, Equatable {
    public var shortID: String
    public var sourceShortID: String
    public var sourceTitle: String?
    public var status: ClaimStatus
    public var rating: String?
    public var evidence: String?
    public var similarity: Double
    /// Recorded before the claim it repeats (so it was there to be checked first).
    public var isEarlier: Bool
    /// What changed between the two, the earlier first: the words of the same quote (or of a claim
    /// at least 60% alike), the speaker, a figure.
    public var drift: Drift?

    init(_ match: SimilarClaim, of claim: ClaimRecord) {
        let c = match.claim
        shortID = c.shortID
        sourceShortID = c.sourceShortID
        sourceTitle = c.sourceTitle
        status = c.status
        rating = c.rating
        evidence = c.status == .unverified ? nil : c.evidence
        similarity = match.similarity
        isEarlier = c.seq < claim.seq
        drift = Drift.of(match, and: claim)
    }

    /// Decided (verified or disputed) and earlier: a report's "checked before as".
    public var wasCheckedBefore: Bool { isEarlier && (status == .verified || status == .disputed) }
}

extension Drift {
    /// How the later of a claim and its match differs from the earlier: the words when both are
    /// quotes or they are at least 60% alike (a longer claim that only repeats a clause is not a
    /// changed wording), the speaker, a figure. Nil when it says the same.
    public static func of(_ match: SimilarClaim, and claim: ClaimRecord) -> Drift? {
        let (earlier, later) = match.claim.seq < claim.seq ? (match.claim, claim) : (claim, match.claim)
        return between(
            earlier: earlier.text, earlierSpeaker: earlier.speaker, later: later.text, laterSpeaker: later.speaker,
            compareWords: (earlier.kind == .quote && later.kind == .quote) || match.similarity >= 0.6)
    }
}
