import Foundation
import GRDB
import LedgerSchema
import LedgerSearch
import SQLiteBinding

/// What an append did: the entry it wrote, or nothing when the record was already there.
public enum AppendOutcome: Sendable, Equatable {
    case appended(Entry)
    case alreadyRecorded
}

extension Ledger {
    func exists(_ db: Database, query: LedgerQuery, id: String) throws -> Bool {
        try db.cachedStatement(sql: query.sql).returnsRow(db) { $0.add(id) }
    }

    /// Records a source unless one with the same ID is already there.
    @discardableResult
    public func recordSource(_ db: Database, _ source: SourcePayload) throws -> AppendOutcome {
        if try exists(db, query: .sourceExists, id: source.sourceID) { return .alreadyRecorded }
        let entry = try append(db, kind: .sourceRecorded, payload: PayloadJSON.encode(source))
        try db.cachedStatement(sql: LedgerQuery.insertSource.sql).execute(db) { row in
            row.add(source.sourceID, as: "source_id")
            row.add(entry.seq, as: "seq")
            row.add(source.sha256, as: "sha256")
            row.add(source.title, as: "title")
            row.add(source.outlet, as: "outlet")
            row.add(source.author, as: "author")
            row.add(source.published, as: "published")
            row.add(source.url, as: "url")
            row.add(source.text, as: "body")
            row.add(source.titleGuessed, as: "title_guessed")
        }
        return .appended(entry)
    }

    /// Records a claim or quote unless one with the same ID is already there.
    @discardableResult
    public func recordClaim(_ db: Database, _ claim: ClaimPayload) throws -> AppendOutcome {
        guard try exists(db, query: .sourceExists, id: claim.sourceID) else {
            throw LedgerError.unknownID("s-" + claim.sourceID.prefix(Identifiers.minimumShortLength))
        }
        if try exists(db, query: .claimExists, id: claim.claimID) { return .alreadyRecorded }
        let entry = try append(db, kind: .claimRecorded, payload: PayloadJSON.encode(claim))
        try db.cachedStatement(sql: LedgerQuery.insertClaim.sql).execute(db) { row in
            for column in ClaimTableColumn.allCases { row.add(column, of: claim, seq: entry.seq) }
        }
        if let confidence = claim.speakerConfidence {
            try db.cachedStatement(sql: LedgerQuery.insertSpeakerConfidence.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(confidence, as: "confidence")
            }
        }
        try SearchIndex.insertNew(
            db, seq: entry.seq, text: claim.text, speaker: claim.speaker, sourceID: claim.sourceID,
            isSpan: claim.isSpan)
        return .appended(entry)
    }

    /// Records a verification decision. Evidence is required: a decision without it is refused.
    @discardableResult
    public func changeStatus(
        claimID: String, to status: ClaimStatus, evidence: String?,
        note: String?, reviewer: String
    ) throws -> Entry {
        try changeStatus(claimIDs: [claimID], to: status, evidence: evidence, note: note, reviewer: reviewer)[0]
    }

    /// The same decision on several claims in one transaction: every entry is recorded, or none
    /// (an unknown ID refuses them all). A claim named twice is decided once.
    public func changeStatus(
        claimIDs: [String], to status: ClaimStatus, evidence: String?,
        note: String?, reviewer: String
    ) throws -> [Entry] {
        try decide(claimIDs: claimIDs, Verdict(status, grounds: evidence, note: note), reviewer: reviewer).map(\.entry)
    }

    /// `ids` in their first order, each once.
    public static func distinct(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Adds a free-text note to a claim.
    @discardableResult
    public func addNote(claimID: String, text: String, reviewer: String) throws -> Entry {
        try addNote(claimIDs: [claimID], text: text, reviewer: reviewer)[0]
    }

    /// The same note on several claims in one transaction, all or nothing.
    @discardableResult
    public func addNote(claimIDs: [String], text: String, reviewer: String) throws -> [Entry] {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw LedgerError.missing(.noteText) }
        if Identifiers.isOnlyIDs(text) { throw LedgerError.missing(.onlyIDs(text)) }
        let reviewer = try Ledger.requireReviewer(reviewer)
        return try write { db in
            try Ledger.distinct(claimIDs).map { claimID in
                guard try exists(db, query: .claimExists, id: claimID) else { throw LedgerError.unknownID(claimID) }
                return try recordNote(db, claimID: claimID, text: text, reviewer: reviewer)
            }
        }
    }

    /// A note on a claim, inside the caller's write transaction (`import` keeps a rating it cannot map).
    @discardableResult
    public func recordNote(_ db: Database, claimID: String, text: String, reviewer: String) throws -> Entry {
        let entry = try append(
            db, kind: .noteAdded,
            payload: PayloadJSON.encode(NotePayload(claimID: claimID, text: text, reviewer: reviewer)))
        try db.cachedStatement(sql: LedgerQuery.insertNote.sql).execute(db) { row in
            row.add(entry.seq, as: "seq")
            row.add(claimID, as: "claim_id")
            row.add(text, as: "text")
            row.add(reviewer, as: "reviewer")
        }
        return entry
    }

    /// Corrects one field of a claim (speaker, cue, via or text) with a reason; the original stays in the log.
    /// With `expecting`, the field must still hold that value (nil: none) when the correction is
    /// written, else nothing is recorded (`LedgerError.conflict`): two reviewers correcting the same
    /// claim at once never silently overwrite each other.
    @discardableResult
    public func correct(
        claimID: String, field: CorrectionField, value: String?, reason: String,
        reviewer: String, expecting: FieldValue? = nil
    ) throws -> Entry {
        let reason = try Ledger.requireReason(reason)
        if field == .text && (value ?? "").isEmpty {
            throw LedgerError.refused("A claim's text cannot be corrected to nothing.")
        }
        let reviewer = try Ledger.requireReviewer(reviewer)
        let payload = CorrectionPayload(
            claimID: claimID, field: field, value: value, reason: reason, reviewer: reviewer)
        return try write { db in
            guard try exists(db, query: .claimExists, id: claimID) else { throw LedgerError.unknownID(claimID) }
            if let expecting, field == .speaker { try checkSpeaker(db, claimID: claimID, expecting: expecting.value) }
            let entry = try append(db, kind: .correction, payload: PayloadJSON.encode(payload))
            try db.cachedStatement(sql: LedgerQuery.insertCorrection.sql).execute(db) { row in
                row.add(entry.seq, as: "seq")
                row.add(claimID, as: "claim_id")
                row.add(field.rawValue, as: "field")
                row.add(value, as: "value")
                row.add(reason, as: "reason")
                row.add(reviewer, as: "reviewer")
            }
            if field == .text || field == .speaker {
                try SearchIndex.refresh(db, claimID: claimID)
                try matchAgain(db, claimID: claimID)
            }
            return entry
        }
    }

    /// Refuses when the claim's speaker (as it stands, read inside the writer's transaction) is not `expected`.
    private func checkSpeaker(_ db: Database, claimID: String, expecting expected: String?) throws {
        var current: ClaimRecord?
        try forEachClaim(db, ClaimFilter(), query: .claimByID, claimID: claimID) { current = $0 }
        guard let current, current.claim.speaker != expected else { return }
        let last = try Row.fetchOne(
            db.cachedStatement(sql: LedgerQuery.lastCorrection.sql),
            arguments: ["claim_id": claimID, "field": CorrectionField.speaker.rawValue])
        throw LedgerError.conflict(
            Conflict(
                claim: current.shortID, field: .speaker, expected: expected, found: current.claim.speaker,
                by: last?["reviewer"], at: last?["recorded_at"], entry: last?["seq"]))
    }

    /// Records a claim by hand on an existing source, or on a new source without text.
    public func addClaim(
        sourceID existing: String?, newSource: SourcePayload?, kind: ClaimKind,
        text: String, speaker: String?
    ) throws -> (claimID: String, outcome: AppendOutcome) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw LedgerError.refused("The claim's text is empty; give it as the last argument.")
        }
        return try write { db in
            let sourceID: String
            if let existing {
                guard try exists(db, query: .sourceExists, id: existing) else { throw LedgerError.unknownID(existing) }
                sourceID = existing
            } else if let newSource {
                try recordSource(db, newSource)
                sourceID = newSource.sourceID
            } else {
                throw LedgerError.refused("A claim needs a source: pass --source ID or --source-title TITLE.")
            }
            let claimID = Identifiers.claimID(sourceID: sourceID, kind: kind.rawValue, start: nil, end: nil, text: text)
            let payload = ClaimPayload(
                claimID: claimID, sourceID: sourceID, kind: kind, text: text,
                speaker: speaker.flatMap { $0.isEmpty ? nil : $0 })
            let outcome = try recordClaim(db, payload)
            if case .appended = outcome { try storeMatches(db, claimID: claimID) }
            return (claimID, outcome)
        }
    }

    /// A correction's reason, trimmed; an empty one is refused.
    static func requireReason(_ reason: String) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LedgerError.missing(.correctionReason) }
        if Identifiers.isOnlyIDs(reason) { throw LedgerError.missing(.onlyIDs(reason)) }
        return reason
    }

    package static func requireReviewer(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw LedgerError.missing(.reviewerName) }
        return name
    }
}

/// A field's value as a caller last saw it (nil: empty), for a check against changes made meanwhile.
public struct FieldValue: Sendable, Equatable {
    public var value: String?
    public init(_ value: String?) { self.value = value }
}
