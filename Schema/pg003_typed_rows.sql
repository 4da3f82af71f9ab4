-- ClaimLedger on PostgreSQL, migration 3: the ledger's typed rows inside the database (issue 32),
-- the same tables and columns as SQLite's (v001…v013; Schema/q_replay.sql makes them there from a
-- copied log), so reports and SQL run straight on the database see sources, claims and decisions,
-- not JSON payloads. A shipped migration is never edited: later changes are new files.
--
-- The rows are made by the database itself from each entry as it is inserted (a trigger calling
-- claimledger_typed_rows), never written by a client: the role servers connect as needs INSERT on
-- `entry` only (the function runs as its owner). Like the entries, they refuse UPDATE, DELETE and
-- TRUNCATE. The entry is the record: the only constraints are keys, NOT NULL and links to entries
-- (the library checked every value before it made the entry; a CHECK that read a value differently
-- from SQLite's must not refuse on one engine what the other accepted). The search index, queue and
-- stored matches stay in each machine's local copy (docs/POSTGRESQL.md); a full-text index on the
-- claims' text is here for SQL users.

CREATE TABLE source (
    source_id     text PRIMARY KEY,
    seq           bigint NOT NULL UNIQUE REFERENCES entry(seq),
    sha256        text,
    title         text,
    outlet        text,
    author        text,
    published     text,
    url           text,
    body          text,
    title_guessed boolean
);

CREATE TABLE claim (
    claim_id       text PRIMARY KEY,
    seq            bigint NOT NULL UNIQUE REFERENCES entry(seq),
    source_id      text NOT NULL REFERENCES source(source_id),
    kind           text NOT NULL,
    text           text NOT NULL,
    speaker        text,
    cue            text,
    via            text,
    claim_type     text,
    score          double precision,
    start          bigint,
    "end"          bigint,
    prefix         text,
    suffix         text,
    sentence_start bigint,
    sentence_end   bigint,
    speaker_kind   text
);
CREATE INDEX claim_of_source ON claim (source_id);
CREATE INDEX claim_text_search ON claim USING gin (to_tsvector('english', text));

CREATE TABLE speaker_confidence (seq bigint PRIMARY KEY REFERENCES claim(seq), confidence double precision NOT NULL);

CREATE TABLE review (
    seq      bigint PRIMARY KEY REFERENCES entry(seq),
    claim_id text NOT NULL REFERENCES claim(claim_id),
    status   text NOT NULL,
    evidence text NOT NULL,
    note     text,
    reviewer text NOT NULL,
    rating   text,
    replaces bigint
);
CREATE INDEX review_of_claim ON review (claim_id, seq);
CREATE TABLE review_credit (seq bigint PRIMARY KEY REFERENCES review(seq), published_by text NOT NULL);

CREATE TABLE note (
    seq bigint PRIMARY KEY REFERENCES entry(seq), claim_id text NOT NULL REFERENCES claim(claim_id),
    text text NOT NULL, reviewer text NOT NULL
);
CREATE TABLE correction (
    seq bigint PRIMARY KEY REFERENCES entry(seq), claim_id text NOT NULL REFERENCES claim(claim_id),
    field text NOT NULL, value text, reason text NOT NULL, reviewer text NOT NULL
);
CREATE TABLE source_correction (
    seq bigint PRIMARY KEY REFERENCES entry(seq), source_id text NOT NULL REFERENCES source(source_id),
    field text NOT NULL, value text, reason text NOT NULL, reviewer text NOT NULL
);
CREATE TABLE rating (
    seq bigint PRIMARY KEY REFERENCES entry(seq), label text NOT NULL, means text NOT NULL,
    value bigint NOT NULL, reviewer text NOT NULL
);
CREATE TABLE reviewer (
    seq bigint PRIMARY KEY REFERENCES entry(seq), name text NOT NULL UNIQUE, salt text NOT NULL,
    token_hash text NOT NULL, added_by text NOT NULL
);
CREATE TABLE reviewer_revocation (
    seq bigint PRIMARY KEY REFERENCES entry(seq), name text NOT NULL UNIQUE REFERENCES reviewer(name),
    revoked_by text NOT NULL
);
CREATE TABLE trusted_key (
    seq bigint PRIMARY KEY REFERENCES entry(seq), key text NOT NULL UNIQUE, name text NOT NULL,
    trusted_by text NOT NULL
);
CREATE TABLE publisher (
    seq bigint PRIMARY KEY REFERENCES entry(seq), name text NOT NULL, url text, logo text,
    review_url text NOT NULL, set_by text NOT NULL
);
CREATE TABLE attribution (
    seq bigint PRIMARY KEY REFERENCES entry(seq), claim_id text NOT NULL REFERENCES claim(claim_id),
    verdict text NOT NULL, evidence text NOT NULL, note text, reviewer text NOT NULL, replaces bigint
);
CREATE TABLE attribution_credit (seq bigint PRIMARY KEY REFERENCES attribution(seq), published_by text NOT NULL);
CREATE TABLE assignment (
    seq bigint PRIMARY KEY REFERENCES entry(seq), claim_id text NOT NULL REFERENCES claim(claim_id),
    assignee text, reviewer text NOT NULL, replaces bigint
);

-- One entry's typed rows, as Schema/q_replay.sql makes them on SQLite (an unknown kind makes none).
CREATE FUNCTION claimledger_typed_rows(e_seq bigint, e_kind text, p jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    CASE e_kind
    WHEN 'source_recorded' THEN
        INSERT INTO source VALUES (p->>'source_id', e_seq, p->>'sha256', p->>'title', p->>'outlet', p->>'author',
            p->>'published', p->>'url', p->>'text', (p->>'title_guessed')::boolean);
    WHEN 'claim_recorded' THEN
        INSERT INTO claim VALUES (p->>'claim_id', e_seq, p->>'source_id', p->>'kind', p->>'text', p->>'speaker',
            p->>'cue', p->>'via', p->>'claim_type', (p->>'score')::double precision, (p->>'start')::bigint,
            (p->>'end')::bigint, p->>'prefix', p->>'suffix', (p->>'sentence_start')::bigint,
            (p->>'sentence_end')::bigint, p->>'speaker_kind');
        IF p->>'speaker_confidence' IS NOT NULL THEN
            INSERT INTO speaker_confidence VALUES (e_seq, (p->>'speaker_confidence')::double precision);
        END IF;
    WHEN 'status_changed' THEN
        INSERT INTO review VALUES (e_seq, p->>'claim_id', p->>'status', p->>'evidence', p->>'note', p->>'reviewer',
            p->>'rating', (p->>'replaces')::bigint);
        IF p->>'published_by' IS NOT NULL THEN INSERT INTO review_credit VALUES (e_seq, p->>'published_by'); END IF;
    WHEN 'note_added' THEN
        INSERT INTO note VALUES (e_seq, p->>'claim_id', p->>'text', p->>'reviewer');
    WHEN 'correction' THEN
        INSERT INTO correction VALUES (e_seq, p->>'claim_id', p->>'field', p->>'value', p->>'reason', p->>'reviewer');
    WHEN 'source_corrected' THEN
        INSERT INTO source_correction VALUES (e_seq, p->>'source_id', p->>'field', p->>'value', p->>'reason',
            p->>'reviewer');
    WHEN 'rating_defined' THEN
        INSERT INTO rating VALUES (e_seq, p->>'label', p->>'means', (p->>'value')::bigint, p->>'reviewer');
    WHEN 'reviewer_added' THEN
        INSERT INTO reviewer VALUES (e_seq, p->>'name', p->>'salt', p->>'token_hash', p->>'added_by');
    WHEN 'reviewer_revoked' THEN
        INSERT INTO reviewer_revocation VALUES (e_seq, p->>'name', p->>'revoked_by');
    WHEN 'key_trusted' THEN
        INSERT INTO trusted_key VALUES (e_seq, p->>'key', p->>'name', p->>'trusted_by');
    WHEN 'publisher_set' THEN
        INSERT INTO publisher VALUES (e_seq, p->>'name', p->>'url', p->>'logo', p->>'review_url', p->>'set_by');
    WHEN 'attribution_checked' THEN
        INSERT INTO attribution VALUES (e_seq, p->>'claim_id', p->>'verdict', p->>'evidence', p->>'note',
            p->>'reviewer', (p->>'replaces')::bigint);
        IF p->>'published_by' IS NOT NULL THEN
            INSERT INTO attribution_credit VALUES (e_seq, p->>'published_by');
        END IF;
    WHEN 'claim_assigned' THEN
        INSERT INTO assignment VALUES (e_seq, p->>'claim_id', p->>'assignee', p->>'reviewer', (p->>'replaces')::bigint);
    ELSE
        NULL;
    END CASE;
END $$;

CREATE FUNCTION entry_makes_typed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM claimledger_typed_rows(NEW.seq, NEW.kind, NEW.payload::jsonb);
    RETURN NULL;
END $$;

-- The entries already there, in order; then every new one.
DO $$
DECLARE
    e record;
BEGIN
    FOR e IN SELECT seq, kind, payload FROM entry ORDER BY seq LOOP
        PERFORM claimledger_typed_rows(e.seq, e.kind, e.payload::jsonb);
    END LOOP;
END $$;

CREATE TRIGGER entry_typed_rows AFTER INSERT ON entry FOR EACH ROW EXECUTE FUNCTION entry_makes_typed_rows();

-- Typed rows, like entries, are never changed.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['source', 'claim', 'speaker_confidence', 'review', 'review_credit', 'note',
        'correction', 'source_correction', 'rating', 'reviewer', 'reviewer_revocation', 'trusted_key', 'publisher',
        'attribution', 'attribution_credit', 'assignment'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change()',
            t || '_no_update_or_delete', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change()',
            t || '_no_truncate', t);
    END LOOP;
END $$;

INSERT INTO claimledger_schema (application_id, version) VALUES (1129073735, 3);
