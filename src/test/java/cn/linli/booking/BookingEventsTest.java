package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The organization console's subscription over a websocket (graphql-transport-ws), authorized by the token. */
@QuarkusTest
class BookingEventsTest {
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

    /** Opens a subscription and returns the queue of messages received. */
    BlockingQueue<JsonObject> subscribe(String token, long organizationId) throws Exception {
        return Subscriptions.open(vertx, endpoint, token,
                "subscription { bookingEvents(organizationId: \"" + organizationId + "\") { bookingId status } }");
    }

    @Test
    void membersReceiveNewAndChangedBookings() throws Exception {
        String service = Bookings.openService(fixtures.organizationA(), "实时推送测试", 5, Map.of());
        BlockingQueue<JsonObject> messages = subscribe(Tokens.of("staff-a", "org_staff"), fixtures.organizationA());
        Thread.sleep(500); // the subscription is registered asynchronously
        String id = GraphQL.as(Tokens.of("pusher-1", "resident")).data(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 9), null))).getString("bookService.id");
        JsonObject created = nextEvent(messages);
        assertEquals(id, created.getString("bookingId"));
        assertEquals("REQUESTED", created.getString("status"));
        Bookings.act(Bookings.OWNER, "confirmBooking", id, null);
        JsonObject confirmed = nextEvent(messages);
        assertEquals(id, confirmed.getString("bookingId"));
        assertEquals("CONFIRMED", confirmed.getString("status"));
    }

    @Test
    void nonMembersAreRefused() throws Exception {
        BlockingQueue<JsonObject> messages = subscribe(Tokens.of("owner-b", "org_staff"), fixtures.organizationA());
        JsonObject message = messages.poll(10, TimeUnit.SECONDS);
        assertTrue(message != null && message.encode().contains("FORBIDDEN"), String.valueOf(message));
    }

    static JsonObject nextEvent(BlockingQueue<JsonObject> messages) throws InterruptedException {
        JsonObject message = messages.poll(10, TimeUnit.SECONDS);
        assertEquals("next", message == null ? null : message.getString("type"), String.valueOf(message));
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("bookingEvents");
    }
}
