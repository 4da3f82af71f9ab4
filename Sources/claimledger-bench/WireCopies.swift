import Foundation

/// `--only wire-copies` (issue 33): 1,000 near-identical copies of one wire story, as a newsroom's
/// feed delivers them (another outlet's headline, a dateline, one figure changed), ingested by
/// `claimledger ingest` 100 files at a time into one ledger. Every claim of a copy repeats claims
/// of every earlier copy, the worst case for matching; the time per 100 should stay flat as the
/// ledger grows (linear), and each copy's claims find the earlier copies as "seen before".
func wireCopyFigures() {
    let dir = options.work + "/wire-copies"
    try? FileManager.default.removeItem(atPath: dir)
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    guard let story = try? String(contentsOfFile: wireStoryPath, encoding: .utf8) else {
        line("wire copies: no seed article at \(wireStoryPath) (run from the repository)")
        return
    }
    let db = dir + "/ledger.sqlite"
    var total = 0.0
    var perBatch: [String] = []
    for batch in 0..<10 {
        let files = (batch * 100..<(batch + 1) * 100).map { n -> String in
            let path = dir + "/copy-\(n).txt"
            FileManager.default.createFile(atPath: path, contents: Data(wireCopy(of: story, number: n).utf8))
            return path
        }
        let errors = dir + "/ingest-\(batch + 1).err"
        let run = runProcess(claimledger, ["ingest", "--db", db] + files, stderr: errors)
        guard run.status == 0 else {
            line("wire copies: ingest failed (status \(run.status)) at batch \(batch + 1): see \(errors)")
            return
        }
        total += run.seconds
        perBatch.append(String(format: "%.1f", run.seconds))
    }
    line(
        String(
            format:
                "wire copies: 1,000 near-identical copies of one story ingested 100 at a time in %.1f s (%.1f articles/s); seconds per 100: %@",
            total, 1_000 / total, perBatch.joined(separator: ", ")))
}

/// The seed article the copies are made of (the repository's `seeds/`).
let wireStoryPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds/000_ef25d13846437f12.txt").path

/// Copy `number` of the story: its own headline and dateline, and its first figure changed, so each
/// is a new article whose claims repeat the others'.
func wireCopy(of story: String, number: Int) -> String {
    let outlets = ["Daily Courier", "Evening Post", "Morning Star", "The Ledger", "Valley News"]
    var body = story
    if let digit = body.firstIndex(where: \.isNumber) {
        body.replaceSubrange(digit...digit, with: String(number % 10))
    }
    return "title: Putin speaks after Asia trip (\(outlets[number % outlets.count]), edition \(number))\n"
        + "outlet: \(outlets[number % outlets.count])\n\n"
        + "MOSCOW, copy \(number) — " + body
}
