-- Linli schema, part 8: 优胜劣汰 sanctions that stick. A listing paused by an evaluation outcome records that
-- outcome, so that its organization cannot publish it again until an appeal decision or a later evaluation
-- lifts it; contracts complete; the service's own jobs record when they last ran.

ALTER TABLE service_listing ADD COLUMN paused_by_outcome_id bigint REFERENCES evaluation_outcome (id);
CREATE INDEX service_listing_paused_by_outcome_idx ON service_listing (paused_by_outcome_id)
    WHERE paused_by_outcome_id IS NOT NULL;

ALTER TABLE contract ADD COLUMN completed_at timestamptz;

-- Organizations whose bar has ended are found by this index (organization.OrganizationStanding.liftEndedBars).
CREATE INDEX organization_barred_idx ON organization (barred_until) WHERE status = 'BARRED';

-- Organizations barred by an outcome published before this migration get the status the bar means.
UPDATE organization SET status = 'BARRED', updated_at = now()
WHERE status = 'ACTIVE' AND barred_until IS NOT NULL AND barred_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date;
-- Listings an outcome paused before this migration: the outcome that did it.
UPDATE service_listing l SET paused_by_outcome_id = o.id
FROM evaluation_outcome o
WHERE o.kind = 'PAUSE_LISTINGS' AND o.lifted_at IS NULL AND l.status = 'PAUSED'
  AND o.detail -> 'listingIds' @> to_jsonb(l.id);
