package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Statements;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A booking says what it is: the service, the organization, the review, whether it can be reviewed; batched. */
@QuarkusTest
class BookingLinksTest {
    static final String RESIDENT = Tokens.of("links-resident", "resident");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void myBookingsShowWhatWasBookedFromWhomAndWhetherICanReviewIt() {
        String meal = Bookings.openService(fixtures.organizationA(), "预约关联测试助餐", 5, Map.of());
        String resident = Tokens.of("links-resident-1", "resident");
        String booking = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(meal, Bookings.slot(1, 9), null)))
                .getString("bookService.id");
        String staff = Tokens.of("staff-a", "org_staff");
        Bookings.act(staff, "confirmBooking", booking, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '3 hours' WHERE id = " + booking);
        Bookings.act(staff, "completeBooking", booking, null);

        JsonPath mine = GraphQL.as(resident).data(GraphQL.operation("MyBookings"), Map.of());
        String node = "me.bookings.edges[0].node";
        assertEquals(meal, mine.getString(node + ".service.id"));
        assertEquals("预约关联测试助餐", mine.getString(node + ".service.title"));
        assertEquals(String.valueOf(fixtures.organizationA()), mine.getString(node + ".organization.id"));
        assertNull(mine.get(node + ".review"));
        assertTrue(mine.getBoolean(node + ".reviewable"));

        GraphQL.as(resident).data("mutation($b: ID!) { reviewBooking(input: {bookingId: $b, rating: 5, text: \"很好\"}) { id } }",
                Map.of("b", booking));
        JsonPath reviewed = GraphQL.as(resident).data(GraphQL.operation("MyBookings"), Map.of("filter", Map.of("serviceId", meal)));
        assertEquals(5, reviewed.getInt(node + ".review.rating"));
        assertFalse(reviewed.getBoolean(node + ".reviewable"));
        assertEquals(0, GraphQL.as(resident).data(GraphQL.operation("MyBookings"), Map.of("filter", Map.of("status", "CANCELLED")))
                .getList("me.bookings.edges").size());
        JsonPath org = io.restassured.RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + staff)
                .body(Map.of("query", GraphQL.operation("OrganizationBookings"), "operationName", "OrganizationBookings",
                        "variables", Map.of("organizationId", String.valueOf(fixtures.organizationA()), "filter", Map.of("status", "COMPLETED"))))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(org.get("errors"), org.prettify());
        assertTrue(org.getList("data.organization.bookings.edges.node.service.title").contains("预约关联测试助餐"));
    }

    @Test
    void aPageOf100BookingsCostsTheSameStatementsAsAPageOf10() {
        String a = Bookings.openService(fixtures.organizationA(), "预约批量测试甲", 5, Map.of());
        String b = Bookings.openService(fixtures.organizationA(), "预约批量测试乙", 5, Map.of());
        fixtures.execute("""
                INSERT INTO booking (listing_id, organization_id, resident_subject, idempotency_key, slot_start, slot_end, for_self,
                                     contact_phone, status)
                SELECT CASE WHEN g % 2 = 0 THEN %s ELSE %s END, %d, 'links-resident', 'batch-' || g, now() - g * interval '1 day',
                       now() - g * interval '1 day' + interval '1 hour', true, '13800000000',
                       CASE WHEN g %% 3 = 0 THEN 'COMPLETED' ELSE 'CONFIRMED' END
                FROM generate_series(1, 120) g;
                INSERT INTO review (booking_id, listing_id, organization_id, resident_subject, rating)
                SELECT id, listing_id, organization_id, resident_subject, 4 FROM booking
                WHERE resident_subject = 'links-resident' AND status = 'COMPLETED' AND id %% 2 = 0;
                """.replace("%s ELSE %s", a + " ELSE " + b).replace("%d", String.valueOf(fixtures.organizationA())).replace("%%", "%"));
        long ten = Statements.during(() -> GraphQL.as(RESIDENT).data(GraphQL.operation("MyBookings"), Map.of("first", 10)));
        JsonPath[] page = new JsonPath[1];
        long hundredStatements = Statements.during(() -> page[0] = GraphQL.as(RESIDENT).data(GraphQL.operation("MyBookings"), Map.of("first", 100)));
        JsonPath hundred = page[0];
        assertEquals(100, hundred.getList("me.bookings.edges").size());
        assertEquals(ten, hundredStatements, "service, organization, review and reviewable are batched");
        // me, the page, and one each for service, organization, review and reviewable
        assertTrue(hundredStatements <= 8, "statements for a page of 100: " + hundredStatements);
    }
}
