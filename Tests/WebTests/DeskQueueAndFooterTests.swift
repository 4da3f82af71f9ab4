import Foundation
import LedgerAudit
import LedgerStore
import TestSupport
import Testing
import TransparencyLog
import WebReview

/// The queue's keyed pages, the footer's checkpoint line, the server's own timing, and the refusal
/// to listen on a network with nobody to sign in.
@Suite("Web desk: queue pages, footer, serving")
struct DeskQueueAndFooterTests {
    /// 60 more claims in one source (scores 0.00–0.59): with the samples' 46, three pages of 50.
    static func addClaims(_ ledger: Ledger, count: Int) throws {
        let text = "A source with many claims for the queue's pages."
        let source = SourcePayload(
            sourceID: Identifiers.sourceID(text: text), sha256: nil, title: "Many claims", outlet: nil,
            author: nil, published: nil, url: nil, text: text)
        try ledger.write { db in
            try ledger.recordSource(db, source)
            for n in 0..<count {
                let body = "Figure number \(n) rose."
                try ledger.recordClaim(
                    db,
                    ClaimPayload(
                        claimID: Identifiers.claimID(
                            sourceID: source.sourceID, kind: "claim", start: nil, end: nil, text: body),
                        sourceID: source.sourceID, kind: .claim, text: body, score: Double(n) / 100))
            }
        }
    }

    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: "<tr><td><a href=\"/c/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func link(_ rel: String, in html: String) -> String? {
        guard let end = html.range(of: "\" rel=\"\(rel)\">") else { return nil }
        let start = html[..<end.lowerBound].range(of: "<a href=\"", options: .backwards)!
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theQueueIsPagedByKeysForwardAndBack() async throws {
        let fixture = try DeskFixture()
        let seeded = try fixture.ledger.claims(ClaimFilter(status: .unverified)).count
        try Self.addClaims(fixture.ledger, count: 60)
        let expected = try fixture.ledger.claims(ClaimFilter(status: .unverified, order: .score)).map(\.shortID)
        #expect(expected.count == seeded + 60 && expected.count > 100 && expected.count <= 150)
        try await fixture.run { web, _ in
            _ = try await web.signIn(fixture.token)
            let first = try await web.get("/")
            #expect(Self.ids(first.body) == Array(expected[0..<50]))
            #expect(Self.link("prev", in: first.body) == nil)
            let second = try await web.get(try #require(Self.link("next", in: first.body)))
            #expect(Self.ids(second.body) == Array(expected[50..<100]))
            let third = try await web.get(try #require(Self.link("next", in: second.body)))
            #expect(Self.ids(third.body) == Array(expected[100...]))
            #expect(Self.link("next", in: third.body) == nil)
            let back = try await web.get(try #require(Self.link("prev", in: third.body)))
            #expect(Self.ids(back.body) == Self.ids(second.body))
            // Counts come from the tally: the same as counting.
            #expect(first.body.contains("unverified</span> \(expected.count)"), "\(first.body.prefix(600))")
            #expect(first.headers[.init("Server-Timing")!]?.hasPrefix("desk;dur=") == true)
            // A cursor on no claim (a link edited by hand) reads the first page.
            #expect(Self.ids(try await web.get("/?after=999999").body) == Array(expected[0..<50]))
        }
    }

    /// `serve --checkpoint FILE --key KEY`: the footer shows the latest checkpoint and whether the
    /// ledger holds it, checked at every audit; a key that did not sign it makes it FAILED.
    @Test func theFooterShowsTheCheckpointAndWhetherTheLedgerHoldsIt() async throws {
        let fixture = try DeskFixture()
        let key = fixture.dir.file("desk.key")
        let made = try ClaimLedgerBinary.run(["keygen", "--name", "desk.example/ledger", "-o", key])
        #expect(made.status == 0, "\(made.stderr)")
        let verifier = try NoteVerifier(
            text: made.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("desk.example/ledger+") }.map(
                String.init) ?? "")
        let note = try ClaimLedgerBinary.run(
            ["checkpoint", "--db", fixture.db, "--key", key], environment: fixture.environment)
        let saved = [CheckpointAudit.Saved(name: "monday.txt", note: try SignedNote.parse(note.stdout))]
        let size = try fixture.ledger.head().seq
        try await fixture.run(checkpoints: saved, verifier: verifier) { web, desk in
            _ = try await web.signIn(fixture.token)
            #expect(try await web.get("/").body.contains("checkpoint: not checked yet"))
            _ = try await web.post("/audit", [])
            #expect(try await web.get("/").body.contains("checkpoint: monday.txt: \(size) entries"))
            #expect(try await web.get("/").body.contains("signed by desk.example/ledger; the ledger holds it"))
        }
        let other = try ClaimLedgerBinary.run(["keygen", "--name", "someone.else", "-o", fixture.dir.file("other.key")])
        let wrongKey = try NoteVerifier(
            text: other.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("someone.else+") }.map(
                String.init) ?? "")
        try await fixture.run(checkpoints: saved, verifier: wrongKey) { web, _ in
            _ = try await web.signIn(fixture.token)
            _ = try await web.get("/")
            #expect(try await web.post("/audit", []).status == 303)
            let page = try await web.get("/").body
            let footer = page.range(of: "<footer>").map { String(page[$0.lowerBound...]) } ?? ""
            #expect(
                footer.contains("not signed by someone.else; FAILED: monday.txt is not signed by key someone.else"),
                "\(footer)")
        }
    }

    @Test func anotherAddressIsRefusedWhileNobodyCanSignIn() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("empty.sqlite")
        let refused = try ClaimLedgerBinary.run(["serve", "--db", db, "--host", "0.0.0.0", "--port", "0"])
        #expect(refused.status == 4)
        #expect(
            refused.stderr.contains("Refusing to listen on 0.0.0.0 while the ledger has no reviewer"),
            "\(refused.stderr)")
        let badCheckpoint = dir.file("not-a-checkpoint.txt")
        try "hello\n".write(toFile: badCheckpoint, atomically: true, encoding: .utf8)
        let unreadable = try ClaimLedgerBinary.run(["serve", "--db", db, "--checkpoint", badCheckpoint, "--port", "0"])
        #expect(unreadable.status != 0 && unreadable.stderr.contains("is not a checkpoint"), "\(unreadable.stderr)")
    }

    /// The CLI and the desk write the same ledger at the same moment: 10 decisions over HTTP and 10
    /// `claimledger verify` processes at once, every one recorded once, under its own reviewer.
    @Test func theCLIAndTheDeskWriteTheSameLedgerAtOnce() async throws {
        let fixture = try DeskFixture()
        let claims = try fixture.ledger.claims(ClaimFilter(status: .unverified, order: .score))
        #expect(claims.count >= 20)
        let web = Array(claims[0..<10])
        let cli = Array(claims[10..<20])
        let (db, environment) = (fixture.db, fixture.environment)
        try await fixture.run { client, _ in
            _ = try await client.signIn(fixture.token)
            _ = try await client.get("/")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in cli {
                    group.addTask {
                        let r = try ClaimLedgerBinary.run(
                            [
                                "verify", c.shortID, "--evidence", "https://cli.example", "--reviewer", "bob", "--db",
                                db,
                            ], environment: environment)
                        #expect(r.status == 0, "\(r.stderr)")
                    }
                }
                for c in web {
                    let done = try await client.post(
                        "/c/\(c.shortID)/decide",
                        [("record", "1"), ("status", "verified"), ("evidence", "https://web.example")])
                    #expect(done.status == 303, "\(done.body)")
                }
                try await group.waitForAll()
            }
        }
        let decided = try fixture.ledger.claims(ClaimFilter(status: .verified))
        #expect(Set(decided.map(\.shortID)) == Set((web + cli).map(\.shortID)))
        #expect(
            decided.filter { $0.reviewer == "ann" }.count == 10 && decided.filter { $0.reviewer == "bob" }.count == 10)
        #expect(try fixture.ledger.statusTally()[.verified] == 20)
        #expect(try Auditor(ledger: fixture.ledger).run().passed)
    }
}
