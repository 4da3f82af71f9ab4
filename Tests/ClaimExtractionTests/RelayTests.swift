import ClaimExtraction
import Testing

/// Relays (issue 12): whoever passed a quote on is its `via`, never its speaker, and the
/// article's own outlet is never a relay.
@Suite("Relays")
struct RelayTests {
    private func first(_ text: String, outlet: String? = nil) -> ExtractedQuote? {
        ClaimExtractor().extract(text, outlet: outlet).quotes.first
    }

    @Test func toldAnOutlet() {
        let q = first(
            "Maria Lopez runs the shelter. \u{201C}We have never seen this many families,\u{201D} she told The Associated Press on Monday."
        )
        #expect(q?.speaker == "Maria Lopez")
        #expect(q?.via == "The Associated Press")
    }

    @Test(arguments: [
        ("\u{201C}We were there under legitimate pretenses,\u{201D} Ana Figueroa told USA Today.", "USA Today"),
        (
            "\u{201C}That was outrageous,\u{201D} Ana Figueroa said in an interview with CNN\u{2019}s Wolf Blitzer.",
            "CNN"
        ),
        ("\"It's a phony system,\" Ana Figueroa told Bill O'Reilly of Fox News this week.", "Fox News"),
        ("\"We will not back down,\" Ana Figueroa said in an interview on CNBC's Squawk Box.", "CNBC"),
        ("\"We will keep going,\" Ana Figueroa told MSNBC's Chris Hayes on Tuesday.", "MSNBC"),
        ("\"We will keep going,\" Ana Figueroa told WMUR on Tuesday.", "WMUR"),
    ])
    func theOutletNotItsPresenterOrProgramme(text: String, via: String) {
        let q = first(text)
        #expect(q?.speaker == "Ana Figueroa")
        #expect(q?.via == via)
    }

    @Test func aMediumOrAPersonIsNoOutlet() {
        #expect(first("\u{201C}I would,\u{201D} Melanie Cole said to the TV.")?.via == nil)
        #expect(
            first("\u{201C}You should be investigated,\u{201D} Elizabeth Warren told John Stumpf on Tuesday.")?.via
                == nil)
        #expect(first("\u{201C}It was fine,\u{201D} Ana Figueroa said on Saturday.")?.via == nil)
    }

    @Test func toldAPersonIsNotARelay() {
        let q = first("\u{201C}We will not back down,\u{201D} Senator Ana Ruiz told reporters on Monday.")
        #expect(q?.speaker == "Ana Ruiz")
        #expect(q?.via == nil)
    }

    @Test func perAReporterResolvesToTheFullName() {
        let text =
            "Emily Feng of NPR has covered the ministry for years.\n\nThe ministry called the report \u{201C}a malicious fabrication by foreign forces,\u{201D} spokesman Wang Lei said, per Feng."
        let q = first(text)
        #expect(q?.speaker == "Wang Lei")
        #expect(q?.via == "Emily Feng")
    }

    @Test func reporterOfAnOutletReports() {
        let text =
            "Factory workers have \u{201C}no idea when the lines will restart,\u{201D} Wee of The New York Times reports."
        let q = first(text)
        #expect(q?.speaker == "Factory workers")
        #expect(q?.via == "The New York Times")  // the outlet, not its reporter
    }

    @Test func writesTheAssociatedPress() {
        let q = first("Officials have \u{201C}no plans to release the footage,\u{201D} writes the Associated Press.")
        #expect(q?.speaker == "Officials")
        #expect(q?.via == "Associated Press")
    }

    @Test func saidAccordingToReuters() {
        let q = first(
            "\u{201C}We will respond in kind,\u{201D} Foreign Minister Sergei Lavrov said, according to Reuters.")
        #expect(q?.speaker == "Sergei Lavrov")
        #expect(q?.via == "Reuters")
    }

    @Test func inAnInterviewWithAnOutlet() {
        let q = first("\u{201C}The numbers do not add up,\u{201D} Governor Kim Lee said in an interview with CNN.")
        #expect(q?.speaker == "Kim Lee")
        #expect(q?.via == "CNN")
    }

    @Test func theArticlesOwnOutletIsNeverARelay() {
        let text = "\u{201C}We will respond in kind,\u{201D} Foreign Minister Sergei Lavrov told The New York Times."
        #expect(first(text, outlet: "New York Times")?.via == nil)
        #expect(first(text, outlet: "nytimes")?.via == nil)
        #expect(first(text, outlet: "Reuters")?.via == "The New York Times")
        #expect(first(text)?.speaker == "Sergei Lavrov")
    }

    @Test func perBeforeANumberIsNotACue() {
        let q = first("\u{201C}Prices went up,\u{201D} said Ana Ruiz, who pays $5 per gallon now.")
        #expect(q?.speaker == "Ana Ruiz")
        #expect(q?.via == nil)
    }

    /// A document or unnamed people are where words came from, not who passed them on.
    @Test func aDocumentIsNoRelay() {
        let statement = first(
            "Benjamin Netanyahu visited the settlement.\n\n\u{201C}Here we are on a historic day,\u{201D} he told settler leaders, according to a statement."
        )
        #expect(statement?.speaker == "Benjamin Netanyahu")
        #expect(statement?.via == nil)
        let named = first("\u{201C}We will not blink,\u{201D} Jane Roe said, according to Reuters.")
        #expect(named?.via == "Reuters")
    }
}
