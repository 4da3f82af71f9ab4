import ArgumentParser
import Foundation
import LedgerStore
import Reports

/// Where the ledger is, shared by every command.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger file.", discussion: "Default: $CLAIMLEDGER_DB, else ./claimledger.sqlite.", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CLAIMLEDGER_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "claimledger.sqlite"
    }

    /// Seconds a writer waits for another process: $CLAIMLEDGER_BUSY_TIMEOUT, default 30.
    var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["CLAIMLEDGER_BUSY_TIMEOUT"].flatMap(TimeInterval.init) ?? 30
    }

    /// Opens the ledger; `create` for the commands that write.
    func open(create: Bool) throws -> Ledger {
        let ledger = try Ledger(path: path, create: create, busyTimeout: busyTimeout)
        // Reproducible runs (tests, golden files) may pin the clock: CLAIMLEDGER_NOW=2026-01-02T03:04:05Z.
        if let fixed = ProcessInfo.processInfo.environment["CLAIMLEDGER_NOW"],
           let date = ISO8601DateFormatter().date(from: fixed) {
            ledger.clock = { date }
        }
        return ledger
    }
}

/// Who is making the change.
struct ReviewerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Your name, recorded with the change.", discussion: "Default: $CLAIMLEDGER_REVIEWER, else your login name.", valueName: "name"))
    var reviewer: String?

    var name: String {
        if let reviewer { return reviewer }
        let env = ProcessInfo.processInfo.environment
        if let r = env["CLAIMLEDGER_REVIEWER"], !r.isEmpty { return r }
        return env["USER"] ?? env["LOGNAME"] ?? NSUserName()
    }
}

/// Output format of listings.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (for people), json, ndjson or csv (for scripts).")
    var format: ListingFormat = .table
}

extension ListingFormat: ExpressibleByArgument {}

extension ClaimStatus: ExpressibleByArgument {}
