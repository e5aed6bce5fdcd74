-- pgbench: the leanest correct transaction for the same booking as booking.sql — the limit bookings are measured
-- against (issue 16). The same checks and writes (the listing and its hours and exceptions of that day, the
-- per-resident lock, the same-key and live-bookings count, the slot, the booking, its audit entry and event) in
-- 5 statements instead of 12: the listing read with its hours, one count for both checks, and the booking, its
-- audit entry and its event in one statement that returns the booking (no read after the insert, no read before
-- the transaction). The pick and the request's values are booking.sql's (pgbench scripts cannot include one another).
\set r random(1, 999000)
\set hour random(24, 360)
-- (pgbench only) a published listing of an active organization, and the request's values as the service sends them
SELECT l.id AS id, 'demo-resident' AS subject, 'resident' AS role, 'bookService' AS action, 'Booking' AS entity_type,
       '' AS empty, md5(random()::text) AS key, md5(random()::text) AS fingerprint, true AS for_self, '压测居民' AS name,
       '本人' AS relation, 30 AS age, '' AS groups, '13800000000' AS phone, '' AS note, -1 AS member, '' AS booked_by,
       coalesce(l.contract_id, -1) AS contract, 'linli_booking_events' AS channel,
       date_trunc('hour', now()) + :hour * interval '1 hour' AS slot_start,
       date_trunc('hour', now()) + (:hour + 1) * interval '1 hour' AS slot_end,
       (date_trunc('day', (now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS day_start,
       (date_trunc('day', (now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') + interval '1 day' AS day_end,
       'booking-live-per-day|' || l.id || '|' || CAST((now() + :hour * interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AS date) || '|demo-resident' AS lock,
       json_build_object('status', 'REQUESTED', 'listingId', l.id, 'slotStart', date_trunc('hour', now()) + :hour * interval '1 hour') AS after
FROM service_listing l JOIN organization o ON o.id = l.organization_id
WHERE l.id >= :r AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE' ORDER BY l.id LIMIT 1;
\gset
BEGIN;
SELECT l.id, l.organization_id, l.contract_id, l.capacity_per_slot, l.slot_minutes, l.min_age, l.max_age, l.target_groups,
       o.region_id,
       (SELECT json_agg(json_build_array(h.weekday, h.opens, h.closes)) FROM listing_weekly_hours h WHERE h.listing_id = l.id) AS weekly,
       (SELECT json_agg(json_build_array(e.closed, e.opens, e.closes)) FROM listing_schedule_exception e
         WHERE e.listing_id = l.id AND e.on_date = CAST(:day_start AS timestamptz) AT TIME ZONE 'Asia/Shanghai') AS exceptions
FROM service_listing l JOIN organization o ON o.id = l.organization_id
WHERE l.id = :id AND l.status = 'PUBLISHED' AND o.status IN ('ACTIVE', 'BARRED');
\gset
SELECT CAST(pg_advisory_xact_lock(hashtextextended(:lock, 0)) AS text) AS locked;
SELECT count(*) FILTER (WHERE idempotency_key = :key) AS same_key,
       count(*) FILTER (WHERE listing_id = :id AND status IN ('REQUESTED', 'CONFIRMED') AND slot_start >= :day_start
         AND slot_start < :day_end) AS live
FROM booking WHERE resident_subject = :subject AND (idempotency_key = :key OR (listing_id = :id AND slot_start >= :day_start
  AND slot_start < :day_end));
INSERT INTO booking_slot (listing_id, slot_start, taken) VALUES (:id, :slot_start, 1) ON CONFLICT (listing_id, slot_start)
  DO UPDATE SET taken = booking_slot.taken + 1 WHERE booking_slot.taken < :capacity_per_slot RETURNING taken;
WITH b AS (
  INSERT INTO booking (listing_id, organization_id, contract_id, resident_subject, idempotency_key, request_fingerprint,
      slot_start, slot_end, for_self, beneficiary_name, beneficiary_relation, beneficiary_age, beneficiary_groups,
      contact_phone, note, beneficiary_member_id, booked_by_subject)
  VALUES (:id, :organization_id, nullif(:contract, -1), :subject, :key, :fingerprint, :slot_start, :slot_end, :for_self,
      nullif(:name, ''), nullif(:relation, ''), :age, coalesce(string_to_array(nullif(:groups, ''), ','), '{}'), :phone,
      nullif(:note, ''), nullif(:member, -1), nullif(:booked_by, ''))
  ON CONFLICT (resident_subject, idempotency_key) DO NOTHING RETURNING *),
a AS (
  INSERT INTO audit_entry (actor_subject, actor_role, action, entity_type, entity_id, organization_id, region_path, after)
  SELECT :subject, :role, :action, :entity_type, CAST(b.id AS text), b.organization_id,
         coalesce((SELECT path FROM region WHERE id = :region_id), '{}'), CAST(:after AS jsonb) FROM b),
n AS (SELECT pg_notify(:channel, concat_ws(chr(58), b.organization_id, b.id, 'REQUESTED')) AS sent FROM b)
SELECT b.id, b.status, b.slot_start, b.slot_end, b.for_self, b.beneficiary_name, b.beneficiary_relation,
       b.beneficiary_age, b.contact_phone, b.created_at, (SELECT count(*) FROM n) AS announced
FROM b;
COMMIT;
