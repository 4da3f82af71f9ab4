import ClaimMatching
import Foundation
import GRDB
import TestSupport
import Testing

/// The library's Porter stems must be FTS5's own (the search index stores FTS5's, and `similar`
/// looks words up by the library's): every distinct word of the sample and development articles,
/// and the examples of Porter's paper, through both.
@Suite struct PorterOracleTests {
    @Test func everySeedWordStemsAsFTS5Does() throws {
        let root = ClaimLedgerBinary.packageRoot
        var words = Set<String>()
        for folder in ["seeds", "Tests/ClaimExtractionTests/DevSet"] {
            let url = root.appendingPathComponent(folder)
            for case let file as String in FileManager.default.enumerator(atPath: url.path)!
            where file.hasSuffix(".txt") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                words.formUnion(MatchText.words(text).filter { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } })
            }
        }
        words.formUnion([
            "generalizations", "oscillators", "hopefulness", "relational", "conditional", "rational",
            "valenci", "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli",
            "analogousli", "vietnamization", "predication", "operator", "feudalism", "decisiveness",
            "formaliti", "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize",
            "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance", "inference",
            "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
            "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous",
            "effective", "bowdlerize", "probate", "rate", "cease", "controll", "roll", "agreed", "feed",
            "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned",
            "falling", "hissing", "fizzed", "failing", "filing", "happy", "sky", "caresses", "ponies",
            "ties", "caress", "cats", "archaeology", "says", "yyy", "syzygy",
        ])
        #expect(words.count > 1_000)
        let db = try DatabaseQueue()
        let fts5 = try db.write { db -> [String: String] in
            try db.execute(
                sql: "CREATE VIRTUAL TABLE w USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')")
            try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')")
            let list = Array(words)
            for (n, word) in list.enumerated() {
                try db.execute(sql: "INSERT INTO w(rowid, x) VALUES (?, ?)", arguments: [n + 1, word])
            }
            var stems: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT term, doc FROM v") {
                stems[list[(row[1] as Int) - 1]] = row[0]
            }
            return stems
        }
        let differing = words.sorted().filter { PorterStemmer.stem($0) != fts5[$0] }
            .map { "\($0): \(PorterStemmer.stem($0)) ≠ \(fts5[$0] ?? "-")" }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }
}
