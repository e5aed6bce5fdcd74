-- pgbench: the SQL statements the service sends for a booking (graphql/operations/BookService.graphql, a new
-- idempotency key each time), in its order: a random listing, a random hour slot in the coming two weeks. The
-- service checks the slot against the opening hours in Java; here any hour counts. bench/mixed.sh checks them against
-- the statements the service logs for a booking before it runs. NULL parameters are sent as the service sends them
-- (-1 and '' that the statements turn into NULL).
\set r random(1, 999000)
\set hour random(24, 360)
-- (pgbench only) a published listing of an active organization, and the request's values as the service sends them
SELECT l.id AS id, 'demo-resident' AS subject, 'resident' AS role, 'bookService' AS action, 'Booking' AS entity_type,
       '' AS empty, md5(random()::text) AS key, md5(random()::text) AS fingerprint, true AS for_self, '压测居民' AS name,
       '本人' AS relation, 30 AS age, '' AS groups, '13800000000' AS phone, '' AS note, -1 AS member, '' AS booked_by,
       coalesce(l.contract_id, -1) AS contract, 'linli_booking_events' AS channel,
       date_trunc('hour', now()) + :hour * interval '1 hour' AS slot_start,
       date_trunc('hour', now()) + (:hour + 1) * interval '1 hour' AS slot_end,
       CAST(extract(isodow FROM (now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai') AS int) AS weekday,
       CAST((now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS date) AS slot_date,
       (date_trunc('day', (now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS day_start,
       (date_trunc('day', (now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') + interval '1 day' AS day_end,
       'booking-live-per-day|' || l.id || '|' || CAST((now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS date) || '|demo-resident' AS lock,
       json_build_object('status', 'REQUESTED', 'listingId', l.id, 'slotStart', date_trunc('hour', now()) + :hour * interval '1 hour') AS after
FROM service_listing l JOIN organization o ON o.id = l.organization_id
WHERE l.id >= :r AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE' ORDER BY l.id LIMIT 1;
\gset
-- the resident's earlier booking with this idempotency key (none: a new key each time), outside the transaction
SELECT b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at, b.beneficiary_member_id, b.booked_by_subject, b.request_fingerprint FROM booking b WHERE b.resident_subject = :subject AND b.idempotency_key = :key;
BEGIN;
SELECT l.id, l.organization_id, l.contract_id, l.capacity_per_slot, l.slot_minutes, l.min_age, l.max_age, array_to_string(l.target_groups, ',') AS target_groups, o.region_id FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE l.id = :id AND l.status = 'PUBLISHED' AND o.status IN ('ACTIVE', 'BARRED');
\gset
SELECT false AS exception, weekday, CAST(NULL AS date) AS on_date, false AS closed, opens, closes FROM listing_weekly_hours WHERE listing_id = :id AND weekday = :weekday UNION ALL SELECT true, NULL, on_date, closed, opens, closes FROM listing_schedule_exception WHERE listing_id = :id AND on_date = :slot_date;
SELECT CAST(pg_advisory_xact_lock(hashtextextended(:lock, 0)) AS text) AS locked;
SELECT count(*) FILTER (WHERE idempotency_key = :key) AS same_key, count(*) FILTER (WHERE listing_id = :id AND status IN ('REQUESTED', 'CONFIRMED') AND slot_start >= :day_start AND slot_start < :day_end) AS live FROM booking WHERE resident_subject = :subject AND (idempotency_key = :key OR (listing_id = :id AND status IN ('REQUESTED', 'CONFIRMED') AND slot_start >= :day_start AND slot_start < :day_end));
INSERT INTO booking_slot (listing_id, slot_start, taken) VALUES (:id, :slot_start, 1) ON CONFLICT (listing_id, slot_start) DO UPDATE SET taken = booking_slot.taken + 1 WHERE booking_slot.taken < :capacity_per_slot RETURNING taken;
INSERT INTO booking AS b (listing_id, organization_id, contract_id, resident_subject, idempotency_key, request_fingerprint, slot_start, slot_end, for_self, beneficiary_name, beneficiary_relation, beneficiary_age, beneficiary_groups, contact_phone, note, beneficiary_member_id, booked_by_subject) VALUES (:id, :organization_id, nullif(:contract, -1), :subject, :key, :fingerprint, :slot_start, :slot_end, :for_self, nullif(:name, ''), nullif(:relation, ''), :age, coalesce(string_to_array(nullif(:groups, ''), ','), '{}'), :phone, nullif(:note, ''), nullif(:member, -1), nullif(:booked_by, '')) ON CONFLICT (resident_subject, idempotency_key) DO NOTHING RETURNING b.id, b.listing_id, b.organization_id, b.resident_subject, b.status, b.status_reason, b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation, b.beneficiary_age, array_to_string(b.beneficiary_groups, ',') AS beneficiary_groups, b.contact_phone, b.note, b.created_at, b.beneficiary_member_id, b.booked_by_subject;
\gset b_
-- (pgbench only) the event's text, which needs the new booking's id
SELECT concat_ws(chr(58), CAST(:organization_id AS text), CAST(:b_id AS text), 'REQUESTED') AS payload;
\gset
INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id, organization_id, region_path, reason, before, after) VALUES (:subject, :role, :action, :entity_type, :b_id, nullif(:organization_id, -1), coalesce((SELECT path FROM region WHERE id = :region_id), '{}'), nullif(:empty, ''), CAST(nullif(:empty, '') AS jsonb), CAST(nullif(:after, '') AS jsonb));
SELECT CAST(pg_notify(:channel, :payload) AS text) AS sent;
COMMIT;
