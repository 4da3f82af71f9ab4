import Foundation
import GRDB
import LedgerStore

/// Records one import's reviews inside its transaction and counts what it recorded.
struct Recorder {
    let ledger: Ledger
    let db: Database
    let reviewer: String
    var summary = ImportSummary()
    /// Whether each new claim's matches are found now (else left pending: a large import).
    var matchEach = true

    init(ledger: Ledger, db: Database, reviewer: String) {
        self.ledger = ledger
        self.db = db
        self.reviewer = reviewer
    }

    /// The review's claim (or quote) with its verdict; the claim's ID when it is new, nil when it
    /// was imported before (then nothing is recorded).
    @discardableResult
    mutating func claim(_ review: PublishedReview, kind: ClaimKind) throws -> String? {
        guard let claimID = try newClaim(review, kind: kind, text: review.claim) else { return nil }
        let described = RatingMapping.describe(review.rating, by: review.reviewer)
        let means = RatingMapping.status(of: review.rating)
        let rating = try ReviewImport.adopted(review.rating, means: means, in: ledger, db, reviewer: reviewer)
        if let added = rating, added.added { summary.ratingsAdded.append(added.label.label) }
        // A label of the ledger's own scale means what the scale says; else the rating's place or words.
        if let status = rating?.label.means ?? means {
            try ledger.recordFirstVerdict(
                db, claimID: claimID,
                Verdict(status, evidence: review.url, note: described, rating: rating?.label.label),
                reviewer: reviewer, publishedBy: review.reviewer)
            summary.byStatus[status, default: 0] += 1
        } else {
            if let described {
                try ledger.recordNote(db, claimID: claimID, text: "\(described): \(review.url)", reviewer: reviewer)
            }
            summary.byStatus[.unverified, default: 0] += 1
        }
        return claimID
    }

    /// The quote an attribution review is about, when the file has no review of what it says: the
    /// quote is recorded unverified (its attribution rating says nothing of its truth).
    mutating func quoteOnly(_ review: PublishedReview) throws -> String? {
        guard let claimID = try newClaim(review, kind: .quote, text: QuoteReviews.quotedWords(review)) else {
            return nil
        }
        summary.byStatus[.unverified, default: 0] += 1
        return claimID
    }

    /// The quote's attribution check from its review: the verdict its rating names, the review's
    /// page as evidence, credited to its publisher ("by Example Fact Check, imported by ann"); a
    /// rating that names no verdict is a note.
    mutating func attribution(_ review: PublishedReview, of quoteID: String) throws {
        let described = RatingMapping.describe(review.rating, by: review.reviewer)
        guard let verdict = QuoteReviews.verdict(review.rating) else {
            let text = "Said as quoted? " + (described ?? "Not rated") + ": \(review.url)"
            try ledger.recordNote(db, claimID: quoteID, text: text, reviewer: reviewer)
            return
        }
        try ledger.recordFirstAttribution(
            db, claimID: quoteID, verdict, evidence: review.url, reviewer: reviewer,
            publishedBy: review.reviewer)
        summary.attributionsChecked += 1
    }

    private mutating func newClaim(_ review: PublishedReview, kind: ClaimKind, text: String) throws -> String? {
        let source = ReviewImport.sourcePayload(review)
        try ledger.recordSource(db, source)
        let claimID = Identifiers.claimID(
            sourceID: source.sourceID, kind: kind.rawValue, start: nil, end: nil, text: text)
        let claim = ClaimPayload(
            claimID: claimID, sourceID: source.sourceID, kind: kind, text: text, speaker: review.claimant)
        guard case .appended(let entry) = try ledger.recordClaim(db, claim) else {
            summary.alreadyRecorded += 1
            return nil
        }
        summary.recorded += 1
        if matchEach {
            try ledger.storeMatches(db, claimID: claimID)
        } else {
            try ledger.deferMatches(db, claimSeq: entry.seq)
            summary.matchesDeferred += 1
        }
        return claimID
    }
}
