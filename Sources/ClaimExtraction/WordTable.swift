/// What extraction knows of a word by its lowercase text, found with one lookup when the word is
/// tokenised: its lexicon features, its number in the check-worthiness model, and its number in the
/// word-piece vocabulary when the whole word is one piece. Three lookups by text per word were
/// about a sixth of extraction's time (`perf`: string hashing).
struct WordInfo: Sendable {
    var features: WordFeatures = []
    var modelWord: Int32 = ModelTables.unknown
    var piece: Int32 = WordPieces.none
}

enum WordTable {
    /// Every word of the lexicon, the check-worthiness model and the word-piece vocabulary.
    static let table: ByteKeyedTable<WordInfo> = {
        var table: [String: WordInfo] = [:]
        for (word, features) in WordFeatures.table { table[word, default: WordInfo()].features = features }
        for (word, id) in CheckWorthyModel.tables.ids { table[word, default: WordInfo()].modelWord = id }
        for (piece, id) in WordPieces.shared.wholeWords { table[piece, default: WordInfo()].piece = id }
        return ByteKeyedTable(table)
    }()

    static func info(_ lower: String) -> WordInfo { table[lower] ?? WordInfo() }
}
