import ArgumentParser
import Foundation

/// A mistyped command (`verfy`, `lst`) gets the nearest real one named, not argument-parser's
/// "Unexpected argument".
enum CommandSuggestion {
    /// The message for `word` when it is not one of `commands`, or nil when it is (or is an option).
    static func message(for word: String, among commands: [String]) -> String? {
        guard !word.hasPrefix("-"), word != "help", !commands.contains(word) else { return nil }
        let nearest = commands.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let (name, d) = nearest, d <= max(1, name.count / 3) || name.hasPrefix(word.lowercased()) {
            return "error: unknown command '\(word)'. Did you mean '\(name)'? (claimledger --help lists the commands)"
        }
        return "error: unknown command '\(word)'. The commands are: \(commands.joined(separator: ", "))."
    }

    /// Levenshtein distance, with a swap of neighbours counted as one edit ("lsit").
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension ClaimLedgerCommand {
    static func main() {
        let names = configuration.subcommands.map { $0._commandName }
        if let word = CommandLine.arguments.dropFirst().first,
            let message = CommandSuggestion.message(for: word, among: names)
        {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }
}
