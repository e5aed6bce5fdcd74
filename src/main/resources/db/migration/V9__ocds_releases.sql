-- Linli schema, part 9: a procurement record that never changes. Every OCDS release is kept exactly as it was
-- published, append-only like the audit trail, written in the transaction of the change it publishes; contracts
-- keep the signed contract document that activating them announces (102号令 art. 23).

CREATE TABLE ocds_release (
    id           bigserial PRIMARY KEY,
    ocid         text        NOT NULL REFERENCES procurement (ocid),
    sequence     integer     NOT NULL CHECK (sequence > 0),   -- 1, 2, 3 … within the process
    release_id   text        NOT NULL UNIQUE,                 -- ocid-sequence, the release's "id"
    release      json        NOT NULL,                        -- json, not jsonb: the text byte for byte as published
    published_at timestamptz NOT NULL,                        -- the release's "date"; the /ocds/releases?since= order
    UNIQUE (ocid, sequence),
    CONSTRAINT ocds_release_ids CHECK (release ->> 'id' = release_id AND release ->> 'ocid' = ocid)
);
CREATE INDEX ocds_release_published_idx ON ocds_release (published_at, id);

CREATE FUNCTION ocds_release_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'OCDS releases never change once published: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
-- per statement, so that even an UPDATE or DELETE that would touch no row is refused
CREATE TRIGGER ocds_release_no_update_or_delete BEFORE UPDATE OR DELETE ON ocds_release
    FOR EACH STATEMENT EXECUTE FUNCTION ocds_release_is_append_only();
CREATE TRIGGER ocds_release_no_truncate BEFORE TRUNCATE ON ocds_release
    FOR EACH STATEMENT EXECUTE FUNCTION ocds_release_is_append_only();

ALTER TABLE contract
    ADD COLUMN signed_document_url    text CHECK (signed_document_url LIKE 'https://%'),
    ADD COLUMN signed_document_sha256 text CHECK (signed_document_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN signed_at              timestamptz;
