-- The ledger's typed rows on PostgreSQL (migration pg003), checked against their entries by
-- `claimledger audit`. Not a migration.

-- name: typed_rows_disagreeing
-- The first entry whose typed rows do not say what its payload says: a row missing, a row whose
-- entry is of another kind, or (for sources, claims, decisions, attribution verdicts, corrections and
-- reviewers: names, words and verdicts) a value changed. NULL when every row agrees.
WITH e AS (SELECT seq, kind, payload::jsonb AS p FROM entry),
rows AS (
    SELECT seq, 'source_recorded' AS kind, source_id || '|' || coalesce(title, '') || '|' || coalesce(url, '') || '|' || coalesce(body, '') AS v FROM source
    UNION ALL SELECT seq, 'claim_recorded', claim_id || '|' || source_id || '|' || kind || '|' || text || '|' || coalesce(speaker, '') || '|' || coalesce(via, '') || '|' || coalesce(cue, '') FROM claim
    UNION ALL SELECT seq, 'status_changed', claim_id || '|' || status || '|' || evidence || '|' || reviewer || '|' || coalesce(rating, '') FROM review
    UNION ALL SELECT seq, 'note_added', claim_id || '|' || text || '|' || reviewer FROM note
    UNION ALL SELECT seq, 'correction', claim_id || '|' || field || '|' || coalesce(value, '') || '|' || reviewer FROM correction
    UNION ALL SELECT seq, 'source_corrected', source_id || '|' || field || '|' || coalesce(value, '') || '|' || reviewer FROM source_correction
    UNION ALL SELECT seq, 'rating_defined', label || '|' || means || '|' || value FROM rating
    UNION ALL SELECT seq, 'reviewer_added', name || '|' || token_hash FROM reviewer
    UNION ALL SELECT seq, 'reviewer_revoked', name FROM reviewer_revocation
    UNION ALL SELECT seq, 'key_trusted', key FROM trusted_key
    UNION ALL SELECT seq, 'publisher_set', name || '|' || review_url FROM publisher
    UNION ALL SELECT seq, 'attribution_checked', claim_id || '|' || verdict || '|' || evidence || '|' || reviewer FROM attribution
    UNION ALL SELECT seq, 'claim_assigned', claim_id || '|' || coalesce(assignee, '') || '|' || reviewer FROM assignment
),
expected AS (
    SELECT seq, kind, CASE kind
        WHEN 'source_recorded' THEN (p->>'source_id') || '|' || coalesce(p->>'title', '') || '|' || coalesce(p->>'url', '') || '|' || coalesce(p->>'text', '')
        WHEN 'claim_recorded' THEN (p->>'claim_id') || '|' || (p->>'source_id') || '|' || (p->>'kind') || '|' || (p->>'text') || '|' || coalesce(p->>'speaker', '') || '|' || coalesce(p->>'via', '') || '|' || coalesce(p->>'cue', '')
        WHEN 'status_changed' THEN (p->>'claim_id') || '|' || (p->>'status') || '|' || (p->>'evidence') || '|' || (p->>'reviewer') || '|' || coalesce(p->>'rating', '')
        WHEN 'note_added' THEN (p->>'claim_id') || '|' || (p->>'text') || '|' || (p->>'reviewer')
        WHEN 'correction' THEN (p->>'claim_id') || '|' || (p->>'field') || '|' || coalesce(p->>'value', '') || '|' || (p->>'reviewer')
        WHEN 'source_corrected' THEN (p->>'source_id') || '|' || (p->>'field') || '|' || coalesce(p->>'value', '') || '|' || (p->>'reviewer')
        WHEN 'rating_defined' THEN (p->>'label') || '|' || (p->>'means') || '|' || (p->>'value')
        WHEN 'reviewer_added' THEN (p->>'name') || '|' || (p->>'token_hash')
        WHEN 'reviewer_revoked' THEN p->>'name'
        WHEN 'key_trusted' THEN p->>'key'
        WHEN 'publisher_set' THEN (p->>'name') || '|' || (p->>'review_url')
        WHEN 'attribution_checked' THEN (p->>'claim_id') || '|' || (p->>'verdict') || '|' || (p->>'evidence') || '|' || (p->>'reviewer')
        WHEN 'claim_assigned' THEN (p->>'claim_id') || '|' || coalesce(p->>'assignee', '') || '|' || (p->>'reviewer')
    END AS v
    FROM e
)
SELECT min(coalesce(x.seq, r.seq))
FROM expected x FULL JOIN rows r ON r.seq = x.seq AND r.kind = x.kind
WHERE x.seq IS NULL OR r.seq IS NULL OR x.v IS DISTINCT FROM r.v;
