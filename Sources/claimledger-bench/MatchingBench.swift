import Foundation

// Claim matching (issue 14): `similar` and `list --search` as whole processes on a generated ledger,
// and `import` of 14,231 generated ClaimReviews. The generated claims are one template ("Claim K of
// article N: the figure was X percent in 2023."), so most of their words are in every claim: the
// worst case for a search of common words, which the term budget of `similar` bounds.

/// Median of five runs of one command, in milliseconds.
func medianMilliseconds(_ args: [String]) -> Double {
    var times: [Double] = []
    for _ in 0..<5 { times.append(runProcess(claimledger, args).seconds * 1000) }
    return times.sorted()[2]
}

func matchingFigures(path: String, size: Int) {
    let article = size / 21 / 2
    let queries: [(String, [String])] = [
        (
            "similar --text (words in every claim)",
            ["similar", "--text", "the figure was 40 percent in 2023, Official 3 said"]
        ),
        (
            "similar --text (one rare word)",
            ["similar", "--text", "Claim 3 of article \(article): the figure was 24 percent in 2023"]
        ),
        ("similar --text (a short claim)", ["similar", "--text", "Claim 7 of article \(article / 3)"]),
        ("list --search (common words) --limit 50", ["list", "--search", "figure percent", "--limit", "50"]),
        ("list --search (rare word) --limit 50", ["list", "--search", "article \(article)", "--limit", "50"]),
    ]
    for (name, args) in queries {
        line(
            String(
                format: "%@: %.1f ms, whole process, median of 5 (target <= 50 ms at 1M claims)", name,
                medianMilliseconds(args + ["--db", path])))
    }
}

/// Stored matches (issue 33), at the smallest size: the generated ledger is filled without them
/// (as a ledger from before version 14), so `audit --rebuild-index` matches every claim (one search
/// each, as ingest does per claim), then a report reads the stored matches.
func storedMatchFigures(path: String, claims: Int) {
    let rebuild = runProcess(claimledger, ["audit", "--rebuild-index", "--db", path])
    line(
        String(
            format: "audit --rebuild-index (every claim matched and stored), %d claims: %.2f s, %.1f ms per claim",
            claims, rebuild.seconds, rebuild.seconds * 1000 / Double(claims)))
    let report = runProcess(
        claimledger, ["report", "--format", "csv", "-o", options.work + "/report-matches.csv", "--db", path])
    line(
        String(
            format: "report --format csv with matches (stored), %d claims: %.2f s (target <= 1 s at 1,000)", claims,
            report.seconds))
}

/// 14,231 ClaimReviews (the size of the CheckThat! 2022 verified claims) written as JSON-LD and
/// imported into a new ledger by the CLI.
func importFigure() throws {
    let count = 14_231
    let labels = ["False", "True", "Misleading", "Half True", "Pants on Fire"]
    var reviews: [[String: Any]] = []
    for n in 0..<count {
        reviews.append([
            "@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed":
                "Claim \(n): the minister said exports rose \(n % 97) percent in \(1990 + n % 30) after \(n % 13) talks.",
            "url": "https://checks.example/\(n)", "headline": "Did exports rise \(n % 97) percent? (\(n))",
            "description": "A generated review number \(n) for the benchmark.", "datePublished": "2024-01-01",
            "author": ["@type": "Organization", "name": "Bench Checks"],
            "reviewRating": ["@type": "Rating", "alternateName": labels[n % labels.count]],
        ])
    }
    let file = options.work + "/claimreviews-\(count).json"
    try JSONSerialization.data(withJSONObject: reviews).write(to: URL(fileURLWithPath: file))
    let db = options.work + "/import-\(count).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    let run = runProcess(claimledger, ["import", file, "--db", db], env: ["CLAIMLEDGER_REVIEWER": "bench"])
    line(
        String(
            format: "import of %d ClaimReviews (one file, %.1f MB): %.2f s, peak RSS %.0f MB (target <= 10 s)%@", count,
            Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1e6,
            run.seconds, run.peakMB, run.status == 0 ? "" : " FAILED"))
}
