import LedgerStore

/// schema.org ClaimReview JSON-LD, one object per reviewed claim (verified or disputed), as a JSON array.
/// Rating (README, "Ratings"): the decision's label on the ledger's scale (alternateName, its ratingValue);
/// without a label, the bare verdict (`RatingLabel.published`). bestRating 5, worstRating 1.
struct ClaimReviewReport: ReportRenderer {
    var options: ReportOptions
    var reviews = JSONItems(.array(indent: ""))
    var scale: [RatingLabel] = []

    init(options: ReportOptions) { self.options = options }

    static let organisationWords: Set<String> = [
        "statement", "document", "ministry", "government", "agency", "office", "department", "party", "union",
        "times", "post", "news", "reuters", "afp", "ap", "company", "committee", "council", "police", "court",
        "publications", "media", "analysts", "report", "association", "institute", "university", "bank",
    ]

    /// The speaker as a schema.org agent: a Person or an Organization as extraction recorded it
    /// (`speaker_kind`); for claims recorded without it (before schema version 2, by hand, or with a
    /// corrected speaker) a person has two to four capitalised words and no organisation word.
    static func agent(_ name: String, kind: SpeakerKind? = nil) -> JSONValue {
        if let kind {
            return .object([
                ("@type", .string(kind == .organisation ? "Organization" : "Person")), ("name", .string(name)),
            ])
        }
        let words = name.split(separator: " ")
        let organisation =
            words.count < 2 || words.count > 4
            || words.contains { organisationWords.contains($0.lowercased()) }
            || words.contains { $0.first?.isUppercase != true }
        return .object([("@type", .string(organisation ? "Organization" : "Person")), ("name", .string(name))])
    }

    mutating func begin(_ summary: ReportSummary) -> String {
        scale = summary.ratingScale
        return reviews.opening
    }

    /// The rating's value and name: the claim's label on the scale, else the bare verdict.
    func rating(_ c: ClaimRecord) -> (value: Int, name: String) {
        RatingLabel.published(label: c.rating, status: c.status, on: scale)
    }

    mutating func source(_ source: RecordedSource, _ claims: [ClaimRecord]) -> String {
        var out = ""
        let appearance = ClaimReviewReport.appearance(source)
        for c in claims {
            if let check = QuoteAxes.check(c),
                let review = attributionReview(c, check, item: item(c, source, appearance))
            {
                out += reviews.item(review)
            }
            guard c.status == .verified || c.status == .disputed else { continue }
            let rating = rating(c)
            let item = item(c, source, appearance)
            var review: [(String, JSONValue)] = [
                ("@context", .string("https://schema.org")), ("@type", .string("ClaimReview")),
                ("claimReviewed", .string(c.text)), ("itemReviewed", item),
                ("reviewRating", ClaimReviewReport.rating(value: rating.value, name: rating.name)),
            ]
            // A quote's status is about what it says, never whether it was said (its attribution review is apart).
            if c.kind == .quote { review.append(("reviewAspect", .string(ReviewAspect.content))) }
            review += credit(c)
            review.append(("datePublished", .string(String((c.reviewedAt ?? "").prefix(10)))))
            review.append(("identifier", .string(c.publishedID)))
            if let url = reviewPage(c) { review.append(("url", .string(url))) }
            if let body = ClaimReviewReport.reviewBody(c) { review.append(("reviewBody", .string(body))) }
            out += reviews.item(.object(review))
        }
        return out
    }

    /// The claim reviewed: its speaker as author (a Person or an Organization), where it appeared.
    func item(_ c: ClaimRecord, _ source: RecordedSource, _ appearance: JSONValue) -> JSONValue {
        var item: [(String, JSONValue)] = [
            ("@type", .string("Claim")),
            ("appearance", ReportMatches.appearances(appearance, c)),
            ("firstAppearance", appearance),
        ]
        if let speaker = c.speaker {
            item.append(("author", ClaimReviewReport.agent(speaker, kind: c.speakerKind)))
        } else if let outlet = source.outlet {
            // Asserted in the article's own voice: its publisher is the author.
            item.append(("author", ClaimReviewReport.organisation(outlet)))
        }
        // Nobody known: no author (never the article's title or text, which would name a paragraph as the claimant).
        return .object(item)
    }

    /// A quote's attribution check as its own review: what is reviewed is that the speaker said it
    /// ("Jane Roe said: “…”"), rated 5 said as quoted … 1 misquoted or never said.
    func attributionReview(_ c: ClaimRecord, _ check: HistoryEvent, item: JSONValue) -> JSONValue? {
        guard let verdict = c.attribution, let value = verdict.ratingValue else { return nil }
        var review: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("ClaimReview")),
            ("claimReviewed", .string(ReviewAspect.saidClaim(speaker: c.speaker, quote: c.text))),
            ("itemReviewed", item),
            ("reviewRating", ClaimReviewReport.rating(value: value, name: verdict.label)),
            ("reviewAspect", .string(ReviewAspect.attribution)),
        ]
        // An imported check is its publisher's, like an imported verdict.
        review +=
            check.publishedBy.map { [("author", ClaimReviewReport.organisation($0))] }
            ?? byline(decidedBy: check.reviewer)
        review.append(("datePublished", .string(String(check.recordedAt.prefix(10)))))
        review.append(("identifier", .string(ReviewAspect.attributionIdentifier(c.publishedID))))
        if let page = options.reviewURL(for: c.publishedID) {
            review.append(("url", .string(ReviewAspect.attributionURL(page))))
        }
        review.append(
            (
                "reviewBody",
                .string(
                    "Evidence of what was said: \(check.evidence ?? "")" + (check.note.map { " (\($0))" } ?? "") + ".")
            ))
        return .object(review)
    }

    static func organisation(_ name: String, url: String? = nil, logo: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("@type", .string("Organization")), ("name", .string(name))]
        if let url { fields.append(("url", .string(url))) }
        if let logo { fields.append(("logo", .string(logo))) }
        return .object(fields)
    }

    /// Who the review is by: the organisation that published it (`author`) and the reviewer who
    /// decided (`creator`). A verdict imported from another publisher is theirs, not this ledger's.
    func credit(_ c: ClaimRecord) -> [(String, JSONValue)] {
        if let publishedBy = c.publishedBy { return [("author", ClaimReviewReport.organisation(publishedBy))] }
        return byline(decidedBy: c.reviewer)
    }

    /// A review made here: the publishing organisation as `author` (with its site and logo when the
    /// ledger's publisher is used) and the reviewer as `creator`; without a publisher, the reviewer.
    func byline(decidedBy reviewer: String?) -> [(String, JSONValue)] {
        let person: JSONValue = .object([("@type", .string("Person")), ("name", .string(reviewer ?? "unknown"))])
        guard let name = options.publisherName else { return [("author", person)] }
        let own = options.publisher == nil ? options.ledgerPublisher : nil
        return [("author", ClaimReviewReport.organisation(name, url: own?.url, logo: own?.logo)), ("creator", person)]
    }

    /// A schema.org Rating on the ledger's 1–5 scale.
    static func rating(value: Int, name: String) -> JSONValue {
        .object([
            ("@type", .string("Rating")), ("ratingValue", .int(Int64(value))),
            ("bestRating", .int(Int64(RatingLabel.best))),
            ("worstRating", .int(Int64(RatingLabel.worst))), ("alternateName", .string(name)),
        ])
    }

    /// The review's page: the original review's for an imported verdict (its evidence), else this
    /// publisher's page for the claim.
    func reviewPage(_ c: ClaimRecord) -> String? {
        if c.publishedBy != nil, let original = c.evidence, safeLink(original) != nil { return original }
        return options.reviewURL(for: c.publishedID)
    }

    /// Where the claim appeared: the article, its URL, headline, ISO date (a date that cannot be
    /// read as one is left out) and outlet.
    static func appearance(_ source: RecordedSource) -> JSONValue {
        var fields: [(String, JSONValue)] = [("@type", .string("CreativeWork"))]
        if let url = safeLink(source.url) { fields.append(("url", .string(url))) }
        if let title = source.title { fields.append(("headline", .string(title))) }
        if let published = source.published.flatMap(PublicationDate.normalised) {
            fields.append(("datePublished", .string(published)))
        }
        if let outlet = source.outlet { fields.append(("publisher", organisation(outlet))) }
        return .object(fields)
    }

    mutating func end() -> String { reviews.closing + "\n" }

    /// Every piece of evidence behind the verdict (with the note each decision carried), then the notes.
    static func reviewBody(_ c: ClaimRecord) -> String? {
        let evidence = c.decisions.compactMap { d in d.evidence.map { $0 + (d.note.map { " (\($0))" } ?? "") } }
        guard !evidence.isEmpty else { return nil }
        var body = "Evidence: " + evidence.joined(separator: "; ") + "."
        if !c.notes.isEmpty { body += " Notes: " + c.notes.compactMap(\.noteText).joined(separator: "; ") + "." }
        return body
    }
}
