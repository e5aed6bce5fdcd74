package cn.linli.organization;

import cn.linli.common.Location;
import cn.linli.common.Row;

/** How an organization row is selected and read, shared by every query that joins organizations. */
public final class OrganizationQueries {
    /** Columns of {@code organization o}, aliased {@code o_*}. */
    public static final String COLUMNS = "o.id AS o_id, o.name AS o_name, o.credit_code AS o_credit_code, "
            + "o.kind AS o_kind, o.status AS o_status, o.address AS o_address, o.lat AS o_lat, o.lng AS o_lng, "
            + "o.contact_name AS o_contact_name, o.contact_phone AS o_contact_phone, o.description AS o_description, "
            + "array_to_string(o.service_category_codes, ',') AS o_categories, "
            + "o.social_worker_count AS o_social_workers, o.rating_level AS o_rating_level, "
            + "o.rating_expires_on AS o_rating_expires_on, o.rating_average AS o_rating_average, "
            + "o.rating_count AS o_rating_count, o.region_id AS o_region_id, o.version AS o_version, "
            + "o.excellent_badge AS o_excellent_badge, o.approximate_location AS o_approximate_location";

    /**
     * The columns a list of services shows of each organization (its card): enough for {@link #CARD_FIELDS} and
     * nothing else. Read with {@link #card}.
     */
    public static final String CARD_COLUMNS = "o.id AS o_id, o.name AS o_name, o.kind AS o_kind, o.status AS o_status, "
            + "o.rating_level AS o_rating_level, o.rating_expires_on AS o_rating_expires_on, "
            + "o.rating_average AS o_rating_average, o.rating_count AS o_rating_count, o.excellent_badge AS o_excellent_badge";
    /** The fields of Organization (GraphQL) that an organization read by {@link #card} answers as the full row would. */
    public static final java.util.Set<String> CARD_FIELDS = java.util.Set.of("id", "name", "kind", "kindLabel", "status",
            "statusLabel", "ratingLevel", "ratingLevelLabel", "ratingExpiresOn", "ratingAverage", "reviewCount",
            "excellentBadge");

    private OrganizationQueries() {
    }

    /** An organization from {@link #CARD_COLUMNS}: the fields outside {@link #CARD_FIELDS} are empty. */
    public static Organization card(Row row) {
        var average = row.decimal("o_rating_average");
        return new Organization(row.string("o_id"), row.string("o_name"), null,
                OrganizationKind.valueOf(row.string("o_kind")), OrganizationStatus.valueOf(row.string("o_status")),
                null, null, null, null, null, java.util.List.of(), 0,
                RatingLevel.ofStars(row.intValue("o_rating_level")), row.date("o_rating_expires_on"),
                average == null ? null : average.doubleValue(), row.intValue("o_rating_count"), 0, 0,
                row.bool("o_excellent_badge"), false);
    }

    public static Organization organization(Row row) {
        Double lat = row.doubleValue("o_lat");
        Double lng = row.doubleValue("o_lng");
        var average = row.decimal("o_rating_average");
        return new Organization(row.string("o_id"), row.string("o_name"), row.string("o_credit_code"),
                OrganizationKind.valueOf(row.string("o_kind")), OrganizationStatus.valueOf(row.string("o_status")),
                row.string("o_address"), lat == null || lng == null ? null : new Location(lat, lng),
                row.string("o_contact_name"), row.string("o_contact_phone"), row.string("o_description"),
                row.list("o_categories"), row.intValue("o_social_workers"),
                RatingLevel.ofStars(row.intValue("o_rating_level")), row.date("o_rating_expires_on"),
                average == null ? null : average.doubleValue(), row.intValue("o_rating_count"),
                row.longValue("o_region_id"), row.intValue("o_version"), row.bool("o_excellent_badge"),
                row.bool("o_approximate_location"));
    }

    /** Organizations by id, in one statement (for what refers to them: bookings). */
    public static java.util.Map<Long, Organization> byIds(cn.linli.common.Sql sql, java.util.Collection<Long> ids) {
        java.util.Map<Long, Organization> organizations = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return organizations;
        }
        for (Row row : sql.rows("SELECT " + COLUMNS + " FROM organization o WHERE o.id IN (:ids)",
                java.util.Map.of("ids", ids.stream().distinct().toList()))) {
            Organization organization = organization(row);
            organizations.put(Long.parseLong(organization.id()), organization);
        }
        return organizations;
    }

    /** The desk's queue of registrations waiting for verification in a jurisdiction, the oldest first. */
    public static cn.linli.common.WorkQueue pendingQueue(cn.linli.common.Sql sql, String jurisdictionCode, int items) {
        return cn.linli.common.WorkQueue.of(sql.rows("SELECT o.id, o.name, r.code, o.created_at, count(*) OVER () AS total "
                + "FROM organization o JOIN region r ON r.id = o.region_id WHERE o.status = 'PENDING' "
                + "AND r.path @> ARRAY[CAST(:code AS text)] ORDER BY o.created_at, o.id LIMIT :limit",
                java.util.Map.of("code", jurisdictionCode, "limit", cn.linli.common.WorkQueue.limit(items))), items,
                row -> new cn.linli.common.WorkQueue.WorkItem(row.string("id"), row.string("name"), row.string("code"),
                        row.dateTime("created_at"), null));
    }
}
