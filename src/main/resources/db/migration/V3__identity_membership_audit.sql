-- Linli schema, part 3: who may act for whom (organization members, officials' jurisdictions, evaluators)
-- and the append-only audit trail.

ALTER TABLE organization
    ADD COLUMN registered_by text,
    ADD COLUMN status_reason text,
    ADD COLUMN verified_at   timestamptz;

-- Members of an organization, keyed by the token subject. Every organization keeps at least one OWNER.
CREATE TABLE organization_member (
    organization_id bigint      NOT NULL REFERENCES organization (id),
    subject         text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
    added_at        timestamptz NOT NULL DEFAULT now(),
    added_by        text        NOT NULL,
    PRIMARY KEY (organization_id, subject)
);
CREATE INDEX organization_member_subject_idx ON organization_member (subject);

-- An official governs one region's whole subtree, for a government unit (采购人, e.g. 七里河区民政局).
CREATE TABLE official_appointment (
    id           bigserial PRIMARY KEY,
    subject      text        NOT NULL,
    region_id    bigint      NOT NULL REFERENCES region (id),
    unit_name    text        NOT NULL,
    appointed_at timestamptz NOT NULL DEFAULT now(),
    appointed_by text        NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text
);
CREATE UNIQUE INDEX official_appointment_active_idx ON official_appointment (subject) WHERE revoked_at IS NULL;

-- Evaluators (第三方评估) and the agency they work for.
CREATE TABLE evaluator_profile (
    subject       text PRIMARY KEY,
    agency        text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by text        NOT NULL
);

-- Every state change: who, what, when, before and after. region_path (the codes from the root down to the
-- region concerned) lets an official see the entries of their subtree.
CREATE TABLE audit_entry (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_subject   text        NOT NULL,
    actor_role      text        NOT NULL,
    action          text        NOT NULL,
    entity_type     text        NOT NULL,
    entity_id       text        NOT NULL,
    organization_id bigint,
    region_path     text[]      NOT NULL DEFAULT '{}',
    reason          text,
    before          jsonb,
    after           jsonb
);
CREATE INDEX audit_entry_organization_idx ON audit_entry (organization_id, id);
CREATE INDEX audit_entry_region_idx ON audit_entry USING gin (region_path);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- A draft may be saved before its price is decided; publishing checks it is there.
ALTER TABLE service_listing ALTER COLUMN pricing DROP NOT NULL;
