-- Linli schema, part 1: regions, the service catalogue, organizations and their service listings.

-- Overlapping two-character tokens of a text, lower-cased, without tokens that contain white space.
-- A GIN index over them makes two-character Chinese keywords (助餐, 托育) index-backed, which pg_trgm
-- cannot do (a two-character pattern has no trigram). Longer keywords use it as a superset filter and
-- are rechecked with LIKE.
CREATE FUNCTION linli_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT coalesce(array_agg(DISTINCT g), '{}')
FROM (SELECT substr(s, i, 2) AS g
      FROM (SELECT lower(t) AS s) x, generate_series(1, length(s) - 1) AS i) y
WHERE g !~ '\s'
$$;

-- Great-circle distance in metres (haversine, mean Earth radius).
CREATE FUNCTION linli_distance_m(lat1 double precision, lng1 double precision,
                                 lat2 double precision, lng2 double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT 2 * 6371008.8 * asin(sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2)))
$$;

CREATE TABLE region (
    id             bigserial PRIMARY KEY,
    code           varchar(20) NOT NULL UNIQUE,        -- 统计用区划代码 (grids append their own digits)
    name           text        NOT NULL,
    level          text        NOT NULL CHECK (level IN ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    parent_id      bigint REFERENCES region (id),
    path           text[]      NOT NULL,               -- codes from the root down to this region
    lat            double precision,
    lng            double precision,
    population     integer,
    aged_60_plus   integer,
    children_0_3   integer,
    children_3_12  integer
);
CREATE INDEX region_parent_idx ON region (parent_id);
CREATE INDEX region_path_idx ON region USING gin (path);

CREATE TABLE category (
    id         bigserial PRIMARY KEY,
    code       text    NOT NULL UNIQUE,
    parent_id  bigint REFERENCES category (id),
    path       text    NOT NULL,                       -- '/elderly/meal/': a category and its descendants share a prefix
    name_zh    text    NOT NULL,
    name_en    text    NOT NULL,
    sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE organization (
    id                     bigserial PRIMARY KEY,
    credit_code            char(18)    NOT NULL UNIQUE, -- 统一社会信用代码 (GB 32100)
    name                   text        NOT NULL,
    kind                   text        NOT NULL,
    region_id              bigint      NOT NULL REFERENCES region (id),
    address                text,
    lat                    double precision,
    lng                    double precision,
    contact_name           text,
    contact_phone          text,
    description            text        NOT NULL DEFAULT '',
    service_category_codes text[]      NOT NULL DEFAULT '{}',
    social_worker_count    integer     NOT NULL DEFAULT 0,
    rating_level           smallint CHECK (rating_level BETWEEN 1 AND 5), -- 1A … 5A
    rating_expires_on      date,
    status                 text        NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'BARRED', 'DEREGISTERED')),
    barred_until           date,
    rating_average         numeric(3, 2),
    rating_count           integer     NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL DEFAULT 0
);
CREATE INDEX organization_region_idx ON organization (region_id);
CREATE INDEX organization_name_bigrams_idx ON organization USING gin (linli_bigrams(name));
CREATE INDEX organization_categories_idx ON organization USING gin (service_category_codes);

-- A government purchase contract that funds listings. The procurement context owns its lifecycle;
-- search only needs to know that a listing is funded and by whom.
CREATE TABLE contract (
    id              bigserial PRIMARY KEY,
    code            text   NOT NULL UNIQUE,
    title           text   NOT NULL,
    buyer_name      text   NOT NULL,
    organization_id bigint NOT NULL REFERENCES organization (id),
    amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
    starts_on       date   NOT NULL,
    ends_on         date   NOT NULL
);

CREATE TABLE service_listing (
    id               bigserial PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organization (id),
    category_id      bigint      NOT NULL REFERENCES category (id),
    title            text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    mode             text        NOT NULL CHECK (mode IN ('IN_STORE', 'HOME_VISIT', 'ONLINE')),
    address          text,
    lat              double precision,
    lng              double precision,
    region_id        bigint REFERENCES region (id),   -- the community (or grid) where it is located
    area_codes       text[]      NOT NULL DEFAULT '{}', -- service area: region codes it serves
    reach_codes      text[]      NOT NULL DEFAULT '{}', -- location and service area with all their ancestors
    pricing          text        NOT NULL CHECK (pricing IN ('FREE', 'SUBSIDIZED', 'PAID')),
    price_fen        bigint      NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
    subsidy_fen      bigint      NOT NULL DEFAULT 0 CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),
    price_unit       text,                               -- 次, 餐, 小时, 月 …
    min_age          smallint,
    max_age          smallint,
    target_groups    text[]      NOT NULL DEFAULT '{}',  -- empty: open to everyone
    capacity_per_slot integer    NOT NULL DEFAULT 1 CHECK (capacity_per_slot > 0),
    slot_minutes     integer     NOT NULL DEFAULT 60 CHECK (slot_minutes > 0),
    contact_phone    text,
    status           text        NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED', 'WITHDRAWN')),
    contract_id      bigint REFERENCES contract (id),
    rating_average   numeric(3, 2),
    rating_count     integer     NOT NULL DEFAULT 0,
    published_at     timestamptz,
    confirmed_at     timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 0,
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX service_listing_org_idx ON service_listing (organization_id);
-- Search indexes cover published listings only: that is all residents ever search.
CREATE INDEX service_listing_geo_idx ON service_listing USING gist (point(lng, lat)) WHERE status = 'PUBLISHED';
CREATE INDEX service_listing_bigrams_idx ON service_listing
    USING gin (linli_bigrams(title || ' ' || description)) WHERE status = 'PUBLISHED';
CREATE INDEX service_listing_reach_idx ON service_listing USING gin (reach_codes) WHERE status = 'PUBLISHED';
CREATE INDEX service_listing_area_idx ON service_listing USING gin (area_codes) WHERE status = 'PUBLISHED';
CREATE INDEX service_listing_newest_idx ON service_listing (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX service_listing_category_idx ON service_listing (category_id, published_at DESC, id DESC) WHERE status = 'PUBLISHED';

-- Weekly opening hours: several ranges a day are several rows. ISO weekday: 1 = Monday … 7 = Sunday.
CREATE TABLE listing_weekly_hours (
    id         bigserial PRIMARY KEY,
    listing_id bigint   NOT NULL REFERENCES service_listing (id) ON DELETE CASCADE,
    weekday    smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens      time     NOT NULL,
    closes     time     NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX listing_weekly_hours_idx ON listing_weekly_hours (listing_id, weekday);

-- A dated exception replaces the weekly hours of that date: closed all day, or open only in its ranges.
CREATE TABLE listing_schedule_exception (
    id         bigserial PRIMARY KEY,
    listing_id bigint  NOT NULL REFERENCES service_listing (id) ON DELETE CASCADE,
    on_date    date    NOT NULL,
    closed     boolean NOT NULL,
    opens      time,
    closes     time,
    note       text,
    CHECK (closed OR (opens IS NOT NULL AND closes IS NOT NULL AND opens < closes))
);
CREATE INDEX listing_schedule_exception_idx ON listing_schedule_exception (listing_id, on_date);
