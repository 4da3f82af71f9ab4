import ArgumentParser
import Foundation
import LedgerStore
import PostgresLedger
import Reports

/// Where the ledger is, shared by every command.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger file, or a PostgreSQL database (postgresql://USER@HOST/DB).",
            discussion:
                "Default: $CLAIMLEDGER_DB, else ./claimledger.sqlite. On PostgreSQL the database keeps the entry log and this machine a local copy of the rest ($CLAIMLEDGER_LOCAL_COPY, else under ~/.cache/claimledger), brought up to date by every command; every write goes to the database first.",
            valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CLAIMLEDGER_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "claimledger.sqlite"
    }

    /// Seconds a writer waits for another process: $CLAIMLEDGER_BUSY_TIMEOUT, default 30.
    /// A value that is not a number of seconds is refused rather than silently replaced.
    func busyTimeout() throws -> TimeInterval {
        try environmentSeconds("CLAIMLEDGER_BUSY_TIMEOUT", example: 30, allowingZero: true) ?? 30
    }

    /// Opens the ledger for a command that only reads: never waits for a writer, works in a read-only folder.
    func openForReading() throws -> Ledger {
        if let address = try postgres() { return try openLocalCopy(of: address, create: false, concurrentReads: false) }
        return try Ledger(path: path, create: false, busyTimeout: try busyTimeout(), readOnly: true)
    }

    /// Opens the ledger; `create` for the commands that write.
    func open(create: Bool, concurrentReads: Bool = false) throws -> Ledger {
        let timeout = try busyTimeout()
        // Reproducible runs (tests, golden files) may pin the clock: CLAIMLEDGER_NOW=2026-01-02T03:04:05Z.
        var fixedDate: Date?
        if let fixed = ProcessInfo.processInfo.environment["CLAIMLEDGER_NOW"], !fixed.isEmpty {
            fixedDate = try Self.pinnedClock(fixed, now: Date())
        }
        let ledger =
            try postgres().map { try openLocalCopy(of: $0, create: create, concurrentReads: concurrentReads) }
            ?? Ledger(path: path, create: create, busyTimeout: timeout, concurrentReads: concurrentReads)
        if let fixedDate { ledger.clock = { fixedDate } }
        var told = false
        ledger.onClockBehind = { last in
            if told { return }
            told = true
            note(
                "note: this machine's clock is earlier than the ledger's last entry (\(last)); the change is stamped \(last), since an entry is never back-dated. Check the clock."
            )
        }
        return ledger
    }
}

extension LedgerOptions {
    /// The PostgreSQL database `--db` names, or nil for an SQLite file.
    func postgres() throws -> PostgresAddress? {
        PostgresAddress.names(path) ? try PostgresAddress(path) : nil
    }

    /// The entry log alone, on either engine (audit of the chain, checkpoints): a PostgreSQL
    /// database, or the SQLite file opened for reading.
    func openEntryLog() throws -> any EntryChain {
        if let address = try postgres() { return try PostgresLedger(address: address, create: false) }
        return try openForReading()
    }

    /// A ledger on PostgreSQL: this machine's local copy of it (typed rows and derived data made
    /// from the database's entry log), brought up to date, every write appended to the database first.
    func openLocalCopy(of address: PostgresAddress, create: Bool, concurrentReads: Bool) throws -> Ledger {
        let log = try PostgresLedger(address: address, create: create)
        let path = address.localCopyPath()
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw LedgerError.refused(
                "The local copy of \(address.shown) cannot be kept at \(path) (\(error.localizedDescription)); name a file in a folder you can write with CLAIMLEDGER_LOCAL_COPY."
            )
        }
        let copy = try Ledger(
            path: path, create: true, busyTimeout: try busyTimeout(), concurrentReads: concurrentReads)
        try copy.follow(log, progress: catchUpProgress(total: try log.head().seq))
        return copy
    }

    /// On a terminal, how far a long catch-up of the local copy has come.
    private func catchUpProgress(total: Int64) -> (Int64) -> Void {
        let shown = isatty(STDERR_FILENO) == 1 && total > 10_000
        return { done in
            guard shown else { return }
            FileHandle.standardError.write(
                Data("\r\u{1B}[Kbringing the local copy up to date: \(done) of \(total) entries".utf8))
            if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    /// How far ahead of this machine's clock CLAIMLEDGER_NOW may be (entries are never back-dated,
    /// so a time ahead would stamp every later entry with it).
    static let clockTolerance: TimeInterval = 300

    /// The time CLAIMLEDGER_NOW pins, read strictly and never ahead of the system clock.
    static func pinnedClock(_ value: String, now: Date) throws -> Date {
        guard let date = LedgerTime.date(from: value) else {
            throw LedgerError.refused(
                "CLAIMLEDGER_NOW=\(VisibleText.visible(value)) is not a UTC time from 1970 on written as 2026-01-02T03:04:05Z (a real date, hours 00-23); fix or unset it. Nothing was done."
            )
        }
        guard date <= now + clockTolerance else {
            throw LedgerError.refused(
                "CLAIMLEDGER_NOW=\(value) is ahead of this machine's clock (\(LedgerTime.string(from: now))); entries are never back-dated, so every later entry would carry it. Pin a time in the past, or unset it. Nothing was done."
            )
        }
        return date
    }
}

/// A number of seconds from the environment variable `name`; nil when unset. A value that is not a
/// finite number of seconds (0 only when `allowingZero`) is refused rather than silently replaced.
func environmentSeconds(_ name: String, example: Int, allowingZero: Bool) throws -> Double? {
    guard let raw = ProcessInfo.processInfo.environment[name], !raw.isEmpty else { return nil }
    guard let seconds = Double(raw), seconds.isFinite, allowingZero ? seconds >= 0 : seconds > 0 else {
        throw LedgerError.refused(
            "\(name)=\(VisibleText.visible(raw)) is not a number of seconds\(allowingZero ? "" : " above 0"); set e.g. \(name)=\(example), or unset it for the default. Nothing was done."
        )
    }
    return seconds
}

/// $CLAIMLEDGER_ARTICLE_SECONDS when set: the time one article may take to analyse, for `ingest`
/// and for the desk's uploads (else each article gets the default for its size).
func articleSecondsOverride() throws -> Double? {
    try environmentSeconds("CLAIMLEDGER_ARTICLE_SECONDS", example: 120, allowingZero: false)
}

/// Who is making the change.
struct ReviewerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Your name, recorded with the change.", discussion: "Default: $CLAIMLEDGER_REVIEWER, else your login name.",
            valueName: "name"))
    var reviewer: String?

    /// Neither --reviewer nor CLAIMLEDGER_REVIEWER: the name is the login name.
    var isLoginName: Bool {
        reviewer == nil && (ProcessInfo.processInfo.environment["CLAIMLEDGER_REVIEWER"] ?? "").isEmpty
    }

    var name: String { reviewer ?? ReviewerOptions.defaultName }

    /// The name without --reviewer: $CLAIMLEDGER_REVIEWER, else the login name.
    static var defaultName: String {
        let env = ProcessInfo.processInfo.environment
        if let r = env["CLAIMLEDGER_REVIEWER"], !r.isEmpty { return r }
        return env["USER"] ?? env["LOGNAME"] ?? NSUserName()
    }
}

/// Output format of listings.
/// The output options of every listing (`list`, `log`), as sqlite-utils has one set: every format works everywhere.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (for people), json, ndjson or csv (for scripts).")
    var format: ListingFormat = .table
}

extension ListingFormat: ExpressibleByArgument {}

extension ClaimStatus: ExpressibleByArgument {}
extension ClaimKind: ExpressibleByArgument {}
extension ClaimOrder: ExpressibleByArgument {}
