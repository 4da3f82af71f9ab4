import ArgumentParser
import LedgerStore
import Reports

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

        enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: false)
                let report = try Auditor(ledger: l).run()
                switch format {
                case .json:
                    out(StableJSON.string([
                        "ok": report.passed, "entries": report.entryCount, "head": report.headHash,
                        "problem": StableJSON.value(report.problem?.message),
                        "entry": StableJSON.value(report.problem?.seq),
                    ]) + "\n")
                case .table:
                    if let problem = report.problem {
                        note("audit FAILED: \(problem)")
                    } else {
                        out("audit passed: \(report.entryCount) entries, head \(report.headHash)\n")
                    }
                }
                if !report.passed { throw ExitCode(1) }
            }
        }
    }
}
