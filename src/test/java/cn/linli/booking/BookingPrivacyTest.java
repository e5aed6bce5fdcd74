package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.linli.testing.Bookings;
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

/**
 * What an organization sees of a resident, and what a stranger can learn about bookings, reviews and feedback:
 * the phone in full only for CONFIRMED and later bookings; no existence oracle for ids; no feedback about
 * listings residents cannot see.
 */
@QuarkusTest
class BookingPrivacyTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String OTHER_ORG = Tokens.of("owner-b", "org_staff");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");
    static final String UNKNOWN_ID = "987654321";
    static final String LIST = "query($org: ID!) { organization(id: $org) { bookings(first: 100) { edges { node { id status "
            + "contactPhone } } } } }";
    static final String MINE = "{ me { bookings(first: 100) { edges { node { id status contactPhone } } } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    String book(String resident, String service, int daysAhead, int hour) {
        return GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service,
                Bookings.slot(daysAhead, hour), null))).getString("bookService.id");
    }

    String phoneInOrganizationList(String id) {
        JsonPath list = GraphQL.as(STAFF).data(LIST, Map.of("org", String.valueOf(fixtures.organizationA())));
        return list.getString("organization.bookings.edges.find { it.node.id == '%s' }.node.contactPhone".formatted(id));
    }

    String phoneInResidentList(String resident, String id) {
        return GraphQL.as(resident).data(MINE).getString("me.bookings.edges.find { it.node.id == '%s' }.node.contactPhone"
                .formatted(id));
    }

    @Test
    void theOrganizationSeesThePhoneInFullOnlyForConfirmedAndLaterBookings() {
        String service = Bookings.openService(fixtures.organizationA(), "号码遮蔽测试", 10, Map.of());
        String resident = Tokens.of("masked-phone-1", "resident");

        // the reproduction: a booking the organization rejects
        String rejected = book(resident, service, 2, 9);
        assertEquals("138****5678", Bookings.act(STAFF, "rejectBooking", rejected, "当天人手不足")
                .getString("rejectBooking.contactPhone"), "rejectBooking { contactPhone }");
        assertEquals("138****5678", phoneInOrganizationList(rejected));

        // the reproduction: a booking the resident cancels before it is confirmed
        String cancelledEarly = book(resident, service, 3, 9);
        assertEquals("13812345678", Bookings.act(resident, "cancelBooking", cancelledEarly, null)
                .getString("cancelBooking.contactPhone"), "the resident sees her own number");
        assertEquals("138****5678", phoneInOrganizationList(cancelledEarly), "organization { bookings }");

        String requested = book(resident, service, 4, 9);
        assertEquals("138****5678", phoneInOrganizationList(requested));

        String confirmed = book(resident, service, 5, 9);
        assertEquals("13812345678", Bookings.act(STAFF, "confirmBooking", confirmed, null).getString("confirmBooking.contactPhone"));
        assertEquals("13812345678", phoneInOrganizationList(confirmed));

        String completed = book(resident, service, 6, 9);
        Bookings.act(STAFF, "confirmBooking", completed, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '1 hour' WHERE id = " + completed);
        assertEquals("13812345678", Bookings.act(STAFF, "completeBooking", completed, null).getString("completeBooking.contactPhone"));
        assertEquals("13812345678", phoneInOrganizationList(completed));

        String noShow = book(resident, service, 7, 9);
        Bookings.act(STAFF, "confirmBooking", noShow, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '1 hour' WHERE id = " + noShow);
        assertEquals("13812345678", Bookings.act(STAFF, "markNoShow", noShow, null).getString("markNoShow.contactPhone"));
        assertEquals("13812345678", phoneInOrganizationList(noShow));

        // cancelled after confirmation: no longer the organization's to call
        String cancelledLate = book(resident, service, 8, 9);
        Bookings.act(STAFF, "confirmBooking", cancelledLate, null);
        assertEquals("138****5678", Bookings.act(STAFF, "cancelBooking", cancelledLate, "设备故障")
                .getString("cancelBooking.contactPhone"));
        assertEquals("138****5678", phoneInOrganizationList(cancelledLate));

        for (String id : List.of(rejected, cancelledEarly, requested, confirmed, completed, noShow, cancelledLate)) {
            assertEquals("13812345678", phoneInResidentList(resident, id), "the resident always sees her own number");
        }
    }

    @Test
    void aStrangerGetsTheSameAnswerForAnExistingBookingAsForAnUnknownId() {
        String service = Bookings.openService(fixtures.organizationA(), "预约枚举测试", 10, Map.of());
        String resident = Tokens.of("enumerated-1", "resident");
        String booking = book(resident, service, 2, 10);
        String neighbour = Tokens.of("enumerator-1", "resident");
        for (String action : List.of("confirmBooking", "rejectBooking", "completeBooking", "markNoShow", "cancelBooking")) {
            sameAnswer(OTHER_ORG, Bookings.ACT.formatted(action), vars(booking, "r"), vars(UNKNOWN_ID, "r"), action);
        }
        sameAnswer(neighbour, Bookings.ACT.formatted("cancelBooking"), vars(booking, null), vars(UNKNOWN_ID, null),
                "another resident cancelling");
        String review = "mutation($id: ID!) { reviewBooking(input: {bookingId: $id, rating: 1}) { id } }";
        sameAnswer(neighbour, review, Map.of("id", booking), Map.of("id", UNKNOWN_ID), "another resident reviewing");
        Map<String, Object> answer = GraphQL.as(OTHER_ORG).error(Bookings.ACT.formatted("confirmBooking"), vars(booking, null));
        assertEquals("NOT_FOUND", GraphQL.code(answer));
        assertFalse(((String) answer.get("message")).contains(booking), "the id is not echoed");

        // the booking's own people still get their real answers
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(Bookings.ACT.formatted("completeBooking"),
                vars(booking, null))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(review, Map.of("id", booking))));
    }

    @Test
    void aStrangerGetsTheSameAnswerForExistingReviewsAndFeedbackAsForUnknownIds() {
        String service = Bookings.openService(fixtures.organizationA(), "评价枚举测试", 10, Map.of());
        String resident = Tokens.of("enumerated-2", "resident");
        String booking = book(resident, service, 2, 11);
        Bookings.act(STAFF, "confirmBooking", booking, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '1 hour' WHERE id = " + booking);
        Bookings.act(STAFF, "completeBooking", booking, null);
        String reviewId = GraphQL.as(resident).data("mutation($id: ID!) { reviewBooking(input: {bookingId: $id, rating: 2}) "
                + "{ id } }", Map.of("id", booking)).getString("reviewBooking.id");
        String reply = "mutation($id: ID!) { replyToReview(input: {reviewId: $id, reply: \"谢谢\"}) { id } }";
        String hide = "mutation($id: ID!) { hideReview(input: {reviewId: $id, reason: \"测试\"}) { id } }";
        sameAnswer(OTHER_ORG, reply, Map.of("id", reviewId), Map.of("id", UNKNOWN_ID), "replyToReview by another organization");
        sameAnswer(OTHER_OFFICIAL, hide, Map.of("id", reviewId), Map.of("id", UNKNOWN_ID), "hideReview by another region");

        String feedback = GraphQL.as(resident).data("mutation($s: ID!) { submitFeedback(input: {kind: SUGGESTION, serviceId: $s, "
                + "text: \"多开几个时段\"}) { id } }", Map.of("s", service)).getString("submitFeedback.id");
        String respond = "mutation($id: ID!) { respondToFeedback(input: {id: $id, response: \"好\"}) { id } }";
        String resolve = "mutation($id: ID!) { resolveFeedback(input: {id: $id, resolution: \"好\"}) { id } }";
        sameAnswer(OTHER_ORG, respond, Map.of("id", feedback), Map.of("id", UNKNOWN_ID), "respondToFeedback by another organization");
        sameAnswer(OTHER_OFFICIAL, resolve, Map.of("id", feedback), Map.of("id", UNKNOWN_ID), "resolveFeedback by another region");

        // an organization residents cannot see (suspended) is as absent as an unknown one
        String list = "query($org: ID!) { organizationFeedback(organizationId: $org) { edges { node { id } } } }";
        String suspended = String.valueOf(fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000038'"));
        sameAnswer(OTHER_ORG, list, Map.of("org", suspended), Map.of("org", UNKNOWN_ID), "organizationFeedback of a hidden organization");
    }

    @Test
    void feedbackAboutAListingResidentsCannotSeeIsRefusedAsIfItDidNotExist() {
        String resident = Tokens.of("draft-prober-1", "resident");
        String submit = "mutation($s: ID!) { submitFeedback(input: {kind: COMPLAINT, serviceId: $s, text: \"探测\"}) { id } }";
        String draft = String.valueOf(fixtures.id("SELECT id FROM service_listing WHERE title = '草稿助餐'"));
        String ofSuspended = String.valueOf(fixtures.id("SELECT id FROM service_listing WHERE title = '暂停机构助餐'"));
        long feedbackBefore = fixtures.id("SELECT count(*) FROM feedback");
        Map<String, Object> unknown = sameAnswer(resident, submit, Map.of("s", draft), Map.of("s", UNKNOWN_ID), "a DRAFT listing");
        assertEquals("NOT_FOUND", GraphQL.code(unknown));
        sameAnswer(resident, submit, Map.of("s", ofSuspended), Map.of("s", UNKNOWN_ID), "a listing of a suspended organization");
        String suspended = String.valueOf(fixtures.id("SELECT id FROM organization WHERE credit_code = '52990100MJ00000038'"));
        sameAnswer(resident, "mutation($o: ID!) { submitFeedback(input: {kind: COMPLAINT, organizationId: $o, text: \"探测\"}) "
                + "{ id } }", Map.of("o", suspended), Map.of("o", UNKNOWN_ID), "a suspended organization");
        assertEquals(feedbackBefore, fixtures.id("SELECT count(*) FROM feedback"), "nothing was recorded");

        // a draft made through the console is refused as well; once published it takes feedback
        JsonPath created = Console.createListing(Bookings.OWNER, fixtures.organizationA(), Console.completeContent("草稿意见测试"));
        String listing = created.getString("createServiceListing.id");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(resident).error(submit, Map.of("s", listing))));
        Console.act(Bookings.OWNER, "publishServiceListing", listing, created.getInt("createServiceListing.version"));
        assertNotNull(GraphQL.as(resident).data(submit, Map.of("s", listing)).getString("submitFeedback.id"));

        // a resident who booked a service may still complain about it once it is paused
        String service = Bookings.openService(fixtures.organizationA(), "暂停后意见测试", 10, Map.of());
        String booker = Tokens.of("paused-booker-1", "resident");
        book(booker, service, 2, 12);
        Console.act(Bookings.OWNER, "pauseServiceListing", service,
                (int) fixtures.id("SELECT version FROM service_listing WHERE id = " + service));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(resident).error(submit, Map.of("s", service))), "not to others");
        assertNotNull(GraphQL.as(booker).data(submit, Map.of("s", service)).getString("submitFeedback.id"));
    }

    /** The caller's single error for the existing thing equals the one for the unknown id: code, message and field. */
    static Map<String, Object> sameAnswer(String token, String query, Map<String, ?> existing, Map<String, ?> unknown,
            String what) {
        Map<String, Object> forExisting = GraphQL.as(token).error(query, existing);
        Map<String, Object> forUnknown = GraphQL.as(token).error(query, unknown);
        assertEquals(GraphQL.code(forUnknown), GraphQL.code(forExisting), what);
        assertEquals(forUnknown.get("message"), forExisting.get("message"), what);
        assertEquals(GraphQL.field(forUnknown), GraphQL.field(forExisting), what);
        Map<String, Object> inEnglish = GraphQL.as(token).inEnglish().error(query, existing);
        assertEquals(GraphQL.as(token).inEnglish().error(query, unknown).get("message"), inEnglish.get("message"), what);
        return forExisting;
    }

    static Map<String, Object> vars(String id, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("reason", reason);
        return variables;
    }
}
