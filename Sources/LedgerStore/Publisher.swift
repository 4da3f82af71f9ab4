import Foundation
import GRDB
import LedgerSchema
import SQLiteBinding

/// The JSON payload of a `publisher_set` entry: who publishes this ledger's fact-checks.
public struct PublisherPayload: Sendable, Equatable, PayloadEncodable {
    public var name: String
    public var url: String?
    public var logo: String?
    /// Each claim's review page: `{id}` stands for the claim's short ID.
    public var reviewURL: String
    public var setBy: String

    public func write(to json: inout PayloadWriter) {
        json.field("logo", logo)
        json.field("name", name)
        json.field("review_url", reviewURL)
        json.field("set_by", setBy)
        json.field("url", url)
    }
}

/// The organisation that publishes a ledger's reviews, as set by its latest `publisher_set` entry.
public struct Publisher: Sendable, Equatable {
    public var name: String
    public var url: String?
    public var logo: String?
    public var reviewURL: String
    public var seq: Int64
    public var setAt: String
    public var setBy: String

    /// The placeholder a review URL template holds for the claim's short ID.
    public static let idPlaceholder = "{id}"

    /// The review page of the claim with this short ID.
    public func reviewURL(for shortID: String) -> String {
        reviewURL.replacingOccurrences(of: Publisher.idPlaceholder, with: shortID)
    }

    /// What `publisher set` is given, checked: a name, web addresses (http or https), and a review
    /// URL that holds `{id}`.
    public static func payload(
        name: String, url: String?, logo: String?, reviewURL: String,
        setBy: String
    ) throws -> PublisherPayload {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isNewline) else {
            throw LedgerError.publisher(.name(name))
        }
        for (field, value) in [(PublisherRefusal.Field.url, url), (.logo, logo), (.reviewURL, reviewURL)] {
            if let value, !isWebAddress(value) { throw LedgerError.publisher(.notAWebAddress(field, value)) }
        }
        guard reviewURL.contains(idPlaceholder) else { throw LedgerError.publisher(.reviewURLWithoutID(reviewURL)) }
        return PublisherPayload(
            name: name, url: url, logo: logo, reviewURL: reviewURL, setBy: try Ledger.requireReviewer(setBy))
    }

    /// An absolute http(s) address with a host and nothing a page could not carry (no spaces).
    static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 2000, !text.contains(where: { $0.isWhitespace || $0.isNewline }),
            let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else { return false }
        return text.lowercased().hasPrefix(scheme + "://")
    }
}

/// Why `publisher set` (or a report that needs a publisher) refused; nothing was recorded.
public enum PublisherRefusal: Sendable, Equatable {
    public enum Field: String, Sendable {
        case url
        case logo
        case reviewURL = "review URL"
    }
    /// The name is empty, over 200 characters or spans lines.
    case name(String)
    /// Not an http(s) address.
    case notAWebAddress(Field, String)
    /// The review URL template has no `{id}`.
    case reviewURLWithoutID(String)
    /// ClaimReview needs each review's page, and neither a publisher nor a URL base was given.
    case noReviewPages

    var commandLineDescription: String {
        switch self {
        case .name(let name):
            return name.isEmpty
                ? "Give the publisher's name with --name (the organisation, as readers know it). Nothing was recorded."
                : "The publisher's name must be one line of at most 200 characters. Nothing was recorded."
        case .notAWebAddress(let field, let value):
            let flag = field == .reviewURL ? "--review-url" : "--" + field.rawValue
            return "\(flag) must be a web address starting with https:// (got \"\(value)\"). Nothing was recorded."
        case .reviewURLWithoutID:
            return
                "--review-url must say where each claim's review page is, with {id} for the claim's ID, e.g. https://factcheck.example.org/claims/{id}. Nothing was recorded."
        case .noReviewPages:
            return
                "ClaimReview needs each review's page (its url): set the publisher once with `claimledger publisher set --name NAME --review-url URL` (e.g. https://factcheck.example.org/claims/{id}), or give --review-url-base for this report."
        }
    }
}

extension Ledger {
    /// Sets who publishes this ledger's reviews, from this entry on (an entry like any other: the
    /// log says who set it when; a later `set` replaces it, the earlier stays in the log).
    @discardableResult
    public func setPublisher(_ payload: PublisherPayload) throws -> Entry {
        try write { db in
            if let current = try publisher(db, asOf: Int64.max), current.name == payload.name,
                current.url == payload.url,
                current.logo == payload.logo, current.reviewURL == payload.reviewURL
            {
                throw LedgerError.refused(
                    "The publisher is already \(current.name) with these addresses (entry \(current.seq), set by \(current.setBy)). Nothing was recorded."
                )
            }
            let entry = try append(db, kind: .publisherSet, payload: PayloadJSON.encode(payload))
            try db.cachedStatement(sql: LedgerQuery.insertPublisher.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(payload.name, as: "name")
                row.add(payload.url, as: "url")
                row.add(payload.logo, as: "logo")
                row.add(payload.reviewURL, as: "review_url")
                row.add(payload.setBy, as: "set_by")
            }
            return entry
        }
    }

    /// The publisher in force after entry `asOf` (the head when nil), or nil when none was set.
    public func publisher(asOf: Int64? = nil) throws -> Publisher? {
        try read { db in try publisher(db, asOf: asOf ?? Int64.max) }
    }

    func publisher(_ db: Database, asOf: Int64) throws -> Publisher? {
        try Row.fetchOne(db.cachedStatement(sql: LedgerQuery.publisherAsOf.sql), arguments: ["as_of": asOf]).map {
            row in
            Publisher(
                name: row["name"], url: row["url"], logo: row["logo"], reviewURL: row["review_url"],
                seq: row["seq"], setAt: row["recorded_at"], setBy: row["set_by"])
        }
    }
}
