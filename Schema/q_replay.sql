-- ClaimLedger: an entry's typed rows made from its payload, for a ledger copied entry by entry
-- from another engine's log (`claimledger copy --from postgresql://… --to FILE`). Not a migration.
-- Each query is named for the kind of entry it mirrors (a second row of the same entry is
-- `kind/part`), takes :seq and :payload, and writes what the library's own insert for that kind
-- writes: `audit` then re-encodes every row and compares it with its entry's payload byte for byte.
-- The entry itself is inserted first (`append_entry`), so the guard triggers see it as the head.

-- name: source_recorded
INSERT INTO source (source_id, seq, sha256, title, outlet, author, published, url, body, title_guessed)
SELECT json_extract(:payload, '$.source_id'), :seq, json_extract(:payload, '$.sha256'),
       json_extract(:payload, '$.title'), json_extract(:payload, '$.outlet'), json_extract(:payload, '$.author'),
       json_extract(:payload, '$.published'), json_extract(:payload, '$.url'), json_extract(:payload, '$.text'),
       json_extract(:payload, '$.title_guessed');

-- name: claim_recorded
INSERT INTO claim (claim_id, seq, source_id, kind, text, speaker, cue, via, claim_type, score,
                   start, "end", prefix, suffix, sentence_start, sentence_end, speaker_kind)
SELECT json_extract(:payload, '$.claim_id'), :seq, json_extract(:payload, '$.source_id'),
       json_extract(:payload, '$.kind'), json_extract(:payload, '$.text'), json_extract(:payload, '$.speaker'),
       json_extract(:payload, '$.cue'), json_extract(:payload, '$.via'), json_extract(:payload, '$.claim_type'),
       json_extract(:payload, '$.score'), json_extract(:payload, '$.start'), json_extract(:payload, '$.end'),
       json_extract(:payload, '$.prefix'), json_extract(:payload, '$.suffix'),
       json_extract(:payload, '$.sentence_start'), json_extract(:payload, '$.sentence_end'),
       json_extract(:payload, '$.speaker_kind');

-- name: claim_recorded/confidence
INSERT INTO speaker_confidence (seq, confidence)
SELECT :seq, json_extract(:payload, '$.speaker_confidence')
WHERE json_type(:payload, '$.speaker_confidence') IS NOT NULL;

-- name: status_changed
INSERT INTO review (seq, claim_id, status, evidence, note, reviewer, rating, replaces)
SELECT :seq, json_extract(:payload, '$.claim_id'), json_extract(:payload, '$.status'),
       json_extract(:payload, '$.evidence'), json_extract(:payload, '$.note'), json_extract(:payload, '$.reviewer'),
       json_extract(:payload, '$.rating'), json_extract(:payload, '$.replaces');

-- name: status_changed/credit
INSERT INTO review_credit (seq, published_by)
SELECT :seq, json_extract(:payload, '$.published_by')
WHERE json_type(:payload, '$.published_by') IS NOT NULL;

-- name: note_added
INSERT INTO note (seq, claim_id, text, reviewer)
SELECT :seq, json_extract(:payload, '$.claim_id'), json_extract(:payload, '$.text'),
       json_extract(:payload, '$.reviewer');

-- name: correction
INSERT INTO correction (seq, claim_id, field, value, reason, reviewer)
SELECT :seq, json_extract(:payload, '$.claim_id'), json_extract(:payload, '$.field'),
       json_extract(:payload, '$.value'), json_extract(:payload, '$.reason'), json_extract(:payload, '$.reviewer');

-- name: source_corrected
INSERT INTO source_correction (seq, source_id, field, value, reason, reviewer)
SELECT :seq, json_extract(:payload, '$.source_id'), json_extract(:payload, '$.field'),
       json_extract(:payload, '$.value'), json_extract(:payload, '$.reason'), json_extract(:payload, '$.reviewer');

-- name: rating_defined
INSERT INTO rating (seq, label, means, value, reviewer)
SELECT :seq, json_extract(:payload, '$.label'), json_extract(:payload, '$.means'),
       json_extract(:payload, '$.value'), json_extract(:payload, '$.reviewer');

-- name: reviewer_added
INSERT INTO reviewer (seq, name, salt, token_hash, added_by)
SELECT :seq, json_extract(:payload, '$.name'), json_extract(:payload, '$.salt'),
       json_extract(:payload, '$.token_hash'), json_extract(:payload, '$.added_by');

-- name: reviewer_revoked
INSERT INTO reviewer_revocation (seq, name, revoked_by)
SELECT :seq, json_extract(:payload, '$.name'), json_extract(:payload, '$.revoked_by');

-- name: key_trusted
INSERT INTO trusted_key (seq, key, name, trusted_by)
SELECT :seq, json_extract(:payload, '$.key'), json_extract(:payload, '$.name'),
       json_extract(:payload, '$.trusted_by');

-- name: publisher_set
INSERT INTO publisher (seq, name, url, logo, review_url, set_by)
SELECT :seq, json_extract(:payload, '$.name'), json_extract(:payload, '$.url'), json_extract(:payload, '$.logo'),
       json_extract(:payload, '$.review_url'), json_extract(:payload, '$.set_by');

-- name: attribution_checked
INSERT INTO attribution (seq, claim_id, verdict, evidence, note, reviewer, replaces)
SELECT :seq, json_extract(:payload, '$.claim_id'), json_extract(:payload, '$.verdict'),
       json_extract(:payload, '$.evidence'), json_extract(:payload, '$.note'), json_extract(:payload, '$.reviewer'),
       json_extract(:payload, '$.replaces');

-- name: attribution_checked/credit
INSERT INTO attribution_credit (seq, published_by)
SELECT :seq, json_extract(:payload, '$.published_by')
WHERE json_type(:payload, '$.published_by') IS NOT NULL;

-- name: claim_assigned
INSERT INTO assignment (seq, claim_id, assignee, reviewer, replaces)
SELECT :seq, json_extract(:payload, '$.claim_id'), json_extract(:payload, '$.assignee'),
       json_extract(:payload, '$.reviewer'), json_extract(:payload, '$.replaces');
