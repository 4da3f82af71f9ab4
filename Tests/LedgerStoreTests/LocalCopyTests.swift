import Foundation
import LedgerAudit
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing
import TransparencyLog

/// A log of record kept in memory (the PostgreSQL one is tested in PostgresLedgerTests): appends
/// must follow its head, and it can be told to refuse the next one.
final class MemoryLog: LogOfRecord, @unchecked Sendable {
    var entries: [Entry]
    var refuseNextAppend = false
    private(set) var locked = false
    var name: String { "memory log" }

    init(_ entries: [Entry] = []) { self.entries = entries }

    convenience init(copying ledger: Ledger) throws {
        var all: [Entry] = []
        try ledger.forEachEntry(from: 1, { all.append($0) }, limit: .max)
        self.init(all)
    }

    /// How many times the head was asked for (each read of a copy asks once, but under `withOneCatchUp`).
    private(set) var headsAsked = 0

    func head() throws -> (seq: Int64, hash: String) {
        headsAsked += 1
        return entries.last.map { ($0.seq, $0.hash) } ?? (0, EntryEncoding.genesisHash)
    }

    func forEachEntry(from seq: Int64, _ body: (Entry) throws -> Void, limit: Int) throws {
        for entry in entries.dropFirst(Int(max(seq, 1) - 1)).prefix(limit) { try body(entry) }
    }

    var leafStream: Merkle.LeafStream {
        { [self] lo, hi, body in for entry in entries[lo..<hi] { try body(Ledger.leafHash(of: entry)) } }
    }

    func beginAppend() throws { locked = true }

    func finishAppend(_ new: [Entry]) throws {
        defer { locked = false }
        if refuseNextAppend {
            refuseNextAppend = false
            throw LedgerError.refused("the log of record refused the append")
        }
        var previous = try head()
        for entry in new {
            guard entry.seq == previous.seq + 1, entry.prevHash == previous.hash else {
                throw LedgerError.refused("entry \(entry.seq) does not follow the log's head")
            }
            previous = (entry.seq, entry.hash)
        }
        entries += new
    }

    func abandonAppend() { locked = false }
}

/// A server's local SQLite copy of a ledger whose entry log of record lives elsewhere (issue 32):
/// every entry applied with its typed rows and derived data, every write appended there first.
@Suite("A local copy of a log of record")
struct LocalCopyTests {
    @Test func everyKindOfEntryIsAppliedWithItsRowsAndDerivedData() throws {
        let dir = TemporaryDirectory()
        let original = try LedgerFixtures.everyKind(dir)
        let log = try MemoryLog(copying: original)
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        var told: [Int64] = []
        try copy.follow(log) { told.append($0) }
        #expect(told.last == (try original.head().seq))
        try expectReadsAsTheOriginal(copy, original, searchIndexContent: true)
    }

    @Test func whatOneCopyWritesTheOtherReads() throws {
        let dir = TemporaryDirectory()
        let log = try MemoryLog(copying: try LedgerFixtures.seeded(dir))
        let a = try Ledger(path: dir.file("a.sqlite"), create: true)
        let b = try Ledger(path: dir.file("b.sqlite"), create: true)
        try a.follow(log)
        try b.follow(log)
        let claim = try #require(try a.claims().first).claimID
        _ = try a.changeStatus(claimID: claim, to: .verified, evidence: "https://e.example", note: nil, reviewer: "ann")
        #expect(try b.claim(id: claim).status == .verified, "b applied a's decision before reading")
        try b.addNote(claimID: claim, text: "called the ministry", reviewer: "bob")
        #expect(try a.history(claimID: claim).count == (try b.history(claimID: claim).count))
        #expect(try a.head() == log.head() && b.head() == log.head())
        #expect(!log.locked, "the log's lock is given back")
    }

    /// A desk page reads many times: under `withOneCatchUp` the log is asked once, and a write
    /// inside it still applies what another copy appended meanwhile.
    @Test func oneCatchUpServesEveryReadOfARequest() throws {
        let dir = TemporaryDirectory()
        let log = try MemoryLog(copying: try LedgerFixtures.seeded(dir))
        let (a, b) = (
            try Ledger(path: dir.file("a.sqlite"), create: true), try Ledger(path: dir.file("b.sqlite"), create: true)
        )
        try a.follow(log)
        try b.follow(log)
        let claim = try #require(try a.claims().first).claimID
        var asked = log.headsAsked
        try a.withOneCatchUp {
            for _ in 0..<3 { _ = try a.claim(id: claim) }
            #expect(log.headsAsked == asked + 1, "one round trip for the request")
            _ = try b.changeStatus(
                claimID: claim, to: .verified, evidence: "https://e.example", note: nil, reviewer: "bob")
            #expect(try a.claim(id: claim).status == .unverified, "not asked again within the request")
            try a.addNote(claimID: claim, text: "after bob", reviewer: "ann")
            #expect(try a.claim(id: claim).status == .verified, "the write applied bob's decision first")
        }
        asked = log.headsAsked
        _ = try a.claim(id: claim)
        #expect(log.headsAsked == asked + 1, "outside a request, each read asks")
        #expect(try a.head() == log.head())
    }

    @Test func anAppendTheLogRefusesRecordsNothingAnywhere() throws {
        let dir = TemporaryDirectory()
        let log = try MemoryLog(copying: try LedgerFixtures.seeded(dir))
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        try copy.follow(log)
        let claim = try #require(try copy.claims().first).claimID
        let before = try log.head()
        log.refuseNextAppend = true
        #expect(throws: LedgerError.self) {
            _ = try copy.changeStatus(
                claimID: claim, to: .verified, evidence: "https://e.example", note: nil, reviewer: "ann")
        }
        #expect(try log.head() == before && copy.head() == before)
        #expect(try copy.claim(id: claim).status == .unverified)
        #expect(!log.locked)
    }

    @Test func aDamagedLogEntryIsRefusedAndNothingOfItsBatchApplied() throws {
        let dir = TemporaryDirectory()
        let log = try MemoryLog(copying: try LedgerFixtures.seeded(dir))
        log.entries[4].payload = log.entries[4].payload.replacingOccurrences(of: "a", with: "e")
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        #expect(throws: LedgerError.self) { try copy.follow(log) }
        #expect(try copy.head().seq == 0)
    }

    @Test func aCopyOfAnotherLedgerIsRefused() throws {
        let dir = TemporaryDirectory()
        let log = try MemoryLog(copying: try LedgerFixtures.seeded(dir))
        let other = try Ledger(path: dir.file("other.sqlite"), create: true)  // a ledger of its own
        _ = try other.addReviewer("bob", addedBy: "desk")
        let before = try other.head()
        #expect(throws: LedgerError.self) { try other.follow(log) }
        #expect(try other.head() == before && other.logOfRecord == nil)
    }
}
