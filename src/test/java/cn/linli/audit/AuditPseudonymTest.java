package cn.linli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail as an organization's owner reads it names no resident; officials and admins still see who it was. */
@QuarkusTest
class AuditPseudonymTest {
    static final String AUDIT = """
            query($filter: AuditFilter) { auditLog(filter: $filter, first: 100) {
              edges { node { action actorSubject actorPseudonym actorRole entityType entityId } } } }""";
    static final String STAFF = Tokens.of("staff-a", "org_staff");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void theOwnerSeesResidentsByAStablePseudonymAndOfficialsSeeTheSubject() {
        String subject = "audited-resident-" + System.nanoTime();
        String otherSubject = subject + "-2";
        String resident = Tokens.of(subject, "resident");
        String organization = String.valueOf(fixtures.organizationA());

        // the reproduction: feedback and a review about the organization
        String feedback = GraphQL.as(resident).data("mutation($o: ID!) { submitFeedback(input: {kind: COMPLAINT, "
                + "organizationId: $o, text: \"态度不好\"}) { id } }", Map.of("o", organization)).getString("submitFeedback.id");
        String service = Bookings.openService(fixtures.organizationA(), "审计化名测试", 10, Map.of());
        String booking = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service,
                Bookings.slot(2, 9), null))).getString("bookService.id");
        Bookings.act(STAFF, "confirmBooking", booking, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '1 hour' WHERE id = " + booking);
        Bookings.act(STAFF, "completeBooking", booking, null);
        String review = GraphQL.as(resident).data("mutation($b: ID!) { reviewBooking(input: {bookingId: $b, rating: 2}) { id } }",
                Map.of("b", booking)).getString("reviewBooking.id");
        String otherFeedback = GraphQL.as(Tokens.of(otherSubject, "resident")).data("mutation($o: ID!) { submitFeedback(input: "
                + "{kind: PRAISE, organizationId: $o, text: \"很好\"}) { id } }", Map.of("o", organization))
                .getString("submitFeedback.id");

        Map<String, Object> filter = Map.of("filter", Map.of("organizationId", organization));
        Response asOwner = GraphQL.as(Tokens.of("owner-a", "org_staff")).post(AUDIT, filter);
        assertNull(asOwner.jsonPath().get("errors"), asOwner.asString());
        assertFalse(asOwner.asString().contains(subject), "no resident's subject anywhere in the owner's answer");
        List<Map<String, Object>> entries = asOwner.jsonPath().getList("data.auditLog.edges.node");
        Map<String, Object> submitted = entry(entries, "submitFeedback", feedback);
        Map<String, Object> reviewed = entry(entries, "reviewBooking", review);
        Map<String, Object> booked = entry(entries, "bookService", booking);
        String pseudonym = (String) submitted.get("actorSubject");
        assertTrue(pseudonym.matches("resident-[0-9a-f]{16}"), pseudonym);
        assertEquals(pseudonym, submitted.get("actorPseudonym"));
        assertEquals("resident", submitted.get("actorRole"), "the role stays visible");
        assertEquals(pseudonym, reviewed.get("actorSubject"), "stable: one resident, one pseudonym");
        assertEquals(pseudonym, booked.get("actorSubject"));
        String otherPseudonym = (String) entry(entries, "submitFeedback", otherFeedback).get("actorSubject");
        assertNotEquals(pseudonym, otherPseudonym, "another resident, another pseudonym");
        assertTrue(otherPseudonym.startsWith("resident-"));

        // staff stay named, as before
        Map<String, Object> confirmed = entry(entries, "confirmBooking", booking);
        assertEquals("staff-a", confirmed.get("actorSubject"));
        assertNull(confirmed.get("actorPseudonym"));

        // the same pseudonym on the next read
        assertEquals(pseudonym, entry(GraphQL.as(Tokens.of("owner-a", "org_staff")).data(AUDIT, filter)
                .getList("auditLog.edges.node"), "submitFeedback", feedback).get("actorSubject"));

        // the official of the region and the admin see who it was, and the pseudonym to match the owner's report
        for (String reader : List.of(Tokens.of("official-test", "gov_official"), Tokens.of("root", "admin"))) {
            Map<String, Object> seen = entry(GraphQL.as(reader).data(AUDIT, filter).getList("auditLog.edges.node"),
                    "submitFeedback", feedback);
            assertEquals(subject, seen.get("actorSubject"));
            assertEquals(pseudonym, seen.get("actorPseudonym"));
        }
    }

    static Map<String, Object> entry(List<Map<String, Object>> entries, String action, String entityId) {
        return entries.stream().filter(e -> action.equals(e.get("action")) && entityId.equals(e.get("entityId"))).findFirst()
                .orElseThrow(() -> new AssertionError(action + " " + entityId + " not in " + entries));
    }
}
