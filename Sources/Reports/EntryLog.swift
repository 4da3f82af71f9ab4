import Foundation
import LedgerStore

/// How `log` shows the ledger's entries, in every listing format.
public enum EntryLog {
    public static func listing(format: ListingFormat, styling: Styling) -> Listing<Entry> {
        Listing(
            format: format,
            columns: .init(
                tableHeader: "", tableRow: { tableLine($0, styling: styling) }, json: jsonObject,
                csvHeader: ["seq", "kind", "recorded_at", "prev_hash", "hash", "payload"],
                csvRow: { e in [String(e.seq), e.kind, e.recordedAt, e.prevHash, e.hash, e.payload] },
                empty: ""))
    }

    static func tableLine(_ e: Entry, styling: Styling) -> String {
        "\(styling.bold(String(e.seq).padding(toLength: 6, withPad: " ", startingAt: 0)))  \(e.recordedAt)  \(e.kind.padding(toLength: max(15, e.kind.count), withPad: " ", startingAt: 0))  \(styling.dim(String(e.hash.prefix(16))))  \(summary(e))\n"
    }

    /// The entry with its payload as a JSON object (as a string when it is not valid JSON).
    public static func jsonObject(_ e: Entry) -> JSONValue {
        let payload =
            (try? JSONSerialization.jsonObject(with: Data(e.payload.utf8))).map(JSONValue.init(parsed:))
            ?? .string(e.payload)
        return .object([
            ("seq", .int(e.seq)), ("kind", .string(e.kind)), ("recorded_at", .string(e.recordedAt)),
            ("prev_hash", .string(e.prevHash)), ("hash", .string(e.hash)), ("payload", payload),
        ])
    }

    static func summary(_ e: Entry) -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(e.payload.utf8))) as? [String: Any] else {
            return ""
        }
        func s(_ key: String) -> String { (object[key] as? String) ?? "" }
        switch EntryKind(rawValue: e.kind) {
        case .sourceRecorded: return "s-\(s("source_id").prefix(8))  \(s("title"))"
        case .claimRecorded: return "c-\(s("claim_id").prefix(8))  \(s("kind")): \(TextTable.fit(s("text"), 50))"
        case .statusChanged:
            let by = Credit.text(reviewer: s("reviewer"), publishedBy: object["published_by"] as? String) ?? ""
            return "c-\(s("claim_id").prefix(8))  → \(s("status"))  by \(by)"
        case .noteAdded: return "c-\(s("claim_id").prefix(8))  note by \(s("reviewer"))"
        case .correction: return "c-\(s("claim_id").prefix(8))  \(s("field")) corrected by \(s("reviewer"))"
        case .sourceCorrected: return "s-\(s("source_id").prefix(8))  \(s("field")) corrected by \(s("reviewer"))"
        case .ratingDefined: return "rating \(s("label")) → \(s("means")) by \(s("reviewer"))"
        case .reviewerAdded: return "reviewer \(s("name")) added by \(s("added_by"))"
        case .reviewerRevoked: return "reviewer \(s("name")) revoked by \(s("revoked_by"))"
        case .keyTrusted: return "key \(s("name")) trusted by \(s("trusted_by"))"
        case .attributionChecked:
            let by = Credit.text(reviewer: s("reviewer"), publishedBy: object["published_by"] as? String) ?? ""
            return
                "c-\(s("claim_id").prefix(8))  said as quoted? \(AttributionVerdict(rawValue: s("verdict"))?.argument ?? s("verdict"))  by \(by)"
        case .publisherSet: return "publisher \(s("name")) set by \(s("set_by"))"
        case .claimAssigned:
            let to = (object["assignee"] as? String).map { "assigned to \($0)" } ?? "given back"
            return "c-\(s("claim_id").prefix(8))  \(to) by \(s("reviewer"))"
        case nil: return ""
        }
    }
}
