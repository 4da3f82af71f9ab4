import ArgumentParser
import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the quotes and claims in an article and print them; writes nothing.",
            discussion: """
                FILE is plain UTF-8 text, optionally starting with a header block (title:, outlet:, author:, \
                published:, url: lines, then a blank line); `-` reads standard input. Offsets are Unicode code \
                points into the text after the header block.
                """)

        @Argument(help: "The article file, or - for standard input.")
        var file: String

        @Option(help: "Output format: table (for people) or json (SPEC.md's extract object).")
        var format: ExtractFormat = .table

        enum ExtractFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        @Option(
            help: ArgumentHelp(
                "What decides that a sentence is a check-worthy claim: learned (the model trained on fact-checkers' labels) or rules (the hand-weighted features alone, for comparison).",
                valueName: "learned|rules"))
        var claims: ClaimExtractor.ClaimModel = .learned

        @Option(
            help: ArgumentHelp(
                "Who chooses each quote's speaker among the people and organisations around it: learned (the ranker trained on PolNeAR's annotated attributions, with its confidence) or rules (the hand-made attribution rules alone, for comparison).",
                valueName: "learned|rules"))
        var speakers: ClaimExtractor.SpeakerChoice = .learned

        func run() throws {
            try runReportingErrors {
                let article = try readArticle(file)
                var extractor = ClaimExtractor()
                extractor.claimModel = claims
                extractor.speakerChoice = speakers
                let plan = IngestPlan(article: article, extractor: extractor)
                switch format {
                case .json:
                    out(ExtractionReport.json(source: plan.source, quotes: plan.quotes, claims: plan.claims))
                case .table:
                    let styling = Styling.forStandardOutput()
                    out(styling.bold("QUOTES (\(plan.quotes.count))") + "\n")
                    for q in plan.quotes {
                        out("  \(TextTable.fit(q.speaker ?? "—", 22))  \(VisibleText.visible(q.text))\n")
                    }
                    out("\n" + styling.bold("CLAIMS (\(plan.claims.count))") + "\n")
                    for c in plan.claims {
                        out(
                            "  \(Decimals.two(c.score ?? 0))  \(TextTable.fit(c.claimType ?? "", 10))  \(VisibleText.visible(c.text))\n"
                        )
                    }
                }
            }
        }
    }
}

/// Reads an article file (or stdin for "-"), refusing binary and invalid UTF-8.
func readArticle(_ file: String) throws -> Article {
    let bytes: [UInt8]
    if file == "-" {
        bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
    } else {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw LedgerError.refused("No file at \(file); check the path.")
        }
        guard !isDirectory.boolValue else {
            throw LedgerError.refused("\(file) is a folder; give an article file (ingest accepts folders).")
        }
        guard Ledger.isRegularFile(file) else {
            throw LedgerError.refused(
                "\(file) is not a regular file (a device, pipe or socket); give an article file, or - to read standard input. Nothing was recorded."
            )
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LedgerError.refused("Cannot read \(file); check its permissions.")
        }
        bytes = Array(data)
    }
    return try ArticleReader.read(bytes, name: file == "-" ? "standard input" : file)
}

extension ClaimExtractor.ClaimModel: ExpressibleByArgument {}
extension ClaimExtractor.SpeakerChoice: ExpressibleByArgument {}
