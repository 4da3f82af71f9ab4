import Foundation
import TestSupport
import Testing

/// Whether a speaker is a person or an organisation is recorded at ingest (schema version 2,
/// issue 13) and drives ClaimReview's author; a version-1 ledger stays readable without being
/// written to, and the first command that writes migrates it.
@Suite("Speaker kind and schema version 2", .serialized)
struct SpeakerKindTests {
    static let article = """
        title: Exports
        outlet: Example Daily

        Microsoft Corp said its revenue rose 12 percent in 2023.

        The Centers for Disease Control and Prevention tracks outbreaks. The CDC said 1,200 cases were reported in 2023.

        """

    private func sqlite(_ path: String, _ sql: String) throws -> String {
        let p = Process()
        let out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func ingestRecordsTheKindAndClaimReviewFollowsIt() throws {
        let cli = CLI()
        let ingest = try cli.run("ingest", cli.dir.write("a.txt", SpeakerKindTests.article))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(
            try sqlite(
                cli.sqliteFile,
                "SELECT speaker || '=' || speaker_kind FROM claim WHERE speaker IS NOT NULL ORDER BY start")
                == "Microsoft Corp=organisation\nCenters for Disease Control and Prevention=organisation")
        let listing = try cli.run("list", "--format", "csv")
        #expect(listing.status == 0, "\(listing.stderr)")
        let ids = listing.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) }
        for id in ids {
            let verified = try cli.run("verify", id, "--evidence", "https://example.org/check")
            #expect(verified.status == 0, "\(verified.stderr)")
        }
        let reported = try cli.run(
            "report", "--format", "claimreview", "--review-url-base", "https://factcheck.example/r/")
        #expect(reported.status == 0, "\(reported.stderr)")
        let report = reported.stdout
        // Two capitalised words: the old guess called it a person; extraction knew "Corp" makes a company.
        #expect(report.contains(#"{"@type":"Organization","name":"Microsoft Corp"}"#), "\(report)")
        #expect(report.contains(#"{"@type":"Organization","name":"Centers for Disease Control and Prevention"}"#))
    }
}
