-- Linli schema, part 4: bookings, reviews and feedback (社情民意).

-- Ratings are kept as running totals so that concurrent reviews add up exactly (the increment is
-- re-evaluated on the latest row version when updates queue on the row lock).
ALTER TABLE service_listing ADD COLUMN rating_total bigint NOT NULL DEFAULT 0;
ALTER TABLE organization ADD COLUMN rating_total bigint NOT NULL DEFAULT 0;
UPDATE service_listing SET rating_total = round(coalesce(rating_average, 0) * rating_count);
UPDATE organization SET rating_total = round(coalesce(rating_average, 0) * rating_count);

CREATE TABLE booking (
    id                   bigserial PRIMARY KEY,
    listing_id           bigint      NOT NULL REFERENCES service_listing (id),
    organization_id      bigint      NOT NULL REFERENCES organization (id),
    contract_id          bigint REFERENCES contract (id),  -- the contract funding the listing when booked
    resident_subject     text        NOT NULL,
    idempotency_key      text        NOT NULL,
    slot_start           timestamptz NOT NULL,
    slot_end             timestamptz NOT NULL,
    for_self             boolean     NOT NULL,
    beneficiary_name     text,
    beneficiary_relation text,
    beneficiary_age      smallint,
    beneficiary_groups   text[]      NOT NULL DEFAULT '{}',
    contact_phone        text        NOT NULL,
    note                 text,
    status               text        NOT NULL DEFAULT 'REQUESTED'
        CHECK (status IN ('REQUESTED', 'CONFIRMED', 'REJECTED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    status_reason        text,
    cancelled_by         text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    confirmed_at         timestamptz,
    finished_at          timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 0,
    UNIQUE (resident_subject, idempotency_key)
);
CREATE INDEX booking_resident_idx ON booking (resident_subject, id);
CREATE INDEX booking_organization_idx ON booking (organization_id, id);
CREATE INDEX booking_listing_slot_idx ON booking (listing_id, slot_start);

-- Places taken per slot (REQUESTED + CONFIRMED). One row per slot: the conditional increment on it is what
-- keeps bookings within capacity, whatever the number of service instances.
CREATE TABLE booking_slot (
    listing_id bigint      NOT NULL REFERENCES service_listing (id),
    slot_start timestamptz NOT NULL,
    taken      integer     NOT NULL CHECK (taken >= 0),
    PRIMARY KEY (listing_id, slot_start)
);

CREATE TABLE review (
    id               bigserial PRIMARY KEY,
    booking_id       bigint      NOT NULL UNIQUE REFERENCES booking (id),
    listing_id       bigint      NOT NULL REFERENCES service_listing (id),
    organization_id  bigint      NOT NULL REFERENCES organization (id),
    contract_id      bigint REFERENCES contract (id),
    resident_subject text        NOT NULL,
    rating           smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text             text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    reply            text,
    replied_at       timestamptz,
    replied_by       text,
    hidden           boolean     NOT NULL DEFAULT false,
    hidden_reason    text,
    hidden_by        text
);
CREATE INDEX review_listing_idx ON review (listing_id, id);
CREATE INDEX review_organization_period_idx ON review (organization_id, created_at);
CREATE INDEX review_contract_period_idx ON review (contract_id, created_at);

CREATE TABLE feedback (
    id               bigserial PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('COMPLAINT', 'SUGGESTION', 'PRAISE')),
    organization_id  bigint      NOT NULL REFERENCES organization (id),
    listing_id       bigint REFERENCES service_listing (id),
    contract_id      bigint REFERENCES contract (id),
    resident_subject text        NOT NULL,
    text             text        NOT NULL,
    status           text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESPONDED', 'RESOLVED')),
    response         text,
    responded_at     timestamptz,
    responded_by     text,
    resolution       text,
    upheld           boolean,          -- for complaints: whether the official found it justified
    resolved_at      timestamptz,
    resolved_by      text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_organization_period_idx ON feedback (organization_id, created_at);
CREATE INDEX feedback_contract_period_idx ON feedback (contract_id, created_at);
CREATE INDEX feedback_open_idx ON feedback (created_at) WHERE status = 'OPEN';
