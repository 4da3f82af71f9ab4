/// Every query of `q_ledger.sql` by name: a typo is a compile error, and a test proves that every
/// case resolves and every `-- name:` in the file is a case.
public enum LedgerQuery: String, CaseIterable, Sendable {
    case head, entryAt = "entry_at", firstHash = "first_hash", entriesFrom = "entries_from", entriesRange = "entries_range"
    case appendEntry = "append_entry", insertSource = "insert_source", insertClaim = "insert_claim"
    case insertSpeakerConfidence = "insert_speaker_confidence", insertReview = "insert_review", insertNote = "insert_note", insertCorrection = "insert_correction"
    case insertSourceCorrection = "insert_source_correction", insertRating = "insert_rating"
    case insertReviewer = "insert_reviewer", insertReviewerRevocation = "insert_reviewer_revocation"
    case reviewers, reviewerNamed = "reviewer_named", insertTrustedKey = "insert_trusted_key", trustedKeys = "trusted_keys"
    case insertPublisher = "insert_publisher", publisherAsOf = "publisher_as_of", insertReviewCredit = "insert_review_credit",
         insertAttributionCredit = "insert_attribution_credit"
    case insertAttribution = "insert_attribution", claimAttributions = "claim_attributions"
    case insertAssignment = "insert_assignment", claimAssignments = "claim_assignments"
    case sourceHistory = "source_history", sourcesListing = "sources_listing", ratingsDefined = "ratings_defined"
    case sourceExists = "source_exists", claimExists = "claim_exists", lastCorrection = "last_correction", reviewerHasDecisions = "reviewer_has_decisions"
    case claimIDsWithPrefix = "claim_ids_with_prefix", sourceIDsWithPrefix = "source_ids_with_prefix"
    case claimIDBelow = "claim_id_below", claimIDAbove = "claim_id_above"
    case sourceIDBelow = "source_id_below", sourceIDAbove = "source_id_above"
    case claimsMatching = "claims_matching"
    case claimsNewest = "claims_newest", claimsByPosition = "claims_by_position", claimsByScore = "claims_by_score"
    case claimsOfSource = "claims_of_source", claimsOfSourceNewest = "claims_of_source_newest", claimByID = "claim_by_id", claimCounts = "claim_counts", claimCountsOfSource = "claim_counts_of_source", claimHistory = "claim_history"
    case sourceByID = "source_by_id", reportSources = "report_sources", reportSource = "report_source"
    case claimDecisions = "claim_decisions", claimNotes = "claim_notes"
    case indexSources = "index_sources", indexSourceOfSeq = "index_source_of_seq", indexSourceOfClaim = "index_source_of_claim"
    case indexSourcesOfSource = "index_sources_of_source", indexDelete = "index_delete", indexContextOfSource = "index_context_of_source", indexInsert = "index_insert"
    case indexRows = "index_rows", indexTermCount = "index_term_count", indexCandidates = "index_candidates"
    case indexIntegrity = "index_integrity", indexDrop = "index_drop", claimIDAt = "claim_id_at", claimTotal = "claim_total"
    case claimsBeforeSource = "claims_before_source", claimsOfSourceCount = "claims_of_source_count", claimsElsewhere = "claims_elsewhere"
    case claimSeqs = "claim_seqs", indexRowids = "index_rowids"
    case matchedFrom = "matched_from", matchInsert = "match_insert", matchDeleteOfClaim = "match_delete_of_claim"
    case matchesEarlier = "matches_earlier", matchesLater = "matches_later", matchersOfClaim = "matchers_of_claim"
    case claimIDsInOrder = "claim_ids_in_order", matchesClear = "matches_clear", matchProblem = "match_problem"
    case matchPairs = "match_pairs", repeatsOfClaims = "repeats_of_claims", queuePlacesOfRepeats = "queue_places_of_repeats"
    case queuePlacesOfDoubtful = "queue_places_of_doubtful"
    case matchesCoverEveryClaim = "matches_cover_every_claim", matchPendingInsert = "match_pending_insert"
    case matchPendingDelete = "match_pending_delete", matchIsStored = "match_is_stored"
    case queueAfter = "queue_after", queueBefore = "queue_before", queueAllAfter = "queue_all_after", queueAllBefore = "queue_all_before"
    case queueClaimsIn = "queue_claims_in", queuePlacesOfSource = "queue_places_of_source"
    case queuePlacesOfAssignee = "queue_places_of_assignee", queuePlacesOfAnyone = "queue_places_of_anyone"
    case queueMatching = "queue_matching", queuePlace = "queue_place", statusTally = "status_tally", queueDrop = "queue_drop"
    case queueSeqs = "queue_seqs", queueStatusCheck = "queue_status_check", queueDisagreement = "queue_disagreement"
    case schemaObjects = "schema_objects", schemaSize = "schema_size", ledgerTables = "ledger_tables"
    case deskSessionOpen = "desk_session_open", deskSessionsExpiredDelete = "desk_sessions_expired_delete"
    case deskSessionOf = "desk_session_of", deskSessionClose = "desk_session_close"
    case deskSessionsCloseOfReviewer = "desk_sessions_close_of_reviewer", deskSignInFailures = "desk_sign_in_failures"
    case deskSignInFailureAdd = "desk_sign_in_failure_add", deskSignInFailuresForget = "desk_sign_in_failures_forget"

    /// The SQL text.
    public var sql: String {
        guard let sql = LedgerSchema.query(rawValue) else { preconditionFailure("no query named \(rawValue) in q_ledger.sql") }
        return sql
    }
}

/// The audit's queries (`q_audit.sql`): per kind of entry, its table's rows from a rowid, the same
/// rows in ledger order, and the first rowid of a stretch; plus the entries and dangling references.
public enum AuditQuery: Hashable, Sendable {
    case rows(entryKind: String), rowsBySeq(entryKind: String), firstRow(entryKind: String)
    case entriesBetween, danglingReferences, pageCheck

    public var name: String {
        switch self {
        case .rows(let kind): return kind
        case .rowsBySeq(let kind): return kind + "/by_seq"
        case .firstRow(let kind): return kind + "/start"
        case .entriesBetween: return "entries_between"
        case .danglingReferences: return "dangling_references"
        case .pageCheck: return "page_check"
        }
    }

    /// The SQL text.
    public var sql: String { LedgerSchema.auditQuery(name) }
}
