import Foundation
import GRDB
import LedgerAudit
import LedgerStore
import TestSupport
import Testing

/// Schema version 10 (issue 33): a quote checked on its second axis — was it said as quoted?
@Suite("Attribution checks (migration 10)")
struct AttributionTests {
    /// The small ledger, then a quote (entry 9) disputed on its content (10) and checked as
    /// misquoted (11).
    func quoteLedger(_ dir: TemporaryDirectory) throws -> (Ledger, quote: String, claim: String) {
        let ledger = try smallLedger(dir)
        let source = try #require(try ledger.sources().first).source.source
        let quote = ClaimPayload(
            claimID: Identifiers.claimID(
                sourceID: source.sourceID, kind: "quote", start: 40, end: 60, text: "We will win"),
            sourceID: source.sourceID, kind: .quote, text: "We will win", speaker: "Jane Roe")
        try ledger.write { db in _ = try ledger.recordClaim(db, quote) }
        try ledger.changeStatus(claimID: quote.claimID, to: .disputed, evidence: "polls", note: nil, reviewer: "ann")
        try ledger.checkAttribution(
            claimID: quote.claimID, .misquoted, evidence: "https://transcript.example/1", note: "she said may",
            reviewer: "bob")
        let claim = try #require(try ledger.claims().first { $0.kind == .claim })
        return (ledger, quote.claimID, claim.claim.claimID)
    }

    @Test func aQuoteCarriesBothAxesApart() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote, _) = try quoteLedger(dir)
        let record = try ledger.claim(id: quote)
        #expect(record.status == .disputed && record.attribution == .misquoted)
        let history = try ledger.history(claimID: quote)
        #expect(history.map(\.event) == [.recorded, .status, .attribution])
        #expect(
            history.last?.evidence == "https://transcript.example/1" && history.last?.reviewer == "bob"
                && history.last?.note == "she said may")
        // A report as of before the check sees none.
        #expect(try ledger.claims(ClaimFilter(asOf: 10)).first { $0.claim.claimID == quote }?.attribution == nil)
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test func aClaimHasNoAttributionAndEvidenceIsRequired() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote, claim) = try quoteLedger(dir)
        #expect(throws: LedgerError.self) {
            try ledger.checkAttribution(claimID: claim, .confirmed, evidence: "x", reviewer: "ann")
        }
        #expect(throws: LedgerError.missing(.attributionEvidence)) {
            try ledger.checkAttribution(claimID: quote, .confirmed, evidence: " ", reviewer: "ann")
        }
        #expect(try ledger.head().seq == 11)
    }

    @Test func aColleaguesCheckMeanwhileIsRefused() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote, _) = try quoteLedger(dir)
        // Seen as never checked, but bob checked it: refused, naming his check.
        do {
            try ledger.checkAttribution(
                claimID: quote, .confirmed, evidence: "tape", reviewer: "ann", expecting: nil, checkConflicts: true)
            Issue.record("no conflict")
        } catch LedgerError.conflict(let c) {
            #expect(c.field == .attribution && c.found == "misquoted" && c.by == "bob" && c.entry == 11)
        }
        try ledger.checkAttribution(
            claimID: quote, .confirmed, evidence: "full tape", reviewer: "ann", expecting: .misquoted)
        #expect(try ledger.claim(id: quote).attribution == .confirmed)
    }

    /// A check is an entry: its row cannot be altered, added or removed unseen.
    @Test(arguments: [
        ("UPDATE attribution SET verdict = 'confirmed' WHERE seq = 11", Int64(11)),
        ("DELETE FROM attribution WHERE seq = 11", Int64(11)),
    ])
    func tamperingWithACheckIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try quoteLedger($0).0 }
    }

    /// Migration 11: an imported check (entry 12, a second quote's first) is credited to its publisher;
    /// the credit is part of the hashed payload and its row cannot be altered, added or removed unseen.
    func importedCheckLedger(_ dir: TemporaryDirectory) throws -> (Ledger, quote: String) {
        let (ledger, _, _) = try quoteLedger(dir)
        let source = try #require(try ledger.sources().first).source.source
        let quote = ClaimPayload(
            claimID: Identifiers.claimID(
                sourceID: source.sourceID, kind: "quote", start: 70, end: 90, text: "We will lose"),
            sourceID: source.sourceID, kind: .quote, text: "We will lose", speaker: "Jane Roe")
        try ledger.write { db in
            _ = try ledger.recordClaim(db, quote)
            try ledger.recordFirstAttribution(
                db, claimID: quote.claimID, .notSaid, evidence: "https://fc.example/r/1",
                reviewer: "tomas", publishedBy: "  Example Fact Check ")
        }
        return (ledger, quote.claimID)
    }

    @Test func anImportedCheckIsCreditedToItsPublisher() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote) = try importedCheckLedger(dir)
        let check = try #require(try ledger.history(claimID: quote).last)
        #expect(check.event == .attribution && check.publishedBy == "Example Fact Check" && check.reviewer == "tomas")
        #expect(check.credit == "Example Fact Check, imported by tomas")
        // A check made here carries no credit key: its bytes are as before migration 11.
        let own = try ledger.read { try String.fetchOne($0, sql: "SELECT payload FROM entry WHERE seq = 11") }
        #expect(own?.contains("published_by") == false)
        #expect(try Auditor(ledger: ledger).run().passed)
    }

    @Test(arguments: [
        ("UPDATE attribution_credit SET published_by = 'Someone Else' WHERE seq = 13", Int64(13)),
        ("DELETE FROM attribution_credit WHERE seq = 13", Int64(13)),
        ("INSERT INTO attribution_credit (seq, published_by) VALUES (11, 'Example Fact Check')", Int64(11)),
    ])
    func tamperingWithACreditIsCaught(sql: String, entry: Int64) throws {
        try expectCaught(sql, namingEntry: entry) { try importedCheckLedger($0).0 }
    }

    @Test func sqliteRefusesToChangeACheck() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote, claim) = try quoteLedger(dir)
        for sql in [
            "UPDATE attribution SET verdict = 'confirmed'", "DELETE FROM attribution",
            "INSERT INTO attribution (seq, claim_id, verdict, evidence, reviewer, replaces) VALUES (11, '\(quote)', 'confirmed', 'x', 'x', 11)",
            "INSERT INTO attribution (seq, claim_id, verdict, evidence, reviewer) VALUES (11, '\(claim)', 'confirmed', 'x', 'x')",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try ledger.write { try $0.execute(sql: sql) } }
        }
    }
}

/// Issue 31 item 4: a history entry says what changed in a type of its own, never a status field
/// that holds a field name or a detail that holds "value — reason".
@Suite("A claim's history, typed")
struct TypedHistoryTests {
    @Test func eachEntryCarriesItsOwnKindOfChange() throws {
        let dir = TemporaryDirectory()
        let (ledger, quote, _) = try AttributionTests().quoteLedger(dir)
        try ledger.addNote(claimID: quote, text: "ask the office", reviewer: "cy")
        try ledger.correct(claimID: quote, field: .speaker, value: "Jane Q. Roe", reason: "full name", reviewer: "cy")
        try ledger.correct(claimID: quote, field: .via, value: nil, reason: "not relayed", reviewer: "cy")
        let changes = try ledger.history(claimID: quote).map(\.change)
        #expect(
            changes == [
                .recorded,
                .decision(Verdict(.disputed, evidence: "polls")),
                .attribution(verdict: .misquoted, evidence: "https://transcript.example/1", note: "she said may"),
                .note("ask the office"),
                .correction(field: .speaker, value: "Jane Q. Roe", reason: "full name"),
                .correction(field: .via, value: nil, reason: "not relayed"),
            ])
        let source = try #require(try ledger.sources().first).source.source.sourceID
        try ledger.correctSource(
            sourceID: source, changes: [(.outlet, "Radio 4")], reason: "from the page", reviewer: "cy")
        #expect(
            try ledger.sourceHistory(sourceID: source).map(\.change).last
                == .sourceCorrection(field: .outlet, value: "Radio 4", reason: "from the page"))
    }
}
