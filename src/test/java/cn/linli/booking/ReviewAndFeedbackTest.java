package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewAndFeedbackTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String REVIEW = "mutation($input: ReviewBookingInput!) { reviewBooking(input: $input) { id rating text } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /** A booking of the resident that the organization has completed. */
    String completedBooking(String service, String resident, int daysAhead, int hour) {
        String id = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input",
                Bookings.forFather(service, Bookings.slot(daysAhead, hour), null))).getString("bookService.id");
        Bookings.act(STAFF, "confirmBooking", id, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '1 hour' WHERE id = " + id);
        Bookings.act(STAFF, "completeBooking", id, null);
        return id;
    }

    @Test
    void onlyTheResidentReviewsACompletedBookingOnce() {
        String service = Bookings.openService(fixtures.organizationA(), "评价规则测试", 5, Map.of());
        String resident = Tokens.of("reviewer-1", "resident");
        String pending = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(2, 9), null)))
                .getString("bookService.id");
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(REVIEW, review(pending, 5, "好"))));
        String done = completedBooking(service, resident, 2, 10);
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("someone-else", "resident")).error(REVIEW, review(done, 1, "差"))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(resident).error(REVIEW, review(done, 6, "超出"))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(resident).error(REVIEW, review(done, 4, "长".repeat(501)))));
        JsonPath reviewed = GraphQL.as(resident).data(REVIEW, review(done, 4, "护理员很耐心"));
        assertEquals(4, reviewed.getInt("reviewBooking.rating"));
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(resident).error(REVIEW, review(done, 5, "再评一次"))));

        String reviewId = reviewed.getString("reviewBooking.id");
        String reply = "mutation($id: ID!) { replyToReview(input: {reviewId: $id, reply: \"谢谢您的肯定\"}) { reply } }";
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("owner-b", "org_staff")).error(reply, Map.of("id", reviewId))));
        assertEquals("谢谢您的肯定", GraphQL.as(STAFF).data(reply, Map.of("id", reviewId)).getString("replyToReview.reply"));
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(STAFF).error(reply, Map.of("id", reviewId))));
        JsonPath shown = GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { ratingAverage reviewCount "
                + "reviews { edges { node { rating text reply } } } } }", Map.of("id", service));
        assertEquals(1, shown.getInt("service.reviewCount"));
        assertEquals("谢谢您的肯定", shown.getString("service.reviews.edges[0].node.reply"));
    }

    @Test
    void averagesStayExactUnderConcurrentReviewsAndHiddenReviewsLeaveThem() throws Exception {
        String service = Bookings.openService(fixtures.organizationA(), "并发评价测试", 20, Map.of());
        long orgCountBefore = fixtures.id("SELECT rating_count FROM organization WHERE id = " + fixtures.organizationA());
        long orgTotalBefore = fixtures.id("SELECT rating_total FROM organization WHERE id = " + fixtures.organizationA());
        List<String> residents = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String resident = Tokens.of("rater-" + i, "resident");
            residents.add(resident);
            bookings.add(completedBooking(service, resident, 3, 8 + i % 12));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Response>> reviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String resident = residents.get(i);
            Map<String, Object> variables = review(bookings.get(i), 1 + i % 5, null);
            reviews.add(() -> GraphQL.as(resident).post(REVIEW, variables));
        }
        for (Future<Response> result : pool.invokeAll(reviews)) {
            assertNull(result.get().jsonPath().get("errors"), result.get().asString());
        }
        pool.shutdown();
        int total = 0;
        for (int i = 0; i < 12; i++) {
            total += 1 + i % 5;
        }
        assertEquals(12, fixtures.id("SELECT rating_count FROM service_listing WHERE id = " + service));
        assertEquals(total, fixtures.id("SELECT rating_total FROM service_listing WHERE id = " + service));
        assertEquals(orgCountBefore + 12, fixtures.id("SELECT rating_count FROM organization WHERE id = " + fixtures.organizationA()));
        assertEquals(orgTotalBefore + total, fixtures.id("SELECT rating_total FROM organization WHERE id = " + fixtures.organizationA()));
        JsonPath shown = GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { ratingAverage } }", Map.of("id", service));
        assertEquals(Math.round(total * 100.0 / 12) / 100.0, shown.getDouble("service.ratingAverage"), 0.001);

        long abusive = fixtures.id("SELECT id FROM review WHERE booking_id = " + bookings.get(0));
        String hide = "mutation($id: ID!) { hideReview(input: {reviewId: $id, reason: \"含侮辱性内容\"}) { id } }";
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("official-qlh", "gov_official"))
                .error(hide, Map.of("id", String.valueOf(abusive)))));
        GraphQL.as(OFFICIAL).data(hide, Map.of("id", String.valueOf(abusive)));
        assertEquals(11, fixtures.id("SELECT rating_count FROM service_listing WHERE id = " + service));
        assertEquals(total - 1, fixtures.id("SELECT rating_total FROM service_listing WHERE id = " + service));
        assertEquals(1, fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'hideReview' AND entity_id = '" + abusive + "'"));
        JsonPath visible = GraphQL.anonymous().data("query($id: ID!) { service(id: $id) { reviews(first: 100) { edges { node { id } } } } }",
                Map.of("id", service));
        assertFalse(visible.getList("service.reviews.edges.node.id").contains(String.valueOf(abusive)));
    }

    @Test
    void feedbackIsAnsweredByTheOrganizationAndResolvedByTheOfficial() {
        String resident = Tokens.of("complainer-1", "resident");
        String submit = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id status kind } }";
        String service = String.valueOf(fixtures.id("SELECT id FROM service_listing WHERE title = '上门护理' AND lat = 30.0"));
        JsonPath complaint = GraphQL.as(resident).data(submit, Map.of("input",
                Map.of("kind", "COMPLAINT", "serviceId", service, "text", "护理员迟到一小时")));
        String id = complaint.getString("submitFeedback.id");
        assertEquals("OPEN", complaint.getString("submitFeedback.status"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(submit, Map.of("input",
                Map.of("kind", "PRAISE", "serviceId", service, "text", "自夸")))), "only residents submit");

        String list = "query($org: ID!) { organizationFeedback(organizationId: $org) { edges { node { id text status } } } }";
        Map<String, Object> orgB = Map.of("org", String.valueOf(fixtures.organizationB()));
        assertTrue(GraphQL.as(Tokens.of("owner-b", "org_staff")).data(list, orgB).getList("organizationFeedback.edges.node.id").contains(id));
        assertTrue(GraphQL.as(OFFICIAL).data(list, orgB).getList("organizationFeedback.edges.node.id").contains(id));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(list, orgB)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-qlh", "gov_official")).error(list, orgB)));

        String respond = "mutation($id: ID!) { respondToFeedback(input: {id: $id, response: \"已调整排班\"}) { status response } }";
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(STAFF).error(respond, Map.of("id", id))), "another organization");
        assertEquals("RESPONDED", GraphQL.as(Tokens.of("owner-b", "org_staff")).data(respond, Map.of("id", id))
                .getString("respondToFeedback.status"));
        String resolve = "mutation($id: ID!, $upheld: Boolean) { resolveFeedback(input: {id: $id, resolution: \"核实属实\", upheld: $upheld}) { status upheld } }";
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(OFFICIAL).error(resolve, Map.of("id", id))), "a complaint needs upheld");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("official-qlh", "gov_official"))
                .error(resolve, Map.of("id", id, "upheld", true))));
        JsonPath resolved = GraphQL.as(OFFICIAL).data(resolve, Map.of("id", id, "upheld", true));
        assertEquals("RESOLVED", resolved.getString("resolveFeedback.status"));
        assertTrue(resolved.getBoolean("resolveFeedback.upheld"));
    }

    @Test
    void feedbackUnansweredForSevenDaysIsOverdueForOfficials() {
        String resident = Tokens.of("suggester-1", "resident");
        String id = GraphQL.as(resident).data("mutation($org: ID!) { submitFeedback(input: {kind: SUGGESTION, organizationId: $org, "
                + "text: \"希望增加周末服务\"}) { id } }", Map.of("org", String.valueOf(fixtures.organizationB())))
                .getString("submitFeedback.id");
        String overdue = "{ overdueFeedback(first: 100) { edges { node { id overdue } } } }";
        assertFalse(GraphQL.as(OFFICIAL).data(overdue).getList("overdueFeedback.edges.node.id").contains(id));
        fixtures.execute("UPDATE feedback SET created_at = now() - interval '8 days' WHERE id = " + id);
        assertTrue(GraphQL.as(OFFICIAL).data(overdue).getList("overdueFeedback.edges.node.id").contains(id));
        assertFalse(GraphQL.as(Tokens.of("official-qlh", "gov_official")).data(overdue).getList("overdueFeedback.edges.node.id").contains(id));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(resident).error(overdue, Map.of())));
    }

    static Map<String, Object> review(String bookingId, int rating, String text) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("bookingId", bookingId);
        input.put("rating", rating);
        input.put("text", text);
        return Map.of("input", input);
    }
}
