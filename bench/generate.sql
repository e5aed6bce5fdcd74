-- Benchmark data set, deterministic: 5 000 communities (50 districts × 10 streets × 10 communities),
-- 100 000 organizations, 1 000 000 service listings with weekly hours, spread uniformly over about
-- 220 km × 215 km around Lanzhou (≈ 150 listings within 1 500 m of any point, as in a dense city).
-- Run after the service has migrated an empty database. Pseudo-random values come from hashes of the row
-- number, so every run makes the same data.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt text) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || substr(md5(i::text || salt), 1, 8))::bit(32)::bigint / 4294967296.0 $$;

-- regions: codes 71DDSS0CCC…, outside the real statistical code space
INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3, children_3_12)
SELECT '71' || lpad(d::text, 4, '0'), '基准区' || d, 'DISTRICT', NULL, ARRAY['71' || lpad(d::text, 4, '0')],
       35.0 + (d / 10) * 0.4 + 0.2, 102.6 + (d % 10) * 0.24 + 0.12, 400000, 80000, 12000, 36000
FROM generate_series(0, 49) d;
INSERT INTO region (code, name, level, parent_id, path, lat, lng, population)
SELECT p.code || lpad(s::text, 3, '0'), p.name || '街道' || s, 'STREET', p.id, p.path || (p.code || lpad(s::text, 3, '0')),
       p.lat - 0.2 + (s / 5) * 0.2 + 0.1, p.lng - 0.12 + (s % 5) * 0.048 + 0.024, 40000
FROM region p, generate_series(0, 9) s WHERE p.level = 'DISTRICT' AND p.code LIKE '71%';
INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3, children_3_12)
SELECT p.code || lpad(c::text, 3, '0'), p.name || '社区' || c, 'COMMUNITY', p.id, p.path || (p.code || lpad(c::text, 3, '0')),
       p.lat - 0.1 + (c / 5) * 0.1 + 0.05, p.lng - 0.024 + (c % 5) * 0.0096 + 0.0048, 8000, 1600, 240, 720
FROM region p, generate_series(0, 9) c WHERE p.level = 'STREET' AND p.code LIKE '71%';

CREATE TEMP TABLE bench_community AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, id, code, path, lat, lng FROM region
WHERE level = 'COMMUNITY' AND code LIKE '71%';
CREATE TEMP TABLE bench_category AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, id, code FROM category WHERE parent_id IS NOT NULL OR code IN
    ('housekeeping', 'health', 'disability', 'legal', 'counseling');

-- organizations (credit codes: 17 characters from the row number, check character per GB 32100)
INSERT INTO organization (credit_code, name, kind, region_id, address, lat, lng, contact_phone, service_category_codes,
                          social_worker_count, rating_level, rating_expires_on, status, created_at)
SELECT code17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (31 - (
           SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code17, k + 1, 1)) - 1) * ((3 ^ k)::bigint % 31))
           FROM generate_series(0, 16) k)::int % 31) % 31, 1),
       '基准社会服务中心' || o, 'SOCIAL_SERVICE_AGENCY', c.id, '基准路' || o || '号',
       c.lat + (pg_temp.h(o, 'olat') - 0.5) * 0.02, c.lng + (pg_temp.h(o, 'olng') - 0.5) * 0.024,
       '0931-' || (2000000 + o), ARRAY[(SELECT code FROM bench_category WHERE n = o % 23)], o % 20,
       CASE WHEN o % 6 = 0 THEN NULL ELSE 1 + o % 5 END, DATE '2029-12-31',
       CASE WHEN o % 50 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, now() - interval '400 days'
FROM (SELECT o, '52' || lpad((o % 1000000)::text, 6, '0') || lpad(o::text, 9, '0') AS code17
      FROM generate_series(1, 100000) o) x
JOIN bench_community c ON c.n = x.o % 5000;

CREATE TEMP TABLE bench_org AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM organization WHERE name LIKE '基准%';

-- 1 000 000 listings
INSERT INTO service_listing (organization_id, category_id, title, description, mode, address, lat, lng, region_id,
    area_codes, reach_codes, pricing, price_fen, subsidy_fen, price_unit, min_age, target_groups, capacity_per_slot,
    status, rating_average, rating_count, rating_total, published_at, confirmed_at, created_at)
SELECT o.id, cat.id,
       (ARRAY['老年助餐服务', '社区长者食堂', '上门护理', '日间照料中心', '助浴服务', '康复护理训练', '探访关爱', '适老化改造评估',
              '婴幼儿托育', '课后托管', '留守儿童关爱', '家庭教育讲座', '物业托管', '水电维修', '楼道保洁', '小区安保',
              '绿化养护', '家政保洁', '健康体检', '残疾人康复', '法律咨询', '心理疏导', '社区活动'])[1 + (i % 23)]
           || '（' || c.code || '）',
       (ARRAY['为辖区居民提供便民服务，预约后按时上门。', '政府购买服务项目，社工团队专业运营。', '欢迎居民预约，节假日照常开放。',
              '服务对象以老年人和困难群众为主。', '收费透明，可使用补贴。'])[1 + (i % 5)],
       (ARRAY['IN_STORE', 'HOME_VISIT', 'ONLINE'])[1 + (i % 3)], '基准路' || i || '号',
       35.0 + p.hl * 2.0, 102.6 + p.hg * 2.4, c.id,
       ARRAY[c.code], c.path, (ARRAY['FREE', 'SUBSIDIZED', 'PAID'])[1 + (i % 3)],
       CASE WHEN i % 3 = 0 THEN 0 ELSE 1000 + (i % 50) * 100 END, CASE WHEN i % 3 = 1 THEN 500 ELSE 0 END, '次',
       CASE WHEN i % 4 = 0 THEN 60 END, '{}', 5 + i % 20,
       CASE WHEN i % 20 = 0 THEN 'PAUSED' ELSE 'PUBLISHED' END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE round((3 + pg_temp.h(i, 'r') * 2)::numeric, 2) END, i % 40,
       CASE WHEN i % 3 = 0 THEN 0 ELSE round(round((3 + pg_temp.h(i, 'r') * 2)::numeric, 2) * (i % 40)) END,
       now() - (i % 700) * interval '1 day', now() - (i % 200) * interval '1 day', now() - interval '800 days'
FROM generate_series(1, 1000000) i
CROSS JOIN LATERAL (SELECT pg_temp.h(i, 'lat') AS hl, pg_temp.h(i, 'lng') AS hg) p
-- the community whose cell holds the point: district cell (5 × 10), street cell (2 × 5), community cell (2 × 5)
CROSS JOIN LATERAL (SELECT p.hl * 5 AS lf, p.hg * 10 AS gf) a
CROSS JOIN LATERAL (SELECT (a.lf - floor(a.lf)) * 2 AS lf, (a.gf - floor(a.gf)) * 5 AS gf,
                           (floor(a.lf) * 10 + floor(a.gf))::int AS d) b
CROSS JOIN LATERAL (SELECT b.d * 100 + (floor(b.lf) * 5 + floor(b.gf))::int * 10
                           + (floor((b.lf - floor(b.lf)) * 2) * 5 + floor((b.gf - floor(b.gf)) * 5))::int AS n) cell
JOIN bench_org o ON o.n = i % 100000
JOIN bench_category cat ON cat.n = i % 23
JOIN bench_community c ON c.n = cell.n;

INSERT INTO listing_weekly_hours (listing_id, weekday, opens, closes)
SELECT l.id, d, TIME '08:30', TIME '17:30' FROM service_listing l, generate_series(1, 5) d WHERE l.title LIKE '%（71%';

ANALYZE;
