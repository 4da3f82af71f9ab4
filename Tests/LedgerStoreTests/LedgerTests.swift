import Foundation
import GRDB
import LedgerStore
import TestSupport
import Testing

/// A source with text, as `ingest` would record it.
func sampleSource(_ text: String = "Hello.", title: String = "Example") -> SourcePayload {
    let id = Identifiers.sourceID(text: text)
    return SourcePayload(
        sourceID: id, sha256: hexSHA256(text), title: title, outlet: nil, author: nil,
        published: nil, url: nil, text: text)
}

func sampleClaim(_ source: SourcePayload, _ text: String, kind: ClaimKind = .claim) -> ClaimPayload {
    ClaimPayload(
        claimID: Identifiers.claimID(sourceID: source.sourceID, kind: kind.rawValue, start: 0, end: 6, text: text),
        sourceID: source.sourceID, kind: kind, text: text, speaker: "Jane Doe", start: 0, end: 6)
}

@Suite("Ledger: append, status, views")
struct LedgerTests {
    /// A write raises the page cache and keeps it for the next write; a read on the same connection
    /// gets the small one back (reads keep their small, constant memory).
    @Test func theWriteCacheStaysForWritesAndGoesBeforeARead() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let cache = { (db: Database) in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        let first = try ledger.write { db in
            _ = try ledger.recordSource(db, sampleSource())
            return try cache(db)
        }
        let second = try ledger.write { db in try cache(db) }
        let reading = try ledger.read { db in try cache(db) }
        #expect(first == -65_536 && second == -65_536)
        #expect(reading == -2_000)
        #expect(try ledger.write { db in try cache(db) } == -65_536)
    }

    @Test func canonicalEncodingMatchesWorkedExample() throws {
        // docs/LEDGER-FORMAT.md, "Worked example".
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let entry = try ledger.write { db -> Entry in
            guard case .appended(let entry) = try ledger.recordSource(db, sampleSource()) else {
                throw LedgerError.refused("not appended")
            }
            return entry
        }
        #expect(
            entry.payload
                == #"{"sha256":"2d8bd7d9bb5f85ba643f0110d50cb506a1fe439e769a22503193ea6046bb87f7","source_id":"2d8bd7d9bb5f85ba643f0110d50cb506a1fe439e769a22503193ea6046bb87f7","text":"Hello.","title":"Example"}"#
        )
        #expect(entry.recordedAt == "2026-01-01T00:00:00Z")
        #expect(entry.prevHash == String(repeating: "0", count: 64))
        let bytes = EntryEncoding.canonicalBytes(
            seq: 1, kind: entry.kind, recordedAt: entry.recordedAt,
            prevHash: entry.prevHash, payload: entry.payload)
        #expect(bytes.count == 315)
        #expect(Array(bytes.prefix(21)) == Array("CLAIMLEDGER-ENTRY-V1\n".utf8))
        #expect(entry.hash == "213e61c52e0577935bfe0a4667abb7b7e7194309dabc89d2e764b4d6e6e89e4e")
    }

    @Test func appendsChainEachEntryToTheHead() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, sampleClaim(source, "Hello."))
        }
        var entries: [Entry] = []
        try ledger.forEachEntry { entries.append($0) }
        #expect(entries.map(\.seq) == [1, 2])
        #expect(entries[1].prevHash == entries[0].hash)
        #expect(entries.allSatisfy { EntryEncoding.hash(of: $0) == $0.hash })
        #expect(try ledger.head().seq == 2)
    }

    @Test func recordingTheSameSourceTwiceRecordsNothing() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let first = try ledger.write { try ledger.recordSource($0, sampleSource()) }
        let second = try ledger.write { try ledger.recordSource($0, sampleSource(title: "Other title")) }
        if case .appended = first {} else { Issue.record("first should append") }
        #expect(second == .alreadyRecorded)
        #expect(try ledger.head().seq == 1)
    }

    @Test func statusIsTheLatestDecision() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        let claim = sampleClaim(source, "Hello.")
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, claim)
        }
        #expect(try ledger.claim(id: claim.claimID).status == .unverified)
        try ledger.changeStatus(
            claimID: claim.claimID, to: .verified, evidence: "https://a.example", note: nil, reviewer: "ann")
        #expect(try ledger.claim(id: claim.claimID).status == .verified)
        try ledger.changeStatus(
            claimID: claim.claimID, to: .disputed, evidence: "https://b.example", note: "new data", reviewer: "bob")
        let current = try ledger.claim(id: claim.claimID)
        #expect(current.status == .disputed)
        #expect(current.evidence == "https://b.example")
        #expect(current.reviewer == "bob")
        let history = try ledger.history(claimID: claim.claimID)
        #expect(history.map(\.event) == [.recorded, .status, .status])
        #expect(history[2].note == "new data")
    }

    @Test func aDecisionWithoutEvidenceIsRefusedAndWritesNothing() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        let claim = sampleClaim(source, "Hello.")
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, claim)
        }
        #expect(throws: LedgerError.self) {
            try ledger.changeStatus(claimID: claim.claimID, to: .verified, evidence: "  ", note: nil, reviewer: "ann")
        }
        #expect(try ledger.head().seq == 2)
    }

    @Test func aBrokenLedgerRuleIsARefusalNotARawSQLiteError() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        try ledger.write { db in try ledger.recordSource(db, sampleSource()) }
        do {
            try ledger.write { db in try db.execute(sql: "UPDATE entry SET kind = 'claim_recorded' WHERE seq = 1") }
            Issue.record("an update of an entry must be refused")
        } catch let error as LedgerError {
            guard case .refused(let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(error.exitCode == 4 && message.contains("nothing was written"))
        }
        #expect(try ledger.head().seq == 1)
    }

    @Test func viewsAnswerPlainSQL() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        let a = sampleClaim(source, "Hello.")
        let b = ClaimPayload(
            claimID: "b" + String(repeating: "0", count: 63), sourceID: source.sourceID, kind: .quote, text: "Hi")
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, a)
            try ledger.recordClaim(db, b)
        }
        try ledger.changeStatus(claimID: a.claimID, to: .verified, evidence: "e", note: nil, reviewer: "ann")
        try ledger.correct(
            claimID: b.claimID, field: .speaker, value: "Vladimir Putin", reason: "pronoun", reviewer: "ann")
        let (unverified, speaker, summary) = try ledger.read { db in
            (
                try String.fetchAll(db, sql: "SELECT claim_id FROM unverified_claims"),
                try String.fetchOne(
                    db, sql: "SELECT speaker FROM claims_current WHERE claim_id = ?", arguments: [b.claimID]),
                try Row.fetchOne(db, sql: "SELECT claims, unverified, verified FROM sources_summary")
            )
        }
        #expect(unverified == [b.claimID])
        #expect(speaker == "Vladimir Putin")
        #expect(summary?[0] == 2 && summary?[1] == 1 && summary?[2] == 1)
        #expect(try ledger.claims(ClaimFilter(status: .verified)).map(\.claimID) == [a.claimID])
        #expect(try ledger.claims(ClaimFilter(kind: .quote)).map(\.claimID) == [b.claimID])
        #expect(try ledger.claims(ClaimFilter(search: "HELLO")).map(\.claimID) == [a.claimID])
        #expect(try ledger.claims(ClaimFilter(speaker: "putin")).map(\.claimID) == [b.claimID])
    }

    @Test func idPrefixesResolveOrListCandidates() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeTemporaryLedger(in: dir)
        let source = sampleSource()
        let one = ClaimPayload(
            claimID: "abc111" + String(repeating: "0", count: 58), sourceID: source.sourceID, kind: .claim, text: "One")
        let two = ClaimPayload(
            claimID: "abc222" + String(repeating: "0", count: 58), sourceID: source.sourceID, kind: .claim, text: "Two")
        try ledger.write { db in
            try ledger.recordSource(db, source)
            try ledger.recordClaim(db, one)
            try ledger.recordClaim(db, two)
        }
        #expect(try ledger.resolveClaimID("c-abc1") == one.claimID)
        #expect(try ledger.resolveClaimID("ABC2") == two.claimID)
        #expect(throws: LedgerError.ambiguousID("c-abc", candidates: ["c-abc11100", "c-abc22200"])) {
            try ledger.resolveClaimID("c-abc")
        }
        #expect(throws: LedgerError.unknownID("c-fff")) { try ledger.resolveClaimID("c-fff") }
        #expect(throws: LedgerError.unknownID("c-x' OR 1=1 --")) { try ledger.resolveClaimID("c-x' OR 1=1 --") }
        #expect(try ledger.claim(id: one.claimID).shortID == "c-abc111")
    }

    @Test func refusesAFileThatIsNotALedger() throws {
        let dir = TemporaryDirectory()
        let text = dir.write("notes.txt", "just some notes")
        #expect(throws: LedgerError.notALedger(path: text)) { try Ledger(path: text, create: true) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "just some notes")
        // Another SQLite database is not ours either.
        let other = dir.file("other.sqlite")
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(throws: LedgerError.notALedger(path: other)) { try Ledger(path: other, create: true) }
        #expect(throws: LedgerError.missingLedger(path: dir.file("missing.sqlite"))) {
            try Ledger(path: dir.file("missing.sqlite"), create: false)
        }
    }
}
