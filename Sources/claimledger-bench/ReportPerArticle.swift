import Foundation

/// Report time per claim when one article holds 100 to 10,000 claims: the HTML report once cut every
/// claim's sentence from a freshly decoded copy of the whole article (quadratic). The figure should stay
/// about constant per claim; `report --format csv` is printed beside it as the reference.
func reportPerArticleFigures() {
    for claims in [100, 1_000, 10_000] {
        let dir = options.work + "/per-article-\(claims)"
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = "title: One long article\n\n"
        for n in 0..<claims {
            text += "Exports of item \(n) rose \(n % 90 + 5) percent in \(1990 + n % 30), the ministry said. "
            if n % 20 == 19 { text += "\n\n" }
        }
        let article = dir + "/article.txt"
        FileManager.default.createFile(atPath: article, contents: Data(text.utf8))
        let db = dir + "/ledger.sqlite"
        _ = runProcess(claimledger, ["ingest", article, "--db", db])
        for format in ["html", "csv"] {
            let run = runProcess(
                claimledger, ["report", "--format", format, "-o", dir + "/report." + format, "--db", db])
            line(
                String(
                    format: "report --format %@, one article of %d claims: %.2f s, %.1f µs per claim", format, claims,
                    run.seconds, run.seconds / Double(claims) * 1e6))
        }
    }
}
