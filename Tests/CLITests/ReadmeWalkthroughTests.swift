import Foundation
import TestSupport
import Testing

/// The README's walkthrough, run: every `$ command` shown in a code block is run in order on one
/// ledger (the seeds copied beside it, the clock and reviewer pinned as the README says), and what
/// it prints must be what the README shows (issue 15, item 15; sqlite-utils checks its docs so).
/// In the README, "…" alone on a line stands for any lines, and "…" inside a line for any text.
/// A block after a `<!-- not run: why -->` line is not run (a random key, say).
@Suite("README walkthrough")
struct ReadmeWalkthroughTests {
    struct Step {
        var line: Int
        var command: String
        var expected: [String]
    }

    static func steps(of readme: String) -> [Step] {
        var steps: [Step] = []
        var inBlock = false
        var indent = 0
        var skip = false
        var lastProse = ""
        var current: Int?  // the step whose output the block's lines are
        for (number, line) in readme.components(separatedBy: "\n").enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") {
                if !inBlock {
                    indent = line.count - trimmed.count
                    skip = lastProse.hasPrefix("<!-- not run")
                    current = nil
                }
                inBlock.toggle()
                continue
            }
            guard inBlock else {
                if !trimmed.isEmpty { lastProse = String(trimmed) }
                continue
            }
            guard !skip else { continue }
            let text = String(line.dropFirst(min(indent, line.count - trimmed.count)))
            if text.hasPrefix("$ ") {
                var command = String(text.dropFirst(2))
                if command.hasPrefix("swift run claimledger") {
                    command = String(command.dropFirst("swift run ".count))
                }
                steps.append(Step(line: number + 1, command: command, expected: []))
                current = steps.count - 1
            } else if let current {
                steps[current].expected.append(text)
            }
        }
        return steps
    }

    /// Whether `actual` lines are what `expected` shows ("…" lines and fragments as above).
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            return (actual.startIndex...actual.endIndex).contains { matches(expected.dropFirst(), actual[$0...]) }
        }
        guard let line = actual.first, lineMatches(first, line) else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        let parts = pattern.components(separatedBy: "…")
        guard parts.count > 1 else { return pattern == line }
        guard line.hasPrefix(parts[0]), line.hasSuffix(parts.last!), line.count >= parts[0].count + parts.last!.count
        else { return false }
        var rest = line.dropFirst(parts[0].count).dropLast(parts.last!.count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    @Test func everyCommandPrintsWhatTheReadmeShows() throws {
        let root = ClaimLedgerBinary.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let steps = ReadmeWalkthroughTests.steps(of: readme)
        #expect(steps.count >= 20, "the walkthrough lost its commands")
        let dir = TemporaryDirectory()
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("seeds"), to: dir.url.appendingPathComponent("seeds"))
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("docs/examples"), to: dir.url.appendingPathComponent("docs/examples"))
        let bin = dir.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: bin.appendingPathComponent("claimledger"), withDestinationURL: ClaimLedgerBinary.url)
        let env = [
            "PATH": bin.path + ":/usr/bin:/bin", "CLAIMLEDGER_NOW": "2026-11-24T09:00:00Z",
            "CLAIMLEDGER_REVIEWER": "ann",
        ]
        for step in steps {
            let result = try ClaimLedgerBinary.runProcess(
                URL(fileURLWithPath: "/bin/sh"), ["-c", step.command + " 2>&1"],
                in: dir.path, environment: env)
            // CSV ends its rows with CRLF; the README cannot show a CR.
            var actual = result.stdout.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            if actual.last == "" { actual.removeLast() }
            #expect(
                ReadmeWalkthroughTests.matches(step.expected[...], actual[...]),
                "README.md line \(step.line): `\(step.command)` printed:\n\(result.stdout)")
        }
    }

    @Test func patternsMatchAsDocumented() {
        #expect(ReadmeWalkthroughTests.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        #expect(ReadmeWalkthroughTests.matches(["a", "…"], ["a"]))
        #expect(!ReadmeWalkthroughTests.matches(["a", "d"], ["a", "b", "d"]))
        #expect(ReadmeWalkthroughTests.lineMatches(#"{"id":"c-1…","x":…}"#, #"{"id":"c-1a2b","x":3,"y":4}"#))
        #expect(!ReadmeWalkthroughTests.lineMatches("abc…xyz", "abcxy"))
    }
}
