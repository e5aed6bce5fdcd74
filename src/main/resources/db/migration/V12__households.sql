-- Linli schema, part 12: households (户) and the target groups a community worker has verified for their members.
-- A household lives in a COMMUNITY or GRID region (its regionCode): the workers serving that region serve it.
-- A household registered offline by a worker (an elder without a phone) has no owner subject.

CREATE TABLE household (
    id            bigserial PRIMARY KEY,
    owner_subject text UNIQUE,                          -- the resident's token subject; NULL: registered offline
    region_id     bigint      NOT NULL REFERENCES region (id),
    registered_by text        NOT NULL,                 -- the resident, or the worker who registered it offline
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_region_idx ON household (region_id);

CREATE TABLE household_member (
    id           bigserial PRIMARY KEY,
    household_id bigint      NOT NULL REFERENCES household (id),
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
    relation     text        NOT NULL,
    birth_year   integer     NOT NULL CHECK (birth_year >= 1900),
    phone        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    removed_at   timestamptz
);
CREATE INDEX household_member_household_idx ON household_member (household_id) WHERE removed_at IS NULL;

-- evidence is never stored in clear: its kind, and at most the SHA-256 (hex) of a reference the worker gave
CREATE TABLE target_group_verification (
    id                   bigserial PRIMARY KEY,
    member_id            bigint      NOT NULL REFERENCES household_member (id),
    group_code           text        NOT NULL,
    evidence_type        text        NOT NULL,
    evidence_reference   char(64),
    verified_by          text        NOT NULL,
    verified_at          timestamptz NOT NULL DEFAULT now(),
    expires_on           date        NOT NULL,
    revoked_at           timestamptz,
    revoked_by           text,
    revoke_reason        text
);
CREATE UNIQUE INDEX target_group_verification_live_idx ON target_group_verification (member_id, group_code)
    WHERE revoked_at IS NULL;
CREATE INDEX target_group_verification_group_idx ON target_group_verification (group_code) WHERE revoked_at IS NULL;

-- booking (owner: booking) learns who it is for and who booked it: a household member booked for (eligibility
-- checked against verified groups), and for 代办 the community worker who booked on the resident's behalf
ALTER TABLE booking ADD COLUMN beneficiary_member_id bigint REFERENCES household_member (id);
ALTER TABLE booking ADD COLUMN booked_by_subject text;
CREATE INDEX booking_beneficiary_member_idx ON booking (beneficiary_member_id) WHERE beneficiary_member_id IS NOT NULL;
-- a neighbour without a phone is booked for without a contact phone
ALTER TABLE booking ALTER COLUMN contact_phone DROP NOT NULL;
