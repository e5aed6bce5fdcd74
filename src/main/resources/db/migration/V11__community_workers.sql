-- Linli schema, part 11: community workers (社区工作者 / 网格员), appointed by an official to a COMMUNITY or a
-- GRID (grids are regions of level GRID under a community). They serve the residents living there.

CREATE TABLE community_worker_appointment (
    id           bigserial PRIMARY KEY,
    subject      text        NOT NULL,
    region_id    bigint      NOT NULL REFERENCES region (id),
    appointed_at timestamptz NOT NULL DEFAULT now(),
    appointed_by text        NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text
);
-- one live appointment per worker and region
CREATE UNIQUE INDEX community_worker_live_idx ON community_worker_appointment (subject, region_id) WHERE revoked_at IS NULL;
