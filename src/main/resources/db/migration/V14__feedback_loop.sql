-- Linli schema, part 14: the feedback loop from the resident's side. Problems in a community that are not about an
-- organization (region_id: a COMMUNITY or a GRID), escalation (小事不出小区，大事不出社区: an item starts at the
-- community, or at its organization's region, and moves up one region at a time), and the resident's rating of
-- the resolution.

ALTER TABLE feedback ALTER COLUMN organization_id DROP NOT NULL;
ALTER TABLE feedback
    ADD COLUMN region_id          bigint REFERENCES region (id),   -- a community problem: where it is (COMMUNITY or GRID)
    ADD COLUMN handler_region_id  bigint REFERENCES region (id),   -- whose officials handle it now; NULL: the organization's region
    ADD COLUMN escalation_level   integer     NOT NULL DEFAULT 0,  -- how many times it moved up
    ADD COLUMN escalated_at       timestamptz,
    ADD COLUMN escalated_by       text,
    ADD COLUMN escalation_reason  text,
    ADD COLUMN satisfied          boolean,                         -- the submitter's rating of the resolution
    ADD COLUMN rating_comment     text,
    ADD COLUMN rated_at           timestamptz,
    ADD CONSTRAINT feedback_about_something CHECK (organization_id IS NOT NULL OR region_id IS NOT NULL),
    ADD CONSTRAINT feedback_community_handled CHECK (region_id IS NULL OR handler_region_id IS NOT NULL),
    ADD CONSTRAINT feedback_rated_once CHECK (rated_at IS NULL OR satisfied IS NOT NULL);

CREATE INDEX feedback_resident_idx ON feedback (resident_subject, id);
CREATE INDEX feedback_region_idx ON feedback (region_id, id) WHERE region_id IS NOT NULL;
CREATE INDEX feedback_responded_idx ON feedback (responded_at) WHERE status = 'RESPONDED';
