import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// Schema version 9 (issue 33): who publishes a ledger's reviews, and credit for imported verdicts.
@Suite("Publisher and credit (migration 9)")
struct PublisherTests {
    static let reviewPages = "https://factcheck.example/claims/{id}"

    /// The small ledger, then a publisher (entry 9) and a verdict on "Imports doubled." credited to
    /// another publisher (entry 10).
    func publishingLedger(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try smallLedger(dir)
        try ledger.setPublisher(
            try Publisher.payload(
                name: "Example Fact Check", url: "https://factcheck.example", logo: nil,
                reviewURL: PublisherTests.reviewPages, setBy: "ann"))
        let claim = try #require(try ledger.claims().first { $0.text == "Imports doubled." })
        try ledger.write { db in
            try ledger.recordFirstVerdict(
                db, claimID: claim.claim.claimID, Verdict(.disputed, evidence: "https://other.example/r/1"),
                reviewer: "tomas", publishedBy: " Other Checks ")
        }
        return ledger
    }

    @Test func thePublisherInForceIsTheLatestUpToTheEntryRead() throws {
        let dir = TemporaryDirectory()
        let ledger = try publishingLedger(dir)
        let first = try #require(try ledger.publisher())
        #expect(
            first.name == "Example Fact Check" && first.seq == 9 && first.setBy == "ann"
                && first.url == "https://factcheck.example")
        #expect(first.reviewURL(for: "c-0123456789ab") == "https://factcheck.example/claims/c-0123456789ab")
        #expect(try ledger.publisher(asOf: 8) == nil)
        // The same details again record nothing; new ones replace them from then on.
        let same = try Publisher.payload(
            name: "Example Fact Check", url: "https://factcheck.example", logo: nil,
            reviewURL: PublisherTests.reviewPages, setBy: "bob")
        #expect(throws: LedgerError.self) { try ledger.setPublisher(same) }
        try ledger.setPublisher(
            try Publisher.payload(
                name: "Example Fact Check Ltd", url: nil, logo: nil,
                reviewURL: "https://fc.example/{id}", setBy: "bob"))
        #expect(
            try ledger.publisher()?.name == "Example Fact Check Ltd"
                && ledger.publisher(asOf: 10)?.name == "Example Fact Check")
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test(arguments: [
        ("", "https://a.example/{id}", PublisherRefusal.name("")),
        ("Desk", "https://a.example/claims", .reviewURLWithoutID("https://a.example/claims")),
        ("Desk", "javascript:alert(1)//{id}", .notAWebAddress(.reviewURL, "javascript:alert(1)//{id}")),
        ("Desk", "https://a.example/ {id}", .notAWebAddress(.reviewURL, "https://a.example/ {id}")),
        ("Two\nlines", "https://a.example/{id}", .name("Two\nlines")),
    ])
    func badDetailsAreRefusedWithTheirReason(name: String, reviewURL: String, refusal: PublisherRefusal) throws {
        #expect(throws: LedgerError.publisher(refusal)) {
            try Publisher.payload(name: name, url: nil, logo: nil, reviewURL: reviewURL, setBy: "ann")
        }
    }

    @Test func anImportedVerdictIsCreditedToItsPublisher() throws {
        let dir = TemporaryDirectory()
        let ledger = try publishingLedger(dir)
        let claim = try #require(try ledger.claims().first { $0.text == "Imports doubled." })
        #expect(claim.publishedBy == "Other Checks" && claim.reviewer == "tomas")
        #expect(claim.credit == "Other Checks, imported by tomas")
        let history = try ledger.history(claimID: claim.claim.claimID)
        #expect(history.last?.credit == "Other Checks, imported by tomas")
        let own = try #require(try ledger.claims().first { $0.text == "Exports fell." })
        #expect(own.publishedBy == nil && own.credit == "bob")
        var payload = ""
        try ledger.forEachEntry(from: 10, { payload = $0.payload }, limit: 1)
        #expect(payload.contains(#""published_by":"Other Checks""#))
    }

    /// A publisher and a credit are entries: their rows cannot be altered, added or removed unseen.
    @Test(arguments: [
        ("UPDATE publisher SET review_url = 'https://evil.example/{id}' WHERE seq = 9", Int64(9)),
        ("DELETE FROM publisher WHERE seq = 9", Int64(9)),
        ("UPDATE review_credit SET published_by = 'Mallory Checks' WHERE seq = 10", Int64(10)),
        ("DELETE FROM review_credit WHERE seq = 10", Int64(10)),
        ("INSERT INTO review_credit (seq, published_by) VALUES (6, 'Mallory Checks')", Int64(6)),
    ])
    func tamperingWithThePublisherOrACreditIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try publishingLedger($0) }
    }

    @Test func sqliteRefusesToChangeThePublisherOrACredit() throws {
        let dir = TemporaryDirectory()
        let ledger = try publishingLedger(dir)
        for sql in [
            "UPDATE publisher SET name = 'x'", "DELETE FROM publisher", "UPDATE review_credit SET published_by = 'x'",
            "DELETE FROM review_credit", "INSERT INTO review_credit (seq, published_by) VALUES (10, 'x')",
            "INSERT INTO publisher (seq, name, review_url, set_by) VALUES (10, 'x', 'https://x.example/{id}', 'x')",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
    }

    @Test(arguments: [
        ("2019-11-19", "2019-11-19"), ("Nov 19, 2019", "2019-11-19"), ("19 November 2019", "2019-11-19"),
        ("November 19 2019", "2019-11-19"), ("Sept. 3, 2024", "2024-09-03"), ("2024-06-20T10:00:00Z", "2024-06-20"),
        ("2024-02-29", "2024-02-29"),
    ])
    func unambiguousDatesAreNormalised(typed: String, iso: String) {
        #expect(PublicationDate.normalised(typed) == iso)
    }

    @Test(arguments: [
        "03/04/2019", "2023-02-29", "2019-13-01", "Nov 31, 2019", "yesterday", "", "2019", "Movember 3 2019",
        "19-11-2019",
    ])
    func anythingElseIsNotADate(typed: String) {
        #expect(PublicationDate.normalised(typed) == nil)
    }

    @Test func aCorrectedDateIsNormalisedOrRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try smallLedger(dir)
        let source = try #require(try ledger.sources().first).source
        try ledger.correctSource(
            sourceID: source.source.sourceID, changes: [(.published, "Nov 19, 2019")], reason: "from the page",
            reviewer: "ann")
        #expect(try ledger.sources().first?.source.source.published == "2019-11-19")
        #expect(throws: LedgerError.self) {
            try ledger.correctSource(
                sourceID: source.source.sourceID, changes: [(.published, "03/04/2019")], reason: "typo", reviewer: "ann"
            )
        }
        #expect(try ledger.head().seq == 9)
    }
}
