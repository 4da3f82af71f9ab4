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
                Give files, folders (their *.txt files, in name order; --glob for others) or - for standard input. Each \
                article is recorded in one transaction with all its quotes and claims, so an interrupted ingest \
                leaves nothing of that article. Ingesting the same text again records nothing new.
                A file that is not article text (binary, not UTF-8, a NUL byte, empty, a name that is not UTF-8) \
                is named with the reason and skipped; every other article is recorded, and the exit code is 4.
                Metadata comes from the options below, else from the article's header block, else the first line is the title.
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: "Article files, folders, or - for standard input.")
        var inputs: [String]

        @Option(
            help: ArgumentHelp(
                "Which files of a folder are articles (a shell pattern).",
                discussion:
                    "Other files in the folder (a README.md) are named as skipped and not read. Files named one by one are always read."
            ))
        var glob = "*.txt"
        @Option(help: "Title of the article (only with one input).") var title: String?
        @Option(help: "Outlet that published it.") var outlet: String?
        @Option(help: "Author.") var author: String?
        @Option(
            help: ArgumentHelp(
                "Publication date, e.g. 2024-06-20.",
                discussion:
                    "\"Jun 20, 2024\" and \"20 June 2024\" are read as 2024-06-20; a date that could be read two ways (06/07/2024) is refused."
            )) var published: String?
        @Option(help: "URL of the article.") var url: String?

        @Flag(help: "Print the result as JSON lines, one per article.") var json = false

        func validate() throws {
            if inputs.isEmpty {
                throw ValidationError("Give at least one article file, folder, or - for standard input.")
            }
            if let published, PublicationDate.normalised(published) == nil {
                throw ValidationError(
                    "--published \"\(published)\" is not a date: write it as \(PublicationDate.example) (year-month-day). Nothing was recorded."
                )
            }
        }

        func run() throws {
            try runReportingErrors {
                let listed = try ArticleFiles.expand(inputs, pattern: glob)
                for file in listed.skipped {
                    note("skipped: \(VisibleText.visible(file)) (not \(glob); choose others with --glob)")
                }
                if title != nil && listed.paths.count > 1 {
                    throw LedgerError.refused(
                        "--title applies to one article, but \(listed.paths.count) were given; use header blocks instead."
                    )
                }
                let (articles, failed) = readAll(listed)
                if articles.isEmpty, failed.count == 1, listed.unnameable.isEmpty {
                    throw LedgerError.refused(failed[0].1)
                }
                let budget = try articleSecondsOverride()
                let overran = articles.isEmpty ? [] : try record(articles, budget: budget)
                try reportFailures(failed + overran, of: listed.paths.count + listed.unnameable.count)
            }
        }

        /// Every readable article; a file that cannot be read as one is named with the reason and skipped.
        private func readAll(_ listed: ArticleFiles) -> (articles: [(String, Article)], failed: [(String, String)]) {
            var articles: [(String, Article)] = []
            var failed: [(String, String)] = listed.unnameable.map {
                (
                    $0,
                    "Its name is not valid UTF-8, so it cannot be named faithfully in the ledger; rename it (e.g. with convmv) and ingest it again."
                )
            }
            for file in listed.paths {
                do {
                    articles.append((file, try withOptions(readArticle(file))))
                } catch {
                    failed.append((file, (error as? LocalizedError)?.errorDescription ?? "\(error)"))
                }
            }
            return (articles, failed)
        }

        /// Records each article in its own transaction, with a progress line on a terminal; returns the
        /// articles skipped because analysing them overran the time budget.
        private func record(_ articles: [(String, Article)], budget override: Double?) throws -> [(String, String)] {
            let l = try ledger.open(create: true)
            var overran: [(String, String)] = []
            let showProgress = articles.count > 1 && isatty(STDERR_FILENO) == 1
            var totals = IngestTotals()
            for (n, (path, article)) in articles.enumerated() {
                let file = VisibleText.visible(path)  // a name with a newline or ESC cannot fake a line
                if showProgress {
                    FileHandle.standardError.write(Data("\r[\(n + 1)/\(articles.count)] \(file)\u{1B}[K".utf8))
                }
                let budget = override ?? ExtractionBudget.seconds(forBytes: article.body.utf8.count)
                guard let plan = ExtractionBudget.plan(article, within: budget) else {
                    overran.append(
                        (
                            path,
                            "Analysing it took longer than \(budget) s (the per-article budget; raise it with CLAIMLEDGER_ARTICLE_SECONDS); it was skipped."
                        ))
                    continue
                }
                let result = try l.ingest(plan)
                let id = "s-" + result.sourceID.prefix(Identifiers.minimumShortLength)
                let seen = result.recorded ? try l.seenBefore(sourceID: result.sourceID) : SeenBeforeSummary()
                if json {
                    out(
                        CommandOutput.ingested(
                            file: path, sourceShortID: id, recorded: result.recorded,
                            quotes: result.quotes, claims: result.claims, seenBefore: seen.byStatus))
                } else if !showProgress {
                    out(summaryLine(id: id, file: file, result: result, seen: seen, tail: plan.skippedTail))
                }
                totals.add(result, seen: seen.seen)
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            note(totals.line(ledgerPath: l.name))
            return overran
        }

        /// One article's line: what was recorded, and how much of it was seen before.
        private func summaryLine(
            id: String, file: String, result: IngestResult, seen: SeenBeforeSummary, tail: SkippedTail?
        ) -> String {
            guard result.recorded else {
                let hint =
                    hasMetadataOptions
                    ? " (to change its title or other details: claimledger correct \(id) --title … --reason …)" : ""
                return "\(id)  \(file): already in the ledger, nothing new recorded\(hint)\n"
            }
            let seenText = seen.sentence.map { "; \($0)" } ?? ""
            let tailText =
                tail.map { t in
                    let heading = "“" + VisibleText.visible(String(t.heading.prefix(40))) + "”"
                    return t.lines == 1
                        ? "; its last line, \(heading), read as navigation and skipped"
                        : "; its last \(t.lines) lines, from \(heading), read as navigation and skipped"
                } ?? ""
            return "\(id)  \(file): \(result.quotes) quotes, \(result.claims) claims recorded\(seenText)\(tailText)\n"
        }

        var hasMetadataOptions: Bool { [title, outlet, author, published, url].contains { $0 != nil } }

        /// The article with the metadata given as options.
        private func withOptions(_ read: Article) -> Article {
            var article = read
            if let title {
                article.title = title
                article.titleGuessed = false
            }
            if let outlet { article.outlet = outlet }
            if let author { article.author = author }
            if let published { article.published = PublicationDate.normalised(published) ?? published }
            if let url { article.url = url }
            return article
        }

        /// Names every file that was not recorded and why; exits 4 when there was one.
        private func reportFailures(_ failed: [(String, String)], of total: Int) throws {
            guard !failed.isEmpty else { return }
            for (file, reason) in failed {
                let reason = reason.replacingOccurrences(of: " Nothing was recorded.", with: "")
                if json { out(CommandOutput.notIngested(file: file, reason: reason)) }
                let line = reason.hasPrefix(file) ? reason : "\(file): \(reason)"  // the reason usually names the file
                note("error: not recorded: " + VisibleText.visible(line))
            }
            throw failure(
                "\(failed.count) of \(total) files were not recorded (named above, with the reason); every other article was recorded.",
                code: 4)
        }
    }
}

/// What one `ingest` added, for its closing line.
struct IngestTotals {
    var recorded = 0, unchanged = 0, quotes = 0, claims = 0, seen = 0

    mutating func add(_ result: IngestResult, seen repeats: Int) {
        if result.recorded { recorded += 1 } else { unchanged += 1 }
        quotes += result.quotes
        claims += result.claims
        seen += repeats
    }

    func line(ledgerPath: String) -> String {
        let articles = recorded + unchanged
        let seenText = seen > 0 ? "; \(seen) seen before (`claimledger list --seen-before`)." : "."
        return
            "Ingested \(articles) article\(articles == 1 ? "" : "s"): \(recorded) new, \(unchanged) already recorded; \(quotes) quotes and \(claims) claims added to \(ledgerPath)"
            + seenText
    }
}
