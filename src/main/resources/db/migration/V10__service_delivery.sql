-- Linli schema, part 10: evidence of delivery (服务记录). Each record says who was served, when and where,
-- and whether the person served confirmed it (or an official's 回访抽查 checked it). COMPLETION counts only
-- verified records; the organization's own word is no longer evidence.

CREATE TABLE service_delivery (
    id                    bigserial PRIMARY KEY,
    listing_id            bigint      NOT NULL REFERENCES service_listing (id),
    organization_id       bigint      NOT NULL REFERENCES organization (id),
    contract_id           bigint REFERENCES contract (id),   -- the contract funding the listing when delivered
    booking_id            bigint UNIQUE REFERENCES booking (id),
    resident_subject      text,                              -- who may confirm: the booking's resident
    beneficiary_name      text,                              -- personal data: organization and resident only
    beneficiary_age       smallint CHECK (beneficiary_age BETWEEN 0 AND 130),
    started_at            timestamptz NOT NULL,
    ended_at              timestamptz NOT NULL,
    check_in_lat          double precision NOT NULL,
    check_in_lng          double precision NOT NULL,
    check_out_lat         double precision NOT NULL,
    check_out_lng         double precision NOT NULL,
    check_in_distance_m   integer,                           -- from the listing's address, when it has one
    off_site              boolean     NOT NULL,
    note                  text,
    photo_urls            text[]      NOT NULL DEFAULT '{}',
    recorded_by           text        NOT NULL,
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    confirmation          text        NOT NULL DEFAULT 'UNCONFIRMED'
        CHECK (confirmation IN ('UNCONFIRMED', 'CONFIRMED', 'DISPUTED')),
    confirmed_at          timestamptz,
    dispute_reason        text,
    feedback_id           bigint REFERENCES feedback (id),  -- the complaint a dispute opened
    spot_check            text CHECK (spot_check IN ('CONFIRMED', 'NOT_FOUND', 'PARTIAL')),
    spot_check_note       text,
    spot_checked_by       text,
    spot_checked_at       timestamptz,
    CHECK (ended_at > started_at AND ended_at <= started_at + interval '12 hours')
);
CREATE INDEX service_delivery_contract_idx ON service_delivery (contract_id, started_at);
CREATE INDEX service_delivery_organization_idx ON service_delivery (organization_id, id);
CREATE INDEX service_delivery_resident_idx ON service_delivery (resident_subject, id) WHERE resident_subject IS NOT NULL;

-- A computed indicator of the share of deliveries their residents confirmed.
ALTER TABLE evaluation_indicator DROP CONSTRAINT evaluation_indicator_kind_check;
ALTER TABLE evaluation_indicator ADD CONSTRAINT evaluation_indicator_kind_check
    CHECK (kind IN ('MANUAL', 'SATISFACTION', 'COMPLETION', 'COMPLAINTS', 'RESPONSIVENESS', 'CONFIRMATION_RATE'));
