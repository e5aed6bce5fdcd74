-- Linli schema, part 16: what residents say they need (以事定费: buy what residents need). A need names a category
-- and the community (or grid) it is about; residents support it once each (the submitter counts as its first
-- supporter); an official over the region answers it (PLANNED, PROCURED, DECLINED) or links it to a procurement.
-- Who submitted or supported is kept for the one-per-resident rules only and is never shown.

CREATE TABLE service_need (
    id             bigserial PRIMARY KEY,
    category_id    bigint      NOT NULL REFERENCES category (id),
    region_id      bigint      NOT NULL REFERENCES region (id),   -- the community or grid it is about
    community_id   bigint      NOT NULL REFERENCES region (id),   -- that community (a grid's parent)
    text           text        NOT NULL,
    submitted_by   text        NOT NULL,
    submitted_role text        NOT NULL CHECK (submitted_role IN ('resident', 'community_worker')),
    status         text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PLANNED', 'PROCURED', 'DECLINED')),
    supporters     integer     NOT NULL DEFAULT 0 CHECK (supporters >= 0),
    response       text,
    responded_by   text,
    responded_at   timestamptz,
    procurement_id bigint REFERENCES procurement (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'DECLINED' OR response IS NOT NULL)
);
-- one OPEN need per resident, category and community (community workers relay many residents' needs)
CREATE UNIQUE INDEX service_need_open_once_idx ON service_need (submitted_by, category_id, community_id)
    WHERE status = 'OPEN' AND submitted_role = 'resident';
CREATE INDEX service_need_community_idx ON service_need (community_id, category_id, status);
CREATE INDEX service_need_newest_idx ON service_need (created_at DESC, id DESC);
CREATE INDEX service_need_procurement_idx ON service_need (procurement_id) WHERE procurement_id IS NOT NULL;

-- each resident supports a need once
CREATE TABLE service_need_support (
    need_id    bigint      NOT NULL REFERENCES service_need (id),
    subject    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (need_id, subject)
);
