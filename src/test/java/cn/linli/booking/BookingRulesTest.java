package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The booking rules a careless or greedy client meets: live bookings per resident and day, reused idempotency keys. */
@QuarkusTest
class BookingRulesTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void aResidentHoldsAtMostTwoLiveBookingsOfAServicePerDay() {
        String service = Bookings.openService(fixtures.organizationA(), "每日上限测试", 40, Map.of());
        String resident = Tokens.of("greedy-1", "resident");
        String first = bookAt(resident, service, 2, 8);
        String second = bookAt(resident, service, 2, 9);
        Response third = Bookings.book(resident, Bookings.forFather(service, Bookings.slot(2, 10), null));
        Map<String, Object> error = third.jsonPath().getMap("errors[0]");
        assertEquals("CONFLICT", GraphQL.code(error), third.asString());
        assertTrue(((String) error.get("message")).contains("2"), "says the limit: " + error.get("message"));
        assertFalse(((String) error.get("message")).contains("13812345678"), "no input echoed");
        String english = (String) GraphQL.as(resident).inEnglish().error(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 11), null))).get("message");
        assertTrue(english.contains("2 open bookings"), english);
        assertEquals(2, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));

        // other days, other residents and other services are not counted
        bookAt(resident, service, 3, 8);
        bookAt(Tokens.of("greedy-2", "resident"), service, 2, 10);
        bookAt(resident, Bookings.openService(fixtures.organizationA(), "每日上限测试（另一项）", 40, Map.of()), 2, 10);

        // a cancelled or rejected booking no longer counts; a confirmed one does
        Bookings.act(STAFF, "confirmBooking", first, null);
        Bookings.act(resident, "cancelBooking", second, null);
        String again = bookAt(resident, service, 2, 12);
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(resident).error(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 13), null)))));
        Bookings.act(STAFF, "rejectBooking", again, "人手不足");
        bookAt(resident, service, 2, 13);
    }

    @Test
    void concurrentBookingsOfOneResidentCannotPassTheLimit() throws Exception {
        String service = Bookings.openService(fixtures.organizationA(), "每日上限并发测试", 40, Map.of());
        String resident = Tokens.of("greedy-concurrent-1", "resident");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> input = Bookings.forFather(service, Bookings.slot(4, 8 + i), null);
            attempts.add(() -> Bookings.book(resident, input));
        }
        int booked = 0;
        int refused = 0;
        for (Future<Response> result : pool.invokeAll(attempts)) {
            Response response = result.get();
            if (response.jsonPath().get("errors") == null) {
                booked++;
            } else if ("CONFLICT".equals(response.jsonPath().getString("errors[0].extensions.code"))) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(2, booked);
        assertEquals(8, refused);
        assertEquals(2, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));
        assertEquals(2, fixtures.id("SELECT coalesce(sum(taken), 0) FROM booking_slot WHERE listing_id = " + service),
                "refused bookings took no place");
    }

    @Test
    void theSameIdempotencyKeyWithADifferentRequestIsRefused() {
        String service = Bookings.openService(fixtures.organizationA(), "幂等键复用测试", 10, Map.of());
        String otherService = Bookings.openService(fixtures.organizationA(), "幂等键复用测试（另一项）", 10, Map.of());
        String resident = Tokens.of("key-reuser-1", "resident");
        String key = "reused-" + UUID.randomUUID();
        Map<String, Object> input = Bookings.forFather(service, Bookings.slot(2, 9), key);
        String first = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", input)).getString("bookService.id");

        // the same request again: the first booking, nothing new
        assertEquals(first, GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", input)).getString("bookService.id"));
        Map<String, Object> sameButSpaced = new HashMap<>(input);
        sameButSpaced.put("contactPhone", " 13812345678 ");
        sameButSpaced.put("beneficiary", Map.of("name", "王大爷", "relation", "父亲", "age", 82,
                "targetGroups", List.of("DEPENDENT", "DEPENDENT")));
        assertEquals(first, GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", sameButSpaced)).getString("bookService.id"),
                "the same request after normalization");

        // the reproduction: another service, slot or phone under the same key
        List<Consumer<Map<String, Object>>> changes = List.of(
                changed -> changed.put("serviceId", otherService),
                changed -> changed.put("slotStart", Bookings.slot(2, 10)),
                changed -> changed.put("contactPhone", "13900000000"),
                changed -> changed.put("note", "另一条备注"),
                changed -> changed.put("forSelf", true),
                changed -> changed.put("beneficiary", Map.of("name", "王大妈", "relation", "母亲", "age", 80,
                        "targetGroups", List.of("DEPENDENT"))),
                changed -> changed.put("beneficiary", Map.of("name", "王大爷", "relation", "父亲", "age", 82,
                        "targetGroups", List.of("DEPENDENT", "LIVING_ALONE"))));
        for (Consumer<Map<String, Object>> change : changes) {
            Map<String, Object> different = new HashMap<>(input);
            change.accept(different);
            Map<String, Object> error = GraphQL.as(resident).error(Bookings.BOOK, Map.of("input", different));
            assertEquals("CONFLICT", GraphQL.code(error), different.toString());
            assertEquals("input.idempotencyKey", GraphQL.field(error));
            String message = (String) error.get("message");
            assertFalse(message.contains("13900000000") || message.contains("13812345678") || message.contains(key), message);
        }
        assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE idempotency_key = '" + key + "'"));
        assertEquals(1, fixtures.id("SELECT coalesce(sum(taken), 0) FROM booking_slot WHERE listing_id IN (" + service + ", "
                + otherService + ")"));

        // bookings made before fingerprints were stored compare by their own columns
        fixtures.execute("UPDATE booking SET request_fingerprint = NULL WHERE id = " + first);
        assertEquals(first, GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", input)).getString("bookService.id"));
        Map<String, Object> otherPhone = new HashMap<>(input);
        otherPhone.put("contactPhone", "13900000000");
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(resident).error(Bookings.BOOK, Map.of("input", otherPhone))));
    }

    @Test
    void concurrentRequestsUnderOneKeyMakeOneBookingAndRefuseTheDifferentOnes() throws Exception {
        String service = Bookings.openService(fixtures.organizationA(), "幂等键并发测试", 10, Map.of());
        String resident = Tokens.of("key-racer-1", "resident");
        String key = "raced-" + UUID.randomUUID();
        Map<String, Object> a = Bookings.forFather(service, Bookings.slot(2, 9), key);
        Map<String, Object> b = Bookings.forFather(service, Bookings.slot(2, 10), key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> input = i % 2 == 0 ? a : b;
            attempts.add(() -> Bookings.book(resident, input));
        }
        Set<String> ids = new HashSet<>();
        Set<String> slots = new HashSet<>();
        int refused = 0;
        for (Future<Response> result : pool.invokeAll(attempts)) {
            Response response = result.get();
            if (response.jsonPath().get("errors") == null) {
                ids.add(response.jsonPath().getString("data.bookService.id"));
                slots.add(response.jsonPath().getString("data.bookService.slotStart"));
            } else {
                assertEquals("CONFLICT", response.jsonPath().getString("errors[0].extensions.code"), response.asString());
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "one booking for the key");
        assertEquals(1, slots.size(), "every success is the winner's request");
        assertEquals(4, refused, "every request of the other payload is refused");
        assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE idempotency_key = '" + key + "'"));
        assertNotEquals(0, fixtures.id("SELECT count(*) FROM booking WHERE idempotency_key = '" + key
                + "' AND request_fingerprint ~ '^[0-9a-f]{64}$'"), "the fingerprint is a SHA-256");
    }

    String bookAt(String resident, String service, int daysAhead, int hour) {
        return GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service,
                Bookings.slot(daysAhead, hour), null))).getString("bookService.id");
    }
}
