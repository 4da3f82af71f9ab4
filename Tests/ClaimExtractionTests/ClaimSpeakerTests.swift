import ClaimExtraction
import Testing

/// Claims' speakers and what makes a claim (issue 12): the source a paraphrased fact is
/// attributed to, never a word of another clause; a fact beside a quoted term is a claim,
/// a sentence holding someone's quote is the quote's; a copula alone does not make an event.
@Suite("Claim speakers and claim shapes")
struct ClaimSpeakerTests {
    private func speakers(_ text: String) -> [String?] { claims(text).map(\.speaker) }

    @Test func plainSaidWithoutThatNamesTheSource() {
        #expect(speakers("Minister Ana Lopes said exports rose 12 percent in 2023.") == ["Ana Lopes"])
        #expect(speakers("The unions said more than 15,000 people registered for the rally.") == ["unions"])
    }

    @Test func reportedToOrForIsNotSpeech() {
        let duty = claims("Ten of the 18 staffers who reported for duty on Monday were sent home by noon.")
        #expect(duty.allSatisfy { $0.speaker == nil })
        let to = claims("Vindman reported to him for three years before he left the council in 2020.")
        #expect(to.allSatisfy { $0.speaker != "Vindman" })
    }

    @Test func aSubordinateClauseDoesNotNameTheMainClauseSource() {
        let found = claims("The shares fell 12 percent in two days after Politico reported the deal.")
        #expect(found.first?.speaker == nil)
        let according = claims("Nearly 300 school districts closed because of the rally, according to teachers unions.")
        #expect(according.first?.speaker == "teachers unions")
    }

    @Test func aTrailingAttributionAfterACommaCounts() {
        let found = claims("Tim Cook runs Apple. After the first iPhones shipped in 2007, people began using them for business, Cook said while visiting the conference.")
        #expect(found.last?.speaker == "Tim Cook")
    }

    @Test func abbreviatedTitlesAndAcronymsResolve() {
        let gov = claims("Republican Gov. Eric Holcomb spoke on Monday. The governor said he was waiting for a commission to report in 2020.")
        #expect(gov.last?.speaker == "Eric Holcomb")
        let cdc = claims("The Centers for Disease Control and Prevention tracks outbreaks. The CDC said 1,200 cases were reported in 2023.")
        #expect(cdc.last?.speaker == "Centers for Disease Control and Prevention")
    }

    @Test func accusedAndCitedAttributeClaims() {
        let found = claims("Taylor Swift is a singer. She also accused Big Machine of holding back permission to use her music in 2019.")
        #expect(found.last?.speaker == "Taylor Swift")
    }

    @Test func aQuotedTermDoesNotHideAFact() {
        let found = claims("The state spent $449,000 on the \u{201C}Red for Ed\u{201D} campaign in 2019, records show.")
        #expect(found.count == 1)
        #expect(found.first?.claimType == .statistic)
    }

    @Test func someonesQuoteIsNotAlsoAClaim() {
        let found = claims("Putin said in 2024 that the withdrawal of troops \u{201C}apparently will never happen,\u{201D} according to Meduza.")
        #expect(found.isEmpty)
    }

    @Test func aCopulaAloneIsNotAnEvent() {
        #expect(claims("As for Russia, both countries are partners in the oil sector of the region.").isEmpty)
        #expect(claims("The scan revealed severe inflammation in the lungs of the patient.").count == 1)
    }
}
