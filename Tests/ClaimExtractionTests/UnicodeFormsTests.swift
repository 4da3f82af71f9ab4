import ClaimExtraction
import Foundation
import TestSupport
import Testing

/// Issue 11, item 7: how a text was typed (decomposed accents, zero-width characters, soft hyphens,
/// joiners, a BOM inside a name) never changes who said what, and offsets still point into the
/// original text exactly.
@Suite("Unicode forms do not change who said it")
struct UnicodeFormsTests {
    static func annotatedArticles() throws -> [(name: String, body: String)] {
        let root = ClaimLedgerBinary.packageRoot.appendingPathComponent("Tests/ClaimExtractionTests/DevSet")
        var found: [(String, String)] = []
        for folder in ["seeds", "dev"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            where name.hasSuffix(".txt") {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                found.append((name, try ArticleReader.read(Array(data), name: name).body))
            }
        }
        return found
    }

    /// The invisible characters a copy from a web page or a word processor leaves behind.
    static let invisibles: [Unicode.Scalar] = [
        "\u{200B}", "\u{AD}", "\u{200D}", "\u{FEFF}", "\u{200C}", "\u{2060}", "\u{2066}",
    ]

    /// A zero-width space before every capitalised word, and an invisible character inside every word
    /// of four letters or more ("sa\u{200B}id", "Mar\u{AD}tínez").
    static func sprinkled(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        var n = 0
        func flush() {
            if word.count >= 4 {
                word.insert(invisibles[n % invisibles.count], at: word.count / 2)
                n += 1
            }
            if let first = word.first, first.properties.isUppercase { out.append("\u{200B}") }
            out.append(contentsOf: word)
            word = []
        }
        for c in text.unicodeScalars {
            if c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark {
                word.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return String(out)
    }

    /// What a reviewer reads in the ledger, stripped of the way it was typed.
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.isASCII || !$0.properties.isDefaultIgnorableCodePoint
                }))
    }

    struct Seen: Equatable {
        var texts: [String], speakers: [String?], cues: [String?], vias: [String?], claimSpeakers: [String?]
    }

    static func seen(_ body: String) -> Seen {
        let e = ClaimExtractor().extract(body)
        let scalars = Array(body.unicodeScalars)
        for q in e.quotes { #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text) }
        for c in e.claims { #expect(String(String.UnicodeScalarView(scalars[c.start..<c.end])) == c.text) }
        return Seen(
            texts: e.quotes.map { plain($0.text) }, speakers: e.quotes.map(\.speaker),
            cues: e.quotes.map { $0.cue.map(plain) },
            vias: e.quotes.map(\.via), claimSpeakers: e.claims.map(\.speaker))
    }

    @Test(arguments: ["NFD", "zero-width", "NFD and zero-width"])
    func sameSpeakersWhateverTheForm(form: String) throws {
        let articles = try UnicodeFormsTests.annotatedArticles()
        #expect(articles.count >= 10)
        for (name, body) in articles {
            var variant = body
            if form.hasPrefix("NFD") { variant = variant.decomposedStringWithCanonicalMapping }
            if form.hasSuffix("zero-width") { variant = UnicodeFormsTests.sprinkled(variant) }
            #expect(Array(variant.unicodeScalars) != Array(body.unicodeScalars) || form == "NFD", "\(name)")
            #expect(UnicodeFormsTests.seen(variant) == UnicodeFormsTests.seen(body), "\(name) in \(form)")
        }
    }

    @Test func decomposedNamesStayWhole() {
        let nfc =
            "\u{201C}We will talk again next year,\u{201D} said José Martínez, the minister. \u{201C}Both sides agree,\u{201D} Tô Lâm said."
        let q = ClaimExtractor().extract(nfc.decomposedStringWithCanonicalMapping).quotes
        #expect(q.map(\.speaker) == ["José Martínez", "Tô Lâm"])
    }

    @Test func invisibleCharactersInsideNamesAndCues() {
        let text =
            "Mayor Anna Berg spoke.\n\n\u{201C}We will rebuild the bridge by spring,\u{201D} \u{200B}Ber\u{AD}g sa\u{200B}id. "
            + "\u{201C}The money is there and the plans are ready,\u{201D} said Carl Ol\u{200D}sen\u{FEFF}."
        let q = ClaimExtractor().extract(text).quotes
        #expect(q.map(\.speaker) == ["Anna Berg", "Carl Olsen"])
        #expect(q.first?.cue == "said")
        #expect(q.first?.text == "We will rebuild the bridge by spring,")
    }

    @Test func offsetsPointIntoTheOriginalText() throws {
        let text =
            "Cafe\u{301} owner Jose\u{301} Marti\u{301}nez spoke. \u{201C}Prices\u{200B} went up by half,\u{201D} Marti\u{301}nez said."
        let q = try #require(ClaimExtractor().extract(text).quotes.first)
        #expect(q.speaker == "José Martínez")
        #expect(slice(text, q.start, q.end) == "Prices\u{200B} went up by half,")
        #expect(q.text == "Prices\u{200B} went up by half,")
    }

    /// UTF-8 read as Latin-1 (PolNeAR has `FranÃ§ois Hollande`): the name is not cut at its accent.
    @Test func aMisdecodedAccentStaysInsideTheName() {
        let q = "\u{201C}Let everyone know that we will act,\u{201D} "
        #expect(
            quotes(q + "French President Fran\u{C3}\u{A7}ois Hollande said.").first?.speaker
                == "Fran\u{C3}\u{A7}ois Hollande")
        // Near miss: a Latin-1 sign after an ordinary letter still ends the word.
        #expect(quotes(q + "said Jane Roe\u{AE}.").first?.speaker == "Jane Roe")
    }
}
