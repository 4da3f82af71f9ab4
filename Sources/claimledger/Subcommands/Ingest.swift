import ArgumentParser
import ArticleIngest
import ClaimExtraction
import Foundation
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record articles and every quote and claim found in them.",
            discussion: """
            Give files, folders (their .txt and .md files, in name order) or - for standard input. Each \
            article is recorded in one transaction with all its quotes and claims, so an interrupted ingest \
            leaves nothing of that article. Ingesting the same text again records nothing new.
            Metadata comes from the options below, else from the article's header block, else the first line is the title.
            """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "Article files, folders, or - for standard input.")
        var inputs: [String]

        @Option(help: "Title of the article (only with one input).") var title: String?
        @Option(help: "Outlet that published it.") var outlet: String?
        @Option(help: "Author.") var author: String?
        @Option(help: "Publication date, e.g. 2024-06-20.") var published: String?
        @Option(help: "URL of the article.") var url: String?

        @Flag(help: "Print the result as JSON lines, one per article.") var json = false

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("Give at least one article file, folder, or - for standard input.") }
        }

        func run() throws {
            try runReportingErrors {
                let files = try expand(inputs)
                if title != nil && files.count > 1 {
                    throw LedgerError.refused("--title applies to one article, but \(files.count) were given; use header blocks instead.")
                }
                // Read and check every file before recording anything.
                var articles: [(String, Article)] = []
                for file in files {
                    var article = try readArticle(file)
                    if let title { article.title = title }
                    if let outlet { article.outlet = outlet }
                    if let author { article.author = author }
                    if let published { article.published = published }
                    if let url { article.url = url }
                    articles.append((file, article))
                }
                let l = try ledger.open(create: true)
                let showProgress = articles.count > 1 && isatty(STDERR_FILENO) == 1
                var recorded = 0, unchanged = 0, quotes = 0, claims = 0
                for (n, (path, article)) in articles.enumerated() {
                    let file = VisibleText.visible(path)   // a name with a newline or ESC cannot fake a line
                    if showProgress { FileHandle.standardError.write(Data("\r[\(n + 1)/\(articles.count)] \(file)\u{1B}[K".utf8)) }
                    let result = try l.ingest(IngestPlan(article: article))
                    let id = "s-" + result.sourceID.prefix(Identifiers.minimumShortLength)
                    if json {
                        out(StableJSONLine.make(["file": path, "source": id, "recorded": result.recorded,
                                                  "quotes": result.quotes, "claims": result.claims]))
                    } else if !showProgress {
                        out(result.recorded
                            ? "\(id)  \(file): \(result.quotes) quotes, \(result.claims) claims recorded\n"
                            : "\(id)  \(file): already in the ledger, nothing new recorded\n")
                    }
                    if result.recorded { recorded += 1 } else { unchanged += 1 }
                    quotes += result.quotes; claims += result.claims
                }
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                note("Ingested \(articles.count) article\(articles.count == 1 ? "" : "s"): \(recorded) new, \(unchanged) already recorded; \(quotes) quotes and \(claims) claims added to \(l.path).")
            }
        }

        /// Files, folders (their .txt/.md files) and "-", in a stable order.
        func expand(_ inputs: [String]) throws -> [String] {
            var files: [String] = []
            for input in inputs {
                if input == "-" { files.append(input); continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                    throw LedgerError.refused("No file or folder at \(input); check the path.")
                }
                if isDirectory.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: input)
                        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
                    if names.isEmpty { throw LedgerError.refused("The folder \(input) holds no .txt or .md articles.") }
                    files += names.map { (input as NSString).appendingPathComponent($0) }
                } else {
                    files.append(input)
                }
            }
            return files
        }
    }
}

enum StableJSONLine {
    static func make(_ object: [String: Any]) -> String {
        StableJSON.string(object) + "\n"
    }
}
