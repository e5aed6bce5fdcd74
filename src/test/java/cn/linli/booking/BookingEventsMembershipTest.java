package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.Subscriptions;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member removed from the organization stops receiving its booking events: membership is checked per event. */
@QuarkusTest
class BookingEventsMembershipTest {
    @TestHTTPResource("/graphql")
    URI endpoint;
    @Inject
    Vertx vertx;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    BlockingQueue<JsonObject> subscribe(String token, long organizationId) throws Exception {
        return Subscriptions.open(vertx, endpoint, token,
                "subscription { bookingEvents(organizationId: \"" + organizationId + "\") { bookingId status } }");
    }

    String book(String service, int hour) {
        return GraphQL.as(Tokens.of("events-resident-" + hour, "resident")).data(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, hour), null))).getString("bookService.id");
    }

    @Test
    void aRemovedMemberGetsForbiddenAtTheNextEventAndNothingMore() throws Exception {
        String service = Bookings.openService(fixtures.organizationA(), "退出成员推送测试", 10, Map.of());
        long organization = fixtures.organizationA();
        String subject = "staff-leaving-" + System.nanoTime();
        fixtures.execute("INSERT INTO organization_member (organization_id, subject, role, added_by) VALUES ("
                + organization + ", '" + subject + "', 'STAFF', 'test')");
        BlockingQueue<JsonObject> leaving = subscribe(Tokens.of(subject, "org_staff"), organization);
        BlockingQueue<JsonObject> staying = subscribe(Tokens.of("staff-a", "org_staff"), organization);
        Thread.sleep(500); // the subscriptions are registered asynchronously

        String whileMember = book(service, 9);
        assertEquals(whileMember, event(leaving.poll(10, TimeUnit.SECONDS)).getString("bookingId"));
        assertEquals(whileMember, event(staying.poll(10, TimeUnit.SECONDS)).getString("bookingId"));

        // the reproduction: removed from the organization, the subscription stays open
        fixtures.execute("DELETE FROM organization_member WHERE subject = '" + subject + "'");
        String afterRemoval = book(service, 10);
        assertEquals(afterRemoval, event(staying.poll(10, TimeUnit.SECONDS)).getString("bookingId"), "members still get it");
        JsonObject refused = leaving.poll(10, TimeUnit.SECONDS);
        assertNotNull(refused, "the removed member is told");
        assertTrue(refused.encode().contains("FORBIDDEN"), refused.encode());
        assertFalse(refused.encode().contains("\"bookingId\":\"" + afterRemoval + "\""), refused.encode());

        String later = book(service, 11);
        assertEquals(later, event(staying.poll(10, TimeUnit.SECONDS)).getString("bookingId"));
        JsonObject more = leaving.poll(2, TimeUnit.SECONDS);
        assertTrue(more == null || "complete".equals(more.getString("type")), "nothing more: " + more);
    }

    static JsonObject event(JsonObject message) {
        assertEquals("next", message == null ? null : message.getString("type"), String.valueOf(message));
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("bookingEvents");
    }
}
