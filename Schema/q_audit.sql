-- ClaimLedger audit queries. Not a migration: read by `audit`, never run as DDL.
-- Each query, introduced by a "-- name:" line, returns the seq of the first entry
-- whose materialized row disagrees with its payload (no row when all agree).

-- name: source
SELECT seq FROM (
    SELECT e.seq FROM entry e LEFT JOIN source s ON s.seq = e.seq
    WHERE e.kind = 'source_recorded'
      AND (s.seq IS NULL
           OR s.source_id IS NOT e.payload->>'$.source_id' OR s.sha256 IS NOT e.payload->>'$.sha256'
           OR s.title IS NOT e.payload->>'$.title' OR s.outlet IS NOT e.payload->>'$.outlet'
           OR s.author IS NOT e.payload->>'$.author' OR s.published IS NOT e.payload->>'$.published'
           OR s.url IS NOT e.payload->>'$.url' OR s.body IS NOT e.payload->>'$.text')
    UNION ALL
    SELECT s.seq FROM source s LEFT JOIN entry e ON e.seq = s.seq
    WHERE e.seq IS NULL OR e.kind IS NOT 'source_recorded'
) ORDER BY seq LIMIT 1;

-- name: claim
SELECT seq FROM (
    SELECT e.seq FROM entry e LEFT JOIN claim c ON c.seq = e.seq
    WHERE e.kind = 'claim_recorded'
      AND (c.seq IS NULL
           OR c.claim_id IS NOT e.payload->>'$.claim_id' OR c.source_id IS NOT e.payload->>'$.source_id'
           OR c.kind IS NOT e.payload->>'$.kind' OR c.text IS NOT e.payload->>'$.text'
           OR c.speaker IS NOT e.payload->>'$.speaker' OR c.cue IS NOT e.payload->>'$.cue'
           OR c.via IS NOT e.payload->>'$.via' OR c.claim_type IS NOT e.payload->>'$.claim_type'
           OR c.score IS NOT e.payload->>'$.score'
           OR c.start IS NOT e.payload->>'$.start' OR c."end" IS NOT e.payload->>'$.end'
           OR c.prefix IS NOT e.payload->>'$.prefix' OR c.suffix IS NOT e.payload->>'$.suffix'
           OR c.sentence_start IS NOT e.payload->>'$.sentence_start'
           OR c.sentence_end IS NOT e.payload->>'$.sentence_end')
    UNION ALL
    SELECT c.seq FROM claim c LEFT JOIN entry e ON e.seq = c.seq
    WHERE e.seq IS NULL OR e.kind IS NOT 'claim_recorded'
) ORDER BY seq LIMIT 1;

-- name: review
SELECT seq FROM (
    SELECT e.seq FROM entry e LEFT JOIN review r ON r.seq = e.seq
    WHERE e.kind = 'status_changed'
      AND (r.seq IS NULL
           OR r.claim_id IS NOT e.payload->>'$.claim_id' OR r.status IS NOT e.payload->>'$.status'
           OR r.evidence IS NOT e.payload->>'$.evidence' OR r.note IS NOT e.payload->>'$.note'
           OR r.reviewer IS NOT e.payload->>'$.reviewer')
    UNION ALL
    SELECT r.seq FROM review r LEFT JOIN entry e ON e.seq = r.seq
    WHERE e.seq IS NULL OR e.kind IS NOT 'status_changed'
) ORDER BY seq LIMIT 1;

-- name: note
SELECT seq FROM (
    SELECT e.seq FROM entry e LEFT JOIN note n ON n.seq = e.seq
    WHERE e.kind = 'note_added'
      AND (n.seq IS NULL
           OR n.claim_id IS NOT e.payload->>'$.claim_id' OR n.text IS NOT e.payload->>'$.text'
           OR n.reviewer IS NOT e.payload->>'$.reviewer')
    UNION ALL
    SELECT n.seq FROM note n LEFT JOIN entry e ON e.seq = n.seq
    WHERE e.seq IS NULL OR e.kind IS NOT 'note_added'
) ORDER BY seq LIMIT 1;

-- name: correction
SELECT seq FROM (
    SELECT e.seq FROM entry e LEFT JOIN correction x ON x.seq = e.seq
    WHERE e.kind = 'correction'
      AND (x.seq IS NULL
           OR x.claim_id IS NOT e.payload->>'$.claim_id' OR x.field IS NOT e.payload->>'$.field'
           OR x.value IS NOT e.payload->>'$.value' OR x.reason IS NOT e.payload->>'$.reason'
           OR x.reviewer IS NOT e.payload->>'$.reviewer')
    UNION ALL
    SELECT x.seq FROM correction x LEFT JOIN entry e ON e.seq = x.seq
    WHERE e.seq IS NULL OR e.kind IS NOT 'correction'
) ORDER BY seq LIMIT 1;
