import Foundation
import LedgerAudit
import LedgerStore
import ReviewerAccess
import TestSupport
import Testing

/// A ledger made again from another ledger's entry log (what `copy --from postgresql://… --to
/// FILE` does, here from an SQLite ledger, so it runs without a server): every kind of entry's typed
/// rows made from its payload, the derived data written anew.
@Suite("A ledger made again from an entry log")
struct ReplayTests {
    @Test func everyKindOfEntryIsMadeAgainFromItsPayload() throws {
        let dir = TemporaryDirectory()
        let original = try LedgerFixtures.everyKind(dir)
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        var told: [Int64] = []
        let head = try copy.copyLedger(from: original) { told.append($0) }
        #expect(head.seq == (try original.head().seq) && told.last == head.seq)
        try expectReadsAsTheOriginal(copy, original)
        #expect(try copy.reviewers() == original.reviewers())
        let claim = try #require(try original.claims().first)
        let similarHere = try original.similar(toClaim: claim.claimID).map(\.claim.claimID)
        #expect(
            try copy.similar(toClaim: claim.claimID).map(\.claim.claimID) == similarHere, "search works on the copy")
    }

    /// `claimledger copy` from one file to another, on the built binary.
    @Test func theCopyCommandMakesALedgerAgainFromItsEntries() throws {
        let dir = TemporaryDirectory()
        let original = try LedgerFixtures.seeded(dir)
        let copied = try ClaimLedgerBinary.run(["copy", "--from", original.path, "--to", dir.file("copy.sqlite")])
        let head = try original.head()
        #expect(copied.status == 0 && copied.stdout.contains("holds \(head.seq) entries, head \(head.hash)"))
        let audit = try ClaimLedgerBinary.run(["audit", "--db", dir.file("copy.sqlite")])
        #expect(audit.status == 0 && audit.stdout.contains(head.hash))
        let again = try ClaimLedgerBinary.run(["copy", "--from", original.path, "--to", original.path])
        #expect(again.status == 4, "the same ledger as source and destination is refused")
    }

    @Test func aDamagedSourceStopsTheCopyWhereItIs() throws {
        let dir = TemporaryDirectory()
        let original = try LedgerFixtures.seeded(dir)
        try tamper(original.path, "UPDATE entry SET payload = replace(payload, 'a', 'e') WHERE seq = 5")
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        #expect(throws: LedgerError.self) {
            try copy.replay(from: try Ledger(path: original.path, create: false), batch: 2)
        }
        #expect(try copy.head().seq == 4, "the entries before the damaged one, in whole batches")
    }
}

/// A ledger made from another's entries reads as the original: its full audit passes with the
/// same head (with `searchIndexContent`, the index's content too), and `list` and `sources` print
/// the same.
func expectReadsAsTheOriginal(_ copy: Ledger, _ original: Ledger, searchIndexContent: Bool = false) throws {
    var auditor = Auditor(ledger: copy)
    auditor.searchIndexContent = searchIndexContent
    let audit = try auditor.run()
    #expect(audit.passed, "\(String(describing: audit.problem))")
    #expect(audit.headHash == (try original.head().hash))
    for command in [["list", "--format", "json", "--include-dismissed"], ["sources", "--format", "json"]] {
        let a = try ClaimLedgerBinary.run(command + ["--db", original.path])
        let b = try ClaimLedgerBinary.run(command + ["--db", copy.path])
        #expect(a.status == 0 && a.stdout == b.stdout, "\(command[0]) reads the same on the copy")
    }
}
