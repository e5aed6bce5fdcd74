package cn.linli.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's loop in one story, as a family and a 网格员 live it: grandmother joins the household, the community worker
 * verifies 独居 and 失能, the family books a home-visit meal for her (eligible only once verified), the organization
 * confirms (the family is told, in the app and by the webhook), the worker books for a neighbour without a phone
 * (the weekly list names her before the service and not after), and a complaint escalates and is rated once resolved.
 * The community is 乙社区 (990100001002) of 测试区; organization A is in 甲社区 (990100001001), where its complaints start.
 */
@QuarkusTest
@TestProfile(WebhookTest.WithWebhook.class)
class ResidentLoopScenarioTest {
    static final String COMMUNITY = "990100001002";
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String STAFF = Tokens.of("staff-a", "org_staff");

    static final String APPOINT = "mutation($s: String!, $r: String!) { appointCommunityWorker(input: {subject: $s, regionCode: $r}) "
            + "{ subject } }";
    static final String ADD = "mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { members { id name } } }";
    static final String VERIFY = "mutation($input: VerifyTargetGroupInput!) { verifyTargetGroup(input: $input) "
            + "{ verifiedGroups { group verifiedBy } } }";
    static final String BOOK = "mutation($input: BookServiceInput!) { bookService(input: $input) "
            + "{ id status beneficiary { name eligible } } }";
    static final String CONFIRM = "mutation($id: ID!) { confirmBooking(input: {id: $id}) { status beneficiary { name ageBand eligible } } }";
    static final String OFFLINE = "mutation($input: RegisterResidentOfflineInput!) { registerResidentOffline(input: $input) "
            + "{ members { id } } }";
    static final String ON_BEHALF = "mutation($input: BookOnBehalfInput!) { bookOnBehalf(input: $input) { id bookedOnBehalf } }";
    static final String UNSERVED = "query($r: String!, $g: TargetGroup!) { unservedResidents(regionCode: $r, group: $g, days: 7, first: 100) "
            + "{ edges { node { memberId name } } } }";
    static final String NOTIFICATIONS = "{ me { notifications(first: 50) { unreadCount edges { node { id kind entityType entityId title } } } } }";
    static final String SUBMIT = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id handlingRegionCode } }";
    static final String ESCALATE = "mutation($id: ID!, $reason: String!) { escalateFeedback(input: {id: $id, reason: $reason}) "
            + "{ handlingRegionCode escalationLevel } }";
    static final String RATE = "mutation($id: ID!, $satisfied: Boolean!) { rateResolution(input: {id: $id, satisfied: $satisfied}) "
            + "{ satisfied } }";

    @Inject
    Vertx vertx;
    @Inject
    Fixtures fixtures;

    @Test
    void aFamilyAndTheirGridWorkerGoRoundTheWholeLoop() throws Exception {
        fixtures.people();
        String workerSubject = "loop-grid-worker-" + UUID.randomUUID();
        String worker = Tokens.of(workerSubject, "community_worker");
        GraphQL.as(OFFICIAL).data(APPOINT, Map.of("s", workerSubject, "r", COMMUNITY));
        String familySubject = "loop-family-" + UUID.randomUUID();
        GraphQL family = GraphQL.as(Tokens.of(familySubject, "resident"));
        int year = LocalDate.now(Bookings.CHINA).getYear();

        // the webhook receiver: refuses the first attempt, then takes everything
        List<JsonObject> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refusals = new AtomicInteger(1);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            byte[] bytes = body.getBytes();
            boolean signed = ("sha256=" + WebhookTest.hmac(bytes)).equals(request.getHeader("X-Linli-Signature"));
            boolean accept = signed && refusals.getAndDecrement() <= 0;
            if (accept) {
                received.add(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
            }
            request.response().setStatusCode(accept ? 200 : 503).end();
        }));
        server.listen(WebhookTest.PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            // grandmother, 82, joins the household; a home-visit meal for elders living alone
            String grandmother = family.data(ADD, Map.of("input", Map.of("name", "李桂兰", "relation", "奶奶",
                    "birthYear", year - 82, "regionCode", COMMUNITY))).getString("addHouseholdMember.members[0].id");
            String meal = Bookings.openService(fixtures.organizationA(), "独居老人上门送餐", 5,
                    Map.of("minAge", 60, "targetGroups", List.of("LIVING_ALONE")));
            Map<String, Object> booking = new HashMap<>(Map.of("serviceId", meal, "slotStart", Bookings.slot(2, 11),
                    "forSelf", false, "beneficiaryId", grandmother, "contactPhone", "13912345678",
                    "idempotencyKey", UUID.randomUUID().toString()));

            // not eligible until the worker has verified it
            Map<String, Object> refused = family.error(BOOK, Map.of("input", booking));
            assertEquals("VALIDATION", GraphQL.code(refused));
            assertTrue(String.valueOf(refused.get("message")).contains("独居"), "names the group: " + refused.get("message"));
            LocalDate expiry = LocalDate.now(Bookings.CHINA).plusMonths(6);
            for (String[] group : new String[][] {{"LIVING_ALONE", "HOME_VISIT"}, {"DEPENDENT", "CARE_ASSESSMENT"}}) {
                GraphQL.as(worker).data(VERIFY, Map.of("input", Map.of("memberId", grandmother, "group", group[0],
                        "evidenceType", group[1], "expiresOn", expiry.toString())));
            }
            JsonPath booked = family.data(BOOK, Map.of("input", booking));
            assertTrue(booked.getBoolean("bookService.beneficiary.eligible"));
            String mealBooking = booked.getString("bookService.id");

            // the organization confirms; it sees her name and an age band, the family is told in the app and by webhook
            JsonPath confirmed = GraphQL.as(Bookings.OWNER).data(CONFIRM, Map.of("id", mealBooking));
            assertEquals("80–89", confirmed.getString("confirmBooking.beneficiary.ageBand"));
            JsonPath told = family.data(NOTIFICATIONS);
            assertEquals("BOOKING_CONFIRMED", told.getString("me.notifications.edges[0].node.kind"));
            assertEquals(mealBooking, told.getString("me.notifications.edges[0].node.entityId"));
            assertTrue(told.getString("me.notifications.edges[0].node.title").length() > 0);
            assertEquals(1, told.getInt("me.notifications.unreadCount"));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && received.stream().noneMatch(push -> familySubject.equals(
                    push.getString("residentSubject")))) {
                Thread.sleep(200);
            }
            JsonObject push;
            synchronized (received) {
                push = received.stream().filter(p -> familySubject.equals(p.getString("residentSubject"))).findFirst()
                        .orElseThrow(() -> new AssertionError("the webhook never received the family's notification"));
            }
            assertEquals("BOOKING_CONFIRMED", push.getString("kind"));
            assertTrue(refusals.get() < 0, "the first attempt was refused and retried");

            // 代办: a neighbour without a phone, registered by the worker; the weekly list names her until she is served
            String neighbour = GraphQL.as(worker).data(OFFLINE, Map.of("input", Map.of("name", "赵奶奶", "birthYear", year - 88,
                    "regionCode", COMMUNITY))).getString("registerResidentOffline.members[0].id");
            GraphQL.as(worker).data(VERIFY, Map.of("input", Map.of("memberId", neighbour, "group", "LIVING_ALONE",
                    "evidenceType", "HOME_VISIT", "expiresOn", expiry.toString())));
            Map<String, Object> week = Map.of("r", COMMUNITY, "g", "LIVING_ALONE");
            assertTrue(GraphQL.as(worker).data(UNSERVED, week).getList("unservedResidents.edges.node.memberId").contains(neighbour));
            String proxy = GraphQL.as(worker).data(ON_BEHALF, Map.of("input", Map.of("householdMemberId", neighbour,
                    "serviceId", meal, "slotStart", Bookings.slot(3, 11), "idempotencyKey", UUID.randomUUID().toString())))
                    .getString("bookOnBehalf.id");
            GraphQL.as(Bookings.OWNER).data(CONFIRM, Map.of("id", proxy));
            assertFalse(GraphQL.as(worker).data(UNSERVED, week).getList("unservedResidents.edges.node.memberId").contains(neighbour));
            assertEquals(List.of("BOOKING_CONFIRMED"), GraphQL.as(worker).data(NOTIFICATIONS)
                    .getList("me.notifications.edges.findAll { it.node.entityType == 'Booking' && it.node.entityId == '" + proxy + "' }.node.kind"),
                    "the worker who booked for her is told");
            assertEquals(List.of(mealBooking), family.data(NOTIFICATIONS).getList("me.notifications.edges.node.entityId"),
                    "the family hears nothing of the neighbour");

            // the meal came cold: a complaint starts at the organization's community, goes up, is resolved and rated
            String complaint = family.data(SUBMIT, Map.of("input", Map.of("organizationId", String.valueOf(fixtures.organizationA()),
                    "kind", "COMPLAINT", "text", "送来的饭菜是凉的"))).getString("submitFeedback.id");
            JsonPath up = family.data(ESCALATE, Map.of("id", complaint, "reason", "社区答复后仍未改善"));
            assertEquals("990100001", up.getString("escalateFeedback.handlingRegionCode"));
            assertEquals("INVALID_STATE", GraphQL.code(family.error(RATE, Map.of("id", complaint, "satisfied", true))),
                    "nothing to rate before a resolution");
            GraphQL.as(STAFF).data("mutation($id: ID!) { respondToFeedback(input: {id: $id, response: \"已核实，更换保温箱\"}) "
                    + "{ status } }", Map.of("id", complaint));
            assertEquals("RESOLVED", GraphQL.as(OFFICIAL).data("mutation($id: ID!) { resolveFeedback(input: {id: $id, "
                    + "resolution: \"已整改\", upheld: true}) { status } }", Map.of("id", complaint)).getString("resolveFeedback.status"));
            assertEquals(List.of("FEEDBACK_RESOLVED", "FEEDBACK_RESPONDED"), family.data(NOTIFICATIONS)
                    .getList("me.notifications.edges.findAll { it.node.entityType == 'Feedback' && it.node.entityId == '" + complaint + "' }.node.kind"), "newest first");
            assertTrue(family.data(RATE, Map.of("id", complaint, "satisfied", true)).getBoolean("rateResolution.satisfied"));
            assertEquals("CONFLICT", GraphQL.code(family.error(RATE, Map.of("id", complaint, "satisfied", false))), "rated once");
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
