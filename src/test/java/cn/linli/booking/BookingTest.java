package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resident books, the organization handles the booking: the state machine, capacity, idempotency, privacy. */
@QuarkusTest
class BookingTest {
    static final String DAUGHTER = Tokens.of("daughter-1", "resident");
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String OTHER_ORG = Tokens.of("owner-b", "org_staff");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    String service(String title, int capacity) {
        return Bookings.openService(fixtures.organizationA(), title, capacity, Map.of("minAge", 60));
    }

    @Test
    void aDaughterBooksForHerFatherAndARetryCreatesNothingNew() {
        String service = service("助浴预约测试", 5);
        Map<String, Object> input = Bookings.forFather(service, Bookings.slot(2, 10), "retry-key-1");
        JsonPath first = GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", input));
        assertEquals("REQUESTED", first.getString("bookService.status"));
        assertEquals("13812345678", first.getString("bookService.contactPhone"), "the resident sees her own number");
        assertEquals("王大爷", first.getString("bookService.beneficiary.name"));
        JsonPath retried = GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", input));
        assertEquals(first.getString("bookService.id"), retried.getString("bookService.id"));
        assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE idempotency_key = 'retry-key-1'"));
        assertEquals(1, fixtures.id("SELECT taken FROM booking_slot WHERE listing_id = " + service));
        // another resident may use the same key for a booking of their own
        JsonPath other = GraphQL.as(Tokens.of("neighbour-1", "resident")).data(Bookings.BOOK, Map.of("input", input));
        assertFalse(other.getString("bookService.id").equals(first.getString("bookService.id")));
    }

    @Test
    void fiftyConcurrentBookingsOfTheLastFivePlacesGiveExactlyFive() throws Exception {
        String service = service("并发预约测试", 5);
        String slot = Bookings.slot(3, 9);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = Tokens.of("crowd-" + i, "resident");
            Map<String, Object> input = Bookings.forFather(service, slot, null);
            attempts.add(() -> Bookings.book(token, input));
        }
        int booked = 0;
        int full = 0;
        for (Future<Response> result : pool.invokeAll(attempts)) {
            Response response = result.get();
            if (response.jsonPath().get("errors") == null) {
                booked++;
            } else if ("CONFLICT".equals(response.jsonPath().getString("errors[0].extensions.code"))) {
                full++;
            }
        }
        pool.shutdown();
        assertEquals(5, booked);
        assertEquals(45, full);
        assertEquals(5, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));
    }

    @Test
    void eligibilityFailuresSayWhichRuleFailed() {
        String service = Bookings.openService(fixtures.organizationA(), "失能老人上门照护测试", 3,
                Map.of("minAge", 60, "targetGroups", List.of("DEPENDENT", "LIVING_ALONE")));
        Map<String, Object> young = Bookings.forFather(service, Bookings.slot(2, 11), null);
        young.put("beneficiary", Map.of("name", "小王", "relation", "儿子", "age", 30, "targetGroups", List.of("DEPENDENT")));
        Map<String, Object> error = GraphQL.as(DAUGHTER).error(Bookings.BOOK, Map.of("input", young));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("input.beneficiary.age", GraphQL.field(error));
        Map<String, Object> notInGroup = Bookings.forFather(service, Bookings.slot(2, 11), null);
        notInGroup.put("beneficiary", Map.of("name", "王大爷", "relation", "父亲", "age", 82, "targetGroups", List.of("DISABLED")));
        Map<String, Object> groupError = GraphQL.as(DAUGHTER).error(Bookings.BOOK, Map.of("input", notInGroup));
        assertEquals("input.beneficiary.targetGroups", GraphQL.field(groupError));
        assertTrue(((String) groupError.get("message")).contains("失能"), (String) groupError.get("message"));
        GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(2, 11), null)));
    }

    @Test
    void slotsMustBeInTheFutureAndInsideTheOpeningHours() {
        String service = service("时段校验测试", 5);
        for (String slot : List.of(Bookings.slot(-1, 10), Bookings.slot(2, 7), Bookings.slot(2, 20),
                Bookings.slot(2, 10).replace("T10:00", "T10:30"))) {
            Map<String, Object> error = GraphQL.as(DAUGHTER).error(Bookings.BOOK,
                    Map.of("input", Bookings.forFather(service, slot, null)));
            assertEquals("VALIDATION", GraphQL.code(error), slot);
            assertEquals("input.slotStart", GraphQL.field(error), slot);
        }
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(DAUGHTER).error(Bookings.BOOK,
                Map.of("input", Bookings.forFather("987654321", Bookings.slot(2, 10), null)))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 10), null)))), "only residents book");
    }

    @Test
    void aDateOfOtherHoursReplacesItsWeekdaysHours() {
        String service = service("节假日时段测试", 5);
        java.time.LocalDate today = java.time.LocalDate.now(cn.linli.common.Row.CHINA);
        // the organization closed on the day after tomorrow, and opens only 14:00–16:00 the day after
        fixtures.execute("INSERT INTO listing_schedule_exception (listing_id, on_date, closed, opens, closes) VALUES ("
                + service + ", '" + today.plusDays(2) + "', true, NULL, NULL), (" + service + ", '" + today.plusDays(3)
                + "', false, '14:00', '16:00')");
        for (String slot : List.of(Bookings.slot(2, 10), Bookings.slot(3, 10), Bookings.slot(3, 16))) {
            Map<String, Object> error = GraphQL.as(DAUGHTER).error(Bookings.BOOK, Map.of("input", Bookings.forFather(service, slot, null)));
            assertEquals("input.slotStart", GraphQL.field(error), slot);
        }
        for (String slot : List.of(Bookings.slot(3, 14), Bookings.slot(4, 10))) {
            assertEquals("REQUESTED", GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, slot, null)))
                    .getString("bookService.status"), slot);
        }
    }

    @Test
    void theStateMachineAllowsOnlyLegalTransitions() {
        String service = service("状态机测试", 5);
        String id = GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(2, 14), null)))
                .getString("bookService.id");
        for (String early : List.of("completeBooking", "markNoShow")) {
            assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted(early), vars(id, null))));
        }
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted("rejectBooking"), vars(id, null))),
                "rejecting needs a reason");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(OTHER_ORG).error(Bookings.ACT.formatted("confirmBooking"), vars(id, null))),
                "to another organization the booking is as absent as an unknown id");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(DAUGHTER).error(Bookings.ACT.formatted("confirmBooking"), vars(id, null))));
        assertEquals("CONFIRMED", Bookings.act(STAFF, "confirmBooking", id, null).getString("confirmBooking.status"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted("confirmBooking"), vars(id, null))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted("rejectBooking"), vars(id, "x"))));
        // the slot passes
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '2 hours', slot_end = now() - interval '1 hour' WHERE id = " + id);
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(DAUGHTER).error(Bookings.ACT.formatted("cancelBooking"), vars(id, null))),
                "residents cancel only until the slot starts");
        assertEquals("COMPLETED", Bookings.act(STAFF, "completeBooking", id, null).getString("completeBooking.status"));
        for (String after : List.of("confirmBooking", "markNoShow", "cancelBooking", "completeBooking")) {
            assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted(after), vars(id, "r"))), after);
        }
    }

    @Test
    void rejectionAndCancellationFreeThePlace() {
        String service = service("名额释放测试", 1);
        String slot = Bookings.slot(4, 15);
        String first = GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, slot, null)))
                .getString("bookService.id");
        String neighbour = Tokens.of("neighbour-2", "resident");
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(neighbour).error(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, slot, null)))));
        assertEquals("CANCELLED", Bookings.act(DAUGHTER, "cancelBooking", first, null).getString("cancelBooking.status"));
        String second = GraphQL.as(neighbour).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, slot, null)))
                .getString("bookService.id");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(DAUGHTER).error(Bookings.ACT.formatted("cancelBooking"), vars(second, null))),
                "a resident cancels only her own booking (another's is as absent as an unknown id)");
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted("cancelBooking"), vars(second, null))),
                "the organization cancels with a reason");
        assertEquals("REJECTED", Bookings.act(STAFF, "rejectBooking", second, "当天人手不足").getString("rejectBooking.status"));
        assertEquals(0, fixtures.id("SELECT taken FROM booking_slot WHERE listing_id = " + service));
    }

    @Test
    void theOrganizationSeesThePhoneMaskedUntilItConfirms() {
        String service = service("隐私测试", 5);
        String id = GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(2, 16), null)))
                .getString("bookService.id");
        String list = "query($org: ID!) { organization(id: $org) { bookings(first: 100) { edges { node { id contactPhone note "
                + "beneficiary { name relation age } } } } } }";
        Map<String, Object> org = Map.of("org", String.valueOf(fixtures.organizationA()));
        JsonPath before = GraphQL.as(STAFF).data(list, org);
        String path = "organization.bookings.edges.find { it.node.id == '%s' }.node".formatted(id);
        assertEquals("138****5678", before.getString(path + ".contactPhone"));
        assertEquals("王大爷", before.getString(path + ".beneficiary.name"));
        Bookings.act(STAFF, "confirmBooking", id, null);
        assertEquals("13812345678", GraphQL.as(STAFF).data(list, org).getString(path + ".contactPhone"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_ORG).error(list, org)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-console", "gov_official")).error(list, org)));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(list, org)));

        String mine = "{ me { bookings(first: 100) { edges { node { id contactPhone } } } } }";
        assertTrue(GraphQL.as(DAUGHTER).data(mine).getList("me.bookings.edges.node.id").contains(id));
        assertFalse(GraphQL.as(Tokens.of("neighbour-3", "resident")).data(mine).getList("me.bookings.edges.node.id").contains(id));
        assertEquals(0, fixtures.id("SELECT count(*) FROM audit_entry WHERE CAST(after AS text) LIKE '%13812345678%' "
                + "OR CAST(after AS text) LIKE '%王大爷%'"), "no personal data in the audit trail");
    }

    @Test
    void availabilityShowsFreePlacesToAnyone() {
        String service = service("余量查询测试", 2);
        String day = Bookings.slot(5, 9).substring(0, 10);
        String query = "query($id: ID!, $day: Date!) { service(id: $id) { availability(from: $day, to: $day) { start free capacity } } }";
        JsonPath before = GraphQL.anonymous().data(query, Map.of("id", service, "day", day));
        assertEquals(12, before.getList("service.availability").size(), "08:00 … 19:00");
        GraphQL.as(DAUGHTER).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(5, 9), null)));
        JsonPath after = GraphQL.anonymous().data(query, Map.of("id", service, "day", day));
        assertEquals(1, after.getInt("service.availability[1].free"));
        assertEquals(2, after.getInt("service.availability[0].free"));
    }

    static Map<String, Object> vars(String id, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("reason", reason);
        return variables;
    }
}
