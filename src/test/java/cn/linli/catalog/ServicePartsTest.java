package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Statements;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service's hours, exceptions, region and service area read in the listing's own statement (the service page)
 * are what the batched fields read for a page of listings (the console's list): the same values in the same order.
 */
@QuarkusTest
class ServicePartsTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String PARTS = """
            weeklyHours { weekday weekdayLabel opens closes }
            scheduleExceptions { date closed opens closes note }
            region { code name level levelLabel centroid { lat lng } population aged60Plus children0To3 children3To12 }
            serviceArea { code name level levelLabel centroid { lat lng } population aged60Plus children0To3 children3To12 }
            """;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    String publishedListing(String title, Map<String, Object> changes) {
        Map<String, Object> content = new java.util.HashMap<>(Console.completeContent(title));
        content.putAll(changes);
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), content);
        String id = created.getString("createServiceListing.id");
        Console.act(STAFF, "publishServiceListing", id, created.getInt("createServiceListing.version"));
        return id;
    }

    Map<String, Object> servicePage(String id) {
        return GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { id " + PARTS + " } }", Map.of("id", id))
                .getMap("service");
    }

    Map<String, Object> inConsoleList(String id) {
        List<Map<String, Object>> nodes = GraphQL.as(STAFF).data("query($o: ID!) { organizationListings(organizationId: $o, "
                + "first: 100) { edges { node { id " + PARTS + " } } } }", Map.of("o", String.valueOf(fixtures.organizationA())))
                .getList("organizationListings.edges.node");
        return nodes.stream().filter(node -> id.equals(node.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void theServicePageShowsWhatTheBatchedFieldsShowInOneStatement() {
        String id = publishedListing("部件一致性测试", Map.of(
                "weeklyHours", List.of(Map.of("weekday", 3, "opens", "14:00", "closes", "17:00"),
                        Map.of("weekday", 1, "opens", "11:00", "closes", "13:00"),
                        Map.of("weekday", 1, "opens", "08:00", "closes", "10:00")),
                "scheduleExceptions", List.of(Map.of("date", "2099-01-02", "closed", false, "opens", "09:00", "closes", "12:00",
                                "note", "加开 \"上午\" 场\\n"),
                        Map.of("date", "2099-01-01", "closed", true, "note", "元旦休息")),
                "serviceAreaCodes", List.of("990300001001", "990300001")));
        fixtures.execute("INSERT INTO listing_schedule_exception (listing_id, on_date, closed, note) VALUES (" + id
                + ", DATE '2020-01-01', true, '早已过去')");

        Map<String, Object> page = servicePage(id);
        assertEquals(1, Statements.during(() -> servicePage(id)), "the service page with all its parts");
        assertEquals(inConsoleList(id), page, "the listing's own statement against the batched fields");

        JsonPath shown = JsonPath.from(GraphQL.anonymous().post("query($id: ID!) { service(id: $id) { " + PARTS + " } }",
                Map.of("id", id)).asString());
        assertEquals(List.of(1, 1, 3), shown.getList("data.service.weeklyHours.weekday"));
        assertEquals(List.of("08:00:00", "11:00:00", "14:00:00"), shown.getList("data.service.weeklyHours.opens"));
        assertEquals(List.of("2099-01-01", "2099-01-02"), shown.getList("data.service.scheduleExceptions.date"),
                "from today on, the earliest first");
        assertEquals("加开 \"上午\" 场\\n", shown.getString("data.service.scheduleExceptions[1].note"));
        assertNull(shown.get("data.service.scheduleExceptions[0].opens"));
        assertEquals(List.of("990300001001", "990300001"), shown.getList("data.service.serviceArea.code"),
                "in the order the listing names them");
        assertEquals("990300001001", shown.getString("data.service.region.code"));
        assertEquals(5000, shown.getInt("data.service.region.population"));
        assertEquals(31.0, shown.getDouble("data.service.region.centroid.lat"), 0.0);
    }

    @Test
    void aServiceWithoutHoursExceptionsOrRegionShowsThemEmpty() {
        String id = publishedListing("部件为空测试", Map.of());
        fixtures.execute("DELETE FROM listing_weekly_hours WHERE listing_id = " + id
                + "; UPDATE service_listing SET region_id = NULL, area_codes = '{}' WHERE id = " + id);
        Map<String, Object> page = servicePage(id);
        assertEquals(inConsoleList(id), page);
        assertEquals(List.of(), page.get("weeklyHours"));
        assertEquals(List.of(), page.get("scheduleExceptions"));
        assertNull(page.get("region"));
        assertEquals(List.of(), page.get("serviceArea"));
    }
}
