-- Linli schema, part 5: government procurement (政府购买服务), modelled on the Open Contracting Data Standard:
-- procurement (tender) → bids → awards → contracts → milestones and payments (implementation transactions).

CREATE TABLE procurement (
    id                  bigserial PRIMARY KEY,
    ocid                text        NOT NULL UNIQUE,
    title               text        NOT NULL,
    description         text        NOT NULL DEFAULT '',
    service_targets     text        NOT NULL DEFAULT '',
    buyer_name          text        NOT NULL,
    buyer_region_id     bigint      NOT NULL REFERENCES region (id), -- the creating official's jurisdiction
    created_by          text        NOT NULL,
    category_id         bigint      NOT NULL REFERENCES category (id),
    target_region_codes text[]      NOT NULL,
    budget_fen          bigint      NOT NULL CHECK (budget_fen > 0),
    method              text        NOT NULL CHECK (method IN ('OPEN', 'COMPETITIVE_CONSULTATION',
                                        'COMPETITIVE_NEGOTIATION', 'SINGLE_SOURCE', 'INQUIRY')),
    min_rating_level    smallint CHECK (min_rating_level BETWEEN 1 AND 5),
    recurring           boolean     NOT NULL DEFAULT false,
    tender_start        timestamptz NOT NULL,
    tender_end          timestamptz NOT NULL CHECK (tender_end > tender_start),
    documents           jsonb       NOT NULL DEFAULT '[]',
    status              text        NOT NULL DEFAULT 'PLANNING' CHECK (status IN ('PLANNING', 'TENDERING', 'EVALUATING',
                                        'AWARDED', 'CANCELLED', 'UNSUCCESSFUL')),
    status_reason       text,
    justification       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 0
);
CREATE INDEX procurement_status_idx ON procurement (status, id);
CREATE INDEX procurement_updated_idx ON procurement (updated_at, id);

CREATE TABLE bid (
    id              bigserial PRIMARY KEY,
    procurement_id  bigint      NOT NULL REFERENCES procurement (id),
    organization_id bigint      NOT NULL REFERENCES organization (id),
    amount_fen      bigint      NOT NULL CHECK (amount_fen > 0),
    proposal        text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'SUBMITTED'
        CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')),
    submitted_by    text        NOT NULL,
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    withdrawn_at    timestamptz
);
-- one live bid per organization and procurement
CREATE UNIQUE INDEX bid_live_idx ON bid (procurement_id, organization_id) WHERE status = 'SUBMITTED';

CREATE TABLE award (
    id              bigserial PRIMARY KEY,
    procurement_id  bigint      NOT NULL REFERENCES procurement (id),
    bid_id          bigint REFERENCES bid (id),     -- null for 单一来源
    organization_id bigint      NOT NULL REFERENCES organization (id),
    amount_fen      bigint      NOT NULL CHECK (amount_fen > 0),
    awarded_at      timestamptz NOT NULL DEFAULT now(),
    awarded_by      text        NOT NULL
);

ALTER TABLE contract
    ADD COLUMN procurement_id     bigint REFERENCES procurement (id),
    ADD COLUMN award_id           bigint REFERENCES award (id),
    ADD COLUMN buyer_region_id    bigint REFERENCES region (id),
    ADD COLUMN status             text        NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('PENDING', 'ACTIVE', 'TERMINATED', 'COMPLETED')),
    ADD COLUMN service_targets    jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN renews_contract_id bigint REFERENCES contract (id),
    ADD COLUMN renewal_eligible   boolean     NOT NULL DEFAULT false,
    ADD COLUMN payments_withheld  boolean     NOT NULL DEFAULT false,
    ADD COLUMN latest_grade       text,
    ADD COLUMN status_reason      text,
    ADD COLUMN created_at         timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT contract_term CHECK (ends_on >= starts_on);
CREATE INDEX contract_organization_idx ON contract (organization_id);
CREATE INDEX contract_procurement_idx ON contract (procurement_id);

CREATE TABLE milestone (
    id                     bigserial PRIMARY KEY,
    contract_id            bigint  NOT NULL REFERENCES contract (id),
    title                  text    NOT NULL,
    due_on                 date    NOT NULL,
    amount_fen             bigint  NOT NULL CHECK (amount_fen > 0),
    requires_passing_grade boolean NOT NULL DEFAULT false, -- the latest evaluation must be at least 合格
    withheld               boolean NOT NULL DEFAULT false
);
CREATE INDEX milestone_contract_idx ON milestone (contract_id, due_on);

CREATE TABLE payment (
    id           bigserial PRIMARY KEY,
    contract_id  bigint      NOT NULL REFERENCES contract (id),
    milestone_id bigint      NOT NULL REFERENCES milestone (id),
    amount_fen   bigint      NOT NULL CHECK (amount_fen > 0),
    paid_on      date        NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_contract_idx ON payment (contract_id);
