import LedgerSchema

/// For tests that make a ledger of an older schema version out of a current one by dropping what
/// later migrations added.
public enum OlderSchema {
    /// Puts back the view `claims_current` as versions 3 to 11 had it (migration 3's text): version
    /// 12 made it from the library's query, which reads tables an older version lacks; and drops the
    /// table of assignments (version 13), which that query reads, and the stored matches (14).
    public static let claimsViewBeforeVersion12 =
        beforeVersion14 + "DROP VIEW claims_current;\nDROP TABLE assignment;\n"
        + statement(of: 3, from: "CREATE VIEW claims_current AS", through: ";\n")

    /// Drops what version 14 added: the stored matches, their coverage and pending claims, the
    /// index of confidences (and undoes version 15 first).
    public static let beforeVersion14 =
        beforeVersion15 + "DROP TABLE claim_match;\nDROP TABLE match_coverage;\nDROP TABLE match_pending;\n"
        + "DROP INDEX speaker_confidence_by_value;\n"

    /// Undoes version 16: the desk's sessions and failed sign-ins (and version 17 first).
    public static let beforeVersion16 =
        beforeVersion17 + "DROP TABLE desk_session;\nDROP TABLE desk_sign_in_failure;\n"

    /// Undoes version 18: the stored roots of the log's blocks.
    public static let beforeVersion18 = "DROP TABLE merkle_block;\n"

    /// Undoes version 17: the queue's trigger as migration 15 made it, no triggers on the stored
    /// matches, and its ties the newest article first again (and version 18 first).
    public static let beforeVersion17 =
        beforeVersion18 + "DROP TRIGGER claim_queue_match_stored;\nDROP TRIGGER claim_queue_match_dropped;\n"
        + "DROP TRIGGER claim_queue_claim_recorded;\nDROP VIEW claim_queue_tie;\n"
        + statement(of: 15, from: "CREATE TRIGGER claim_queue_claim_recorded", through: "END;\n")
        + "UPDATE claim_queue SET source_order = -(SELECT s.seq FROM claim c JOIN source s ON s.source_id = c.source_id "
        + "WHERE c.seq = claim_queue.claim_seq);\n"

    /// Undoes version 15: the queue's trigger as migration 6 made it, and its ties in the ledger
    /// order of the articles again (and version 16 first).
    public static let beforeVersion15 =
        beforeVersion16 + "DROP TRIGGER claim_queue_claim_recorded;\n"
        + statement(of: 6, from: "CREATE TRIGGER claim_queue_claim_recorded", through: "END;\n")
        + "UPDATE claim_queue SET source_order = -source_order;\n"

    /// The text of migration `version` from its first `start` through the first `end` after it.
    static func statement(of version: Int, from start: String, through end: String) -> String {
        let migration = LedgerSchema.migrations[version - 1]
        guard let from = migration.range(of: start), let to = migration[from.upperBound...].range(of: end) else {
            preconditionFailure("migration \(version) has no \(start)")
        }
        return String(migration[from.lowerBound..<to.upperBound])
    }
}
