package cn.linli.evaluation;

import cn.linli.catalog.CategoryQueries;
import cn.linli.common.Caller;
import cn.linli.common.ForbiddenException;
import cn.linli.common.Sql;
import cn.linli.evaluation.EvaluationViews.CommunityCoverage;
import cn.linli.identity.Access;
import cn.linli.region.Region;
import cn.linli.region.RegionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Where services are missing (15分钟社区生活圈): per community of a region, the published services of a category
 * that reach it, their capacity, the people they serve and how far the nearest one is. Officials over the region
 * only. The GraphQL {@code coverage} query and the {@code /reports/coverage} sheets both read it here.
 */
@ApplicationScoped
public class Coverage {
    static final int WALK_METRES = 1500;
    private static final String VISIBLE = "l.status = 'PUBLISHED' AND " + cn.linli.organization.OrganizationStatus.SHOWS_SERVICES_SQL
            + " AND (:path = '' OR l.category_id IN (SELECT id FROM category WHERE path LIKE :path || '%'))";

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

    /**
     * The communities of the region, by code: UNAUTHENTICATED without a token, FORBIDDEN for anyone but an official
     * over the region. {@code minCapacityPer1000} is not used yet.
     */
    public List<CommunityCoverage> coverage(String regionCode, String categoryCode, Double minCapacityPer1000) {
        caller.requireRole(Caller.OFFICIAL);
        Region region = regions.require(regionCode, "regionCode");
        if (!access.governs(region.id())) {
            throw new ForbiddenException("error.outsideJurisdiction");
        }
        String path = categoryCode == null ? "" : categories.require(categoryCode, "categoryCode").path();
        // nearest: the 20 nearest by <-> (degrees, index-backed), then the exact great-circle minimum among them
        return sql.rows("SELECT r.code, r.name, r.population, r.aged_60_plus, r.children_0_3, r.children_3_12, "
                + "(SELECT count(*) FROM service_listing l JOIN organization o ON o.id = l.organization_id WHERE " + VISIBLE
                + " AND l.reach_codes @> ARRAY[CAST(r.code AS text)]) AS services, "
                + "(SELECT coalesce(sum(l.capacity_per_slot), 0) FROM service_listing l JOIN organization o ON o.id = l.organization_id "
                + "WHERE " + VISIBLE + " AND l.reach_codes @> ARRAY[CAST(r.code AS text)]) AS capacity, "
                + "(SELECT min(linli_distance_m(r.lat, r.lng, n.lat, n.lng)) FROM (SELECT l.lat, l.lng FROM service_listing l "
                + "JOIN organization o ON o.id = l.organization_id WHERE " + VISIBLE + " AND l.lat IS NOT NULL "
                + "ORDER BY point(l.lng, l.lat) <-> point(r.lng, r.lat) LIMIT 20) n) AS nearest "
                + "FROM region r WHERE r.level = 'COMMUNITY' AND :region = ANY(r.path) ORDER BY r.code",
                Map.of("path", path, "region", region.code())).stream()
                .map(row -> {
                    Double nearest = row.doubleValue("nearest");
                    return new CommunityCoverage(row.string("code"), row.string("name"), row.intValue("services"),
                            row.intValue("capacity"), row.intValue("population"), row.intValue("aged_60_plus"),
                            row.intValue("children_0_3"), row.intValue("children_3_12"), nearest,
                            nearest == null || nearest > WALK_METRES);
                }).toList();
    }
}
