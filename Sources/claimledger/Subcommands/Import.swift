import ArgumentParser
import FactCheckImport
import Foundation
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Record published fact-checks (schema.org ClaimReview JSON-LD) so new claims can be matched against them.",
            discussion: """
                Reads a single ClaimReview object, an array of them, or an object with "@graph" (what the Google Fact \
                Check Tools API, the Data Commons fact-check feed and fact-checkers' own pages publish). Each review \
                becomes a source (the review page: headline, publisher, date, URL, description) and a claim (what was \
                checked, its claimant as speaker).
                The rating: ratingValue on the scale of bestRating/worstRating when both are given (top quarter \
                verified, bottom quarter disputed), else the label ("False", "Pants on Fire", "Misleading" → disputed; \
                "True", "Correct" → verified). A verdict is recorded with the review's URL as evidence; any other \
                rating leaves the claim unverified with the rating in a note.
                Every file is read and checked first: one malformed file (invalid JSON, a review without claimReviewed \
                or url) is named with the place of the problem and nothing at all is recorded (exit 4). Importing the \
                same reviews again records nothing new.
                Example: claimledger import factchecks.json --reviewer ann
                """)
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "ClaimReview JSON-LD files (or - for standard input).") var files: [String]
        @OptionGroup var reviewer: ReviewerOptions
        @Flag(help: "Print the result as one JSON object.") var json = false

        func validate() throws {
            if files.isEmpty {
                throw ValidationError("Give at least one ClaimReview JSON file, or - for standard input.")
            }
        }

        func run() throws {
            try runReportingErrors {
                var reviews: [PublishedReview] = []
                for file in files {
                    do {
                        reviews += try ClaimReviewReader.read(try readBytes(file), file: file)
                    } catch let problem as ImportProblem {
                        throw LedgerError.refused(VisibleText.visible(problem.description) + ". Nothing was imported.")
                    }
                }
                let l = try ledger.open(create: true)
                let summary = try ReviewImport.record(reviews, in: l, reviewer: reviewer.name)
                if summary.matchesDeferred > 0 {
                    note(
                        "The \(summary.matchesDeferred) new claims were recorded without looking for their matches (an import of more than \(ReviewImport.matchedImport) reviews): `show` and reports search for them when asked; `claimledger audit --rebuild-index` stores them."
                    )
                }
                if json {
                    out(
                        CommandOutput.imported(
                            reviews: summary.reviews, recorded: summary.recorded,
                            alreadyRecorded: summary.alreadyRecorded, byStatus: summary.byStatus,
                            attributionsChecked: summary.attributionsChecked))
                } else {
                    out(
                        CommandOutput.importedText(
                            reviews: summary.reviews, recorded: summary.recorded,
                            alreadyRecorded: summary.alreadyRecorded, byStatus: summary.byStatus,
                            attributionsChecked: summary.attributionsChecked, ratingsAdded: summary.ratingsAdded))
                }
            }
        }

        /// The largest ClaimReview file read: a whole file is parsed in memory (about 30 times its
        /// size), so a bigger one is refused up front rather than exhausting the machine.
        static let largestFile = 64 << 20

        private func readBytes(_ file: String) throws -> Data {
            let handle: FileHandle
            if file == "-" {
                handle = FileHandle.standardInput
            } else {
                guard Ledger.isRegularFile(file) else {
                    throw LedgerError.refused("\(file) is not a regular file; give a JSON file.")
                }
                guard let opened = FileHandle(forReadingAtPath: file) else {
                    throw LedgerError.refused("Cannot read \(file); check the path.")
                }
                handle = opened
            }
            let data = (try? handle.read(upToCount: Self.largestFile + 1)) ?? Data()
            guard data.count <= Self.largestFile else {
                throw LedgerError.refused(
                    "\(file) is over \(Self.largestFile >> 20) MiB: split it into smaller files of reviews (each imports on its own; importing one twice records nothing new). Nothing was recorded."
                )
            }
            return data
        }
    }
}
