package cn.linli.catalog;

import cn.linli.common.Ids;
import cn.linli.common.Keyword;
import cn.linli.common.KeysetQuery;
import cn.linli.common.KeysetQuery.Key;
import cn.linli.common.Location;
import cn.linli.common.Paging;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.organization.OrganizationQueries;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.linli.region.Region;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service search. One SQL statement returns a page of services with their organization and category, so
 * the page costs the same whatever its size. Near-me search uses the GiST index on {@code point(lng, lat)}
 * through a bounding box and checks the exact great-circle distance (ordering by {@code <->} would be wrong:
 * it measures degrees, and a degree of longitude is shorter than one of latitude).
 */
@ApplicationScoped
public class ServiceQueries {
    private static final String FROM = " FROM service_listing l JOIN organization o ON o.id = l.organization_id"
            + " JOIN category c ON c.id = l.category_id LEFT JOIN contract ct ON ct.id = l.contract_id";
    /** Everything a service has of its own row and of its category, organization and contract; {@code %s} is the distance. */
    private static final String SELECT_COLUMNS = "SELECT l.id AS l_id, l.title AS l_title, l.description AS l_description, "
            + "l.mode AS l_mode, l.address AS l_address, l.lat AS l_lat, l.lng AS l_lng, l.region_id AS l_region_id, "
            + "array_to_string(l.area_codes, ',') AS l_area_codes, l.pricing AS l_pricing, l.price_fen AS l_price_fen, "
            + "l.subsidy_fen AS l_subsidy_fen, l.price_unit AS l_price_unit, l.min_age AS l_min_age, "
            + "l.max_age AS l_max_age, array_to_string(l.target_groups, ',') AS l_target_groups, "
            + "l.capacity_per_slot AS l_capacity, l.slot_minutes AS l_slot_minutes, l.contact_phone AS l_contact_phone, "
            + "l.rating_average AS l_rating_average, l.rating_count AS l_rating_count, l.published_at AS l_published_at, "
            + "l.confirmed_at AS l_confirmed_at, l.status AS l_status, l.version AS l_version, ct.code AS ct_code, ct.title AS ct_title, ct.buyer_name AS ct_buyer_name, "
            + "%s AS distance_m, " + CategoryQueries.COLUMNS + ", " + OrganizationQueries.COLUMNS;
    static final String SELECT = SELECT_COLUMNS + FROM;
    /**
     * What a list of services shows of each (its card): the columns {@link Columns#CARD} answers from, a third of
     * {@link #SELECT}'s (the organization's card columns, the listing's without its texts, place and eligibility).
     * Read with {@link #card}.
     */
    static final String CARD_SELECT = "SELECT l.id AS l_id, l.title AS l_title, l.mode AS l_mode, l.pricing AS l_pricing, "
            + "l.price_fen AS l_price_fen, l.subsidy_fen AS l_subsidy_fen, l.price_unit AS l_price_unit, "
            + "l.rating_average AS l_rating_average, l.rating_count AS l_rating_count, l.published_at AS l_published_at, "
            + "l.confirmed_at AS l_confirmed_at, l.status AS l_status, ct.code AS ct_code, ct.title AS ct_title, "
            + "ct.buyer_name AS ct_buyer_name, %s AS distance_m, " + CategoryQueries.COLUMNS + ", " + OrganizationQueries.CARD_COLUMNS + FROM;
    /** The fields of Service (GraphQL) a card answers as the full row would; the category's are all there. */
    static final Set<String> CARD_FIELDS = Set.of("id", "title", "distanceMeters", "mode", "modeLabel", "price",
            "price.pricing", "price.pricingLabel", "price.priceFen", "price.subsidyFen", "price.residentPaysFen",
            "price.unit", "ratingAverage", "reviewCount", "publishedAt", "confirmedAt", "daysSinceConfirmed", "stale",
            "status", "statusLabel", "governmentFunded", "funding", "funding.contractCode", "funding.contractTitle",
            "funding.buyerName", "category", "organization");

    /** Which columns a page of services reads. */
    public enum Columns {
        /** Everything a service has. */
        ALL,
        /** What a list shows ({@link ServiceQueries#CARD_SELECT}): chosen only when nothing else is selected. */
        CARD;

        /** CARD when every field selected below a service (paths relative to it, as SelectedPaths gives them) is one a card answers. */
        public static Columns forSelection(Set<String> serviceFields) {
            for (String path : serviceFields) {
                boolean answered = CARD_FIELDS.contains(path) || path.startsWith("category.")
                        || path.startsWith("organization.") && OrganizationQueries.CARD_FIELDS.contains(path.substring("organization.".length()));
                if (!answered) {
                    return ALL;
                }
            }
            return CARD;
        }
    }

    /**
     * What a service shows from other tables, read in the listing's own statement when the request selects it: each
     * a scalar subquery of the listing's row, aggregated as JSON (the service page was five statements, its lean
     * statement one; issue 16). Ordered as the batched fields order them ({@link #weeklyHours} and the others).
     */
    public enum Part {
        WEEKLY_HOURS("weeklyHours", "(SELECT CAST(json_agg(json_build_array(h.weekday, h.opens, h.closes) "
                + "ORDER BY h.weekday, h.opens) AS text) FROM listing_weekly_hours h WHERE h.listing_id = l.id) AS p_weekly_hours"),
        SCHEDULE_EXCEPTIONS("scheduleExceptions", "(SELECT CAST(json_agg(json_build_array(e.on_date, e.closed, e.opens, "
                + "e.closes, e.note) ORDER BY e.on_date, e.opens) AS text) FROM listing_schedule_exception e "
                + "WHERE e.listing_id = l.id AND e.on_date >= :today) AS p_exceptions"),
        REGION("region", "(SELECT CAST(" + RegionQueries.json("r") + " AS text) FROM region r WHERE r.id = l.region_id) AS p_region"),
        SERVICE_AREA("serviceArea", "(SELECT CAST(json_agg(" + RegionQueries.json("a") + " ORDER BY a.code) AS text) "
                + "FROM region a WHERE a.code = ANY (l.area_codes)) AS p_service_area");

        private final String field;
        private final String column;

        Part(String field, String column) {
            this.field = field;
            this.column = column;
        }

        /** The parts among the fields selected below a service (paths relative to it, as SelectedPaths gives them). */
        public static Set<Part> forSelection(Set<String> serviceFields) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (Part part : values()) {
                if (serviceFields.contains(part.field)) {
                    parts.add(part);
                }
            }
            return parts;
        }
    }

    /** {@link #SELECT} with the parts' columns; {@code params} gets what they need. */
    static String select(String distance, Set<Part> parts, Map<String, Object> params) {
        if (parts.isEmpty()) {
            return SELECT.formatted(distance);
        }
        StringBuilder columns = new StringBuilder(SELECT_COLUMNS.formatted(distance));
        for (Part part : parts) {
            columns.append(", ").append(part.column);
        }
        if (parts.contains(Part.SCHEDULE_EXCEPTIONS)) {
            params.put("today", LocalDate.now(Row.CHINA));
        }
        return columns.append(FROM).toString();
    }

    /** What residents may see. The literal status matches the partial indexes' predicate. */
    static final String VISIBLE = "l.status = 'PUBLISHED' AND " + cn.linli.organization.OrganizationStatus.SHOWS_SERVICES_SQL;
    /** The text the bigram index is built on; the query must repeat it exactly for the index to apply. */
    static final String SEARCHABLE_TEXT = "l.title || ' ' || l.description";
    private static final String DISTANCE = "linli_distance_m(:lat, :lng, l.lat, l.lng)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;
    @Inject
    CategoryQueries categories;
    @Inject
    RegionQueries regions;

    public ServiceConnection search(ServiceFilter filter, NearInput near, ServiceOrder requestedOrder, Integer first,
            String after, Columns columns, Set<Part> parts) {
        int pageSize = Paging.pageSize(first);
        List<String> where = new ArrayList<>(List.of(VISIBLE));
        Map<String, Object> params = new HashMap<>();
        if (near != null) {
            addNear(near, where, params);
        }
        Keyword keyword = filter == null ? null : Keyword.parse(filter.keyword(), "filter.keyword");
        if (filter != null) {
            addFilter(filter, keyword, where, params);
        }
        ServiceOrder order = orderOf(requestedOrder, keyword, near);
        KeysetQuery query = keyset(order, keyword, params);
        boolean cards = columns == Columns.CARD;
        String distance = near == null ? "CAST(NULL AS double precision)" : DISTANCE;
        String selectFrom = cards ? CARD_SELECT.formatted(distance) : select(distance, parts, params);
        KeysetQuery.Page page = query.fetch(sql, selectFrom, where, params, after, pageSize);
        if (page.rows().isEmpty() && filter != null) {
            // An empty page may mean a mistyped code: tell the client, at the cost of a lookup only now.
            checkCodes(filter);
        }
        return new ServiceConnection(page.edges((cursor, row) -> new ServiceConnection.ServiceEdge(cursor, cards ? card(row) : service(row, parts))),
                page.pageInfo(after != null));
    }

    /** A listing whatever its status, for its organization's members (callers check access). */
    public Optional<Service> any(long listingId) {
        return sql.rows(SELECT.formatted("CAST(NULL AS double precision)") + " WHERE l.id = :id", Map.of("id", listingId))
                .stream().map(ServiceQueries::service).findFirst();
    }

    /** Listings whatever their status, by id, in one statement (for what refers to them: bookings, reviews). */
    public Map<Long, Service> anyOf(java.util.Collection<Long> listingIds) {
        Map<Long, Service> services = new java.util.HashMap<>();
        if (listingIds.isEmpty()) {
            return services;
        }
        for (Row row : sql.rows(SELECT.formatted("CAST(NULL AS double precision)") + " WHERE l.id IN (:ids)",
                Map.of("ids", listingIds.stream().distinct().toList()))) {
            Service service = service(row);
            services.put(Long.parseLong(service.id()), service);
        }
        return services;
    }

    /** A service residents may see, by id, with the parts the request shows, in one statement. */
    public Optional<Service> visible(String id, Set<Part> parts) {
        Map<String, Object> params = new HashMap<>(Map.of("id", Ids.parse(id, "id")));
        return sql.rows(select("CAST(NULL AS double precision)", parts, params) + " WHERE " + VISIBLE + " AND l.id = :id",
                params).stream().map(row -> service(row, parts)).findFirst();
    }

    /**
     * Each service's weekly hours, Monday first, for all in one statement. The engine asks only for services whose
     * own statement did not read them ({@link cn.linli.common.ReadAlready}: it hands those on as read).
     */
    public List<List<Schedule.WeeklyHours>> weeklyHours(List<Service> list) {
        Map<Long, List<Schedule.WeeklyHours>> byListing = new HashMap<>();
        for (Row row : sql.rows("SELECT listing_id, weekday, opens, closes FROM listing_weekly_hours "
                + "WHERE listing_id IN (:ids) ORDER BY weekday, opens", Map.of("ids", ids(list)))) {
            Schedule.WeeklyHours hours = new Schedule.WeeklyHours(row.longValue("listing_id"), row.intValue("weekday"),
                    row.time("opens"), row.time("closes"));
            byListing.computeIfAbsent(hours.listingId(), id -> new ArrayList<>()).add(hours);
        }
        return list.stream().map(s -> byListing.getOrDefault(Long.parseLong(s.id()), List.of())).toList();
    }

    /** Each service's exceptions from today on (China's date), the earliest first; as {@link #weeklyHours}. */
    public List<List<Schedule.ScheduleException>> scheduleExceptions(List<Service> list) {
        Map<Long, List<Schedule.ScheduleException>> byListing = new HashMap<>();
        for (Row row : sql.rows("SELECT listing_id, on_date, closed, opens, closes, note FROM listing_schedule_exception "
                + "WHERE listing_id IN (:ids) AND on_date >= :today ORDER BY on_date, opens",
                Map.of("ids", ids(list), "today", LocalDate.now(Row.CHINA)))) {
            Schedule.ScheduleException exception = new Schedule.ScheduleException(row.longValue("listing_id"),
                    row.date("on_date"), row.bool("closed"), row.time("opens"), row.time("closes"), row.string("note"));
            byListing.computeIfAbsent(exception.listingId(), id -> new ArrayList<>()).add(exception);
        }
        return list.stream().map(s -> byListing.getOrDefault(Long.parseLong(s.id()), List.of())).toList();
    }

    /** Each service's region (where it is located), null for none; as {@link #weeklyHours}. */
    public List<Region> regions(List<Service> list) {
        List<Long> regionIds = list.stream().map(Service::regionId).filter(id -> id != null).distinct().toList();
        Map<Long, Region> byId = regions.byIds(regionIds).stream().collect(Collectors.toMap(Region::id, Function.identity()));
        return list.stream().map(s -> s.regionId() == null ? null : byId.get(s.regionId())).toList();
    }

    /** Each service's service area, in the order its listing names the regions; as {@link #weeklyHours}. */
    public List<List<Region>> serviceAreas(List<Service> list) {
        Set<String> codes = new LinkedHashSet<>();
        list.forEach(s -> codes.addAll(s.areaCodes()));
        Map<String, Region> byCode = regions.byCodes(codes).stream().collect(Collectors.toMap(Region::code, Function.identity()));
        return list.stream().map(s -> area(s.areaCodes(), byCode)).toList();
    }

    private static List<Region> area(List<String> areaCodes, Map<String, Region> byCode) {
        return areaCodes.stream().map(byCode::get).filter(r -> r != null).toList();
    }

    private static List<Long> ids(List<Service> list) {
        return list.stream().map(s -> Long.parseLong(s.id())).toList();
    }

    private static void addNear(NearInput near, List<String> where, Map<String, Object> params) {
        if (Double.isNaN(near.lat()) || near.lat() < -90 || near.lat() > 90) {
            throw new ValidationException("near.lat", "error.near.lat");
        }
        if (Double.isNaN(near.lng()) || near.lng() < -180 || near.lng() > 180) {
            throw new ValidationException("near.lng", "error.near.lng");
        }
        int radius = near.radiusMeters() == null ? NearInput.DEFAULT_RADIUS : near.radiusMeters();
        if (radius < 1 || radius > NearInput.MAX_RADIUS) {
            throw new ValidationException("near.radiusMeters", "error.near.radius", NearInput.MAX_RADIUS);
        }
        BoundingBox box = BoundingBox.around(near.lat(), near.lng(), radius);
        where.add("point(l.lng, l.lat) <@ box(point(:minLng, :minLat), point(:maxLng, :maxLat))");
        where.add(DISTANCE + " <= :radius");
        params.putAll(Map.of("lat", near.lat(), "lng", near.lng(), "radius", (double) radius, "minLat", box.minLat(),
                "maxLat", box.maxLat(), "minLng", box.minLng(), "maxLng", box.maxLng()));
    }

    private static void addFilter(ServiceFilter filter, Keyword keyword, List<String> where, Map<String, Object> params) {
        if (filter.categoryCode() != null) {
            where.add("l.category_id IN (SELECT d.id FROM category d JOIN category p ON d.path LIKE p.path || '%' "
                    + "WHERE p.code = :categoryCode)");
            params.put("categoryCode", filter.categoryCode());
        }
        if (keyword != null) {
            where.add(keyword.condition(SEARCHABLE_TEXT, "kw", params));
        }
        if (filter.regionCode() != null) {
            // Located in or serving a region below the given one, or serving a region that contains it.
            where.add("(l.reach_codes @> ARRAY[CAST(:regionCode AS text)] OR l.area_codes && "
                    + "coalesce((SELECT r.path FROM region r WHERE r.code = :regionCode), '{}'))");
            params.put("regionCode", filter.regionCode());
        }
        if (filter.openAt() != null) {
            LocalDateTime local = filter.openAt().atZoneSameInstant(Row.CHINA).toLocalDateTime();
            where.add("CASE WHEN EXISTS (SELECT 1 FROM listing_schedule_exception e WHERE e.listing_id = l.id "
                    + "AND e.on_date = :openDate) THEN EXISTS (SELECT 1 FROM listing_schedule_exception e "
                    + "WHERE e.listing_id = l.id AND e.on_date = :openDate AND NOT e.closed AND e.opens <= :openTime "
                    + "AND e.closes > :openTime) ELSE EXISTS (SELECT 1 FROM listing_weekly_hours h "
                    + "WHERE h.listing_id = l.id AND h.weekday = :openWeekday AND h.opens <= :openTime "
                    + "AND h.closes > :openTime) END");
            params.put("openDate", local.toLocalDate());
            params.put("openTime", local.toLocalTime());
            params.put("openWeekday", local.getDayOfWeek().getValue());
        }
        if (filter.pricing() != null) {
            where.add("l.pricing = :pricing");
            params.put("pricing", filter.pricing().name());
        }
        if (filter.age() != null) {
            if (filter.age() < 0 || filter.age() > 150) {
                throw new ValidationException("filter.age", "error.age.range");
            }
            where.add("(l.min_age IS NULL OR l.min_age <= :age) AND (l.max_age IS NULL OR l.max_age >= :age)");
            params.put("age", filter.age());
        }
        if (filter.targetGroup() != null) {
            where.add("(l.target_groups = '{}' OR l.target_groups @> ARRAY[CAST(:targetGroup AS text)])");
            params.put("targetGroup", filter.targetGroup().name());
        }
        if (filter.mode() != null) {
            where.add("l.mode = :mode");
            params.put("mode", filter.mode().name());
        }
        if (filter.governmentFunded() != null) {
            where.add(filter.governmentFunded() ? "l.contract_id IS NOT NULL" : "l.contract_id IS NULL");
        }
        if (filter.minRatingLevel() != null) {
            where.add("o.rating_level >= :minRating AND o.rating_expires_on >= CURRENT_DATE");
            params.put("minRating", filter.minRatingLevel().stars());
        }
        if (filter.organizationId() != null) {
            where.add("l.organization_id = :organizationId");
            params.put("organizationId", Ids.parse(filter.organizationId(), "filter.organizationId"));
        }
    }

    private void checkCodes(ServiceFilter filter) {
        if (filter.categoryCode() != null) {
            categories.require(filter.categoryCode(), "filter.categoryCode");
        }
        if (filter.regionCode() != null) {
            regions.require(filter.regionCode(), "filter.regionCode");
        }
    }

    private static ServiceOrder orderOf(ServiceOrder requested, Keyword keyword, NearInput near) {
        if (requested == null) {
            return keyword != null ? ServiceOrder.RELEVANCE : near != null ? ServiceOrder.DISTANCE : ServiceOrder.NEWEST;
        }
        if (requested == ServiceOrder.DISTANCE && near == null) {
            throw new ValidationException("orderBy", "error.order.distanceNeedsNear");
        }
        if (requested == ServiceOrder.RELEVANCE && keyword == null) {
            throw new ValidationException("orderBy", "error.order.relevanceNeedsKeyword");
        }
        return requested;
    }

    private static KeysetQuery keyset(ServiceOrder order, Keyword keyword, Map<String, Object> params) {
        Key id = new Key("l.id", "bigint");
        return switch (order) {
            case DISTANCE -> new KeysetQuery("distance", List.of(new Key(DISTANCE, "double precision"), id), false);
            case RATING -> new KeysetQuery("rating", List.of(new Key("coalesce(l.rating_average, 0)", "numeric"),
                    new Key("l.rating_count", "integer"), id), true);
            case NEWEST -> new KeysetQuery("newest", List.of(new Key("l.published_at", "timestamptz"), id), true);
            case RELEVANCE -> {
                params.put("kwTitle", keyword.first());
                // title matches first, the earlier in the title the better; then shorter titles
                yield new KeysetQuery("relevance", List.of(
                        new Key("coalesce(nullif(strpos(lower(l.title), :kwTitle), 0), 1000)", "integer"),
                        new Key("length(l.title)", "integer"), id), false);
            }
        };
    }

    static Service service(Row row) {
        return service(row, Set.of());
    }

    /** A service from {@link #select}, with the parts its statement read. */
    static Service service(Row row, Set<Part> parts) {
        Double lat = row.doubleValue("l_lat");
        Double lng = row.doubleValue("l_lng");
        BigDecimal average = row.decimal("l_rating_average");
        String contract = row.string("ct_code");
        return new Service(row.string("l_id"), row.string("l_title"), row.string("l_description"),
                CategoryQueries.category(row), OrganizationQueries.organization(row),
                ServiceMode.valueOf(row.string("l_mode")), row.string("l_address"),
                lat == null || lng == null ? null : new Location(lat, lng), row.doubleValue("distance_m"),
                row.string("l_pricing") == null ? null : new Service.Price(Pricing.valueOf(row.string("l_pricing")),
                        row.intValue("l_price_fen"), row.intValue("l_subsidy_fen"), row.string("l_price_unit")),
                new Service.Eligibility(row.intValue("l_min_age"), row.intValue("l_max_age"),
                        row.list("l_target_groups").stream().map(TargetGroup::valueOf).toList()),
                row.intValue("l_capacity"), row.intValue("l_slot_minutes"), row.string("l_contact_phone"),
                average == null ? null : average.doubleValue(), row.intValue("l_rating_count"),
                row.dateTime("l_published_at"), row.dateTime("l_confirmed_at"),
                contract == null ? null : new Service.Funding(contract, row.string("ct_title"), row.string("ct_buyer_name")),
                row.longValue("l_region_id"), row.list("l_area_codes"),
                parts.isEmpty() ? ServiceParts.NONE : parts(row, parts), ListingStatus.valueOf(row.string("l_status")),
                row.intValue("l_version"));
    }

    private static ServiceParts parts(Row row, Set<Part> parts) {
        long listingId = row.longValue("l_id");
        List<Schedule.WeeklyHours> hours = null;
        if (parts.contains(Part.WEEKLY_HOURS)) {
            hours = new ArrayList<>();
            for (JsonNode h : json(row, "p_weekly_hours")) {
                hours.add(new Schedule.WeeklyHours(listingId, h.get(0).intValue(), LocalTime.parse(h.get(1).textValue()),
                        LocalTime.parse(h.get(2).textValue())));
            }
        }
        List<Schedule.ScheduleException> exceptions = null;
        if (parts.contains(Part.SCHEDULE_EXCEPTIONS)) {
            exceptions = new ArrayList<>();
            for (JsonNode e : json(row, "p_exceptions")) {
                exceptions.add(new Schedule.ScheduleException(listingId, LocalDate.parse(e.get(0).textValue()),
                        e.get(1).booleanValue(), time(e.get(2)), time(e.get(3)), e.get(4).textValue()));
            }
        }
        Region region = null;
        if (parts.contains(Part.REGION) && row.get("p_region") != null) {
            region = RegionQueries.region(json(row, "p_region"));
        }
        List<Region> area = null;
        if (parts.contains(Part.SERVICE_AREA)) {
            Map<String, Region> byCode = new HashMap<>();
            for (JsonNode a : json(row, "p_service_area")) {
                Region r = RegionQueries.region(a);
                byCode.put(r.code(), r);
            }
            area = area(row.list("l_area_codes"), byCode);
        }
        return new ServiceParts(hours, exceptions, region, area);
    }

    /** A JSON column of a part; an empty array for SQL's null (json_agg of no rows). */
    private static JsonNode json(Row row, String column) {
        String text = row.string(column);
        try {
            return text == null ? JSON.createArrayNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote JSON that does not parse in " + column, e);
        }
    }

    private static LocalTime time(JsonNode node) {
        return node.isNull() ? null : LocalTime.parse(node.textValue());
    }

    /** A service from {@link #CARD_SELECT}: the fields outside {@link #CARD_FIELDS} are empty. */
    static Service card(Row row) {
        BigDecimal average = row.decimal("l_rating_average");
        String contract = row.string("ct_code");
        return new Service(row.string("l_id"), row.string("l_title"), null, CategoryQueries.category(row),
                OrganizationQueries.card(row), ServiceMode.valueOf(row.string("l_mode")), null, null,
                row.doubleValue("distance_m"),
                row.string("l_pricing") == null ? null : new Service.Price(Pricing.valueOf(row.string("l_pricing")),
                        row.intValue("l_price_fen"), row.intValue("l_subsidy_fen"), row.string("l_price_unit")),
                null, 0, 0, null, average == null ? null : average.doubleValue(), row.intValue("l_rating_count"),
                row.dateTime("l_published_at"), row.dateTime("l_confirmed_at"),
                contract == null ? null : new Service.Funding(contract, row.string("ct_title"), row.string("ct_buyer_name")),
                null, List.of(), ServiceParts.NONE, ListingStatus.valueOf(row.string("l_status")), 0);
    }

    /** Degrees around a point that surely contain a circle of {@code radius} metres. */
    record BoundingBox(double minLat, double maxLat, double minLng, double maxLng) {
        private static final double METRES_PER_DEGREE_LAT = 110_574; // the smallest, at the equator

        static BoundingBox around(double lat, double lng, double radius) {
            double dLat = radius / METRES_PER_DEGREE_LAT * 1.01;
            double maxAbsLat = Math.min(90, Math.abs(lat) + dLat);
            double cos = Math.cos(Math.toRadians(maxAbsLat));
            double dLng = cos < 0.01 ? 180 : radius / (111_320 * cos) * 1.01;
            return new BoundingBox(lat - dLat, lat + dLat, Math.max(-180, lng - dLng), Math.min(180, lng + dLng));
        }
    }

    /**
     * The desk's queue of published services in a jurisdiction whose details were not confirmed for
     * {@link Service#STALE_AFTER_DAYS} days (residents see them marked stale), the longest unconfirmed first.
     */
    public cn.linli.common.WorkQueue staleQueue(String jurisdictionCode, int items) {
        return cn.linli.common.WorkQueue.of(sql.rows("SELECT l.id, l.title, r.code, "
                + "l.confirmed_at + make_interval(days => :staleDays) AS stale_since, count(*) OVER () AS total "
                + "FROM service_listing l JOIN organization o ON o.id = l.organization_id "
                + "JOIN region r ON r.id = coalesce(l.region_id, o.region_id) WHERE " + VISIBLE
                + " AND l.confirmed_at < now() - make_interval(days => :staleDays) AND r.path @> ARRAY[CAST(:code AS text)] "
                + "ORDER BY l.confirmed_at, l.id LIMIT :limit", Map.of("code", jurisdictionCode, "staleDays", Service.STALE_AFTER_DAYS,
                "limit", cn.linli.common.WorkQueue.limit(items))), items,
                row -> new cn.linli.common.WorkQueue.WorkItem(row.string("id"), row.string("title"), row.string("code"),
                        row.dateTime("stale_since"), null));
    }
}
