/// A social post's marks read as the words they stand for, for a text looked up (`similar --text`):
/// links dropped (`https://t.co/50pwDvDKId` is no word of the claim, and its `https` matched a
/// fact-check about web addresses), and @handles and #hashtags split where a capital or an
/// underscore starts a word (`@BernieSanders` → `Bernie Sanders`, `#FeelTheBern` → `Feel The Bern`,
/// `@real_donald` → `real donald`). Recorded claims are indexed as written; only a lookup's text is
/// read so, and a claim looked up by its ID finds its copies exactly as before.
///
/// Measured on CheckThat! 2022 2A's tweets (README "Claim matching quality"). Two readings that
/// looked better were not kept, as neither gained on both train and dev: a handle after punctuation
/// (`.@BernieSanders`, a public reply) split too (train MAP@5 −0.005), and a run of capitals split
/// before its last (`@CNNPolitics` → `CNN Politics`: train +0.0006, dev −0.0025).
public enum PostText {
    /// `text` with its links removed and its handles and hashtags split into words.
    public static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).compactMap { token -> String? in
            if isLink(token) { return nil }
            return markedWord(token) ?? String(token)
        }.joined(separator: " ")
    }

    /// A web address: `http://…`, `https://…`, `www.…` or `pic.twitter.com/…` (any case).
    static func isLink(_ token: Substring) -> Bool {
        let lower = token.lowercased()
        return ["http://", "https://", "www.", "pic.twitter.com/"].contains { lower.hasPrefix($0) }
    }

    /// A handle or hashtag (`@` or `#` then a letter, digit or underscore) as its words, or nil
    /// for any other token. What follows the name (`,` in `@BernieSanders,`) is kept.
    static func markedWord(_ token: Substring) -> String? {
        guard let mark = token.first, mark == "@" || mark == "#" else { return nil }
        let body = token.dropFirst()
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard !name.isEmpty else { return nil }
        var words = ""
        var previous: Character?
        for c in name {
            if c == "_" {
                words.append(" ")
            } else {
                if c.isUppercase, previous?.isLowercase == true { words.append(" ") }
                words.append(c)
            }
            previous = c
        }
        return words + body.dropFirst(name.count)
    }
}
