/// Every query of `q_ledger.sql` by name: a typo is a compile error, and a test proves that every
/// case resolves and every `-- name:` in the file is a case.
public enum LedgerQuery: String, CaseIterable, Sendable {
    case head
    case entryAt = "entry_at"
    case entriesFrom = "entries_from"
    case entriesRange = "entries_range"
    case merkleBlocksStored = "merkle_blocks_stored"
    case merkleBlockInsert = "merkle_block_insert"
    case merkleBlockRoots = "merkle_block_roots"
    case merkleBlocksClear = "merkle_blocks_clear"
    case merkleBlockShape = "merkle_block_shape"
    case appendEntry = "append_entry"
    case insertSource = "insert_source"
    case insertClaim = "insert_claim"
    case insertSpeakerConfidence = "insert_speaker_confidence"
    case insertReview = "insert_review"
    case insertNote = "insert_note"
    case insertCorrection = "insert_correction"
    case insertSourceCorrection = "insert_source_correction"
    case insertRating = "insert_rating"
    case insertReviewer = "insert_reviewer"
    case insertReviewerRevocation = "insert_reviewer_revocation"
    case reviewers
    case reviewerNamed = "reviewer_named"
    case insertTrustedKey = "insert_trusted_key"
    case trustedKeys = "trusted_keys"
    case insertPublisher = "insert_publisher"
    case publisherAsOf = "publisher_as_of"
    case insertReviewCredit = "insert_review_credit"
    case
        insertAttributionCredit = "insert_attribution_credit"
    case insertAttribution = "insert_attribution"
    case claimAttributions = "claim_attributions"
    case insertAssignment = "insert_assignment"
    case claimAssignments = "claim_assignments"
    case sourceHistory = "source_history"
    case sourcesListing = "sources_listing"
    case ratingsDefined = "ratings_defined"
    case sourceExists = "source_exists"
    case claimExists = "claim_exists"
    case lastCorrection = "last_correction"
    case reviewerHasDecisions = "reviewer_has_decisions"
    case claimIDsWithPrefix = "claim_ids_with_prefix"
    case sourceIDsWithPrefix = "source_ids_with_prefix"
    case claimIDBelow = "claim_id_below"
    case claimIDAbove = "claim_id_above"
    case sourceIDBelow = "source_id_below"
    case sourceIDAbove = "source_id_above"
    case claimsMatching = "claims_matching"
    case claimsNewest = "claims_newest"
    case claimsByPosition = "claims_by_position"
    case claimsByScore = "claims_by_score"
    case claimsOfSource = "claims_of_source"
    case claimsOfSourceNewest = "claims_of_source_newest"
    case claimByID = "claim_by_id"
    case claimCounts = "claim_counts"
    case claimCountsOfSource = "claim_counts_of_source"
    case claimHistory = "claim_history"
    case sourceByID = "source_by_id"
    case reportSources = "report_sources"
    case reportSource = "report_source"
    case claimDecisions = "claim_decisions"
    case claimNotes = "claim_notes"
    case indexSources = "index_sources"
    case indexSourceOfSeq = "index_source_of_seq"
    case indexSourceOfClaim = "index_source_of_claim"
    case indexSourcesOfSource = "index_sources_of_source"
    case indexDelete = "index_delete"
    case indexContextOfSource = "index_context_of_source"
    case indexInsert = "index_insert"
    case indexPendingCreate = "index_pending_create"
    case indexPendingInsert = "index_pending_insert"
    case indexPendingAny = "index_pending_any"
    case indexPendingFlush = "index_pending_flush"
    case indexPendingClear = "index_pending_clear"
    case indexRows = "index_rows"
    case indexTermCount = "index_term_count"
    case indexCandidates = "index_candidates"
    case indexCandidateText = "index_candidate_text"
    case correctionAt = "correction_at"
    case sourceCorrectionAt = "source_correction_at"
    case indexIntegrity = "index_integrity"
    case indexDrop = "index_drop"
    case claimIDAt = "claim_id_at"
    case claimTotal = "claim_total"
    case claimsBeforeSource = "claims_before_source"
    case claimsOfSourceCount = "claims_of_source_count"
    case claimsElsewhere = "claims_elsewhere"
    case claimSeqs = "claim_seqs"
    case indexRowids = "index_rowids"
    case matchedFrom = "matched_from"
    case matchInsert = "match_insert"
    case matchDeleteOfClaim = "match_delete_of_claim"
    case matchesEarlier = "matches_earlier"
    case matchesLater = "matches_later"
    case matchersOfClaim = "matchers_of_claim"
    case claimIDsInOrder = "claim_ids_in_order"
    case matchesClear = "matches_clear"
    case matchProblem = "match_problem"
    case matchPairs = "match_pairs"
    case repeatsOfClaims = "repeats_of_claims"
    case queuePlacesOfRepeats = "queue_places_of_repeats"
    case queuePlacesOfDoubtful = "queue_places_of_doubtful"
    case matchesCoverEveryClaim = "matches_cover_every_claim"
    case matchPendingInsert = "match_pending_insert"
    case matchPendingDelete = "match_pending_delete"
    case matchIsStored = "match_is_stored"
    case queueAfter = "queue_after"
    case queueBefore = "queue_before"
    case queueAllAfter = "queue_all_after"
    case queueAllBefore = "queue_all_before"
    case queueClaimsIn = "queue_claims_in"
    case queuePlacesOfSource = "queue_places_of_source"
    case queuePlacesOfAssignee = "queue_places_of_assignee"
    case queuePlacesOfAnyone = "queue_places_of_anyone"
    case queueMatching = "queue_matching"
    case queuePlace = "queue_place"
    case statusTally = "status_tally"
    case queueDrop = "queue_drop"
    case queueSeqs = "queue_seqs"
    case queueStatusCheck = "queue_status_check"
    case queueDisagreement = "queue_disagreement"
    case queueTieDisagreement = "queue_tie_disagreement"
    case schemaObjects = "schema_objects"
    case schemaSize = "schema_size"
    case ledgerTables = "ledger_tables"
    case deskSessionOpen = "desk_session_open"
    case deskSessionsExpiredDelete = "desk_sessions_expired_delete"
    case deskSessionOf = "desk_session_of"
    case reviewerRevoked = "reviewer_revoked"
    case deskSessionClose = "desk_session_close"
    case deskSessionsCloseOfReviewer = "desk_sessions_close_of_reviewer"
    case deskSignInFailures = "desk_sign_in_failures"
    case deskSignInFailureAdd = "desk_sign_in_failure_add"
    case deskSignInFailuresForget = "desk_sign_in_failures_forget"

    /// The SQL text.
    public var sql: String {
        guard let sql = LedgerSchema.query(rawValue) else {
            preconditionFailure("no query named \(rawValue) in q_ledger.sql")
        }
        return sql
    }
}

/// The audit's queries (`q_audit.sql`): per kind of entry, its table's rows from a rowid, the same
/// rows in ledger order, and the first rowid of a stretch; plus the entries and dangling references.
public enum AuditQuery: Hashable, Sendable {
    case rows(entryKind: String)
    case rowsBySeq(entryKind: String)
    case firstRow(entryKind: String)
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
