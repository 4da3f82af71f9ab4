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
    /// Quotes' attribution checks recorded (from reviews whose aspect is attribution).
    public var attributionsChecked = 0
    /// Claims recorded without their matches (an import of more than `ReviewImport.matchedImport`
    /// reviews): searched when asked until `audit --rebuild-index` stores them.
    public var matchesDeferred = 0
}

/// Published reviews → ledger entries. Each review is a source (the review page: its headline,
/// publisher, date, URL and description) and a claim (what was checked, with its claimant as
/// speaker); a rating that maps to a verdict is a decision whose evidence is the review's URL,
/// credited to the review's publisher ("by Example Fact Check, imported by ann"), any other rating
/// a note. A quote's reviews (`reviewAspect`, see `QuoteReviews`) come back as one quote with its
/// verdict and its attribution check. All of a call is one transaction; a review already imported
/// is left as it is.
public enum ReviewImport {
    /// An import of at most this many reviews finds each new claim's matches as it records it (as
    /// ingest does); a larger one leaves them to be searched when asked: matching each of the 14,231
    /// reviews of a fact-checker's archive made its import 14 times slower (67 s instead of 4.9).
    public static let matchedImport = 1_000

    public static func record(_ reviews: [PublishedReview], in ledger: Ledger, reviewer: String) throws -> ImportSummary
    {
        try ledger.write { db in
            var recorder = Recorder(ledger: ledger, db: db, reviewer: reviewer)
            recorder.summary.reviews = reviews.count
            recorder.matchEach = reviews.count <= ReviewImport.matchedImport
            for item in QuoteReviews.items(reviews) {
                switch item {
                case .whole(let review):
                    try recorder.claim(review, kind: .claim)
                case .quote(let review, let attribution):
                    if let quote = try recorder.claim(review, kind: .quote), let attribution {
                        try recorder.attribution(attribution, of: quote)
                    }
                case .attributionOnly(let review):
                    if let quote = try recorder.quoteOnly(review) { try recorder.attribution(review, of: quote) }
                }
            }
            return recorder.summary
        }
    }

    /// The rating's label on the ledger's scale (added to it when it lacks it and `means`, the
    /// rating's meaning by its place or words, is known), so the label survives the trip: nil without a label.
    static func adopted(
        _ rating: PublishedRating?, means: ClaimStatus?, in ledger: Ledger, _ db: Database,
        reviewer: String
    ) throws -> (label: RatingLabel, added: Bool)? {
        guard let rating, let label = rating.label else { return nil }
        return try ledger.adoptRating(
            db, label: label, means: means, value: RatingMapping.scaleValue(rating, means: means), reviewer: reviewer)
    }

    /// The review page as a source, identified by what describes it (it has no article text here).
    static func sourcePayload(_ review: PublishedReview) -> SourcePayload {
        let title = review.headline ?? "Fact check: \(review.claim)"
        return SourcePayload(
            sourceID: Identifiers.sourceID(
                title: title, url: review.url, outlet: review.reviewer,
                published: review.published),
            sha256: review.description.map(hexSHA256), title: title, outlet: review.reviewer,
            author: nil, published: review.published, url: review.url, text: review.description)
    }
}
