package cn.linli.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evidence of delivery: the organization records, the resident served confirms or disputes, an official spot-checks. */
@QuarkusTest
class DeliveryTest {
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String OTHER_ORG = Tokens.of("owner-b", "org_staff");
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");
    static final String RECORD = "mutation($input: RecordServiceDeliveryInput!) { recordServiceDelivery(input: $input) "
            + "{ id bookingId beneficiaryName offSite checkInDistanceMeters confirmation verified confirmableUntil } }";
    static final String VIEW = "query($id: ID!) { serviceDelivery(id: $id) { id beneficiaryName checkIn { lat } photoUrls "
            + "offSite confirmation verified spotCheck complaintId } }";
    static final String CONFIRM = "mutation($id: ID!) { confirmServiceDelivery(input: {id: $id}) { confirmation verified } }";
    static final String DISPUTE = "mutation($id: ID!, $r: String!) { disputeServiceDelivery(input: {id: $id, reason: $r}) "
            + "{ confirmation complaintId } }";
    static final String SPOT = "mutation($id: ID!, $r: SpotCheckResult!) { spotCheckServiceDelivery(input: {id: $id, result: $r, "
            + "note: \"电话回访\"}) { spotCheck verified beneficiaryName } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /** A confirmed booking of the service by this resident whose slot has just passed; returns its id. */
    String servedBooking(String service, String resident, int hour) {
        String booking = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(1, hour), null)))
                .getString("bookService.id");
        Bookings.act(STAFF, "confirmBooking", booking, null);
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '3 hours', slot_end = now() - interval '2 hours' WHERE id = " + booking);
        return booking;
    }

    static Map<String, Object> record(String service, String booking, double lat, double lng) {
        Map<String, Object> input = new HashMap<>();
        input.put("serviceId", service);
        input.put("bookingId", booking);
        input.put("startedAt", OffsetDateTime.now().minusHours(3).toString());
        input.put("endedAt", OffsetDateTime.now().minusHours(2).toString());
        input.put("checkIn", Map.of("lat", lat, "lng", lng));
        input.put("checkOut", Map.of("lat", lat, "lng", lng));
        input.put("note", "助浴一次，老人状态良好");
        input.put("photoUrls", List.of("https://img.example.cn/delivery/1.jpg"));
        return input;
    }

    @Test
    void aRecordedDeliveryIsConfirmedByTheResidentServedAndSeenByEachAsTheyMay() {
        String service = Bookings.openService(fixtures.organizationA(), "服务记录确认测试", 5, Map.of());
        String resident = Tokens.of("served-resident-1", "resident");
        String booking = servedBooking(service, resident, 9);

        Map<String, Object> input = record(service, booking, 31.0012, 121.0);
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_ORG).error(RECORD, Map.of("input", input))), "another organization");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(resident).error(RECORD, Map.of("input", input))), "not the resident");
        JsonPath recorded = GraphQL.as(STAFF).data(RECORD, Map.of("input", input));
        String id = recorded.getString("recordServiceDelivery.id");
        assertFalse(recorded.getBoolean("recordServiceDelivery.offSite"));
        assertEquals("王大爷", recorded.getString("recordServiceDelivery.beneficiaryName"), "the booking's beneficiary");
        assertEquals("UNCONFIRMED", recorded.getString("recordServiceDelivery.confirmation"));
        assertFalse(recorded.getBoolean("recordServiceDelivery.verified"), "the organization's word alone is no evidence");
        assertEquals("COMPLETED", fixtures.string("SELECT status FROM booking WHERE id = " + booking), "it completes the booking");
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(STAFF).error(RECORD, Map.of("input", input))), "one record per booking");

        // who sees what
        assertEquals("王大爷", GraphQL.as(resident).data(VIEW, Map.of("id", id)).getString("serviceDelivery.beneficiaryName"));
        JsonPath official = GraphQL.as(OFFICIAL).data(VIEW, Map.of("id", id));
        assertNull(official.get("serviceDelivery.beneficiaryName"), "officials see no personal data");
        assertNull(official.get("serviceDelivery.checkIn"));
        assertEquals(List.of(), official.getList("serviceDelivery.photoUrls"));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("nosy-neighbour", "resident")).error(VIEW, Map.of("id", id))));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(OTHER_ORG).error(VIEW, Map.of("id", id))));
        assertEquals(List.of(id), GraphQL.as(resident).data("{ myServiceDeliveries { edges { node { id } } } }")
                .getList("myServiceDeliveries.edges.node.id"));

        // only the resident served confirms, once
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("nosy-neighbour", "resident")).error(CONFIRM, Map.of("id", id))));
        JsonPath confirmed = GraphQL.as(resident).data(CONFIRM, Map.of("id", id));
        assertEquals("CONFIRMED", confirmed.getString("confirmServiceDelivery.confirmation"));
        assertTrue(confirmed.getBoolean("confirmServiceDelivery.verified"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(CONFIRM, Map.of("id", id))));
    }

    @Test
    void anOffSiteRecordIsKeptFlaggedDisputedAndSpotChecked() {
        String service = Bookings.openService(fixtures.organizationA(), "服务记录异议测试", 5, Map.of());
        String resident = Tokens.of("served-resident-2", "resident");
        String booking = servedBooking(service, resident, 10);
        JsonPath recorded = GraphQL.as(STAFF).data(RECORD, Map.of("input", record(service, booking, 31.1, 121.0)));
        String id = recorded.getString("recordServiceDelivery.id");
        assertTrue(recorded.getBoolean("recordServiceDelivery.offSite"), "11 km from the address");
        assertTrue(recorded.getInt("recordServiceDelivery.checkInDistanceMeters") > 10_000);

        JsonPath disputed = GraphQL.as(resident).data(DISPUTE, Map.of("id", id, "r", "当天没有人上门"));
        assertEquals("DISPUTED", disputed.getString("disputeServiceDelivery.confirmation"));
        String complaint = disputed.getString("disputeServiceDelivery.complaintId");
        assertNotNull(complaint);
        assertEquals("COMPLAINT", fixtures.string("SELECT kind FROM feedback WHERE id = " + complaint), "a dispute opens a complaint");

        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(SPOT, Map.of("id", id, "r", "NOT_FOUND"))),
                "outside the jurisdiction a record is answered as if it did not exist");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(SPOT, Map.of("id", id, "r", "CONFIRMED"))));
        JsonPath checked = GraphQL.as(OFFICIAL).data(SPOT, Map.of("id", id, "r", "NOT_FOUND"));
        assertEquals("NOT_FOUND", checked.getString("spotCheckServiceDelivery.spotCheck"));
        assertFalse(checked.getBoolean("spotCheckServiceDelivery.verified"));
        assertNull(checked.get("spotCheckServiceDelivery.beneficiaryName"));
    }

    @Test
    void silenceAfter72HoursStaysUnconfirmed() {
        String service = Bookings.openService(fixtures.organizationA(), "服务记录时限测试", 5, Map.of());
        String resident = Tokens.of("served-resident-3", "resident");
        String booking = servedBooking(service, resident, 11);
        String id = GraphQL.as(STAFF).data(RECORD, Map.of("input", record(service, booking, 31.0012, 121.0)))
                .getString("recordServiceDelivery.id");
        fixtures.execute("UPDATE service_delivery SET recorded_at = now() - interval '73 hours' WHERE id = " + id);
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(CONFIRM, Map.of("id", id))));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(DISPUTE, Map.of("id", id, "r", "晚了"))));
    }

    @Test
    void badRecordsAreRefusedOnTheField() {
        String service = Bookings.openService(fixtures.organizationA(), "服务记录校验测试", 5, Map.of());
        Map<String, Object> unbooked = record(service, null, 31.0012, 121.0);
        unbooked.put("beneficiary", Map.of("name", "李奶奶"));
        Map<String, Object> error = GraphQL.as(STAFF).error(RECORD, Map.of("input", unbooked));
        assertEquals("input.bookingId", GraphQL.field(error), "without a booking only under an active contract");
        Map<String, Object> future = record(service, null, 31.0012, 121.0);
        future.put("startedAt", OffsetDateTime.now().plusHours(1).toString());
        assertEquals("input.startedAt", GraphQL.field(GraphQL.as(STAFF).error(RECORD, Map.of("input", future))));
        Map<String, Object> photos = record(service, null, 31.0012, 121.0);
        photos.put("photoUrls", List.of("http://img.example.cn/1.jpg"));
        assertEquals("input.photoUrls[0]", GraphQL.field(GraphQL.as(STAFF).error(RECORD, Map.of("input", photos))));
        Map<String, Object> twelve = record(service, null, 31.0012, 121.0);
        twelve.put("startedAt", OffsetDateTime.now().minusHours(15).toString());
        assertEquals("input.endedAt", GraphQL.field(GraphQL.as(STAFF).error(RECORD, Map.of("input", twelve))));
    }
}
