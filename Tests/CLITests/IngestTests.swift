import Foundation
import TestSupport
import Testing

@Suite("Ingest and extract from the command line", .serialized)
struct IngestTests {
    @Test func ingestIsIdempotentAndReadsHeaders() throws {
        let cli = CLI()
        let article = cli.dir.write(
            "a.txt",
            """
            title: Budget vote
            outlet: Example Post
            published: 2026-01-05

            "We cut spending by 12 percent in 2025," Finance Minister Ana Lopes said on Monday.
            """)
        let first = try cli.run("ingest", article)
        #expect(first.status == 0)
        #expect(first.stdout.contains("1 quotes"))
        #expect(first.stderr.contains("Ingested 1 article: 1 new"))
        let again = try cli.run("ingest", article)
        #expect(again.stdout.contains("already in the ledger, nothing new recorded"))
        #expect(try cli.run("audit").stdout.contains("audit passed: 2 entries"))  // the source and its quote
        let quotes = try cli.json("list", "--kind", "quote", "--format", "json") as! [[String: Any]]
        #expect(quotes.first?["speaker"] as? String == "Ana Lopes")
        #expect(quotes.first?["source_title"] as? String == "Budget vote")
    }

    /// Issue 33: dates are ISO 8601 wherever they are typed; unambiguous forms are normalised.
    @Test func publicationDatesAreNormalisedOrRefusedWithAnExample() throws {
        let cli = CLI()
        let article = cli.dir.write("a.txt", "Exports rose 12 percent in 2025, the ministry said.\n")
        let ambiguous = try cli.run("ingest", article, "--published", "03/04/2019")
        #expect(
            ambiguous.status != 0 && ambiguous.stderr.contains("2019-11-19")
                && !FileManager.default.fileExists(atPath: cli.db))
        #expect(try cli.run("ingest", article, "--published", "Nov 19, 2019").status == 0)
        let source = (try cli.json("sources", "--format", "json") as! [[String: Any]])[0]
        #expect(source["published"] as? String == "2019-11-19")
        let id = source["id"] as! String
        let refused = try cli.run("correct", id, "--published", "19/11/19", "--reason", "from the page")
        #expect(refused.status == 4 && refused.stderr.contains("2019-11-19"), "\(refused.stderr)")
        #expect(try cli.run("correct", id, "--published", "20 November 2019", "--reason", "from the page").status == 0)
        #expect(
            (try cli.json("sources", "--format", "json") as! [[String: Any]])[0]["published"] as? String == "2019-11-20"
        )
        // A header block's date is normalised the same way when it reads unambiguously, else kept as typed.
        let headed = cli.dir.write(
            "b.txt", "title: B\npublished: 19 November 2019\n\nImports fell 3 percent in 2024, the agency said.\n")
        let odd = cli.dir.write(
            "c.txt", "title: C\npublished: 03/04/2019\n\nPrices rose 4 percent in 2024, the bank said.\n")
        #expect(try cli.run("ingest", headed, odd).status == 0)
        let dates = (try cli.json("sources", "--format", "json") as! [[String: Any]]).map { $0["published"] as? String }
        #expect(dates.contains("2019-11-19") && dates.contains("03/04/2019"), "\(dates)")
    }

    @Test func badInputIsRefusedAndNothingIsRecorded() throws {
        let cli = CLI()
        let good = cli.dir.write("good.txt", "Unemployment fell to 3 percent in 2024, the ministry said.\n")
        let binary = cli.dir.write(
            "photo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        let latin1 = cli.dir.write(
            "latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" prices rose 5 percent.".utf8))
        let empty = cli.dir.write("empty.txt", "\n\n")
        // A NUL far past any sample (it cut the text short in every view once stored).
        let nul = cli.dir.write(
            "nul.txt",
            bytes: Array(String(repeating: "Prices rose 5 percent. ", count: 1000).utf8)
                + [0x00] + Array(" the budget is".utf8))
        for (file, words) in [
            (binary, "binary"), (latin1, "not valid UTF-8"), (empty, "no article text"),
            (nul, "NUL byte at offset 23000"),
        ] {
            let alone = try cli.run("ingest", file)
            #expect(alone.status == 4, "\(file)")
            #expect(alone.stderr.contains(words) && alone.stderr.contains("Nothing was recorded"), "\(alone.stderr)")
            #expect(try cli.run("list").status == 3, "a refused file alone creates no ledger")
        }
        // With other files, the bad ones are named with the reason and every good article is recorded.
        let result = try cli.run("ingest", binary, good, latin1, empty, nul)
        #expect(result.status == 4)
        for (file, words) in [
            (binary, "binary"), (latin1, "not valid UTF-8"), (empty, "no article text"),
            (nul, "NUL byte at offset 23000"),
        ] {
            #expect(result.stderr.contains("not recorded: \(file) "), "\(result.stderr)")
            #expect(result.stderr.contains(words), "\(words)")
        }
        #expect(result.stderr.contains("4 of 5 files were not recorded"))
        #expect(
            result.stdout.contains("good.txt: 1 quotes, ") || result.stdout.contains("good.txt: 0 quotes, "),
            "\(result.stdout)")
        #expect(try cli.run("list").status == 0)
        #expect(try cli.run("extract", binary).status == 4)
        #expect(try cli.run("ingest", cli.dir.file("missing.txt")).status == 4)
    }

    @Test func aFolderGivesItsTextFilesAndNamesTheRestAsSkipped() throws {
        let cli = CLI()
        let folder = cli.dir.file("desk")
        try FileManager.default.createDirectory(atPath: folder + "/drafts", withIntermediateDirectories: true)
        for n in 1...2 {
            cli.dir.write("desk/\(n).txt", "Article \(n)\n\nExports rose \(n * 3) percent in 2023, officials said.\n")
        }
        cli.dir.write("desk/README.md", "# How this folder is organised\n")
        cli.dir.write("desk/.hidden.txt", "Not an article.\n")
        let result = try cli.run("ingest", folder, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(
            result.stderr.contains("skipped: \(folder)/README.md (not *.txt; choose others with --glob)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("drafts") && !result.stderr.contains(".hidden"))
        let markdown = try cli.run("ingest", folder, "--glob", "*.md", "--json")
        #expect(markdown.status == 0 && markdown.stdout.contains("README.md"), "\(markdown.stderr)")
        let none = try cli.run("ingest", folder + "/drafts")
        #expect(none.status == 4 && none.stderr.contains("holds no files matching *.txt"))
    }

    @Test func aFolderWithABadFileRecordsEveryOtherArticle() throws {
        let cli = CLI()
        let folder = cli.dir.file("desk")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 1...3 {
            cli.dir.write("desk/\(n).txt", "Article \(n)\n\nExports rose \(n * 3) percent in 2023, officials said.\n")
        }
        cli.dir.write("desk/2b.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        // A file name that is not UTF-8 ("caf\xE9.txt"), made with the raw bytes.
        let raw = Array(folder.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        #expect(fd >= 0)
        _ = "Imports fell 4 percent in 2022.\n".withCString { write(fd, $0, 32) }
        close(fd)
        let result = try cli.run("ingest", folder, "--json")
        #expect(result.status == 4)
        #expect(result.stderr.contains("not recorded: \(folder)/2b.txt looks like a binary file"), "\(result.stderr)")
        #expect(
            result.stderr.contains("not recorded: \(folder)/caf\\xE9.txt: Its name is not valid UTF-8"),
            "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("\"recorded\":true") }.count == 3, "\(result.stdout)")
        #expect(lines.filter { $0.contains("\"error\"") }.count == 2)
        let titles = (try cli.json("list", "--format", "json") as! [[String: Any]]).compactMap {
            $0["source_title"] as? String
        }
        #expect(Set(titles) == ["Article 1", "Article 2", "Article 3"])
    }

    @Test func standardInputAndFolders() throws {
        let cli = CLI()
        let folder = cli.dir.file("articles")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 1...3 {
            cli.dir.write(
                "articles/\(n).txt", "Article \(n)\n\nExports rose \(n * 3) percent in 2023, officials said.\n")
        }
        let result = try cli.run("ingest", folder, "--json")
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 3)
        let piped = try cli.run(
            "ingest", "-", "--title", "From a pipe",
            stdin: Data("Imports fell 4 percent in 2022, the agency reported.\n".utf8))
        #expect(piped.status == 0)
        let sources = (try cli.json("list", "--format", "json") as! [[String: Any]]).compactMap {
            $0["source_title"] as? String
        }
        #expect(sources.contains("From a pipe"))
    }

    @Test func extractJSONHasTheSpecFields() throws {
        let cli = CLI()
        let seed = ClaimLedgerBinary.packageRoot.appendingPathComponent("seeds/000_ef25d13846437f12.txt").path
        let object = try cli.json("extract", seed, "--format", "json") as! [String: Any]
        let source = object["source"] as! [String: Any]
        #expect((source["sha256"] as? String)?.count == 64)
        let quote = (object["quotes"] as! [[String: Any]]).first!
        for key in ["id", "text", "speaker", "cue", "via", "start", "end", "prefix", "suffix"] {
            #expect(quote.keys.contains(key), "\(key)")
        }
        let claim = (object["claims"] as! [[String: Any]]).first!
        for key in ["id", "text", "claim_type", "speaker", "cue", "score", "start", "end", "prefix", "suffix"] {
            #expect(claim.keys.contains(key), "\(key)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.db), "extract writes nothing")
    }

    @Test func theBinaryWorksWhenCopiedAloneToAnotherFolder() throws {
        let cli = CLI()
        let copy = cli.dir.file("claimledger-copy")
        try FileManager.default.copyItem(at: ClaimLedgerBinary.url, to: URL(fileURLWithPath: copy))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: copy)
        p.arguments = [
            "add", "--db", cli.dir.file("copied.sqlite"), "--source-title", "Radio", "Prices rose 3 percent.",
        ]
        p.currentDirectoryURL = URL(fileURLWithPath: cli.dir.path)
        p.standardOutput = Pipe()
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try cli.run("audit", "--db", cli.dir.file("copied.sqlite")).status == 0)
    }

    @Test func anArticleThatOverrunsItsTimeBudgetIsSkippedAndNamed() throws {
        let cli = CLI()
        let good = cli.dir.write("good.txt", "Unemployment fell to 3 percent in 2024, the ministry said.\n")
        // About 1 MB dense with short quotations: seconds of work in a debug build, against a 10 ms budget.
        let dense = cli.dir.write(
            "dense.txt",
            String(repeating: "He said \u{201C}no way\u{201D} and \u{201C}not now\u{201D}, she said. ", count: 20_000))
        let result = try cli.run("ingest", good, dense, env: ["CLAIMLEDGER_ARTICLE_SECONDS": "0.01"])
        #expect(result.status == 4)
        #expect(
            result.stderr.contains("not recorded: \(dense): Analysing it took longer than 0.01 s"), "\(result.stderr)")
        // (Whether good.txt fits in 10 ms depends on the machine's load: not asserted, never flaky.)
        #expect(try cli.run("ingest", good, env: ["CLAIMLEDGER_ARTICLE_SECONDS": "soon"]).status == 4)
    }
}
