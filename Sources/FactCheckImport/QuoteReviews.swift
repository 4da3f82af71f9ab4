import Foundation
import LedgerStore

/// A quote is published as up to two reviews, one per axis (`reviewAspect`): what it says
/// (content) and whether it was said as quoted (attribution, `identifier` and `url` those of its
/// content review with `-attribution` and `#attribution`). Import reads them back as one quote
/// with its verdict and its attribution check, never the attribution's rating as a verdict on
/// what the quote says.
struct QuoteReviews {
    /// What one imported item is: a review of a claim as a whole, a quote's content review (with
    /// its attribution review when the file has it), or an attribution review on its own.
    enum Item {
        case whole(PublishedReview)
        case quote(PublishedReview, attribution: PublishedReview?)
        case attributionOnly(PublishedReview)
    }

    /// The reviews as items, each attribution review beside its content review: in the file's order,
    /// then the attribution reviews whose content review the file lacks, in theirs.
    static func items(_ reviews: [PublishedReview]) -> [Item] {
        let attributions = reviews.filter(isAttribution)
        var byKey: [String: Int] = [:]
        for (n, review) in attributions.enumerated() {
            if let identifier = review.identifier { byKey["id:" + identifier] = n }
            byKey["url:" + review.url] = n
        }
        var paired = Set<Int>()
        var items: [Item] = []
        for review in reviews where !isAttribution(review) {
            guard isContent(review) else {
                items.append(.whole(review))
                continue
            }
            let partner =
                review.identifier.flatMap { byKey["id:" + ReviewAspect.attributionIdentifier($0)] }
                ?? byKey["url:" + ReviewAspect.attributionURL(review.url)]
            if let partner { paired.insert(partner) }
            items.append(.quote(review, attribution: partner.map { attributions[$0] }))
        }
        for (n, review) in attributions.enumerated() where !paired.contains(n) {
            items.append(.attributionOnly(review))
        }
        return items
    }

    static func isAttribution(_ review: PublishedReview) -> Bool {
        ReviewAspect.isAttribution(review.aspect)
    }

    static func isContent(_ review: PublishedReview) -> Bool {
        ReviewAspect.isContent(review.aspect)
    }

    /// The quote an attribution review is about: the words inside “…” of "Jane Roe said: “…”"
    /// (as the reports write it), else the whole text reviewed.
    static func quotedWords(_ review: PublishedReview) -> String {
        ReviewAspect.quotedWords(review.claim) ?? review.claim
    }

    /// The attribution verdict a published rating names (by its label, as the reports write it or
    /// typed as at the command line), else by its value on a 1–5 scale where only one verdict has
    /// that value; nil when it names none (the rating is then kept in a note).
    static func verdict(_ rating: PublishedRating?) -> AttributionVerdict? {
        guard let rating else { return nil }
        if let label = rating.label?.trimmingCharacters(in: .whitespaces) {
            if let named = AttributionVerdict.allCases.first(where: {
                $0.label.caseInsensitiveCompare(label) == .orderedSame
            }) {
                return named
            }
            if let typed = AttributionVerdict(typed: label.replacingOccurrences(of: " ", with: "_")) { return typed }
        }
        guard let value = rating.valueOnScale, let best = rating.best, let worst = rating.worst else { return nil }
        let onFive = Int((1 + 4 * (value - worst) / (best - worst)).rounded())
        let named = AttributionVerdict.allCases.filter { $0.ratingValue == onFive }
        return named.count == 1 ? named[0] : nil
    }
}
