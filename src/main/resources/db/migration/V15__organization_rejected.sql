-- Linli schema, part 15: an official may reject a registration (PENDING → REJECTED, with the reason shown to the
-- organization's console); a rejected organization stays on record and never shows its services.
ALTER TABLE organization DROP CONSTRAINT organization_status_check;
ALTER TABLE organization ADD CONSTRAINT organization_status_check
    CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'BARRED', 'DEREGISTERED', 'REJECTED'));
-- the officials' work queue: registrations waiting, by region
CREATE INDEX organization_pending_idx ON organization (region_id) WHERE status = 'PENDING';
