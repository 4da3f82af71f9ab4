import Foundation
import LedgerStore
import ReviewerAccess
import TransparencyLog

/// Ledgers the tests of several modules share, made as a user would: the sample articles
/// ingested by the built binary, then decisions and records through the library.
public enum LedgerFixtures {
    /// An SQLite ledger in `dir` with the two sample articles and the reviewer "ann".
    public static func seeded(_ dir: TemporaryDirectory, name: String = "ledger.sqlite") throws -> Ledger {
        let path = dir.file(name)
        for seed in ["000_ef25d13846437f12.txt", "004_8460d107cbcf0280.txt"] {
            let file = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds/\(seed)").path
            let result = try ClaimLedgerBinary.run(["ingest", file, "--db", path])
            guard result.status == 0 else { throw FixtureError(message: result.stderr) }
        }
        let ledger = try Ledger(path: path, create: false)
        _ = try ledger.addReviewer("ann", addedBy: "desk")
        return ledger
    }

    /// The seeded ledger, then the README's published fact-checks imported and one entry of every
    /// other kind (`EntryKind.allCases` are all in it).
    public static func everyKind(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try seeded(dir)
        let factchecks = ClaimLedgerBinary.packageRoot.appendingPathComponent("docs/examples/factchecks.json").path
        let imported = try ClaimLedgerBinary.run(["import", factchecks, "--db", ledger.path])
        guard imported.status == 0 else { throw FixtureError(message: imported.stderr) }
        let claims = try ledger.claims()
        guard let quote = claims.first(where: { $0.kind == .quote })?.claimID,
            let claim = claims.first(where: { $0.kind == .claim })
        else { throw FixtureError(message: "the seeds have no quote or no claim") }
        try ledger.defineRating("Mostly true", means: .verified, value: 4, reviewer: "ann")
        _ = try ledger.changeStatus(
            claimID: claim.claimID, to: .verified, evidence: "https://e.example", note: "n", reviewer: "ann")
        try ledger.addNote(claimID: quote, text: "called the ministry", reviewer: "ann")
        try ledger.correct(claimID: quote, field: .speaker, value: "Someone Else", reason: "typo", reviewer: "ann")
        _ = try ledger.correctSource(
            sourceID: claim.sourceID, changes: [(.title, "A title")], reason: "r", reviewer: "ann")
        try ledger.checkAttribution(claimID: quote, .confirmed, evidence: "the tape", reviewer: "ann")
        _ = try ledger.assign(claimIDs: [claim.claimID], to: "ann", reviewer: "ann")
        try ledger.setPublisher(
            try Publisher.payload(
                name: "Desk", url: "https://desk.example", logo: nil, reviewURL: "https://desk.example/c/{id}",
                setBy: "ann"))
        try ledger.trustKey(try NoteSigner(name: "desk.example/ledger").verifier, trustedBy: "ann")
        _ = try ledger.addReviewer("bob", addedBy: "ann")
        try ledger.revokeReviewer("bob", revokedBy: "ann")
        return ledger
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
