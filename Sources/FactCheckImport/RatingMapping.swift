import Foundation
import LedgerStore

/// A published rating → the ledger's status (documented in the README, "Import published fact-checks"):
/// - `ratingValue` with `bestRating` and `worstRating`: its place on that scale, read as the ledger's
///   scale reads a place (`RatingLabel.means(place:)`: the top quarter verified, the bottom quarter
///   disputed, anything between unverified); a value outside its scale is ignored for the label (and
///   the note says so);
/// - otherwise the label: "False", "Pants on Fire", "Misleading", … → disputed; "True", "Correct", …
///   → verified; any other label (or none) stays unverified, the rating kept in a note.
public enum RatingMapping {
    static let disputedLabels = [
        "false", "pants on fire", "mostly false", "misleading", "incorrect", "inaccurate", "fake",
        "wrong", "fabricated", "fabricated content", "scam", "hoax", "miscaptioned", "misattributed", "not true",
        "untrue", "baseless", "four pinocchios", "three pinocchios", "distorts the facts", "altered",
        "altered photo", "altered video", "manipulated", "false context", "partly false", "false headline",
    ]
    static let verifiedLabels = [
        "true", "correct", "accurate", "mostly true", "mostly correct", "mostly accurate", "correct attribution",
        "geppetto checkmark", "verified", "legit",
    ]

    /// The status a published rating means, or nil when it stays unverified.
    public static func status(of rating: PublishedRating?) -> ClaimStatus? {
        guard let rating else { return nil }
        if let place = rating.place { return RatingLabel.means(place: place) }
        guard let label = rating.label.map(normalised) else { return nil }
        if matches(label, disputedLabels) { return .disputed }
        if matches(label, verifiedLabels) { return .verified }
        return nil
    }

    /// Where a published rating stands on the ledger's 1–5 scale: its place on its own scale when
    /// it gives one, else the end its meaning is at (verified 5, disputed 1; 3 when not known).
    public static func scaleValue(_ rating: PublishedRating, means: ClaimStatus?) -> Int {
        rating.place.map(RatingLabel.value(place:)) ?? RatingLabel.value(means: means)
    }

    /// "False." and "False: the photo is from 2015" both read as "false"; the longest phrase wins
    /// ("mostly false" before "false"), and a phrase must end at a word's end ("truely" is not "true").
    static func matches(_ label: String, _ phrases: [String]) -> Bool {
        let other = phrases == disputedLabels ? verifiedLabels : disputedLabels
        let best = (phrases + other).filter {
            label == $0 || label.hasPrefix($0) && !isLetter(label.dropFirst($0.count).first)
        }
        .max { $0.count < $1.count }
        return best.map(phrases.contains) ?? false
    }

    static func isLetter(_ c: Character?) -> Bool { c?.isLetter ?? false }

    static func normalised(_ label: String) -> String {
        label.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            .replacingOccurrences(of: "’", with: "'")
    }

    /// What the note or the decision says of the rating: `Rated “Half True” by PolitiFact (3 of 1–5)`.
    public static func describe(_ rating: PublishedRating?, by reviewer: String?) -> String? {
        guard let rating, rating.label != nil || rating.value != nil else { return nil }
        var text = "Rated " + (rating.label.map { "“\($0)”" } ?? "")
        if let value = rating.value {
            let scale = rating.best.flatMap { best in rating.worst.map { " of \(number($0))–\(number(best))" } } ?? ""
            text += rating.label == nil ? "\(number(value))\(scale)" : " (\(number(value))\(scale))"
        }
        if rating.valueOffScale { text += "; its value lies outside its scale and was ignored" }
        return text + (reviewer.map { " by \($0)" } ?? "")
    }

    /// A rating number as written: whole numbers without ".0" (values are bounded by the reader).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) <= PublishedRating.largestNumber ? String(Int64(value)) : String(value)
    }
}
