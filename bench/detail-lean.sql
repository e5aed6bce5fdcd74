-- pgbench: the leanest correct statement for the same page as detail.sql (graphql/operations/ServiceDetail.graphql)
-- — the limit the service page is measured against (issue 16). One statement: only the columns the page shows, the
-- parent category, the contract and the region joined, the service area, weekly hours and exceptions from today
-- aggregated as JSON in the same row. The same random pick of a visible listing as detail.sql.
\set r random(1, 999000)
-- (pgbench only) a published listing of an active organization
SELECT l.id AS id FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE l.id >= :r AND l.status = 'PUBLISHED' AND o.status = 'ACTIVE' ORDER BY l.id LIMIT 1;
\gset
SELECT l.id, l.title, l.description, l.mode, l.address, l.lat, l.lng, l.contact_phone, l.capacity_per_slot, l.slot_minutes,
       l.pricing, l.price_fen, l.subsidy_fen, l.price_unit, l.min_age, l.max_age, l.target_groups, l.rating_average,
       l.rating_count, l.confirmed_at, ct.code, ct.title, ct.buyer_name, c.code, c.name_zh, c.name_en, p.code, p.name_zh,
       p.name_en, o.id, o.name, o.kind, o.rating_level, o.rating_expires_on, o.contact_name, o.contact_phone, o.address,
       r.code, r.name,
       (SELECT json_agg(json_build_array(a.code, a.name, a.level) ORDER BY a.code) FROM region a
         WHERE a.code = ANY (l.area_codes)) AS service_area,
       (SELECT json_agg(json_build_array(h.weekday, h.opens, h.closes) ORDER BY h.weekday, h.opens)
         FROM listing_weekly_hours h WHERE h.listing_id = l.id) AS weekly_hours,
       (SELECT json_agg(json_build_array(e.on_date, e.closed, e.opens, e.closes, e.note) ORDER BY e.on_date, e.opens)
         FROM listing_schedule_exception e WHERE e.listing_id = l.id AND e.on_date >= current_date) AS exceptions
FROM service_listing l JOIN organization o ON o.id = l.organization_id JOIN category c ON c.id = l.category_id
  LEFT JOIN category p ON p.id = c.parent_id LEFT JOIN contract ct ON ct.id = l.contract_id
  LEFT JOIN region r ON r.id = l.region_id
WHERE l.status = 'PUBLISHED' AND o.status IN ('ACTIVE', 'BARRED') AND l.id = :id;
