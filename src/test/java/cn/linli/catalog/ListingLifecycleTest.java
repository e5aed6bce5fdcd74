package cn.linli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A listing from draft to withdrawal, managed by the organization's staff. */
@QuarkusTest
class ListingLifecycleTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void draftPublishPauseWithdraw() {
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), Console.completeContent("生命周期助餐点"));
        String id = created.getString("createServiceListing.id");
        assertEquals("DRAFT", created.getString("createServiceListing.status"));
        assertFalse(Console.searchable("生命周期助餐点"), "drafts are not searchable");

        int version = created.getInt("createServiceListing.version");
        JsonPath published = Console.act(STAFF, "publishServiceListing", id, version);
        assertEquals("PUBLISHED", published.getString("publishServiceListing.status"));
        assertTrue(Console.searchable("生命周期助餐点"));

        JsonPath paused = Console.act(STAFF, "pauseServiceListing", id, published.getInt("publishServiceListing.version"));
        assertFalse(Console.searchable("生命周期助餐点"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Console.LISTING_ACTION.formatted("pauseServiceListing"),
                Map.of("id", id, "version", paused.getInt("pauseServiceListing.version")))));

        JsonPath again = Console.act(STAFF, "publishServiceListing", id, paused.getInt("pauseServiceListing.version"));
        assertTrue(Console.searchable("生命周期助餐点"));
        JsonPath withdrawn = Console.act(STAFF, "withdrawServiceListing", id, again.getInt("publishServiceListing.version"));
        assertEquals("WITHDRAWN", withdrawn.getString("withdrawServiceListing.status"));
        assertFalse(Console.searchable("生命周期助餐点"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Console.LISTING_ACTION.formatted("publishServiceListing"),
                Map.of("id", id, "version", withdrawn.getInt("withdrawServiceListing.version")))));
    }

    @Test
    void publishingNamesWhatIsMissing() {
        Map<String, Object> content = new HashMap<>(Map.of("categoryCode", "elderly.meal", "title", "缺信息的服务"));
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), content);
        Map<String, Object> error = GraphQL.as(STAFF).error(Console.LISTING_ACTION.formatted("publishServiceListing"),
                Map.of("id", created.getString("createServiceListing.id"), "version", created.getInt("createServiceListing.version")));
        assertEquals("VALIDATION", GraphQL.code(error));
        String message = (String) error.get("message");
        assertTrue(message.contains("location") && message.contains("weeklyHours") && message.contains("price"), message);
    }

    @Test
    void staleVersionsConflictInsteadOfOverwriting() {
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), Console.completeContent("并发编辑测试"));
        String id = created.getString("createServiceListing.id");
        int version = created.getInt("createServiceListing.version");
        GraphQL.as(STAFF).data(Console.UPDATE_LISTING, Map.of("input",
                Map.of("id", id, "version", version, "content", Map.of("title", "第一次修改"))));
        Map<String, Object> stale = GraphQL.as(Tokens.of("owner-a", "org_staff")).error(Console.UPDATE_LISTING, Map.of("input",
                Map.of("id", id, "version", version, "content", Map.of("title", "基于旧版本的修改"))));
        assertEquals("CONFLICT", GraphQL.code(stale));
        JsonPath now = GraphQL.as(STAFF).data("{ organizationListings(organizationId: \"%d\", first: 100) { edges { node { id title } } } }"
                .formatted(fixtures.organizationA()));
        assertTrue(now.getList("organizationListings.edges.node.title").contains("第一次修改"));
        assertFalse(now.getList("organizationListings.edges.node.title").contains("基于旧版本的修改"));
    }

    @Test
    void schedulesAreValidated() {
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), Console.completeContent("排班校验"));
        String id = created.getString("createServiceListing.id");
        int version = created.getInt("createServiceListing.version");
        Map<String, Object> backwards = GraphQL.as(STAFF).error(Console.UPDATE_LISTING, Map.of("input", Map.of("id", id,
                "version", version, "content", Map.of("weeklyHours", List.of(Map.of("weekday", 2, "opens", "12:00", "closes", "09:00"))))));
        assertEquals("VALIDATION", GraphQL.code(backwards));
        assertEquals("input.content.weeklyHours[0].closes", GraphQL.field(backwards));
        Map<String, Object> overlap = GraphQL.as(STAFF).error(Console.UPDATE_LISTING, Map.of("input", Map.of("id", id,
                "version", version, "content", Map.of("weeklyHours", List.of(
                        Map.of("weekday", 2, "opens", "08:00", "closes", "12:00"),
                        Map.of("weekday", 2, "opens", "11:00", "closes", "14:00"))))));
        assertEquals("VALIDATION", GraphQL.code(overlap));
        JsonPath ok = GraphQL.as(STAFF).data(Console.UPDATE_LISTING, Map.of("input", Map.of("id", id, "version", version,
                "content", Map.of("weeklyHours", List.of(
                        Map.of("weekday", 2, "opens", "08:00", "closes", "11:00"),
                        Map.of("weekday", 2, "opens", "14:00", "closes", "17:00")),
                        "scheduleExceptions", List.of(Map.of("date", "2027-02-06", "closed", true, "note", "春节休息"))))));
        assertEquals(2, ok.getList("updateServiceListing.weeklyHours").size());
    }

    @Test
    void confirmingRefreshesFreshnessAndStaleListingsAreListed() {
        JsonPath created = Console.createListing(STAFF, fixtures.organizationA(), Console.completeContent("久未确认的服务"));
        String id = created.getString("createServiceListing.id");
        Console.act(STAFF, "publishServiceListing", id, created.getInt("createServiceListing.version"));
        fixtures.execute("UPDATE service_listing SET confirmed_at = now() - interval '200 days' WHERE id = " + id);
        String stale = "{ staleListings(organizationId: \"%d\") { edges { node { id stale daysSinceConfirmed version } } } }"
                .formatted(fixtures.organizationA());
        JsonPath listed = GraphQL.as(STAFF).data(stale);
        assertTrue(listed.getList("staleListings.edges.node.id").contains(id));
        int version = listed.getInt("staleListings.edges.find { it.node.id == '%s' }.node.version".formatted(id));
        assertTrue(GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { stale } }", Map.of("id", id)).getBoolean("service.stale"));

        Console.act(STAFF, "confirmServiceListing", id, version);
        assertFalse(GraphQL.as(STAFF).data(stale).getList("staleListings.edges.node.id").contains(id));
        JsonPath fresh = GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { stale daysSinceConfirmed } }", Map.of("id", id));
        assertFalse(fresh.getBoolean("service.stale"));
        assertEquals(0, fresh.getInt("service.daysSinceConfirmed"));
    }

    @Test
    void onlyMembersSeeTheOrganizationsListings() {
        String query = "{ organizationListings(organizationId: \"%d\") { edges { node { id } } } }".formatted(fixtures.organizationA());
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("owner-b", "org_staff")).error(query, Map.of())));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(query, Map.of())));
        assertFalse(GraphQL.as(STAFF).data(query).getList("organizationListings.edges").isEmpty());
    }
}
