package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * totalCount on the consoles' connections (issue 17): the count of every page together, counted with the same
 * conditions as the pages — so only what the caller may see, and the same whatever page it is asked on.
 */
@QuarkusTest
class TotalCountTest {
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /**
     * Walks every page of {@code path} (a connection under the query's root) two at a time and checks that each
     * page's totalCount is the number of edges of all of them; returns it.
     */
    private static int countOverEveryPage(GraphQL caller, String query, String path, Map<String, Object> variables) {
        int edges = 0;
        Integer total = null;
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> page = new HashMap<>(variables);
            page.put("after", after);
            JsonPath data = caller.data(query, page);
            int count = data.getInt(path + ".totalCount");
            if (total != null) {
                assertEquals(total.intValue(), count, "the count is the same on every page of " + path);
            }
            total = count;
            edges += data.getList(path + ".edges").size();
            after = data.getBoolean(path + ".pageInfo.hasNextPage") ? data.getString(path + ".pageInfo.endCursor") : null;
            assertTrue(++pages < 500, "a page walk that ends");
        } while (after != null);
        assertEquals(total.intValue(), edges, "totalCount of " + path + " counts every page's edges");
        return total;
    }

    private static final String PAGE = " totalCount edges { cursor } pageInfo { hasNextPage endCursor } ";

    @Test
    void bookingsAreCountedForTheResidentAndTheOrganizationThatSeeThem() {
        String service = Bookings.openService(fixtures.organizationA(), "计数测试助餐", 5, Map.of());
        fixtures.execute("""
                INSERT INTO booking (listing_id, organization_id, resident_subject, idempotency_key, slot_start, slot_end, for_self,
                                     contact_phone, status)
                SELECT %s, %d, CASE WHEN g <= 7 THEN 'count-resident-a' ELSE 'count-resident-b' END, 'count-' || g,
                       now() + g * interval '1 day', now() + g * interval '1 day' + interval '1 hour', true, '13800000000', 'CONFIRMED'
                FROM generate_series(1, 9) g;
                """.replace("%s", service).replace("%d", String.valueOf(fixtures.organizationA())));
        String mine = "query($after: String) { me { bookings(first: 2, after: $after) {" + PAGE + "} } }";
        assertEquals(7, countOverEveryPage(GraphQL.as(Tokens.of("count-resident-a", "resident")), mine, "me.bookings", Map.of()));
        assertEquals(2, countOverEveryPage(GraphQL.as(Tokens.of("count-resident-b", "resident")), mine, "me.bookings", Map.of()));
        assertEquals(0, countOverEveryPage(GraphQL.as(Tokens.of("count-resident-c", "resident")), mine, "me.bookings", Map.of()));

        String confirmed = "query($o: ID!, $after: String) { organization(id: $o) { bookings(first: 25, after: $after, "
                + "filter: {status: CONFIRMED}) {" + PAGE + "} } }";
        int ofOrganization = countOverEveryPage(GraphQL.as(Tokens.of("staff-a", "org_staff")), confirmed, "organization.bookings",
                Map.of("o", String.valueOf(fixtures.organizationA())));
        assertTrue(ofOrganization >= 9, "the organization counts its residents' bookings: " + ofOrganization);
    }

    @Test
    void thePublicAndTheOfficialsListsAreCountedAsTheyArePaged() {
        countOverEveryPage(GraphQL.anonymous(), "query($after: String) { procurements(first: 50, after: $after) {" + PAGE + "} }",
                "procurements", Map.of());
        countOverEveryPage(GraphQL.anonymous(), "query($after: String) { contracts(first: 50, after: $after) {" + PAGE + "} }",
                "contracts", Map.of());
        int all = countOverEveryPage(GraphQL.as(Tokens.of("admin-count", "admin")),
                "query($after: String) { auditLog(first: 100, after: $after) {" + PAGE + "} }", "auditLog", Map.of());
        assertTrue(all > 0, "the fixtures' changes are audited");
        String notifications = "query($after: String) { me { notifications(first: 2, after: $after) {" + PAGE + "} } }";
        assertEquals(0, countOverEveryPage(GraphQL.as(Tokens.of("count-resident-d", "resident")), notifications,
                "me.notifications", Map.of()));
    }
}
