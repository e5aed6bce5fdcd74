-- pgbench: the SQL statement the service runs for the mini-program's near-me search (category + 1 500 m +
-- a page of 20 with organizations), with the same parameters. Bounding box as ServiceQueries computes it.
-- bench/run.sh checks it against the statement the service sends (its SQL log) before it runs.
\set ilat random(0, 2000000)
\set ilng random(0, 2400000)
\set cat random(1, 8)
\set radius 1500
\set lat 35.0 + :ilat / 1000000.0
\set lng 102.6 + :ilng / 1000000.0
\set minlat :lat - 0.013701
\set maxlat :lat + 0.013701
\set minlng :lng - 0.017040
\set maxlng :lng + 0.017040
SELECT CAST(linli_distance_m(:lat, :lng, l.lat, l.lng) AS text) AS key_0, CAST(l.id AS text) AS key_1, l.id AS l_id, l.title AS l_title, l.mode AS l_mode, l.pricing AS l_pricing, l.price_fen AS l_price_fen, l.subsidy_fen AS l_subsidy_fen, l.price_unit AS l_price_unit, l.rating_average AS l_rating_average, l.rating_count AS l_rating_count, l.published_at AS l_published_at, l.confirmed_at AS l_confirmed_at, l.status AS l_status, ct.code AS ct_code, ct.title AS ct_title, ct.buyer_name AS ct_buyer_name, linli_distance_m(:lat, :lng, l.lat, l.lng) AS distance_m, c.id AS c_id, c.parent_id AS c_parent_id, c.code AS c_code, c.path AS c_path, c.name_zh AS c_name_zh, c.name_en AS c_name_en, c.sort_order AS c_sort_order, o.id AS o_id, o.name AS o_name, o.kind AS o_kind, o.status AS o_status, o.rating_level AS o_rating_level, o.rating_expires_on AS o_rating_expires_on, o.rating_average AS o_rating_average, o.rating_count AS o_rating_count, o.excellent_badge AS o_excellent_badge FROM service_listing l JOIN organization o ON o.id = l.organization_id JOIN category c ON c.id = l.category_id LEFT JOIN contract ct ON ct.id = l.contract_id WHERE l.status = 'PUBLISHED' AND o.status IN ('ACTIVE', 'BARRED') AND point(l.lng, l.lat) <@ box(point(:minlng, :minlat), point(:maxlng, :maxlat)) AND linli_distance_m(:lat, :lng, l.lat, l.lng) <= :radius AND l.category_id IN (SELECT d.id FROM category d JOIN category p ON d.path LIKE p.path || '%' WHERE p.code = (ARRAY['elderly','childcare','property','housekeeping','health','disability','legal','counseling'])[:cat]) ORDER BY linli_distance_m(:lat, :lng, l.lat, l.lng) ASC, l.id ASC LIMIT 21;
