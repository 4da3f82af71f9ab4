import ClaimExtraction
import Testing

/// Issue 28: "the agency said", "the company said" name the organisation the article named, never
/// another one, and stay as written when the organisation named last is not of that kind.
@Suite("Organisations described: the agency, the company")
struct DescribedOrganisationTests {
    func speakers(_ body: String) -> [String?] {
        ClaimExtractor().extract("Title\n\n" + body).quotes.map(\.speaker)
    }

    @Test func theAgencyIsThePublicBodyNamedBefore() {
        #expect(
            speakers(
                "The Federal Aviation Administration grounded the planes on Monday. "
                    + "\u{201C}We will not allow these aircraft to fly until they are safe,\u{201D} the agency said.")
                == ["Federal Aviation Administration"])
    }

    @Test(arguments: [
        ("Acme Corp. makes the parts. \u{201C}Our parts meet every standard,\u{201D} the company said.", "Acme Corp."),
        (
            "The parts come from Acme Industries, a supplier in Ohio. \u{201C}Our parts meet every standard,\u{201D} the company said.",
            "Acme Industries"
        ),
        (
            "General Motors Co. recalled the cars. \u{201C}Safety comes first,\u{201D} the company said.",
            "General Motors Co."
        ),
    ])
    func theCompanyIsTheBusinessNamedLast(text: String, speaker: String) {
        #expect(speakers(text) == [speaker])
    }

    @Test func aLaterOrganisationOfAnotherKindIsNotTakenForTheCompany() {
        let found = speakers(
            "Boeing Co. built the plane. The Federal Aviation Administration grounded it on Monday. "
                + "\u{201C}We are confident in the plane,\u{201D} the company said.")
        #expect(
            found.count == 1 && found[0] != "Federal Aviation Administration" && found[0] != "Boeing Co.", "\(found)")
    }
}
