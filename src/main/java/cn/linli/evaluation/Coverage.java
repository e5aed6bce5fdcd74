package cn.linli.evaluation;

import cn.linli.catalog.Category;
import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import cn.linli.common.ValidationException;
import cn.linli.evaluation.EvaluationViews.CommunityCoverage;
import cn.linli.evaluation.EvaluationViews.ServedGroup;
import cn.linli.identity.Access;
import cn.linli.organization.OrganizationStatus;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where services are missing (15分钟社区生活圈), per community of a region, for the officials over it. A published service
 * of the category (and its descendants) serves a community when it is located within {@link #WALK_METRES} of the
 * community's centre, or when it is delivered at home or online (HOME_VISIT, ONLINE) and its service area names the
 * community or a region containing it. Capacity is places per week: places per slot × the slots of the weekly opening
 * hours; per 1 000 of the people the category serves (aged 60+ for 养老, children 0–3 for 托育, everyone otherwise).
 * A community is a gap when nothing serves it, or when its capacity per 1 000 is under the caller's threshold.
 */
@ApplicationScoped
public class Coverage {
    static final int WALK_METRES = 1500;
    /** 1 500 m in degrees of latitude (a little over, for the index-backed box around a centre). */
    private static final double WALK_DEGREES = 0.0136;
    static final double MAX_THRESHOLD = 1_000_000;
    private static final String VISIBLE = "l.status = 'PUBLISHED' AND " + OrganizationStatus.SHOWS_SERVICES_SQL
            + " AND (:path = '' OR l.category_id IN (SELECT id FROM category WHERE path LIKE :path || '%'))";
    /** The slots of a listing's weekly hours: each range holds ⌊length / slot⌋ slots (OpeningHours starts them at opening). */
    private static final String WEEKLY_SLOTS = "(SELECT coalesce(sum(floor(extract(epoch FROM (h.closes - h.opens)) / 60 "
            + "/ l.slot_minutes)), 0) FROM listing_weekly_hours h WHERE h.listing_id = l.id)";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Sql sql;
    @Inject
    RegionQueries regions;
    @Inject
    CategoryQueries categories;

    public List<CommunityCoverage> coverage(String regionCode, String categoryCode, Double minCapacityPer1000) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(regionCode, "regionCode");
        if (!access.governs(region.id())) {
            throw new ForbiddenException("error.outsideJurisdiction");
        }
        Category category = categoryCode == null ? null : categories.require(categoryCode, "categoryCode");
        if (minCapacityPer1000 != null && (minCapacityPer1000.isNaN() || minCapacityPer1000 < 0 || minCapacityPer1000 > MAX_THRESHOLD)) {
            throw new ValidationException("minCapacityPer1000", "error.coverage.threshold", (long) MAX_THRESHOLD);
        }
        String path = category == null ? "" : category.path();
        ServedGroup group = path.startsWith("/elderly/") ? ServedGroup.AGED_60_PLUS
                : path.startsWith("/childcare/") ? ServedGroup.CHILDREN_0_TO_3 : ServedGroup.POPULATION;
        Map<String, Object> params = new HashMap<>();
        params.put("path", path);
        params.put("region", region.code());
        params.put("walk", WALK_METRES);
        params.put("box", WALK_DEGREES);
        // per community: the serving listings (a box around the centre and the area index find the candidates), then the
        // nearest located one: the 20 nearest by <-> (degrees, index-backed), the exact great-circle minimum among them
        String serving = "SELECT l.capacity_per_slot, " + WEEKLY_SLOTS + " AS slots, "
                + "(l.mode IN ('HOME_VISIT', 'ONLINE') AND l.area_codes && r.path) AS covers, "
                + "(l.lat IS NOT NULL AND r.lat IS NOT NULL AND linli_distance_m(r.lat, r.lng, l.lat, l.lng) <= :walk) AS near "
                + "FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE " + VISIBLE + " AND ("
                + "(l.mode IN ('HOME_VISIT', 'ONLINE') AND l.area_codes && r.path) OR (r.lat IS NOT NULL AND "
                + "point(l.lng, l.lat) <@ box(point(r.lng - :box / cos(radians(r.lat)), r.lat - :box), "
                + "point(r.lng + :box / cos(radians(r.lat)), r.lat + :box))))";
        List<Row> rows = sql.rows("SELECT r.code, r.name, r.population, r.aged_60_plus, r.children_0_3, r.children_3_12, "
                + "s.services, s.area_services, s.capacity, s.weekly, "
                + "(SELECT count(*) FROM service_need n JOIN category c ON c.id = n.category_id WHERE n.community_id = r.id "
                + "AND n.status = 'OPEN' AND c.path LIKE :path || '%') AS open_needs, "
                + "(SELECT min(linli_distance_m(r.lat, r.lng, n.lat, n.lng)) FROM (SELECT l.lat, l.lng FROM service_listing l "
                + "JOIN organization o ON o.id = l.organization_id WHERE " + VISIBLE + " AND l.lat IS NOT NULL "
                + "ORDER BY point(l.lng, l.lat) <-> point(r.lng, r.lat) LIMIT 20) n) AS nearest "
                + "FROM region r CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE x.near OR x.covers) AS services, "
                + "count(*) FILTER (WHERE x.covers) AS area_services, "
                + "coalesce(sum(x.capacity_per_slot) FILTER (WHERE x.near OR x.covers), 0) AS capacity, "
                + "CAST(coalesce(sum(x.capacity_per_slot * x.slots) FILTER (WHERE x.near OR x.covers), 0) AS bigint) AS weekly "
                + "FROM (" + serving + ") x) s "
                + "WHERE r.level = 'COMMUNITY' AND :region = ANY(r.path) ORDER BY r.code", params);
        return rows.stream().map(row -> community(row, group, minCapacityPer1000)).toList();
    }

    private static CommunityCoverage community(Row row, ServedGroup group, Double threshold) {
        Double nearest = row.doubleValue("nearest");
        int services = row.intValue("services");
        int weekly = (int) Math.min(Integer.MAX_VALUE, row.longValue("weekly"));
        Integer served = switch (group) {
            case AGED_60_PLUS -> row.intValue("aged_60_plus");
            case CHILDREN_0_TO_3 -> row.intValue("children_0_3");
            case POPULATION -> row.intValue("population");
        };
        Double per1000 = served == null || served == 0 ? null : Math.round(weekly * 1000.0 / served * 100) / 100.0;
        boolean noService = services == 0;
        boolean below = threshold != null && per1000 != null && per1000 < threshold;
        return new CommunityCoverage(row.string("code"), row.string("name"), services, row.intValue("area_services"),
                row.intValue("capacity"), weekly, row.intValue("population"), row.intValue("aged_60_plus"),
                row.intValue("children_0_3"), row.intValue("children_3_12"), group, served, per1000, row.intValue("open_needs"),
                nearest, noService, below, noService || below);
    }
}
