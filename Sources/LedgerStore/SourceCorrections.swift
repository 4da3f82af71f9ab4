import Foundation
import GRDB
import LedgerSchema
import LedgerSearch
import SQLiteBinding

/// The fields of a source a correction can set anew (the stored `source_correction.field`). Its
/// text, and so its ID, never changes.
public enum SourceField: String, Codable, Sendable, CaseIterable {
    case title, outlet, author, published, url
}

/// The JSON payload of a `source_corrected` entry: one field of a source set anew.
extension SourcePayload {
    /// The outlet its address names, to offer when none was given: the host without `www.`
    /// (`https://www.reuters.com/world/…` → `reuters.com`); nil for an address with no host, or not
    /// http(s).
    public var outletFromAddress: String? {
        guard let url, let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", var host = parts.host?.lowercased(), host.contains(".")
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }
}

public struct SourceCorrectionPayload: Codable, Sendable, Equatable, PayloadEncodable {
    public var sourceID: String
    public var field: String
    public var value: String?
    public var reason: String
    public var reviewer: String

    public func write(to json: inout PayloadWriter) {
        json.field("field", field)
        json.field("reason", reason)
        json.field("reviewer", reviewer)
        json.field("source_id", sourceID)
        json.field("value", value)
    }
}

/// A source with its claims counted by status (`sources`).
public struct SourceSummary: Sendable, Equatable {
    public var source: RecordedSource
    public var counts: [ClaimStatus: Int]
    public var claims: Int { counts.values.reduce(0, +) }
}

extension Ledger {
    /// Sets fields of a source anew, one entry per field, all in one transaction. A title cannot be
    /// emptied; the other fields can (nil or empty: "not known"). With `expecting`, a corrected field
    /// whose value is no longer the one the caller saw (a colleague corrected it meanwhile) refuses
    /// them all.
    @discardableResult
    public func correctSource(
        sourceID: String, changes: [(SourceField, String?)], reason: String,
        reviewer: String, expecting: [SourceField: String?]? = nil
    ) throws -> [Entry] {
        let reason = try Ledger.requireReason(reason)
        guard !changes.isEmpty else {
            throw LedgerError.refused("Nothing to correct: give --title, --outlet, --author, --published or --url.")
        }
        let reviewer = try Ledger.requireReviewer(reviewer)
        let payloads = try changes.map { field, value in
            try Self.sourceCorrection(sourceID, field, value, reason: reason, reviewer: reviewer)
        }
        return try write { db in
            guard try exists(db, query: .sourceExists, id: sourceID) else { throw LedgerError.unknownID(sourceID) }
            if let expecting { try checkUnchanged(db, sourceID: sourceID, changes.map(\.0), expecting) }
            return try payloads.map { payload in
                let entry = try append(db, kind: .sourceCorrected, payload: PayloadJSON.encode(payload))
                try db.cachedStatement(sql: LedgerQuery.insertSourceCorrection.sql).execute(db) { row in
                    row.add(entry.seq, as: "seq")
                    row.add(payload.sourceID, as: "source_id")
                    row.add(payload.field, as: "field")
                    row.add(payload.value, as: "value")
                    row.add(payload.reason, as: "reason")
                    row.add(payload.reviewer, as: "reviewer")
                }
                if payload.field == SourceField.title.rawValue {
                    try SearchIndex.refresh(db, sourceID: payload.sourceID)
                }
                return entry
            }
        }
    }

    /// One field's correction as it will be recorded: a date normalised to ISO 8601 (or refused
    /// with an example), an empty value "not known" — never for the title.
    static func sourceCorrection(
        _ sourceID: String, _ field: SourceField, _ value: String?, reason: String, reviewer: String
    ) throws -> SourceCorrectionPayload {
        var value = value?.trimmingCharacters(in: .whitespacesAndNewlines)
        if field == .published, let typed = value, !typed.isEmpty {
            // ClaimReview and its readers take ISO 8601 dates: normalised, or refused with an example.
            guard let iso = PublicationDate.normalised(typed) else {
                throw LedgerError.refused(
                    "\"\(typed)\" is not a date this ledger can publish: write it as \(PublicationDate.example) (year-month-day). Nothing was recorded."
                )
            }
            value = iso
        }
        if field == .title && (value ?? "").isEmpty {
            throw LedgerError.refused("A source's title cannot be corrected to nothing.")
        }
        return SourceCorrectionPayload(
            sourceID: sourceID, field: field.rawValue, value: value?.isEmpty == true ? nil : value,
            reason: reason, reviewer: reviewer)
    }

    /// Refuses when one of `fields` no longer has the value the caller saw (nil or empty: none).
    private func checkUnchanged(
        _ db: Database, sourceID: String, _ fields: [SourceField], _ seen: [SourceField: String?]
    ) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: LedgerQuery.sourceByID.sql),
                arguments: ["source": sourceID, "as_of": Int64.max])
        else { throw LedgerError.unknownID(sourceID) }
        for field in fields {
            let now = (row[field.rawValue] as String?).flatMap { $0.isEmpty ? nil : $0 }
            let expected = (seen[field] ?? nil).flatMap { $0.isEmpty ? nil : $0 }
            guard now != expected else { continue }
            let last = try sourceHistory(db, sourceID: sourceID).last {
                if case .sourceCorrection(field, _, _) = $0.change { return true }
                return false
            }
            throw LedgerError.conflict(
                Conflict(
                    claim: try shortID(db, sourceID, table: .source), field: .source(field), expected: expected,
                    found: now, by: last?.reviewer, at: last?.recordedAt, entry: last?.seq))
        }
    }

    /// A source's entries: when it was recorded, then each correction, oldest first.
    public func sourceHistory(sourceID: String) throws -> [HistoryEvent] {
        try read { db in try sourceHistory(db, sourceID: sourceID) }
    }

    func sourceHistory(_ db: Database, sourceID: String) throws -> [HistoryEvent] {
        try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.sourceHistory.sql), arguments: ["source": sourceID])
            .map { row in
                var change = HistoryEvent.Change.recorded
                if (row["event"] as String) == "correction" {
                    let raw: String = row["field"]
                    guard let field = SourceField(rawValue: raw) else {
                        throw LedgerError.damaged("a source correction of the unknown field \(raw)")
                    }
                    change = .sourceCorrection(field: field, value: row["value"], reason: row["reason"])
                }
                return HistoryEvent(
                    seq: row["seq"], change: change, reviewer: row["reviewer"], recordedAt: row["recorded_at"],
                    hash: row["hash"])
            }
    }

    /// Every source (or the one `sourceID` names), oldest first, with its corrections and its claims
    /// counted by status, as the ledger stood after entry `asOf` (nil: the head).
    public func sources(asOf: Int64? = nil, sourceID: String? = nil) throws -> [SourceSummary] {
        try read { db in
            let arguments: StatementArguments = ["as_of": asOf ?? Int64.max, "source": sourceID]
            return try Row.fetchAll(db.cachedStatement(sql: LedgerQuery.sourcesListing.sql), arguments: arguments).map {
                row in
                var counts: [ClaimStatus: Int] = [:]
                for status in ClaimStatus.allCases { counts[status] = row[status.rawValue] }
                return SourceSummary(source: try RecordedSource(db, row: row, ledger: self), counts: counts)
            }
        }
    }
}
