import Foundation
import TestSupport
import Testing

/// Issue 29: `assign ID… --to NAME`, `unassign`, and `list --assigned-to`, end to end on the binary.
@Suite("End to end: assignments", .serialized)
struct AssignmentCLITests {
    func ids(_ cli: CLI) throws -> [String] {
        (try cli.json("list", "--format", "json") as! [[String: Any]]).map { $0["id"] as! String }
    }

    func listed(_ cli: CLI, _ who: String, env: [String: String] = [:]) throws -> [String] {
        let out = try cli.run("list", "--assigned-to", who, "--format", "json", env: env).stdout
        return (try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]).map { $0["id"] as! String }
    }

    @Test func claimsAreGivenTakenListedAndGivenBack() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", AttributionCLITests.article)).status == 0)
        let all = try ids(cli)
        #expect(all.count >= 2)
        let given = try cli.run("assign", all[0], all[1], "--to", "maria", "--reviewer", "tomas")
        #expect(given.status == 0 && given.stdout.contains("\(all[0])  assigned to maria (entry"), "\(given.stderr)")
        let again = try cli.run("assign", all[0], "--to", "maria", "--reviewer", "tomas")
        #expect(again.status == 0 && again.stdout.contains("already with maria: nothing recorded"))
        #expect(Set(try listed(cli, "maria")) == Set(all.prefix(2)))
        #expect(Set(try listed(cli, "me", env: ["CLAIMLEDGER_REVIEWER": "maria"])) == Set(all.prefix(2)))
        #expect(Set(try listed(cli, "nobody")) == Set(all.dropFirst(2)))
        // A script that saw nobody on it is refused: maria took it meanwhile.
        let late = try cli.run("assign", all[0], "--to", "me", "--expect", "nobody", "--reviewer", "ann")
        #expect(late.status == 4 && late.stderr.contains("is now with maria"), "\(late.stderr)")
        let back = try cli.run("unassign", all[0], "--expect", "maria", "--reviewer", "maria")
        #expect(back.status == 0 && back.stdout.contains("given back: nobody is on it"))
        let show = try cli.run("show", all[1]).stdout
        #expect(show.contains("on it") && show.contains("maria  (assigned by tomas at"))
        #expect(show.contains("assigned to maria  — tomas"), "the history says who gave it")
        let first = try cli.run("show", all[0], "--format", "json").stdout
        #expect(first.contains("\"assigned_to\": null") && first.contains("\"event\": \"assignment\""))
        #expect(try cli.run("log").stdout.contains("given back by maria"))
        #expect(try cli.run("audit").status == 0)
        #expect(try cli.run("assign", "--to", "maria").status == 64, "no ID is a usage error")
    }

    @Test func aDeskLedgerGivesClaimsOnlyToItsReviewers() throws {
        let cli = CLI()
        #expect(try cli.run("ingest", cli.dir.write("a.txt", AttributionCLITests.article)).status == 0)
        #expect(try cli.run("reviewer", "add", "maria").status == 0)
        let claim = try ids(cli)[0]
        let stranger = try cli.run("assign", claim, "--to", "zed")
        #expect(stranger.status == 4 && stranger.stderr.contains("No reviewer \"zed\" in this ledger (\"maria\")"))
        #expect(try listed(cli, "nobody").contains(claim))
    }
}
