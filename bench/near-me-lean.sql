-- pgbench: the leanest correct statement for the same page as near-me.sql — the limit the service is measured
-- against (issue 16). Only the columns NearbyServices shows (18 instead of the 34 of the card statement the
-- service sends for it), the keys without text casts, no join to contract (only whether there is one). The category subtree stays a subquery: as an id array passed in
-- one parameter (= ANY(CAST(:ids AS bigint[]))) the generic plan casts it for every row, 1 180 against 1 680 tps.
-- run.sh checks that it returns the same ids in the same order as near-me.sql on 20 random points.
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
SELECT l.id AS l_id, l.title, l.mode, l.pricing, l.price_fen, l.subsidy_fen, l.price_unit, l.rating_average,
       l.contract_id IS NOT NULL AS funded, l.confirmed_at, linli_distance_m(:lat, :lng, l.lat, l.lng) AS distance_m,
       c.code, c.name_zh, c.name_en, o.id, o.name, o.rating_level, o.rating_expires_on
FROM service_listing l JOIN organization o ON o.id = l.organization_id JOIN category c ON c.id = l.category_id
WHERE l.status = 'PUBLISHED' AND o.status IN ('ACTIVE', 'BARRED')
  AND point(l.lng, l.lat) <@ box(point(:minlng, :minlat), point(:maxlng, :maxlat))
  AND linli_distance_m(:lat, :lng, l.lat, l.lng) <= :radius
  AND l.category_id IN (SELECT d.id FROM category d JOIN category p ON d.path LIKE p.path || '%'
    WHERE p.code = (ARRAY['elderly','childcare','property','housekeeping','health','disability','legal','counseling'])[:cat])
ORDER BY distance_m, l.id
LIMIT 21;
