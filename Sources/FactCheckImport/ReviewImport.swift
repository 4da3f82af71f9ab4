import Foundation
import GRDB
import LedgerStore

/// What an import recorded.
public struct ImportSummary: Sendable, Equatable {
    public var reviews = 0
    public var recorded = 0
    public var alreadyRecorded = 0
    public var byStatus: [ClaimStatus: Int] = [:]
    /// Rating labels the reviews used that the ledger's scale lacked, added to it (in order).
    public var ratingsAdded: [String] = []
}

/// Published reviews → ledger entries. Each review is a source (the review page: its headline,
/// publisher, date, URL and description) and a claim (what was checked, with its claimant as
/// speaker); a rating that maps to a verdict is a decision whose evidence is the review's URL,
/// credited to the review's publisher ("by Example Fact Check, imported by ann"), any other rating a note. All of a call is one transaction; a review already imported is left as it is.
public enum ReviewImport {
    public static func record(_ reviews: [PublishedReview], in ledger: Ledger, reviewer: String) throws -> ImportSummary {
        try ledger.write { db in
            var summary = ImportSummary()
            for review in reviews {
                summary.reviews += 1
                let source = sourcePayload(review)
                try ledger.recordSource(db, source)
                let claimID = Identifiers.claimID(sourceID: source.sourceID, kind: ClaimKind.claim.rawValue,
                                                  start: nil, end: nil, text: review.claim)
                let claim = ClaimPayload(claimID: claimID, sourceID: source.sourceID, kind: ClaimKind.claim.rawValue,
                                         text: review.claim, speaker: review.claimant)
                guard case .appended = try ledger.recordClaim(db, claim) else {
                    summary.alreadyRecorded += 1
                    continue
                }
                summary.recorded += 1
                let described = RatingMapping.describe(review.rating, by: review.reviewer)
                let means = RatingMapping.status(of: review.rating)
                let rating = try adopted(review.rating, means: means, in: ledger, db, reviewer: reviewer)
                if let added = rating, added.added { summary.ratingsAdded.append(added.label.label) }
                // A label of the ledger's own scale means what the scale says; else the rating's place or words.
                if let status = rating?.label.means ?? means {
                    try ledger.recordFirstVerdict(db, claimID: claimID,
                                                  Verdict(status, evidence: review.url, note: described, rating: rating?.label.label),
                                                  reviewer: reviewer, publishedBy: review.reviewer)
                    summary.byStatus[status, default: 0] += 1
                } else {
                    if let described { try ledger.recordNote(db, claimID: claimID, text: "\(described): \(review.url)", reviewer: reviewer) }
                    summary.byStatus[.unverified, default: 0] += 1
                }
            }
            return summary
        }
    }

    /// The rating's label on the ledger's scale (added to it when it lacks it and `means`, the
    /// rating's meaning by its place or words, is known), so the label survives the trip: nil without a label.
    static func adopted(_ rating: PublishedRating?, means: ClaimStatus?, in ledger: Ledger, _ db: Database,
                        reviewer: String) throws -> (label: RatingLabel, added: Bool)? {
        guard let rating, let label = rating.label else { return nil }
        return try ledger.adoptRating(db, label: label, means: means, value: RatingMapping.scaleValue(rating, means: means), reviewer: reviewer)
    }

    /// The review page as a source, identified by what describes it (it has no article text here).
    static func sourcePayload(_ review: PublishedReview) -> SourcePayload {
        let title = review.headline ?? "Fact check: \(review.claim)"
        return SourcePayload(sourceID: Identifiers.sourceID(title: title, url: review.url, outlet: review.reviewer,
                                                            published: review.published),
                             sha256: review.description.map(hexSHA256), title: title, outlet: review.reviewer,
                             author: nil, published: review.published, url: review.url, text: review.description)
    }
}
