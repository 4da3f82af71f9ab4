import ClaimMatching
import GRDB
import LedgerSchema
import LedgerSearch

/// "Seen before", found once (schema version 14; the rows are `MatchStore`'s): when a claim is
/// recorded, the claims of other sources recorded before it that repeat it are stored, and every
/// reader — `show`, reports, `list --seen-before`, the desk — reads them instead of searching again.
extension Ledger {
    /// At most this many claims of one article are matched when it is recorded: a huge article (a
    /// hostile 50 MB file) must not turn an ingest into hours of searching. The claims past it have
    /// no stored matches (later claims that repeat them still name them).
    public static let seenBeforeLimit = 2_000

    /// Finds and stores the matches of a source's claims, just recorded in this transaction (how
    /// many were seen before is `seenBefore(sourceID:)`'s to say). Nothing is searched when no claim
    /// of another source came before it (a first article).
    public func storeMatches(_ db: Database, sourceID: String) throws {
        guard try MatchStore.anyClaimBefore(db, sourceID: sourceID) else { return }
        var claims: [ClaimRecord] = []
        try forEachClaim(
            db, ClaimFilter(sourceID: sourceID, limit: Ledger.seenBeforeLimit, order: .position, withDismissed: true),
            query: .claimsOfSource
        ) { claims.append($0) }
        // The index does not change while they are matched (only their matches are written).
        let counts = WordCounts()
        for claim in claims { try storeMatches(db, of: claim, counts: counts) }
    }

    /// Finds and stores the matches of one claim (recorded or corrected in this transaction),
    /// replacing any it had.
    public func storeMatches(_ db: Database, claimID: String) throws {
        try storeMatches(db, of: try claimRecord(db, id: claimID, asOf: nil))
    }

    /// Records the claim of entry `seq` without its matches (a large import): they are searched
    /// when asked, until `audit --rebuild-index` (or a correction of the claim) stores them.
    public func deferMatches(_ db: Database, claimSeq seq: Int64) throws {
        try MatchStore.deferMatches(db, seq: seq)
    }

    func storeMatches(_ db: Database, of claim: ClaimRecord, counts: WordCounts = WordCounts()) throws {
        try MatchStore.store(db, seq: claim.seq, claim.searched(before: claim.seq), counts: counts)
    }

    /// After a claim's words or speaker are corrected: its own matches, and those of the later
    /// claims whose matches name it, are found again.
    func matchAgain(_ db: Database, claimID: String) throws {
        let claim = try claimRecord(db, id: claimID, asOf: nil)
        guard claim.seq >= (try MatchStore.matchedFrom(db)) else { return }
        let later = try MatchStore.matchers(db, of: claim.seq)
        let counts = WordCounts()  // the corrected claim is indexed already
        try storeMatches(db, of: claim, counts: counts)
        for seq in later { try storeMatches(db, of: try claimRecord(db, seq: seq, asOf: nil), counts: counts) }
    }

    /// `audit --rebuild-index`: every claim searched again, in the order they were recorded, and
    /// its matches stored (about as long as ingesting the claims' articles took to match).
    package func matchEveryClaim(_ db: Database) throws {
        try MatchStore.clear(db)
        let ids = try String.fetchAll(db.cachedStatement(sql: LedgerQuery.claimIDsInOrder.sql))
        let counts = WordCounts()  // one index for every claim
        for id in ids { try storeMatches(db, of: try claimRecord(db, id: id, asOf: nil), counts: counts) }
    }

    /// Whether every claim's matches are stored (a ledger made before version 14 has them for its
    /// newer claims only, until `audit --rebuild-index`): then the claims seen before can be read
    /// from them (the desk's queue filter).
    public func matchesCoverEveryClaim() throws -> Bool {
        try read { db in try MatchStore.coverEveryClaim(db) }
    }

    /// The stored matches of `claim`: the earlier claims it repeats and, with `later`, the claims
    /// recorded after it that repeat it; only claims recorded by entry `upTo`, as they stood after
    /// entry `asOf` (nil: now); the most alike first.
    func storedMatches(_ db: Database, of claim: ClaimRecord, later: Bool, limit: Int, upTo: Int64?, asOf: Int64?)
        throws -> [SimilarClaim]
    {
        try similarClaims(
            db, try MatchStore.hits(db, of: claim.seq, later: later, limit: limit, upTo: upTo), asOf: asOf)
    }

    /// The claim recorded at entry `seq`, as it stood after entry `asOf` (nil: now).
    func claimRecord(_ db: Database, seq: Int64, asOf: Int64?) throws -> ClaimRecord {
        guard let id = try String.fetchOne(db.cachedStatement(sql: LedgerQuery.claimIDAt.sql), arguments: [seq]) else {
            throw LedgerError.damaged("the search index or a stored match names entry \(seq), which is not a claim")
        }
        return try claimRecord(db, id: id, asOf: asOf)
    }

    func claimRecord(_ db: Database, id: String, asOf: Int64?) throws -> ClaimRecord {
        var record: ClaimRecord?
        try forEachClaim(db, ClaimFilter(asOf: asOf, withDismissed: true), query: .claimByID, claimID: id) {
            record = $0
        }
        guard let record else { throw LedgerError.unknownID(id) }
        return record
    }
}

/// How a claim stands among its stored matches, for a listing's row: how many claims of other
/// sources it repeats or is repeated by, and the statuses of those decided.
public struct RepeatSummary: Sendable, Equatable {
    public var claims = 0
    public var decided: Set<ClaimStatus> = []

    public init(claims: Int = 0, decided: Set<ClaimStatus> = []) {
        self.claims = claims
        self.decided = decided
    }
}

extension Ledger {
    /// For a page of claims: each one's stored matches in one read (claims with none are left out;
    /// a claim recorded before the ledger stored matches has none here).
    public func repeatSummaries(of claims: [ClaimRecord]) throws -> [String: RepeatSummary] {
        guard !claims.isEmpty else { return [:] }
        let idOf = Dictionary(claims.map { ($0.seq, $0.claim.claimID) }, uniquingKeysWith: { a, _ in a })
        return try read { db in
            var result: [String: RepeatSummary] = [:]
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: LedgerQuery.repeatsOfClaims.sql),
                arguments: ["seqs": "[" + claims.map { String($0.seq) }.joined(separator: ",") + "]"])
            while let row = try rows.next() {
                guard let id = idOf[row["seq"]] else { continue }
                result[id, default: RepeatSummary()].claims += 1
                if let status = ClaimStatus(rawValue: row["status"]), status == .verified || status == .disputed {
                    result[id, default: RepeatSummary()].decided.insert(status)
                }
            }
            return result
        }
    }
}

extension SeenBeforeSummary {
    /// Counts one claim's earlier matches: seen before, with the status of a decided match when
    /// there is one.
    mutating func count(_ earlier: [SimilarClaim]) {
        guard let first = earlier.first else { return }
        let decided = earlier.first { $0.claim.status == .verified || $0.claim.status == .disputed } ?? first
        seen += 1
        byStatus[decided.claim.status, default: 0] += 1
    }
}
