import Foundation

/// One published fact-check, as read from schema.org ClaimReview JSON-LD.
public struct PublishedReview: Sendable, Equatable {
    /// Where in the file it was (`$[3]`, `$.@graph[0]`), for messages.
    public var path: String
    public var claim: String
    /// Who made the claim (`itemReviewed.author`).
    public var claimant: String?
    /// The review page: its URL (the evidence), headline, publisher and date.
    public var url: String
    public var headline: String?
    public var reviewer: String?
    public var published: String?
    public var description: String?
    public var rating: PublishedRating?
    /// `reviewAspect`: which part of the claim the review judges (a quote's content or attribution).
    public var aspect: String? = nil
    /// The publisher's `identifier` for the review.
    public var identifier: String? = nil
}

/// A `reviewRating`: its label and, when given, its value on the publisher's scale.
public struct PublishedRating: Sendable, Equatable {
    public var label: String?
    public var value: Double?
    public var best: Double?
    public var worst: Double?
    /// Rating numbers beyond this (or not finite) make a file malformed.
    public static let largestNumber = 1e15

    /// The value, when it lies on its scale (between worst and best); a value off its scale says
    /// nothing the label does not say better.
    public var valueOnScale: Double? {
        guard let value, let best, let worst, best != worst, (min(best, worst)...max(best, worst)).contains(value)
        else { return nil }
        return value
    }

    /// Where the value stands on its scale, 0 (worst) to 1 (best); nil without one.
    public var place: Double? {
        guard let value = valueOnScale, let best, let worst else { return nil }
        return (value - worst) / (best - worst)
    }

    /// A value given with a scale it lies outside of.
    public var valueOffScale: Bool {
        value != nil && best != nil && worst != nil && best != worst && valueOnScale == nil
    }

    public init(label: String?, value: Double? = nil, best: Double? = nil, worst: Double? = nil) {
        self.label = label
        self.value = value
        self.best = best
        self.worst = worst
    }
}

/// Why a file could not be imported: where, and what is wrong. Nothing of the file is recorded.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: String
    public var message: String
    public var description: String { "\(file): \(location): \(message)" }
}

/// Reads ClaimReview JSON-LD: a single object, an array of them, or an object with `@graph` (what the
/// Google Fact Check Tools API, the Data Commons feed and fact-checkers' pages publish). Objects of
/// other types beside the reviews (a WebPage, an Organization) are passed over.
public enum ClaimReviewReader {
    public static func read(_ data: Data, file: String) throws -> [PublishedReview] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ImportProblem(
                file: file, location: "JSON",
                message: "not valid JSON (\(detail(of: error))); fix the file and import it again")
        }
        var reviews: [PublishedReview] = []
        try collect(json, path: "$", file: file, into: &reviews)
        if reviews.isEmpty {
            throw ImportProblem(
                file: file, location: "$",
                message: "no ClaimReview in this file (an object whose \"@type\" is \"ClaimReview\")")
        }
        return reviews
    }

    private static func collect(_ json: Any, path: String, file: String, into reviews: inout [PublishedReview]) throws {
        if let array = json as? [Any] {
            for (n, item) in array.enumerated() { try collect(item, path: "\(path)[\(n)]", file: file, into: &reviews) }
        } else if let object = json as? [String: Any] {
            if let graph = object["@graph"] { try collect(graph, path: path + ".@graph", file: file, into: &reviews) }
            if types(object).contains("ClaimReview") { reviews.append(try review(object, path: path, file: file)) }
        }
    }

    private static func review(_ o: [String: Any], path: String, file: String) throws -> PublishedReview {
        func problem(_ key: String, _ message: String) -> ImportProblem {
            ImportProblem(file: file, location: "\(path).\(key)", message: message)
        }
        guard let claim = text(o["claimReviewed"]) else {
            throw problem("claimReviewed", "missing or empty: the claim that was checked is required")
        }
        guard let url = text(o["url"]), let scheme = URL(string: url)?.scheme?.lowercased(),
            scheme == "https" || scheme == "http"
        else {
            throw problem("url", "missing or not an http(s) URL: the review page is the evidence of its verdict")
        }
        let item = o["itemReviewed"] as? [String: Any]
        return PublishedReview(
            path: path, claim: claim, claimant: name(item?["author"]) ?? name(o["claimAuthor"]),
            url: url, headline: text(o["headline"]) ?? text(o["name"]),
            reviewer: name(o["author"]) ?? name(o["publisher"]), published: text(o["datePublished"]),
            description: text(o["description"]) ?? text(o["reviewBody"]),
            rating: try rating(o["reviewRating"], path: path + ".reviewRating", file: file),
            aspect: text(o["reviewAspect"]), identifier: text(o["identifier"]))
    }

    private static func rating(_ json: Any?, path: String, file: String) throws -> PublishedRating? {
        guard let json else { return nil }
        let object = (json as? [Any])?.first as? [String: Any] ?? json as? [String: Any]
        guard let r = object else {
            throw ImportProblem(
                file: file, location: path, message: "not an object (a Rating with alternateName or ratingValue)")
        }
        func value(_ key: String) throws -> Double? {
            guard let n = number(r[key]) else { return nil }
            guard n.isFinite, abs(n) <= PublishedRating.largestNumber else {
                throw ImportProblem(
                    file: file, location: path + "." + key,
                    message:
                        "\(r[key].map { "\($0)" } ?? "?") is not a rating number (a finite number, at most 10^15 in size)"
                )
            }
            return n
        }
        return PublishedRating(
            label: text(r["alternateName"]) ?? text(r["name"]), value: try value("ratingValue"),
            best: try value("bestRating"), worst: try value("worstRating"))
    }

    static func types(_ o: [String: Any]) -> [String] {
        if let one = o["@type"] as? String { return [one] }
        return (o["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// A non-empty string, trimmed; control characters (other than line breaks) dropped.
    static func text(_ json: Any?) -> String? {
        guard let s = json as? String else { return nil }
        let cleaned = String(
            String.UnicodeScalarView(
                s.unicodeScalars.filter {
                    $0 == "\n"
                        || !($0.properties.generalCategory == .control
                            || $0.properties.generalCategory == .format && $0.value >= 0x202A && $0.value <= 0x202E)
                }))
        let trimmed = cleaned.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A Person or Organization's name, a plain string, or the first of an array of them.
    static func name(_ json: Any?) -> String? {
        if let array = json as? [Any] { return array.lazy.compactMap(name).first }
        if let object = json as? [String: Any] { return text(object["name"]) }
        return text(json)
    }

    /// A number given as a number or as text ("4").
    static func number(_ json: Any?) -> Double? {
        // JSON true/false arrive as NSNumber too; theirs is the "c" (char) type, never a JSON number's.
        if let n = json as? NSNumber { return String(cString: n.objCType) == "c" ? nil : n.doubleValue }
        return text(json).flatMap { Double($0) }
    }

    private static func detail(of error: Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
    }
}
