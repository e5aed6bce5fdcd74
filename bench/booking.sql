-- pgbench: the SQL statements the service sends for a booking (graphql/operations/BookService.graphql, a new
-- idempotency key each time), copied from PostgreSQL's statement log: a random listing, a random hour slot in
-- the coming two weeks. The service checks the slot against the opening hours in Java; here any hour counts.
\set r random(1, 999000)
-- a published listing of an active organization (as the service's clients only see those): one extra, cheap statement
SELECT l.id AS id FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE l.id >= :r AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE' ORDER BY l.id LIMIT 1;
\gset
\set hour random(24, 360)
SELECT b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at FROM booking b WHERE b.resident_subject = 'demo-resident' AND b.idempotency_key = md5(random()::text);
BEGIN;
SELECT l.id, l.organization_id, l.contract_id, l.capacity_per_slot, l.slot_minutes, l.min_age, l.max_age, array_to_string(l.target_groups, ',') AS target_groups, o.region_id FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE l.id = :id AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE';
\gset
SELECT weekday, opens, closes FROM listing_weekly_hours WHERE listing_id = :id;
SELECT on_date, closed, opens, closes FROM listing_schedule_exception WHERE listing_id = :id;
INSERT INTO booking_slot (listing_id, slot_start, taken) VALUES (:id, date_trunc('hour', now()) + :hour * interval '1 hour', 1) ON CONFLICT (listing_id, slot_start) DO UPDATE SET taken = booking_slot.taken + 1 WHERE booking_slot.taken < :capacity_per_slot RETURNING taken;
INSERT INTO booking (listing_id, organization_id, contract_id, resident_subject, idempotency_key, slot_start, slot_end, for_self, beneficiary_name, beneficiary_relation, beneficiary_age, beneficiary_groups, contact_phone, note) VALUES (:id, :organization_id, nullif(coalesce(nullif(:contract_id, '')::bigint, -1), -1), 'demo-resident', md5(random()::text), date_trunc('hour', now()) + :hour * interval '1 hour', date_trunc('hour', now()) + (:hour + 1) * interval '1 hour', true, nullif('压测居民', ''), nullif('本人', ''), 30, coalesce(string_to_array(nullif('', ''), ','), '{}'), '13800000000', nullif('', '')) ON CONFLICT (resident_subject, idempotency_key) DO NOTHING RETURNING id;
\gset b_
INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id, organization_id, region_path, reason, before, after) VALUES ('demo-resident', 'resident', 'bookService', 'Booking', CAST(:b_id AS text), nullif(:organization_id, -1), coalesce((SELECT path FROM region WHERE id = :region_id), '{}'), nullif('', ''), CAST(nullif('', '') AS jsonb), CAST(nullif('{"status":"REQUESTED"}', '') AS jsonb));
SELECT CAST(pg_notify('linli_booking_events', CAST(:organization_id AS text) || '/' || CAST(:b_id AS text) || '/REQUESTED') AS text) AS sent;
SELECT b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at FROM booking b WHERE b.id = :b_id;
COMMIT;
