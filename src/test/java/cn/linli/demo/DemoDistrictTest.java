package cn.linli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.organization.UnifiedSocialCreditCode;
import cn.linli.testing.GraphQL;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo district that the run command loads: 七里河区 with its 9 街道 and 65 社区. */
@QuarkusTest
class DemoDistrictTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DemoDataLoader loader;

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void qilihePublishesNineStreetsAndSixtyFiveCommunities() {
        JsonPath district = GraphQL.anonymous().data(GraphQL.operation("Regions"), Map.of());
        assertTrue(district.getList("regions.name").contains("七里河区"));
        JsonPath streets = GraphQL.anonymous().data(GraphQL.operation("Regions"), Map.of("parentCode", "620103"));
        List<String> names = streets.getList("regions.name");
        assertEquals(9, names.size());
        assertTrue(names.containsAll(List.of("西园街道", "西湖街道", "建兰路街道", "敦煌路街道", "西站街道", "晏家坪街道",
                "龚家湾街道", "土门墩街道", "秀川街道")));
        int communities = 0;
        for (String code : streets.<String>getList("regions.code")) {
            JsonPath children = GraphQL.anonymous().data(GraphQL.operation("Regions"), Map.of("parentCode", code));
            communities += children.getList("regions").size();
            assertTrue(children.getList("regions.population").stream().allMatch(p -> ((Number) p).intValue() > 0));
            assertTrue(children.getList("regions.levelLabel").stream().allMatch("社区"::equals));
        }
        assertEquals(65, communities);
    }

    @Test
    void organizationsAndServicesAreThereWithValidCreditCodes() throws SQLException {
        assertTrue(count("SELECT count(*) FROM organization o JOIN region r ON r.id = o.region_id WHERE r.path @> '{620103}'") >= 40);
        assertTrue(count("SELECT count(*) FROM service_listing l JOIN region r ON r.id = l.region_id WHERE r.path @> '{620103}'") >= 300);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet codes = s.executeQuery("SELECT o.credit_code FROM organization o JOIN region r ON r.id = o.region_id "
                     + "WHERE r.path @> '{620103}'")) {
            while (codes.next()) {
                assertTrue(UnifiedSocialCreditCode.isValid(codes.getString(1)), codes.getString(1));
            }
        }
        // every top category has published services near the district's centre
        for (String top : List.of("elderly", "childcare", "property", "housekeeping", "health", "disability", "legal", "counseling")) {
            JsonPath page = GraphQL.anonymous().data(GraphQL.operation("SearchServices"),
                    Map.of("filter", Map.of("categoryCode", top, "regionCode", "620103"), "first", 5));
            assertFalse(page.getList("services.edges").isEmpty(), top);
        }
    }

    @Test
    void theDemoHasAnAwardedProcurementAndAnEvaluationCycleToScore() throws SQLException {
        JsonPath procurements = GraphQL.anonymous().data("{ procurements(filter: {status: AWARDED}, first: 100) "
                + "{ edges { node { ocid title buyerName awards { organizationName amountFen } contracts { milestones { id } } } } } }");
        String demo = "procurements.edges.find { it.node.ocid == 'ocds-linli0-demo-1' }.node";
        assertEquals("兰州市七里河区民政局", procurements.getString(demo + ".buyerName"));
        assertEquals(180_000_000, procurements.getLong(demo + ".awards[0].amountFen"));
        assertEquals(4, procurements.getList(demo + ".contracts[0].milestones").size());
        String evaluator = cn.linli.testing.Tokens.of("demo-evaluator", "evaluator");
        long cycle = count("SELECT id FROM evaluation_cycle WHERE name = '2026年度政府购买服务考核'");
        JsonPath assigned = GraphQL.as(evaluator).data("query($c: ID!) { evaluations(cycleId: $c) { id organizationName } }",
                Map.of("c", String.valueOf(cycle)));
        assertEquals(2, assigned.getList("evaluations").size(), "both demo contracts, assigned to the demo evaluator");
    }

    @Test
    void loadingAgainLoadsNothingTwice() throws SQLException {
        long listings = count("SELECT count(*) FROM service_listing");
        long regions = count("SELECT count(*) FROM region");
        assertFalse(loader.load());
        assertEquals(listings, count("SELECT count(*) FROM service_listing"));
        assertEquals(regions, count("SELECT count(*) FROM region"));
    }
}
