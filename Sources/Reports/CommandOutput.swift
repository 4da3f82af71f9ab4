import LedgerAudit
import LedgerStore

/// The JSON lines and objects of the commands that are not listings (`ingest --json`, `audit --format json`).
public enum CommandOutput {
    /// One `ingest --json` line for an article recorded (or found already recorded).
    /// `seenBefore`: how many of its claims repeat earlier ones, by the earlier claim's status.
    public static func ingested(
        file: String, sourceShortID: String, recorded: Bool, quotes: Int, claims: Int,
        seenBefore: [ClaimStatus: Int] = [:]
    ) -> String {
        StableJSON.string(
            .object([
                ("file", .string(file)), ("source", .string(sourceShortID)), ("recorded", .bool(recorded)),
                ("quotes", .from(quotes)), ("claims", .from(claims)),
                ("seen_before", .from(seenBefore.values.reduce(0, +))),
                (
                    "seen_before_by_status",
                    .object(ClaimStatus.allCases.map { ($0.rawValue, .from(seenBefore[$0] ?? 0)) })
                ),
            ])) + "\n"
    }

    /// `import --json`: how many reviews were read, recorded new (by status) and already there, and
    /// how many quotes' attribution checks were recorded.
    public static func imported(
        reviews: Int, recorded: Int, alreadyRecorded: Int, byStatus: [ClaimStatus: Int],
        attributionsChecked: Int
    ) -> String {
        StableJSON.string(
            .object([
                ("reviews", .from(reviews)), ("recorded", .from(recorded)),
                ("already_recorded", .from(alreadyRecorded)), ("attributions_checked", .from(attributionsChecked)),
                ("by_status", .object(ClaimStatus.allCases.map { ($0.rawValue, .from(byStatus[$0] ?? 0)) })),
            ])) + "\n"
    }

    /// `import`'s summary in words: "Imported 3 reviews: 2 new (1 verified, 1 disputed), 1 already
    /// recorded; 1 quote checked for whether it was said as quoted.", then any rating labels added.
    public static func importedText(
        reviews: Int, recorded: Int, alreadyRecorded: Int, byStatus: [ClaimStatus: Int],
        attributionsChecked: Int, ratingsAdded: [String]
    ) -> String {
        let counts = ClaimStatus.allCases.compactMap { s in byStatus[s].map { "\($0) \(s.rawValue)" } }
        let checked =
            attributionsChecked == 1
            ? "1 quote checked for whether it was said as quoted"
            : "\(attributionsChecked) quotes checked for whether they were said as quoted"
        return "Imported \(reviews) review\(reviews == 1 ? "" : "s"): \(recorded) new"
            + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
            + ", \(alreadyRecorded) already recorded" + (attributionsChecked == 0 ? "" : "; " + checked) + ".\n"
            + (ratingsAdded.isEmpty
                ? ""
                : "Rating labels added to the scale (see `claimledger ratings`): "
                    + ratingsAdded.joined(separator: ", ") + ".\n")
    }

    /// One `ingest --json` line for a file that was not recorded, with the reason.
    public static func notIngested(file: String, reason: String) -> String {
        StableJSON.string(.object([("file", .string(file)), ("error", .string(reason)), ("recorded", .bool(false))]))
            + "\n"
    }

    /// `audit --format json`.
    /// `signaturesChecked`: nil without checkpoints; false when they were read without a key (their
    /// signatures prove nothing then).
    public static func audit(
        _ report: AuditReport, passed: Bool, checkpointProblems: [String], signaturesChecked: Bool? = nil
    ) -> String {
        var fields: [(String, JSONValue)] = [
            ("ok", .bool(passed)), ("entries", .int(report.entryCount)), ("head", .string(report.headHash)),
            ("problem", .from(report.problem?.message)), ("entry", .from(report.problem?.seq)),
            ("checkpoints", .array(checkpointProblems.map(JSONValue.string))),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ]
        if let signaturesChecked { fields.append(("signatures_checked", .bool(signaturesChecked))) }
        return StableJSON.string(.object(fields)) + "\n"
    }
}
