import ArgumentParser
import LedgerAudit
import LedgerStore
import PostgresLedger
import Reports
import TransparencyLog

extension ClaimLedgerCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the whole hash chain and check every invariant of the ledger.",
            discussion: """
                Checks the schema against the one this binary carries (tables, triggers, views), the numbering \
                of entries, every link and hash, and that the tables derived from entries agree with them. \
                Exits 0 and prints the entry count and head hash when all is well; exits 1 naming the first bad \
                entry and what is wrong with it otherwise.
                """)

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "Output format: table or json.") var format: AuditFormat = .table
        @Option(
            name: .customLong("checkpoint"), parsing: .upToNextOption,
            help: "Saved checkpoint files to check the ledger against (catches rewrites, rollbacks, lost -wal files).")
        var checkpoints: [String] = []
        @Option(
            help: ArgumentHelp(
                "Verifier key (text or file) that must have signed every checkpoint.",
                discussion:
                    "Without it, the keys the ledger trusts (`claimledger keys trust`) are used; with neither, signatures are not checked and the result says so."
            ))
        var key: String?
        @Option(
            help: "Folder of tiles saved with the checkpoints (`checkpoint --tiles`): names the first rewritten entry.")
        var tiles: String?
        @Flag(
            help: ArgumentHelp(
                "Write the search index, the review queue and the stored matches anew from the claims first (derived data, outside the hash chain), then audit.",
                discussion:
                    "For an index, queue or matches the audit found damaged, or to store the matches of claims recorded before the ledger stored them; every claim is searched again (about a minute per 10,000 claims). The entries are not touched."
            ))
        var rebuildIndex = false
        @Flag(
            help: ArgumentHelp(
                "Also recompute every row of the search index and of the review queue from the claims, check FTS5's inverted index against them, and each stored match's words in common.",
                discussion:
                    "Every audit checks that the index and the queue have one row per claim and the queue each decided claim's status; this proves all their content too (seconds per 100,000 claims)."
            ))
        var searchIndex = false

        enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        /// How the checkpoints' signatures were checked, for the line that says they hold.
        static func signatureWords(_ signatures: SignatureCheck, checkpoints: Int) -> String {
            guard checkpoints > 0 else { return "" }
            switch signatures.origin {
            case .given: return ""
            case .trustedByLedger: return " (signed by \(signatures.expected))"
            case .none: return " (signatures not checked: no --key, and the ledger trusts no key)"
            }
        }

        func run() throws {
            try runReportingErrors {
                if let address = try ledger.postgres() { return try auditPostgres(address) }
                if rebuildIndex {
                    try ledger.open(create: false).rebuildDerivedTables()
                    note("The search index, the review queue and the stored matches were written anew from the claims.")
                }
                try show(try ledger.openForReading().auditAll(try request()))
            }
        }

        /// What the options ask the audit to check beyond the ledger itself, on either engine.
        func request() throws -> AuditRequest {
            AuditRequest(
                checkpoints: try readCheckpoints(checkpoints), verifier: try key.map { try loadVerifier($0) },
                readTile: tiles.map { TileDirectory($0).read }, searchIndexContent: searchIndex)
        }

        /// Prints the outcome in the format asked for; exits 1 when the ledger failed.
        func show(_ outcome: AuditOutcome, scope: String = "") throws {
            let (report, passed) = (outcome.report, outcome.passed)
            for text in report.notes { note("note: \(text)") }
            switch format {
            case .json:
                out(
                    CommandOutput.audit(
                        report, passed: passed, checkpointProblems: outcome.checkpointProblems,
                        signaturesChecked: checkpoints.isEmpty ? nil : outcome.signatures.checksSignatures))
            case .table:
                if let problem = report.problem {
                    note("audit FAILED: \(problem)")
                } else if !outcome.checkpointProblems.isEmpty {
                    for problem in outcome.checkpointProblems { note("audit FAILED: \(problem)") }
                } else {
                    out(
                        "audit passed: \(report.entryCount) entries, head \(report.headHash)"
                            + (checkpoints.isEmpty
                                ? ""
                                : "; consistent with \(checkpoints.count) checkpoint\(checkpoints.count == 1 ? "" : "s")")
                            + Audit.signatureWords(outcome.signatures, checkpoints: checkpoints.count) + scope + "\n")
                }
            }
            if !passed { throw ExitCode(1) }
        }

        /// A ledger on PostgreSQL: first the database, which is the record (its entry log: numbering,
        /// links, hashes, times, the checkpoints given; and its typed rows against the entries); then
        /// this machine's local copy, brought up to date, as an SQLite ledger is audited (typed rows
        /// against entries, derived data, checkpoints signed by the keys the ledger trusts, tiles).
        /// Both must pass.
        func auditPostgres(_ address: PostgresAddress) throws {
            let copy = try ledger.open(create: false)
            if rebuildIndex {
                try copy.rebuildDerivedTables()
                note(
                    "The search index, the review queue and the stored matches of this machine's copy were written anew."
                )
            }
            let request = try request()
            let onLog = try PostgresLedger(address: address, create: false).audit(request)
            guard onLog.passed else { return try show(onLog, scope: " (the entry log on PostgreSQL)") }
            try show(try copy.auditAll(request), scope: " (the entry log on PostgreSQL and this machine's copy)")
        }
    }
}
