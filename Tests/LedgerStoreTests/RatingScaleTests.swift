import LedgerStore
import Testing

/// Issue 31 item 5: the scale's figures have one owner (`RatingLabel`), which the ClaimReview writer
/// and the importer both call, so what one ledger publishes the other reads back the same.
@Suite("The rating scale's figures")
struct RatingScaleTests {
    @Test func aDecisionPublishesItsLabelElseTheBareVerdict() {
        let scale = RatingLabel.builtIn + [RatingLabel(label: "Half true", means: .disputed, value: 3)]
        #expect(RatingLabel.published(label: "mostly TRUE", status: .verified, on: scale) == (4, "Mostly true"))
        #expect(RatingLabel.published(label: "Half true", status: .disputed, on: scale) == (3, "Half true"))
        #expect(RatingLabel.published(label: nil, status: .verified, on: scale) == (5, "Verified"))
        #expect(RatingLabel.published(label: "Unheard of", status: .disputed, on: scale) == (1, "Disputed"))
    }

    /// Every value of the scale, published and read back as a place on a 1–5 scale, is itself again;
    /// the ends mean what they say and the middle means nothing by its place alone.
    @Test func aPublishedValueReadsBackAsItself() {
        for value in RatingLabel.worst...RatingLabel.best {
            let place = Double(value - RatingLabel.worst) / Double(RatingLabel.best - RatingLabel.worst)
            #expect(RatingLabel.value(place: place) == value)
        }
        #expect(RatingLabel.means(place: 1) == .verified && RatingLabel.means(place: 0.75) == .verified)
        #expect(RatingLabel.means(place: 0) == .disputed && RatingLabel.means(place: 0.25) == .disputed)
        #expect(RatingLabel.means(place: 0.5) == nil)
        #expect(
            RatingLabel.value(means: .verified) == 5 && RatingLabel.value(means: .disputed) == 1
                && RatingLabel.value(means: nil) == 3)
    }
}
