import Foundation
import LedgerStore
import TransparencyLog

/// The formats `report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, json, csv, claimreview
}

/// Settings of a report: given for one report (`--publisher`, `--review-url-base`), else the
/// ledger's publisher as it stood at the report's entry (`claimledger publisher set`).
public struct ReportOptions: Sendable {
    /// The organisation publishing the reviews (ClaimReview `author`, report footer).
    public var publisher: String?
    /// Base URL of published reviews; a claim's review URL is this plus its short ID.
    public var reviewURLBase: String?
    /// Each claim's "checked before as" and "also claimed in" lines (one search per claim).
    public var withMatches: Bool
    /// The ledger's publisher at the report's entry (filled by `CitationReport.render`).
    public var ledgerPublisher: Publisher?

    public init(publisher: String? = nil, reviewURLBase: String? = nil, withMatches: Bool = true) {
        self.publisher = publisher
        self.reviewURLBase = reviewURLBase
        self.withMatches = withMatches
    }

    /// The publisher's name: the one given for this report, else the ledger's.
    public var publisherName: String? { publisher ?? ledgerPublisher?.name }

    /// The review page of the claim with this short ID, if there is a way to tell it.
    public func reviewURL(for shortID: String) -> String? {
        if let base = reviewURLBase { return base + shortID }
        return ledgerPublisher?.reviewURL(for: shortID)
    }

    /// Whether every review can be given its page (ClaimReview's required `url`).
    public var knowsReviewPages: Bool { reviewURLBase != nil || ledgerPublisher != nil }
}

/// What the first part of every report shows: where in the ledger it was made, and the counts.
public struct ReportSummary {
    public var stamp: ReportStamp
    /// The checkpoint (C2SP tlog-checkpoint body) of the ledger at the stamped entry, for later audits.
    public var checkpoint: Checkpoint
    public var counts: [ClaimStatus: Int]
    public var sources: Int
    /// The rating labels in force (ClaimReview's ratingValue and alternateName).
    public var ratingScale: [RatingLabel] = RatingLabel.builtIn
    /// The claims and quotes the report lists: dismissed ones are counted apart, never listed.
    public var total: Int { counts.filter { $0.key != .dismissed }.values.reduce(0, +) }
    public var dismissed: Int { counts[.dismissed] ?? 0 }
}

/// One output format: called once at the start, once per source, once at the end; each returns text to write.
public protocol ReportRenderer {
    mutating func begin(_ summary: ReportSummary) -> String
    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String
    mutating func end() -> String
}

/// The citation report: reads the ledger as it stood at one entry, streams it through a renderer.
/// Reproducible: the same ledger, entry and options give byte-identical output (no wall clock).
public struct CitationReport {
    public var ledger: Ledger
    public var filter: ClaimFilter
    public var options: ReportOptions

    public init(ledger: Ledger, filter: ClaimFilter = ClaimFilter(), options: ReportOptions = ReportOptions()) {
        self.ledger = ledger
        self.filter = filter
        self.options = options
    }

    public static func renderer(_ format: ReportFormat, options: ReportOptions) -> any ReportRenderer {
        switch format {
        case .markdown: return MarkdownReport()
        case .html: return HTMLReport(options: options)
        case .json: return JSONReport()
        case .csv: return CSVReport()
        case .claimreview: return ClaimReviewReport(options: options)
        }
    }

    /// Writes the report in `format` as of entry `asOf` (the head when nil) to `write`.
    public func render(_ format: ReportFormat, asOf: Int64?, to write: (String) throws -> Void) throws {
        let stamp = try ledger.reportStamp(asOf: asOf)
        var options = options
        options.ledgerPublisher = try ledger.publisher(asOf: stamp.asOf)
        // Refused before anything is written: ClaimReview without each review's page is invalid.
        if format == .claimreview && !options.knowsReviewPages { throw LedgerError.publisher(.noReviewPages) }
        // The counts for the summary: one GROUP BY over the same claims the report lists.
        var counted = filter
        counted.asOf = stamp.asOf
        let (counts, sources) = try ledger.claimCounts(counted)
        var renderer = CitationReport.renderer(format, options: options)
        // A tree head shown, not signed: read from the stored roots of the log's blocks.
        let checkpoint = try ledger.shownCheckpoint(origin: try ledger.defaultOrigin(), size: Int(stamp.asOf))
        try write(
            renderer.begin(
                ReportSummary(
                    stamp: stamp, checkpoint: checkpoint, counts: counts, sources: sources,
                    ratingScale: try ledger.ratingScale(asOf: stamp.asOf))))
        try ledger.forEachReportSource(stamp, filter: filter, withMatches: options.withMatches) { source, claims in
            try write(renderer.source(source, claims))
        }
        try write(renderer.end())
    }
}

/// Numbers each distinct piece of evidence once, in order of first citation.
struct EvidenceNotes {
    private(set) var list: [(evidence: String, reviewer: String?, publishedBy: String?, date: String?)] = []
    private var numbers: [String: Int] = [:]

    /// The reference number of each decision behind the claim's verdict, in order.
    mutating func numbers(for claim: ClaimRecord) -> [Int] {
        claim.decisions.compactMap { number(for: $0) }
    }

    mutating func number(for decision: HistoryEvent) -> Int? {
        guard let evidence = decision.evidence else { return nil }
        if let n = numbers[evidence] { return n }
        list.append((evidence, decision.reviewer, decision.publishedBy, decision.recordedAt))
        numbers[evidence] = list.count
        return list.count
    }
}

/// The sentence around a claim, split around the claim itself (for highlighting).
func sentenceParts(_ claim: ClaimRecord, in text: SourceText) -> (before: String, claim: String, after: String) {
    text.sentenceAround(
        start: claim.start, end: claim.end,
        sentenceStart: claim.sentenceStart, sentenceEnd: claim.sentenceEnd) ?? ("", claim.text, "")
}

/// A URL safe to link: http or https only (no `javascript:`, `data:`…).
func safeLink(_ url: String?) -> String? {
    guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(),
        scheme == "http" || scheme == "https",
        !url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    else { return nil }
    return url
}

/// A raw value as a label: "verified" → "Verified", "quote" → "Quote".
private func label(_ rawValue: String) -> String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

extension ClaimStatus {
    /// The status in words (never colour alone).
    var label: String { Reports.label(rawValue) }
    /// The order reports list statuses in.
    static let reportOrder: [ClaimStatus] = [.verified, .disputed, .unverified]
}

extension ClaimKind {
    /// "Quote" or "Claim".
    var label: String { Reports.label(rawValue) }
}
