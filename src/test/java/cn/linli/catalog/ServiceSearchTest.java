package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search as a resident's mini-program uses it, over the exactly known fixture world (fixtures/search.sql). */
@QuarkusTest
class ServiceSearchTest {
    static final double LAT = 30.0;
    static final double LNG = 120.0;
    static final String SEARCH = """
            query($filter: ServiceFilter, $near: NearInput, $orderBy: ServiceOrder, $first: Int, $after: String) {
              services(filter: $filter, near: $near, orderBy: $orderBy, first: $first, after: $after) {
                edges { cursor node { id title distanceMeters location { lat lng } ratingAverage
                        organization { name } category { code } } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }""";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.searchWorld();
    }

    static Map<String, Object> near(Integer radius) {
        Map<String, Object> near = new HashMap<>(Map.of("lat", LAT, "lng", LNG));
        if (radius != null) {
            near.put("radiusMeters", radius);
        }
        return near;
    }

    static List<String> titles(Map<String, ?> variables) {
        return GraphQL.anonymous().data(SEARCH, variables).getList("services.edges.node.title");
    }

    /** Titles (newest first unless the filter has a keyword) of the fixture world only (the demo district is far away but shares the database). */
    static List<String> fixtureTitles(Map<String, Object> filter) {
        Map<String, Object> scoped = new HashMap<>(filter);
        scoped.putIfAbsent("regionCode", "990100");
        return titles(Map.of("filter", scoped, "first", 100));
    }

    @Test
    void nearMeFindsOnlyServicesInsideTheDefaultRadiusNearestFirstWithGreatCircleDistances() {
        JsonPath page = GraphQL.anonymous().data(SEARCH, Map.of("near", near(null), "first", 50));
        List<Map<String, Object>> nodes = page.getList("services.edges.node");
        assertEquals(List.of("老年助餐服务", "上门护理", "婴幼儿托育"), nodes.stream().map(n -> n.get("title")).toList(),
                "1 500 m by default: the 2 000 m service, the draft and the suspended organization's service are left out");
        double previous = 0;
        for (Map<String, Object> node : nodes) {
            double reported = ((Number) node.get("distanceMeters")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Number> location = (Map<String, Number>) node.get("location");
            double haversine = haversine(LAT, LNG, location.get("lat").doubleValue(), location.get("lng").doubleValue());
            assertEquals(haversine, reported, haversine * 0.01, "within 1 % of haversine");
            assertTrue(reported >= previous, "ordered by distance");
            assertTrue(reported <= 1500);
            previous = reported;
        }
        assertEquals(300, ((Number) nodes.get(0).get("distanceMeters")).doubleValue(), 3);
        assertEquals(800, ((Number) nodes.get(1).get("distanceMeters")).doubleValue(), 8);
    }

    @Test
    void aLargerRadiusReachesFartherAndASmallerOneLess() {
        assertEquals(List.of("老年助餐服务", "上门护理", "婴幼儿托育", "助餐配送中心"),
                titles(Map.of("near", near(2100), "first", 50)));
        assertEquals(List.of("老年助餐服务"), titles(Map.of("near", near(500), "first", 50)));
    }

    @Test
    void categoryMatchesItsDescendants() {
        assertEquals(List.of("老年助餐服务", "上门护理"),
                titles(Map.of("near", near(null), "filter", Map.of("categoryCode", "elderly"))));
        assertEquals(List.of("老年助餐服务"),
                titles(Map.of("near", near(null), "filter", Map.of("categoryCode", "elderly.meal"))));
        assertEquals(List.of("婴幼儿托育"),
                titles(Map.of("near", near(null), "filter", Map.of("categoryCode", "childcare"))));
    }

    @Test
    void twoCharacterChineseKeywordsFindTitlesAndDescriptions() {
        assertEquals(List.of("助餐配送中心", "老年助餐服务", "婴幼儿托育"), fixtureTitles(Map.of("keyword", "助餐")),
                "RELEVANCE: title matches, earlier in the title first, before the description match");
        assertEquals(List.of("上门护理"), fixtureTitles(Map.of("keyword", "上门护理")));
        assertEquals(List.of("老年助餐服务"), fixtureTitles(Map.of("keyword", "助餐 荤素")), "every term must occur");
        assertEquals(List.of(), fixtureTitles(Map.of("keyword", "餐助")));
        assertEquals(List.of("老年助餐服务"), fixtureTitles(Map.of("keyword", "荤")), "one character works too");
    }

    @Test
    void regionMatchesLocationAndServiceAreaCoverage() {
        assertEquals(List.of("婴幼儿托育", "上门护理", "老年助餐服务"),
                fixtureTitles(Map.of("regionCode", "990100001001")),
                "甲社区: two located there, and 上门护理 whose service area is the whole street");
        assertEquals(List.of("上门护理"), fixtureTitles(Map.of("regionCode", "990100001002")));
        assertEquals(List.of("婴幼儿托育", "上门护理", "老年助餐服务"), fixtureTitles(Map.of("regionCode", "990100001")));
        assertEquals(List.of("助餐配送中心"), fixtureTitles(Map.of("regionCode", "990100002001")));
        assertEquals(4, fixtureTitles(Map.of("regionCode", "990100")).size());
    }

    @Test
    void openAtFollowsWeeklyHoursAndDatedExceptions() {
        // 2030-01-08 is a Tuesday: 12:00 finds the lunch service, the nurse and the nursery; 15:00 not lunch
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心", "老年助餐服务"),
                fixtureTitles(Map.of("openAt", "2030-01-08T12:00:00+08:00")));
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心"),
                fixtureTitles(Map.of("openAt", "2030-01-08T15:00:00+08:00")));
        // the same instant written in UTC
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心"),
                fixtureTitles(Map.of("openAt", "2030-01-08T07:00:00Z")));
        // Monday 2030-01-07: the lunch service is closed for maintenance
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心"),
                fixtureTitles(Map.of("openAt", "2030-01-07T12:00:00+08:00")));
        // Saturday 2030-01-12: the nurse works 09:00-10:00 as an exception; no weekday service is open
        assertEquals(List.of("上门护理", "助餐配送中心"), fixtureTitles(Map.of("openAt", "2030-01-12T09:30:00+08:00")));
        assertEquals(List.of("助餐配送中心"), fixtureTitles(Map.of("openAt", "2030-01-12T10:30:00+08:00")));
    }

    @Test
    void pricingEligibilityModeFundingAndRatingFilters() {
        assertEquals(List.of("婴幼儿托育"), fixtureTitles(Map.of("pricing", "FREE")));
        assertEquals(List.of("助餐配送中心", "老年助餐服务"), fixtureTitles(Map.of("pricing", "SUBSIDIZED")));
        assertEquals(List.of("婴幼儿托育", "助餐配送中心"), fixtureTitles(Map.of("age", 2)));
        assertEquals(List.of("上门护理", "助餐配送中心", "老年助餐服务"), fixtureTitles(Map.of("age", 82)));
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心", "老年助餐服务"),
                fixtureTitles(Map.of("targetGroup", "DEPENDENT")), "open-to-all services are eligible too");
        assertEquals(List.of("婴幼儿托育", "助餐配送中心", "老年助餐服务"),
                fixtureTitles(Map.of("targetGroup", "LIVING_ALONE")));
        assertEquals(List.of("上门护理"), fixtureTitles(Map.of("mode", "HOME_VISIT")));
        assertEquals(List.of("助餐配送中心"), fixtureTitles(Map.of("mode", "ONLINE")));
        assertEquals(List.of("老年助餐服务"), fixtureTitles(Map.of("governmentFunded", true)));
        assertEquals(3, fixtureTitles(Map.of("governmentFunded", false)).size());
        assertEquals(List.of("助餐配送中心", "老年助餐服务"), fixtureTitles(Map.of("minRatingLevel", "A5")));
    }

    @Test
    void ordersByRatingAndNewest() {
        assertEquals(List.of("老年助餐服务", "上门护理", "助餐配送中心", "婴幼儿托育"),
                titles(Map.of("filter", Map.of("regionCode", "990100"), "orderBy", "RATING")));
        assertEquals(List.of("婴幼儿托育", "上门护理", "助餐配送中心", "老年助餐服务"),
                titles(Map.of("filter", Map.of("regionCode", "990100"), "orderBy", "NEWEST")));
    }

    @Test
    void pagesWalkTheWholeResultOnceWithoutDuplicatesEvenUnderTies() {
        // the demo district: 300+ services, many with equal ratings (ties broken by id)
        for (String order : List.of("NEWEST", "RATING")) {
            List<String> all = ids(Map.of("orderBy", order, "first", 100, "filter", Map.of("regionCode", "620103")));
            List<String> walked = new ArrayList<>();
            String after = null;
            boolean more = true;
            int pages = 0;
            while (more) {
                Map<String, Object> variables = new HashMap<>(Map.of("orderBy", order, "first", 7,
                        "filter", Map.of("regionCode", "620103")));
                if (after != null) {
                    variables.put("after", after);
                }
                JsonPath page = GraphQL.anonymous().data(SEARCH, variables);
                walked.addAll(page.getList("services.edges.node.id"));
                more = page.getBoolean("services.pageInfo.hasNextPage");
                assertEquals(after != null, page.getBoolean("services.pageInfo.hasPreviousPage"));
                after = page.getString("services.pageInfo.endCursor");
                pages++;
            }
            assertEquals(walked.size(), new HashSet<>(walked).size(), "no service twice");
            assertTrue(pages > 10);
            assertEquals(ids(Map.of("orderBy", order, "first", 100, "filter", Map.of("regionCode", "620103"))),
                    walked.subList(0, Math.min(100, walked.size())));
            assertEquals(all.size(), Math.min(100, walked.size()));
        }
    }

    @Test
    void nearMePagingContinuesByDistance() {
        JsonPath first = GraphQL.anonymous().data(SEARCH, Map.of("near", near(null), "first", 2));
        assertEquals(List.of("老年助餐服务", "上门护理"), first.getList("services.edges.node.title"));
        assertTrue(first.getBoolean("services.pageInfo.hasNextPage"));
        JsonPath second = GraphQL.anonymous().data(SEARCH, Map.of("near", near(null), "first", 2,
                "after", first.getString("services.pageInfo.endCursor")));
        assertEquals(List.of("婴幼儿托育"), second.getList("services.edges.node.title"));
        assertFalse(second.getBoolean("services.pageInfo.hasNextPage"));
    }

    @Test
    void serviceDetailShowsWhatAResidentNeeds() {
        long id = fixtures.id("SELECT id FROM service_listing WHERE title = '老年助餐服务' AND lat = 30.0026980");
        JsonPath detail = GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", String.valueOf(id)));
        assertEquals("老年助餐服务", detail.getString("service.title"));
        assertEquals("测试甲养老服务中心", detail.getString("service.organization.name"));
        assertEquals("A5", detail.getString("service.organization.ratingLevel"));
        assertEquals("5A", detail.getString("service.organization.ratingLevelLabel"));
        assertEquals("助餐", detail.getString("service.category.name"));
        assertEquals(1500, detail.getInt("service.price.priceFen"));
        assertEquals(800, detail.getInt("service.price.subsidyFen"));
        assertEquals(700, detail.getInt("service.price.residentPaysFen"));
        assertEquals("政府补贴", detail.getString("service.price.pricingLabel"));
        assertEquals(60, detail.getInt("service.eligibility.minAge"));
        assertNull(detail.get("service.eligibility.maxAge"));
        assertEquals("到店", detail.getString("service.modeLabel"));
        assertEquals(7, detail.getList("service.weeklyHours").size());
        assertEquals("11:00:00", detail.getString("service.weeklyHours[0].opens"));
        assertEquals(List.of("甲社区"), detail.getList("service.serviceArea.name"));
        assertEquals("甲社区", detail.getString("service.region.name"));
        assertTrue(detail.getBoolean("service.governmentFunded"));
        assertEquals("测试区民政局", detail.getString("service.funding.buyerName"));
        assertEquals(0, detail.getInt("service.daysSinceConfirmed"));
        assertFalse(detail.getBoolean("service.stale"));
        assertEquals("0571-1000001", detail.getString("service.organization.contactPhone"));

        long stale = fixtures.id("SELECT id FROM service_listing WHERE title = '婴幼儿托育'");
        JsonPath old = GraphQL.anonymous().data(GraphQL.operation("ServiceDetail"), Map.of("id", String.valueOf(stale)));
        assertEquals(200, old.getInt("service.daysSinceConfirmed"));
        assertTrue(old.getBoolean("service.stale"));
    }

    @Test
    void draftsAndSuspendedOrganizationsServicesAreNotFound() {
        long draft = fixtures.id("SELECT id FROM service_listing WHERE title = '草稿助餐'");
        long suspended = fixtures.id("SELECT id FROM service_listing WHERE title = '暂停机构助餐'");
        for (long id : new long[] {draft, suspended}) {
            Map<String, Object> error = GraphQL.anonymous().error(GraphQL.operation("ServiceDetail"),
                    Map.of("id", String.valueOf(id)));
            assertEquals("NOT_FOUND", GraphQL.code(error));
        }
        assertFalse(fixtureTitles(Map.of("keyword", "助餐")).contains("草稿助餐"));
        assertFalse(fixtureTitles(Map.of("keyword", "助餐")).contains("暂停机构助餐"));
    }

    @Test
    void theMiniProgramNearMeOperationRuns() {
        JsonPath page = GraphQL.anonymous().data(GraphQL.operation("NearbyServices"),
                Map.of("lat", LAT, "lng", LNG, "categoryCode", "elderly", "first", 20));
        assertEquals(List.of("老年助餐服务", "上门护理"), page.getList("services.edges.node.title"));
        assertNotNull(page.getString("services.edges[0].node.organization.name"));
    }

    private static List<String> ids(Map<String, ?> variables) {
        return GraphQL.anonymous().data(SEARCH, variables).getList("services.edges.node.id");
    }

    static double haversine(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }
}
