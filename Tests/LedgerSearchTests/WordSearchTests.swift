import Foundation
import Testing

@testable import LedgerSearch

/// The folding `--search` compares by (issue 15, item 5).
@Suite("Word search folding")
struct WordSearchTests {
    @Test func foldsCaseAndAccents() {
        #expect(WordSearch.fold("São Paulo ÉLYSÉE Straße") == "sao paulo elysee straße")
        #expect(WordSearch.argument("  oldest   President ") == "[\"oldest\",\"president\"]")
        #expect(WordSearch.argument("   ") == nil)
        #expect(WordSearch.argument(nil) == nil)
    }
}
