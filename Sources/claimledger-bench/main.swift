import ArticleIngest
import ClaimExtraction
import Crypto
import Foundation
import LedgerAudit
import LedgerStore

// claimledger-bench: figures for BENCHMARKS.md, each beside a reference measured in the same run.
// Usage: swift run -c release claimledger-bench --help
// No assertions: it prints figures; targets are compared by a person (and in BENCHMARKS.md).

let options = BenchOptions.parseOrExit()
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let claimledger = binDir.appendingPathComponent("claimledger").path
try? FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)

line(
    "# claimledger-bench  (\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB)"
)

// MARK: Extraction throughput

if options.wants("report-per-article") { reportPerArticleFigures() }
if options.wants("extraction") { extractionFigures(megabytes: options.extractionMb) }
if options.wants("import") { try importFigure() }
if options.wants("wire-copies") { wireCopyFigures() }

// MARK: Ledgers of growing size

/// One generated article: its source and 20 claims, with their IDs computed.
struct GeneratedArticle {
    var source: SourcePayload
    var claims: [ClaimPayload]
}

/// Generated articles: sources of 20 claims each, numbered from `first`, about `entries` entries in all.
func generate(from first: Int, entries: Int) -> [GeneratedArticle] {
    var articles: [GeneratedArticle] = []
    var count = 0
    var n = first
    while count < entries {
        let text = "Generated article \(n): exports rose \(n % 97) percent in \(1990 + n % 30), officials said."
        let source = SourcePayload(
            sourceID: Identifiers.sourceID(text: text), sha256: hexSHA256(text), title: "Article \(n)",
            outlet: "Bench Times", author: nil, published: "2024-01-01", url: nil, text: text)
        count += 1
        var claims: [ClaimPayload] = []
        for k in 0..<20 where count < entries {
            let claimText = "Claim \(k) of article \(n): the figure was \(k * 7 + n % 13) percent in 2023."
            let id = Identifiers.claimID(
                sourceID: source.sourceID, kind: "claim", start: k, end: k + 10, text: claimText)
            claims.append(
                ClaimPayload(
                    claimID: id, sourceID: source.sourceID, kind: .claim, text: claimText,
                    speaker: "Official \(k)", cue: "said", claimType: "statistic", score: 0.8,
                    start: k, end: k + 10, prefix: "", suffix: ""))
            count += 1
        }
        articles.append(GeneratedArticle(source: source, claims: claims))
        n += 1
    }
    return articles
}

/// Appends `entries` entries of generated articles in transactions of `--batch` entries, as a bulk
/// ingest does. Each batch is generated before its transaction starts, and only the transactions are
/// timed (the sqlite3 reference, too, reads rows that already exist). Returns the first claims' IDs.
func fill(_ ledger: Ledger, entries: Int) throws -> (claimIDs: [String], seconds: Double) {
    var ids: [String] = []
    var total = 0.0
    var written = 0
    var n = 0
    while written < entries {
        let articles = generate(from: n, entries: min(options.batch, entries - written))
        if ids.count < 5 { ids += articles.prefix(5).map { $0.claims[0].claimID } }
        total += try seconds {
            try ledger.write { db in
                for article in articles {
                    try ledger.recordSource(db, article.source)
                    for claim in article.claims { try ledger.recordClaim(db, claim) }
                }
            }
        }
        written += articles.reduce(0) { $0 + 1 + $1.claims.count }
        n += articles.count
    }
    return (ids, total)
}

for size in options.allSizes where options.wantsLedgers {
    let path = "\(options.work)/ledger-\(size).sqlite"
    line("")
    line("## \(size) entries")
    var reused: Ledger?
    if options.reuse, FileManager.default.fileExists(atPath: path),
        let existing = try? Ledger(path: path, create: false), (try? existing.head().seq) == Int64(size)
    {
        reused = existing
        line("(reusing \(path); bulk append not measured)")
    }
    let ledger: Ledger
    let ids: [String]
    let fillSeconds: Double
    if let reused {
        ledger = reused
        ids = try ledger.claims(ClaimFilter(status: .unverified, limit: 5)).map(\.claimID)
        fillSeconds = 0
    } else {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        ledger = try Ledger(path: path, create: true)
        (ids, fillSeconds) = try fill(ledger, entries: size)
        line(
            String(
                format: "bulk append: %.0f entries/s (%.1f s, hash chain and materialized tables included)",
                Double(size) / fillSeconds, fillSeconds))
    }

    // References: the sqlite3 tool inserting rows that already exist, in one transaction, with its
    // default settings. (1) The same rows ClaimLedger stored: each entry and its typed row, into the
    // same tables and indexes (the ledger's own CREATE statements, without the guard triggers), and
    // the search index's rows into the same FTS5 table.
    // (2) The entry rows alone, into one table with the same columns and no index: a floor.
    if reused == nil && options.wants("append") && FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")
        && size <= 1_000_000
    {
        let sqlite3 = "/usr/bin/sqlite3"
        let tables = ["entry", "source", "claim", "review", "note", "correction", "claim_index"]
        func dump(_ path: String, header: String, tables: [String]) {
            var parts = [path + ".header"]
            FileManager.default.createFile(atPath: parts[0], contents: Data((header + "\nBEGIN;\n").utf8))
            for table in tables {
                let part = path + "." + table
                _ = runProcess(
                    sqlite3, [ledger.path, "-cmd", ".mode insert \(table)", "SELECT * FROM \(table) ORDER BY rowid"],
                    stdout: part)
                parts.append(part)
            }
            FileManager.default.createFile(atPath: path + ".footer", contents: Data("COMMIT;\n".utf8))
            parts.append(path + ".footer")
            _ = runProcess("/bin/cat", parts, stdout: path)
            for part in parts { try? FileManager.default.removeItem(atPath: part) }
        }
        func timeReference(_ sqlPath: String) -> Double {
            let refDB = "\(options.work)/reference-\(size).sqlite"
            try? FileManager.default.removeItem(atPath: refDB)
            let ref = runProcess(sqlite3, [refDB], stdin: sqlPath)
            try? FileManager.default.removeItem(atPath: sqlPath)
            try? FileManager.default.removeItem(atPath: refDB)
            return ref.seconds
        }
        // The ledger's tables and indexes as the file holds them (its triggers and views left out).
        let schemaPath = "\(options.work)/schema-\(size).sql"
        _ = runProcess(
            sqlite3,
            [
                ledger.path,
                "SELECT sql || ';' FROM sqlite_schema WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'claim_index_%' ORDER BY rowid",
            ],
            stdout: schemaPath)
        let schema = (try? String(contentsOfFile: schemaPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: schemaPath)
        let allRows = "\(options.work)/rows-\(size).sql"
        dump(allRows, header: schema, tables: tables)
        let same = timeReference(allRows)
        line(
            String(
                format:
                    "  reference 1, sqlite3 tool inserting the same rows (entries and typed rows, same tables and indexes, no triggers), one transaction: %.2f s -> ClaimLedger/sqlite3 time ratio %.1f (target <= 3)",
                same, fillSeconds / same))
        let entryRows = "\(options.work)/entries-\(size).sql"
        dump(
            entryRows,
            header:
                "CREATE TABLE entry (seq INTEGER PRIMARY KEY, kind TEXT, recorded_at TEXT, prev_hash TEXT, payload TEXT, hash TEXT);",
            tables: ["entry"])
        let floor = timeReference(entryRows)
        line(
            String(
                format:
                    "  reference 2, sqlite3 tool inserting the entry rows alone into one plain table: %.2f s -> ratio %.1f",
                floor, fillSeconds / floor))
    }

    if options.wants("audit") {
        // Audit vs SHA-256 over the same canonical bytes.
        // The reference hashes the canonical bytes held in memory: at most 2M entries, scaled to the total.
        var canonical: [[UInt8]] = []
        var totalBytes = 0
        var sampleBytes = 0
        try ledger.forEachEntry { e in
            let b = EntryEncoding.canonicalBytes(
                seq: e.seq, kind: e.kind, recordedAt: e.recordedAt, prevHash: e.prevHash, payload: e.payload)
            totalBytes += b.count
            if canonical.count < 2_000_000 {
                canonical.append(b)
                sampleBytes += b.count
            }
        }
        let hashOnly =
            seconds { for b in canonical { _ = SHA256.hash(data: b) } } * Double(totalBytes)
            / Double(max(1, sampleBytes))
        var report: AuditReport?
        let auditSeconds = try seconds { report = try Auditor(ledger: ledger).run() }
        let auditProcess = runProcess(claimledger, ["audit", "--db", path])
        line(
            String(
                format:
                    "audit: %.2f s in-process, %.2f s as a process (%@)  [reference: SHA-256 over the same %.1f MB: %.2f s]",
                auditSeconds, auditProcess.seconds, report?.passed == true ? "passed" : "FAILED",
                Double(totalBytes) / 1e6, hashOnly))
        canonical = []
    }

    // One verify as a whole process, and a listing.
    if options.wants("latency") {
        var verifyTimes: [Double] = []
        for k in 0..<5 {
            verifyTimes.append(
                runProcess(
                    claimledger, ["verify", "c-" + ids[k], "--evidence", "bench", "--db", path],
                    env: ["CLAIMLEDGER_REVIEWER": "bench"]
                ).seconds)
        }
        verifyTimes.sort()
        line(String(format: "append latency (verify as a whole process, median of 5): %.1f ms", verifyTimes[2] * 1000))
    }
    if options.wants("listing") {
        let list = runProcess(claimledger, ["list", "--status", "unverified", "--limit", "50", "--db", path])
        let ndjson = runProcess(claimledger, ["list", "--format", "ndjson", "--status", "unverified", "--db", path])
        line(
            String(
                format: "list --status unverified --limit 50: %.1f ms (target <= 50 ms at 1M claims)",
                list.seconds * 1000))
        line(
            String(
                format: "list --format ndjson (all unverified): %.2f s, peak RSS %.0f MB", ndjson.seconds, ndjson.peakMB
            ))
    }
    if options.wants("matching") { matchingFigures(path: path, size: size) }
    if options.wants("postgres"), let server = options.postgres {
        try postgresFigures(ledger, size: size, server: server)
    }
    if options.wants("report") && size <= 1_000_000 {
        if size <= 1_000 { storedMatchFigures(path: path, claims: size - size / 21) }
        for format in ["html", "csv"] {
            let report = runProcess(
                claimledger,
                [
                    "report", "--format", format, "--no-matches", "-o", "\(options.work)/report-\(size).\(format)",
                    "--db", path,
                ])
            line(
                String(
                    format: "report --format %@ of %d claims: %.2f s, peak RSS %.0f MB (target < 100 MB)", format,
                    size - size / 21, report.seconds, report.peakMB))
        }
    }
    if options.wants("size") {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let fileSize = (attributes[.size] as? Int ?? 0) + (walSize ?? 0)
        let claims = size - (size + 20) / 21
        line(
            String(
                format: "database size: %.1f MB, %.0f bytes per entry, %.0f bytes per claim", Double(fileSize) / 1e6,
                Double(fileSize) / Double(size), Double(fileSize) / Double(max(1, claims))))
    }
}
