package cn.linli.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.Subscriptions;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Residents are told what happened to their bookings: written with the cause, read, marked, pushed to subscribers. */
@QuarkusTest
class NotificationTest {
    static final String MINE = """
            query($unread: Boolean) { me { notifications(first: 50, unreadOnly: $unread) {
              unreadCount edges { node { id kind kindLabel entityType entityId title body read readAt createdAt } } } } }""";
    static final String MARK = "mutation($ids: [ID!]!) { markNotificationsRead(input: {ids: $ids}) { id read } }";

    @TestHTTPResource("/graphql")
    URI endpoint;
    @Inject
    Vertx vertx;
    @Inject
    Fixtures fixtures;
    @Inject
    Notifications notifications;

    static String service;

    @BeforeEach
    void world() {
        fixtures.people();
        if (service == null) {
            service = Bookings.openService(fixtures.organizationA(), "通知测试长者助餐", 20, Map.of());
        }
    }

    static String resident() {
        return Tokens.of("notify-" + UUID.randomUUID(), "resident");
    }

    static String book(String resident, int daysAhead) {
        return GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(daysAhead, 10), null)))
                .getString("bookService.id");
    }

    static List<Map<String, Object>> mine(String resident, Boolean unreadOnly) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("unread", unreadOnly);
        return GraphQL.as(resident).data(MINE, variables).getList("me.notifications.edges.node");
    }

    @Test
    void bookingConfirmedTellsTheResident() {
        String resident = resident();
        String booking = book(resident, 3);
        assertTrue(mine(resident, null).isEmpty(), "booking itself tells nothing");
        Bookings.act(Bookings.OWNER, "confirmBooking", booking, null);
        List<Map<String, Object>> mine = mine(resident, null);
        assertEquals(1, mine.size(), mine.toString());
        Map<String, Object> confirmed = mine.get(0);
        assertEquals("BOOKING_CONFIRMED", confirmed.get("kind"));
        assertEquals("预约已确认", confirmed.get("kindLabel"));
        assertEquals("Booking", confirmed.get("entityType"));
        assertEquals(booking, confirmed.get("entityId"));
        assertEquals(false, confirmed.get("read"));
        String body = (String) confirmed.get("body");
        assertTrue(body.contains("通知测试长者助餐") && body.contains(Bookings.slot(3, 10).substring(0, 10)), body);
        // only what the resident knows: neither the beneficiary, the phone nor the note
        assertTrue(!body.contains("王大爷") && !body.contains("13812345678") && !body.contains("轮椅"), body);
        JsonPath english = GraphQL.as(resident).inEnglish().data(MINE, Map.of());
        assertTrue(english.getString("me.notifications.edges[0].node.body").startsWith("Your booking of"));
        assertEquals(1, english.getInt("me.notifications.unreadCount"));

        // rejected and cancelled by the organization; the resident's own cancellation tells her nothing
        String rejected = book(resident, 4);
        Bookings.act(Bookings.OWNER, "rejectBooking", rejected, "当天人手不足");
        String cancelled = book(resident, 5);
        Bookings.act(Bookings.OWNER, "cancelBooking", cancelled, "厨房检修");
        String own = book(resident, 6);
        Bookings.act(resident, "cancelBooking", own, null);
        List<Object> kinds = mine(resident, null).stream().map(n -> n.get("kind")).map(Object.class::cast).toList();
        assertEquals(List.of("BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_CONFIRMED"), kinds);
        String texts = mine(resident, null).toString();
        assertTrue(!texts.contains("人手不足") && !texts.contains("厨房检修"), "the organization's reasons are not repeated: " + texts);
        // nobody else sees them
        assertTrue(mine(resident(), null).isEmpty());
    }

    @Test
    void feedbackAnsweredAndResolvedAndARecordToConfirmTellTheResident() {
        String resident = resident();
        String feedback = GraphQL.as(resident).data("mutation($s: ID!) { submitFeedback(input: {kind: COMPLAINT, serviceId: $s, "
                + "text: \"送餐迟到半小时\"}) { id } }", Map.of("s", service)).getString("submitFeedback.id");
        GraphQL.as(Bookings.OWNER).data("mutation($id: ID!) { respondToFeedback(input: {id: $id, response: \"已调整排班\"}) { id } }",
                Map.of("id", feedback));
        GraphQL.as(Tokens.of("official-test", "gov_official")).data("mutation($id: ID!) { resolveFeedback(input: {id: $id, "
                + "resolution: \"核实属实\", upheld: true}) { id } }", Map.of("id", feedback));
        String booking = book(resident, 3);
        Bookings.act(Bookings.OWNER, "confirmBooking", booking, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '2 hours', slot_end = now() - interval '1 hour' WHERE id = " + booking);
        Map<String, Object> point = Map.of("lat", 31.001, "lng", 121.0);
        String delivery = GraphQL.as(Bookings.OWNER).data("mutation($input: RecordServiceDeliveryInput!) { recordServiceDelivery(input: $input) "
                + "{ id } }", Map.of("input", Map.of("serviceId", service, "bookingId", booking,
                "startedAt", java.time.OffsetDateTime.now().minusHours(2).toString(),
                "endedAt", java.time.OffsetDateTime.now().minusHours(1).toString(), "checkIn", point, "checkOut", point)))
                .getString("recordServiceDelivery.id");
        List<Map<String, Object>> mine = mine(resident, null);
        assertEquals(List.of("DELIVERY_AWAITING_CONFIRMATION", "BOOKING_CONFIRMED", "FEEDBACK_RESOLVED", "FEEDBACK_RESPONDED"),
                mine.stream().map(n -> n.get("kind")).toList());
        assertEquals(List.of(delivery, booking, feedback, feedback), mine.stream().map(n -> n.get("entityId")).toList());
        String texts = mine.toString();
        assertTrue(texts.contains("通知测试长者助餐"), texts);
        assertTrue(!texts.contains("已调整排班") && !texts.contains("核实属实") && !texts.contains("王大爷"),
                "neither the answers nor the beneficiary are repeated: " + texts);
    }

    @Test
    void aFailingNotificationRollsTheConfirmationBack() {
        String subject = "notify-rollback-" + UUID.randomUUID().toString().substring(0, 8);
        String resident = Tokens.of(subject, "resident");
        String booking = book(resident, 3);
        fixtures.execute("CREATE OR REPLACE FUNCTION notify_test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                + "'BEGIN IF NEW.resident_subject LIKE ''notify-rollback-%'' THEN RAISE EXCEPTION ''refused by the test''; END IF; "
                + "RETURN NEW; END'; "
                + "CREATE TRIGGER notify_test_refuse BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION notify_test_refuse()");
        try {
            Map<String, Object> error = GraphQL.as(Bookings.OWNER).error(Bookings.ACT.formatted("confirmBooking"),
                    Map.of("id", booking));
            assertEquals("INTERNAL", GraphQL.code(error), error.toString());
        } finally {
            fixtures.execute("DROP TRIGGER notify_test_refuse ON notification; DROP FUNCTION notify_test_refuse()");
        }
        assertEquals("REQUESTED", fixtures.string("SELECT status FROM booking WHERE id = " + booking), "the confirmation rolled back");
        assertEquals(0, fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'confirmBooking' AND entity_id = '" + booking + "'"));
        assertEquals(0, fixtures.id("SELECT count(*) FROM notification WHERE resident_subject = '" + subject + "'"));
        // and with the notification possible, both commit
        Bookings.act(Bookings.OWNER, "confirmBooking", booking, null);
        assertEquals(1, fixtures.id("SELECT count(*) FROM notification WHERE entity_id = " + booking + " AND kind = 'BOOKING_CONFIRMED'"));
    }

    @Test
    void remindersAreWrittenOnce() {
        String resident = resident();
        String soon = book(resident, 3);
        String later = book(resident, 5);
        Bookings.act(Bookings.OWNER, "confirmBooking", soon, null);
        Bookings.act(Bookings.OWNER, "confirmBooking", later, null);
        fixtures.execute("UPDATE booking SET slot_start = now() + interval '3 hours', slot_end = now() + interval '4 hours' WHERE id = " + soon);
        notifications.remindUpcoming();
        notifications.remindUpcoming();
        assertEquals(1, fixtures.id("SELECT count(*) FROM notification WHERE kind = 'BOOKING_REMINDER' AND entity_id = " + soon));
        assertEquals(0, fixtures.id("SELECT count(*) FROM notification WHERE kind = 'BOOKING_REMINDER' AND entity_id = " + later),
                "more than 24 h ahead: no reminder yet");
        Map<String, Object> reminder = mine(resident, null).get(0);
        assertEquals("BOOKING_REMINDER", reminder.get("kind"));
        assertEquals(soon, reminder.get("entityId"));
    }

    @Test
    void markingSomeoneElsesNotificationChangesNothing() {
        String resident = resident();
        String booking = book(resident, 3);
        Bookings.act(Bookings.OWNER, "confirmBooking", booking, null);
        String id = (String) mine(resident, null).get(0).get("id");
        String stranger = resident();
        JsonPath theirs = GraphQL.as(stranger).data(MARK, Map.of("ids", List.of(id)));
        JsonPath unknown = GraphQL.as(stranger).data(MARK, Map.of("ids", List.of("987654321")));
        assertEquals(List.of(), theirs.getList("markNotificationsRead"));
        assertEquals(unknown.getList("markNotificationsRead"), theirs.getList("markNotificationsRead"), "the same answer as an unknown id");
        assertNull(fixtures.string("SELECT read_at FROM notification WHERE id = " + id));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("owner-a", "org_staff")).error(MARK, Map.of("ids", List.of(id)))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(resident).error(MARK, Map.of("ids", List.of()))));

        JsonPath own = GraphQL.as(resident).data(MARK, Map.of("ids", List.of(id, "987654321")));
        assertEquals(List.of(id), own.getList("markNotificationsRead.id"));
        assertEquals(true, own.getBoolean("markNotificationsRead[0].read"));
        assertNotNull(fixtures.string("SELECT read_at FROM notification WHERE id = " + id));
        assertTrue(mine(resident, true).isEmpty(), "no unread left");
        assertEquals(1, mine(resident, false).size());
    }

    @Test
    void theSubscriptionDeliversToItsResidentOnly() throws Exception {
        String alice = resident();
        String bob = resident();
        String aliceBooking = book(alice, 3);
        String bobBooking = book(bob, 3);
        BlockingQueue<JsonObject> aliceMessages = subscribe(alice);
        BlockingQueue<JsonObject> bobMessages = subscribe(bob);
        Thread.sleep(500); // the subscriptions are registered asynchronously
        Bookings.act(Bookings.OWNER, "confirmBooking", aliceBooking, null);
        JsonObject toAlice = next(aliceMessages);
        assertEquals("BOOKING_CONFIRMED", toAlice.getString("kind"));
        assertEquals(aliceBooking, toAlice.getString("entityId"));
        Bookings.act(Bookings.OWNER, "rejectBooking", bobBooking, "满员");
        JsonObject toBob = next(bobMessages);
        assertEquals("BOOKING_REJECTED", toBob.getString("kind"), "Bob's first event is his own, not Alice's");
        assertEquals(bobBooking, toBob.getString("entityId"));
        assertNull(aliceMessages.poll(1, TimeUnit.SECONDS), "Alice gets nothing of Bob's");

        BlockingQueue<JsonObject> staff = subscribe(Tokens.of("staff-a", "org_staff"));
        JsonObject refused = staff.poll(10, TimeUnit.SECONDS);
        assertTrue(refused != null && refused.encode().contains("FORBIDDEN"), String.valueOf(refused));
    }

    BlockingQueue<JsonObject> subscribe(String token) throws Exception {
        return Subscriptions.open(vertx, endpoint, token,
                "subscription { myNotifications { id kind entityType entityId title body } }");
    }

    static JsonObject next(BlockingQueue<JsonObject> messages) throws InterruptedException {
        JsonObject message = messages.poll(10, TimeUnit.SECONDS);
        assertEquals("next", message == null ? null : message.getString("type"), String.valueOf(message));
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("myNotifications");
    }
}
