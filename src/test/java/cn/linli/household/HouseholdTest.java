package cn.linli.household;

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
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grids and community workers; households and the target groups a community worker verifies; residents registered
 * offline. The community is 乙社区 (990100001002) of 测试区, governed by official-test.
 */
@QuarkusTest
class HouseholdTest {
    static final String COMMUNITY = "990100001002";
    static final String OTHER_COMMUNITY = "990100002001";
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");
    static final String WORKER = Tokens.of("hh-worker", "community_worker");
    static final String OTHER_WORKER = Tokens.of("hh-worker-elsewhere", "community_worker");
    static final String FAMILY = Tokens.of("hh-family", "resident");
    static final String NEIGHBOUR = Tokens.of("hh-neighbour", "resident");

    static final String APPOINT = "mutation($s: String!, $r: String!) { appointCommunityWorker(input: {subject: $s, regionCode: $r}) "
            + "{ subject region { code level } appointedAt } }";
    static final String REVOKE = "mutation($s: String!, $r: String!) { revokeCommunityWorker(input: {subject: $s, regionCode: $r}) "
            + "{ subject region { code } } }";
    static final String GRID = "mutation($input: CreateGridInput!) { createGrid(input: $input) { code name level parent { code } } }";
    static final String ADD = "mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) "
            + "{ id regionCode hasAccount members { id name relation birthYear verifiedGroups { group verifiedBy expiresOn } } } }";
    static final String UPDATE = "mutation($input: UpdateHouseholdMemberInput!) { updateHouseholdMember(input: $input) "
            + "{ id name relation birthYear } }";
    static final String REMOVE = "mutation($id: ID!) { removeHouseholdMember(input: {id: $id}) { members { id } } }";
    static final String VERIFY = "mutation($input: VerifyTargetGroupInput!) { verifyTargetGroup(input: $input) "
            + "{ id name verifiedGroups { group verifiedBy expiresOn } } }";
    static final String REVOKE_GROUP = "mutation($m: ID!, $g: TargetGroup!) { revokeTargetGroup(input: {memberId: $m, group: $g}) "
            + "{ verifiedGroups { group } } }";
    static final String OFFLINE = "mutation($input: RegisterResidentOfflineInput!) { registerResidentOffline(input: $input) "
            + "{ id regionCode hasAccount members { id name relation birthYear phone } } }";
    static final String MY_HOUSEHOLD = "{ me { household { id regionCode members { id name relation birthYear "
            + "verifiedGroups { group verifiedBy expiresOn } } } } }";

    static boolean appointed;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.people();
        if (!appointed) {
            GraphQL.as(OFFICIAL).data(APPOINT, Map.of("s", "hh-worker", "r", COMMUNITY));
            GraphQL.as(OFFICIAL).data(APPOINT, Map.of("s", "hh-worker-elsewhere", "r", OTHER_COMMUNITY));
            appointed = true;
        }
    }

    static int thisYear() {
        return LocalDate.now(Bookings.CHINA).getYear();
    }

    static Map<String, Object> member(String name, String relation, int birthYear, String regionCode) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("relation", relation);
        input.put("birthYear", birthYear);
        if (regionCode != null) {
            input.put("regionCode", regionCode);
        }
        return input;
    }

    static Map<String, Object> verification(String memberId, String group, String evidence, String reference, LocalDate expiresOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("memberId", memberId);
        input.put("group", group);
        input.put("evidenceType", evidence);
        input.put("evidenceReference", reference);
        input.put("expiresOn", expiresOn.toString());
        return input;
    }

    static String code(GraphQL client, String query, Map<String, ?> variables) {
        return GraphQL.code(client.error(query, variables));
    }

    static String field(GraphQL client, String query, Map<String, ?> variables) {
        return GraphQL.field(client.error(query, variables));
    }

    @Test
    void anOfficialCreatesGridsAndAppointsWorkersToCommunitiesAndGridsOnly() {
        String grid = COMMUNITY + (100000 + System.nanoTime() % 900000);
        JsonPath created = GraphQL.as(OFFICIAL).data(GRID, Map.of("input", Map.of("communityCode", COMMUNITY, "code", grid,
                "name", "第一网格", "lat", 30.0, "lng", 120.01)));
        assertEquals("GRID", created.getString("createGrid.level"));
        assertEquals(COMMUNITY, created.getString("createGrid.parent.code"));
        assertEquals(COMMUNITY, GraphQL.anonymous().data("query($c: String) { region(code: $c) { parent { code } } }",
                Map.of("c", grid)).getString("region.parent.code"));
        assertEquals("CONFLICT", code(GraphQL.as(OFFICIAL), GRID, Map.of("input", Map.of("communityCode", COMMUNITY, "code", grid,
                "name", "重复网格"))));
        assertEquals("input.communityCode", field(GraphQL.as(OFFICIAL), GRID, Map.of("input", Map.of("communityCode", "990100001",
                "code", "99010000101", "name", "街道下的网格"))), "a grid belongs to a community, not a street");
        assertEquals("input.code", field(GraphQL.as(OFFICIAL), GRID, Map.of("input", Map.of("communityCode", COMMUNITY,
                "code", OTHER_COMMUNITY + "01", "name", "别人的代码"))));
        assertEquals("FORBIDDEN", code(GraphQL.as(OTHER_OFFICIAL), GRID, Map.of("input", Map.of("communityCode", COMMUNITY,
                "code", COMMUNITY + "77", "name", "越权网格"))));
        assertEquals("FORBIDDEN", code(GraphQL.as(WORKER), GRID, Map.of("input", Map.of("communityCode", COMMUNITY,
                "code", COMMUNITY + "78", "name", "网格员建网格"))));

        // a worker appointed to the grid; twice is CONFLICT; revoked once, then there is nothing to revoke
        JsonPath appointed = GraphQL.as(OFFICIAL).data(APPOINT, Map.of("s", "hh-grid-worker", "r", grid));
        assertEquals("GRID", appointed.getString("appointCommunityWorker.region.level"));
        assertEquals("CONFLICT", code(GraphQL.as(OFFICIAL), APPOINT, Map.of("s", "hh-grid-worker", "r", grid)));
        assertEquals("input.regionCode", field(GraphQL.as(OFFICIAL), APPOINT, Map.of("s", "hh-grid-worker", "r", "990100001")),
                "not to a street");
        assertEquals("FORBIDDEN", code(GraphQL.as(OTHER_OFFICIAL), APPOINT, Map.of("s", "hh-grid-worker-2", "r", grid)));
        assertEquals("FORBIDDEN", code(GraphQL.as(Tokens.of("hh-admin", "admin")), APPOINT, Map.of("s", "x", "r", grid)));
        assertEquals("FORBIDDEN", code(GraphQL.as(FAMILY), REVOKE, Map.of("s", "hh-grid-worker", "r", grid)));
        assertEquals("hh-grid-worker", GraphQL.as(OFFICIAL).data(REVOKE, Map.of("s", "hh-grid-worker", "r", grid))
                .getString("revokeCommunityWorker.subject"));
        assertEquals("NOT_FOUND", code(GraphQL.as(OFFICIAL), REVOKE, Map.of("s", "hh-grid-worker", "r", grid)));
        assertEquals(0, fixtures.id("SELECT count(*) FROM community_worker_appointment WHERE subject = 'hh-grid-worker' "
                + "AND revoked_at IS NULL"));
    }

    @Test
    void aFamilyAddsGrandmotherAndTheCommunityWorkerVerifiesHerGroups() {
        int born = thisYear() - 82;
        JsonPath household = GraphQL.as(FAMILY).data(ADD, Map.of("input", member("张桂兰", "奶奶", born, COMMUNITY)));
        assertEquals(COMMUNITY, household.getString("addHouseholdMember.regionCode"));
        assertTrue(household.getBoolean("addHouseholdMember.hasAccount"));
        String grandmother = household.getString("addHouseholdMember.members[0].id");
        JsonPath mine = GraphQL.as(FAMILY).data(MY_HOUSEHOLD);
        assertEquals("张桂兰", mine.getString("me.household.members[0].name"));
        assertEquals(born, mine.getInt("me.household.members[0].birthYear"));
        assertEquals(List.of(), mine.getList("me.household.members[0].verifiedGroups"), "nothing verified yet");

        // the worker of another community, an official, the family itself: none of them verifies
        LocalDate expiry = LocalDate.now(Bookings.CHINA).plusMonths(6);
        Map<String, Object> livingAlone = verification(grandmother, "LIVING_ALONE", "HOME_VISIT", "乙社区走访台账-017", expiry);
        assertEquals("NOT_FOUND", code(GraphQL.as(OTHER_WORKER), VERIFY, Map.of("input", livingAlone)));
        assertEquals("NOT_FOUND", code(GraphQL.as(OTHER_WORKER), VERIFY, Map.of("input",
                verification("987654321", "LIVING_ALONE", "HOME_VISIT", null, expiry))), "as for an id never used");
        assertEquals("FORBIDDEN", code(GraphQL.as(OFFICIAL), VERIFY, Map.of("input", livingAlone)));
        assertEquals("FORBIDDEN", code(GraphQL.as(FAMILY), VERIFY, Map.of("input", livingAlone)));
        // bad input: more than a year ahead, in the past, an identity card number as the reference
        assertEquals("input.expiresOn", field(GraphQL.as(WORKER), VERIFY, Map.of("input", verification(grandmother, "LIVING_ALONE",
                "HOME_VISIT", null, LocalDate.now(Bookings.CHINA).plusYears(1).plusDays(1)))));
        assertEquals("input.expiresOn", field(GraphQL.as(WORKER), VERIFY, Map.of("input", verification(grandmother, "LIVING_ALONE",
                "HOME_VISIT", null, LocalDate.now(Bookings.CHINA).minusDays(1)))));
        assertEquals("input.evidenceReference", field(GraphQL.as(WORKER), VERIFY, Map.of("input", verification(grandmother,
                "DEPENDENT", "CERTIFICATE_SIGHTED", "620103194401011234", expiry))));
        assertEquals("input.evidenceReference", field(GraphQL.as(WORKER), VERIFY, Map.of("input", verification(grandmother,
                "DEPENDENT", "CERTIFICATE_SIGHTED", "x".repeat(65), expiry))));

        // the worker of her community verifies 独居 and 失能
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", livingAlone));
        JsonPath verified = GraphQL.as(WORKER).data(VERIFY, Map.of("input",
                verification(grandmother, "DEPENDENT", "CARE_ASSESSMENT", null, expiry)));
        assertEquals(List.of("DEPENDENT", "LIVING_ALONE"), verified.getList("verifyTargetGroup.verifiedGroups.group"));
        mine = GraphQL.as(FAMILY).data(MY_HOUSEHOLD);
        assertEquals(List.of("DEPENDENT", "LIVING_ALONE"), mine.getList("me.household.members[0].verifiedGroups.group"));
        assertEquals("hh-worker", mine.getString("me.household.members[0].verifiedGroups[0].verifiedBy"));
        assertEquals(expiry.toString(), mine.getString("me.household.members[0].verifiedGroups[0].expiresOn"));

        // the evidence is not stored in clear, and neither the name nor the reference reaches the audit trail
        String stored = fixtures.string("SELECT evidence_reference FROM target_group_verification WHERE member_id = " + grandmother
                + " AND group_code = 'LIVING_ALONE' AND revoked_at IS NULL");
        assertTrue(stored.matches("[0-9a-f]{64}"), "a SHA-256, not the reference");
        assertEquals(0, fixtures.id("SELECT count(*) FROM audit_entry WHERE concat(before::text, after::text, reason) "
                + "LIKE '%张桂兰%' OR concat(before::text, after::text, reason) LIKE '%走访台账%'"));
        assertTrue(fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'verifyTargetGroup' AND actor_subject = 'hh-worker'") >= 2);

        // revoked, it no longer counts; revoking what is not verified is VALIDATION naming the group
        assertEquals(List.of("LIVING_ALONE"), GraphQL.as(WORKER).data(REVOKE_GROUP, Map.of("m", grandmother, "g", "DEPENDENT"))
                .getList("revokeTargetGroup.verifiedGroups.group"));
        assertEquals("input.group", field(GraphQL.as(WORKER), REVOKE_GROUP, Map.of("m", grandmother, "g", "DEPENDENT")));
        assertEquals("NOT_FOUND", code(GraphQL.as(OTHER_WORKER), REVOKE_GROUP, Map.of("m", grandmother, "g", "LIVING_ALONE")));
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(grandmother, "DEPENDENT", "CARE_ASSESSMENT", null, expiry)));

        // another resident neither sees nor changes her
        assertNull(GraphQL.as(NEIGHBOUR).data(MY_HOUSEHOLD).get("me.household"));
        assertEquals("NOT_FOUND", code(GraphQL.as(NEIGHBOUR), UPDATE, Map.of("input", Map.of("id", grandmother, "name", "改名"))));
        assertEquals("NOT_FOUND", code(GraphQL.as(NEIGHBOUR), REMOVE, Map.of("id", grandmother)));
        assertEquals("张桂兰", GraphQL.as(FAMILY).data(MY_HOUSEHOLD).getString("me.household.members[0].name"));
    }

    @Test
    void theResidentKeepsHerHouseholdWithinTheRules() {
        GraphQL resident = GraphQL.as(Tokens.of("hh-rules", "resident"));
        assertEquals("input.regionCode", field(resident, ADD, Map.of("input", member("李四", "父亲", 1950, null))),
                "the first member needs the household's region");
        assertEquals("input.regionCode", field(resident, ADD, Map.of("input", member("李四", "父亲", 1950, "990100001"))),
                "a community or grid, not a street");
        assertEquals("input.name", field(resident, ADD, Map.of("input", member("长".repeat(41), "父亲", 1950, COMMUNITY))));
        assertEquals("input.name", field(resident, ADD, Map.of("input", member(" ", "父亲", 1950, COMMUNITY))));
        assertEquals("input.birthYear", field(resident, ADD, Map.of("input", member("李四", "父亲", 1899, COMMUNITY))));
        assertEquals("input.birthYear", field(resident, ADD, Map.of("input", member("李四", "父亲", thisYear() + 1, COMMUNITY))));
        assertEquals("FORBIDDEN", code(GraphQL.as(WORKER), ADD, Map.of("input", member("李四", "父亲", 1950, COMMUNITY))));
        assertEquals("UNAUTHENTICATED", code(GraphQL.anonymous(), ADD, Map.of("input", member("李四", "父亲", 1950, COMMUNITY))));

        String first = resident.data(ADD, Map.of("input", member("李四", "父亲", 1950, COMMUNITY)))
                .getString("addHouseholdMember.members[0].id");
        for (int i = 2; i <= 10; i++) {
            resident.data(ADD, Map.of("input", member("成员" + i, "亲属", 1980 + i, null)));
        }
        assertEquals("INVALID_STATE", code(resident, ADD, Map.of("input", member("第十一人", "亲属", 2000, null))), "at most 10");
        JsonPath updated = resident.data(UPDATE, Map.of("input", Map.of("id", first, "relation", "岳父", "birthYear", 1951)));
        assertEquals("岳父", updated.getString("updateHouseholdMember.relation"));
        assertEquals("李四", updated.getString("updateHouseholdMember.name"), "left out, kept");
        assertEquals("input.birthYear", field(resident, UPDATE, Map.of("input", Map.of("id", first, "birthYear", 1800))));
        assertEquals("input.id", field(resident, UPDATE, Map.of("input", Map.of("id", "abc"))));
        List<String> left = resident.data(REMOVE, Map.of("id", first)).getList("removeHouseholdMember.members.id");
        assertEquals(9, left.size());
        assertFalse(left.contains(first));
        assertEquals("INVALID_STATE", code(resident, REMOVE, Map.of("id", first)), "removed already");
        // a later regionCode moves the household
        assertEquals(OTHER_COMMUNITY, resident.data(ADD, Map.of("input", member("第十人", "亲属", 2000, OTHER_COMMUNITY)))
                .getString("addHouseholdMember.regionCode"));
    }

    @Test
    void aWorkerRegistersANeighbourWithoutAPhone() {
        JsonPath registered = GraphQL.as(WORKER).data(OFFLINE, Map.of("input", Map.of("name", "刘奶奶", "birthYear", 1938,
                "regionCode", COMMUNITY)));
        assertFalse(registered.getBoolean("registerResidentOffline.hasAccount"));
        assertEquals("本人", registered.getString("registerResidentOffline.members[0].relation"));
        assertNull(registered.get("registerResidentOffline.members[0].phone"));
        String household = registered.getString("registerResidentOffline.id");
        assertNull(fixtures.string("SELECT owner_subject FROM household WHERE id = " + household));
        // her worker verifies her group like anyone's
        String member = registered.getString("registerResidentOffline.members[0].id");
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(member, "LIVING_ALONE", "HOME_VISIT", null,
                LocalDate.now(Bookings.CHINA).plusMonths(3))));
        // a landline is fine; the worker of another community may not register here; residents may not at all
        Map<String, Object> withPhone = Map.of("name", "赵大爷", "birthYear", 1940, "regionCode", COMMUNITY, "phone", "0931-1234567");
        assertEquals("0931-1234567", GraphQL.as(WORKER).data(OFFLINE, Map.of("input", withPhone))
                .getString("registerResidentOffline.members[0].phone"));
        assertEquals("FORBIDDEN", code(GraphQL.as(OTHER_WORKER), OFFLINE, Map.of("input", withPhone)));
        assertEquals("FORBIDDEN", code(GraphQL.as(FAMILY), OFFLINE, Map.of("input", withPhone)));
        assertEquals("FORBIDDEN", code(GraphQL.as(OFFICIAL), OFFLINE, Map.of("input", withPhone)));
        assertEquals("input.birthYear", field(GraphQL.as(WORKER), OFFLINE, Map.of("input", Map.of("name", "钱奶奶", "birthYear", 1800,
                "regionCode", COMMUNITY))));
        assertEquals("input.phone", field(GraphQL.as(WORKER), OFFLINE, Map.of("input", Map.of("name", "钱奶奶", "birthYear", 1940,
                "regionCode", COMMUNITY, "phone", "电话"))));
        assertEquals("input.regionCode", field(GraphQL.as(WORKER), OFFLINE, Map.of("input", Map.of("name", "钱奶奶", "birthYear", 1940,
                "regionCode", "990100001"))));
        // a community's worker serves its grids too
        String grid = COMMUNITY + (100000 + System.nanoTime() % 900000);
        GraphQL.as(OFFICIAL).data(GRID, Map.of("input", Map.of("communityCode", COMMUNITY, "code", grid, "name", "第二网格")));
        assertEquals(grid, GraphQL.as(WORKER).data(OFFLINE, Map.of("input", Map.of("name", "孙爷爷", "birthYear", 1935,
                "regionCode", grid))).getString("registerResidentOffline.regionCode"));
    }

    static final String BOOK_MEMBER = "mutation($input: BookServiceInput!) { bookService(input: $input) "
            + "{ id status beneficiary { name relation age ageBand eligible targetGroups } } }";
    static final String CONFIRM_AS_ORGANIZATION = "mutation($id: ID!) { confirmBooking(input: {id: $id}) "
            + "{ status beneficiary { name age ageBand eligible targetGroups } } }";

    static Map<String, Object> forMember(String service, String memberId, String slot) {
        Map<String, Object> input = new HashMap<>();
        input.put("serviceId", service);
        input.put("slotStart", slot);
        input.put("forSelf", false);
        input.put("beneficiaryId", memberId);
        input.put("contactPhone", "13912345678");
        input.put("note", "请按门铃两次");
        input.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        return input;
    }

    @Test
    void theFamilyBooksAHomeVisitMealForGrandmotherOnlyOnceHerGroupIsVerified() {
        GraphQL family = GraphQL.as(Tokens.of("hh-family-meal", "resident"));
        String grandmother = family.data(ADD, Map.of("input", member("王秀英", "奶奶", thisYear() - 82, COMMUNITY)))
                .getString("addHouseholdMember.members[0].id");
        String child = family.data(ADD, Map.of("input", member("王小宝", "儿子", thisYear() - 8, null)))
                .getString("addHouseholdMember.members[1].id");
        String service = Bookings.openService(fixtures.organizationA(), "独居老人上门送餐", 5,
                Map.of("minAge", 60, "targetGroups", List.of("LIVING_ALONE")));

        // not verified yet: VALIDATION naming the group; declaring it alongside does not count
        Map<String, Object> error = family.error(BOOK_MEMBER, Map.of("input", forMember(service, grandmother, Bookings.slot(2, 11))));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("input.beneficiaryId", GraphQL.field(error));
        assertTrue(String.valueOf(error.get("message")).contains("独居"), "names the group: " + error.get("message"));
        Map<String, Object> both = forMember(service, grandmother, Bookings.slot(2, 11));
        both.put("beneficiary", Map.of("name", "王秀英", "age", 82, "targetGroups", List.of("LIVING_ALONE")));
        assertEquals("input.beneficiary", GraphQL.field(family.error(BOOK_MEMBER, Map.of("input", both))));
        assertEquals(0, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));

        LocalDate expiry = LocalDate.now(Bookings.CHINA).plusMonths(11);
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(grandmother, "LIVING_ALONE", "HOME_VISIT", null, expiry)));
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(grandmother, "DEPENDENT", "CARE_ASSESSMENT", null, expiry)));

        JsonPath booked = family.data(BOOK_MEMBER, Map.of("input", forMember(service, grandmother, Bookings.slot(2, 11))));
        assertEquals("REQUESTED", booked.getString("bookService.status"));
        assertEquals("王秀英", booked.getString("bookService.beneficiary.name"));
        assertEquals(82, booked.getInt("bookService.beneficiary.age"), "the family sees her age");
        assertTrue(booked.getBoolean("bookService.beneficiary.eligible"));
        assertEquals(List.of("DEPENDENT", "LIVING_ALONE"), booked.getList("bookService.beneficiary.targetGroups"));
        String booking = booked.getString("bookService.id");
        assertEquals(grandmother, fixtures.string("SELECT beneficiary_member_id FROM booking WHERE id = " + booking));

        // the organization: her name, an age band and "eligible", not her age, groups or their evidence
        JsonPath confirmed = GraphQL.as(Bookings.OWNER).data(CONFIRM_AS_ORGANIZATION, Map.of("id", booking));
        assertEquals("王秀英", confirmed.getString("confirmBooking.beneficiary.name"));
        assertEquals("80–89", confirmed.getString("confirmBooking.beneficiary.ageBand"));
        assertTrue(confirmed.getBoolean("confirmBooking.beneficiary.eligible"));
        assertNull(confirmed.get("confirmBooking.beneficiary.age"));
        assertEquals(List.of(), confirmed.getList("confirmBooking.beneficiary.targetGroups"));

        // her grandson is too young; a neighbour cannot book for her; an unknown member is the same NOT_FOUND
        assertEquals("input.beneficiaryId", GraphQL.field(family.error(BOOK_MEMBER,
                Map.of("input", forMember(service, child, Bookings.slot(3, 11))))));
        Map<String, Object> neighbours = GraphQL.as(NEIGHBOUR).error(BOOK_MEMBER, Map.of("input", forMember(service, grandmother,
                Bookings.slot(3, 11))));
        Map<String, Object> unknown = GraphQL.as(NEIGHBOUR).error(BOOK_MEMBER, Map.of("input", forMember(service, "987654321",
                Bookings.slot(3, 11))));
        assertEquals("NOT_FOUND", GraphQL.code(neighbours));
        assertEquals(unknown.get("message"), neighbours.get("message"));

        // once revoked, the group no longer makes her eligible
        GraphQL.as(WORKER).data(REVOKE_GROUP, Map.of("m", grandmother, "g", "LIVING_ALONE"));
        assertEquals("input.beneficiaryId", GraphQL.field(family.error(BOOK_MEMBER,
                Map.of("input", forMember(service, grandmother, Bookings.slot(4, 11))))));
    }

    static final String ON_BEHALF = "mutation($input: BookOnBehalfInput!) { bookOnBehalf(input: $input) "
            + "{ id status contactPhone bookedOnBehalf beneficiary { name age eligible } } }";
    static final String UNSERVED = "query($r: String!, $g: TargetGroup!, $d: Int, $after: String) { unservedResidents(regionCode: $r, group: $g, "
            + "days: $d, first: 100, after: $after) { edges { node { memberId regionCode group hasAccount name birthYear } } "
            + "pageInfo { hasNextPage endCursor } } }";
    static final String UNSERVED_PAGE = "query($r: String!, $g: TargetGroup!, $after: String) { unservedResidents(regionCode: $r, "
            + "group: $g, first: 1, after: $after) { edges { node { memberId } } pageInfo { hasNextPage endCursor } } }";

    static Map<String, Object> onBehalf(String memberId, String service, String slot) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdMemberId", memberId);
        input.put("serviceId", service);
        input.put("slotStart", slot);
        input.put("note", "老人独居，无手机，请敲门");
        input.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        return input;
    }

    @Test
    void aWorkerBooksOnBehalfOfANeighbourWithoutAPhoneAndTheWeeklyListForgetsHerOnceServed() {
        String neighbour = GraphQL.as(WORKER).data(OFFLINE, Map.of("input", Map.of("name", "周奶奶", "birthYear", thisYear() - 86,
                "regionCode", COMMUNITY))).getString("registerResidentOffline.members[0].id");
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(neighbour, "LIVING_ALONE", "HOME_VISIT", null,
                LocalDate.now(Bookings.CHINA).plusMonths(6))));
        String service = Bookings.openService(fixtures.organizationA(), "独居老人上门助洁", 5,
                Map.of("minAge", 60, "targetGroups", List.of("LIVING_ALONE")));

        // the weekly list: the worker sees her name, the official over the district sees her id only
        Map<String, Object> week = new HashMap<>(Map.of("r", COMMUNITY, "g", "LIVING_ALONE", "d", 7));
        JsonPath listed = GraphQL.as(WORKER).data(UNSERVED, week);
        assertTrue(listed.getList("unservedResidents.edges.node.memberId").contains(neighbour));
        assertEquals("周奶奶", listed.getString("unservedResidents.edges.node.find { it.memberId == '" + neighbour + "' }.name"));
        assertFalse(listed.getBoolean("unservedResidents.edges.node.find { it.memberId == '" + neighbour + "' }.hasAccount"));
        JsonPath official = GraphQL.as(OFFICIAL).data(UNSERVED, Map.of("r", "990100", "g", "LIVING_ALONE"));
        assertTrue(official.getList("unservedResidents.edges.node.memberId").contains(neighbour));
        assertNull(official.get("unservedResidents.edges.node.find { it.memberId == '" + neighbour + "' }.name"), "no names for officials");
        // a page at a time, by region then member: walking pages of one gives the whole list, each member once
        List<Object> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("r", "990100", "g", "LIVING_ALONE"));
            variables.put("after", cursor);
            JsonPath page = GraphQL.as(OFFICIAL).data(UNSERVED_PAGE, variables);
            walked.addAll(page.getList("unservedResidents.edges.node.memberId"));
            cursor = page.getBoolean("unservedResidents.pageInfo.hasNextPage") ? page.getString("unservedResidents.pageInfo.endCursor") : null;
        } while (cursor != null);
        assertEquals(official.getList("unservedResidents.edges.node.memberId"), walked);
        assertTrue(walked.size() > 1, "more than one page: " + walked);
        assertEquals("after", field(GraphQL.as(OFFICIAL), UNSERVED_PAGE, Map.of("r", "990100", "g", "LIVING_ALONE", "after", "forged")));
        assertEquals("FORBIDDEN", code(GraphQL.as(OTHER_WORKER), UNSERVED, week));
        assertEquals("FORBIDDEN", code(GraphQL.as(OTHER_OFFICIAL), UNSERVED, week));
        assertEquals("FORBIDDEN", code(GraphQL.as(FAMILY), UNSERVED, week));
        assertEquals("days", field(GraphQL.as(WORKER), UNSERVED, Map.of("r", COMMUNITY, "g", "LIVING_ALONE", "d", 0)));

        // wrong callers: another community's worker (as for an unknown member), a resident, an official
        Map<String, Object> input = onBehalf(neighbour, service, Bookings.slot(2, 9));
        assertEquals("NOT_FOUND", code(GraphQL.as(OTHER_WORKER), ON_BEHALF, Map.of("input", input)));
        assertEquals("NOT_FOUND", code(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", onBehalf("987654321", service, Bookings.slot(2, 9)))));
        assertEquals("FORBIDDEN", code(GraphQL.as(FAMILY), ON_BEHALF, Map.of("input", input)));
        assertEquals("FORBIDDEN", code(GraphQL.as(OFFICIAL), ON_BEHALF, Map.of("input", input)));

        JsonPath booked = GraphQL.as(WORKER).data(ON_BEHALF, Map.of("input", input));
        String booking = booked.getString("bookOnBehalf.id");
        assertTrue(booked.getBoolean("bookOnBehalf.bookedOnBehalf"));
        assertNull(booked.get("bookOnBehalf.contactPhone"), "she has no phone");
        assertEquals(booking, GraphQL.as(WORKER).data(ON_BEHALF, Map.of("input", input)).getString("bookOnBehalf.id"), "a retry");
        assertEquals("hh-worker", fixtures.string("SELECT booked_by_subject FROM booking WHERE id = " + booking));
        assertEquals(neighbour, fixtures.string("SELECT after->>'beneficiaryMemberId' FROM audit_entry WHERE action = 'bookOnBehalf' "
                + "AND entity_id = '" + booking + "' AND actor_subject = 'hh-worker'"));
        assertEquals(0, fixtures.id("SELECT count(*) FROM audit_entry WHERE entity_id = '" + booking + "' AND after::text LIKE '%周%'"));

        // confirmed: no longer unserved; completed, still served within the week
        assertEquals("80–89", GraphQL.as(Bookings.OWNER).data(CONFIRM_AS_ORGANIZATION, Map.of("id", booking))
                .getString("confirmBooking.beneficiary.ageBand"));
        // she has no account to be told on: the worker who booked for her is told, nobody else
        JsonPath told = GraphQL.as(WORKER).data(WORKER_NOTIFICATIONS);
        assertEquals(List.of("BOOKING_CONFIRMED"), told.getList("me.notifications.edges.findAll { it.node.entityId == '"
                + booking + "' }.node.kind"));
        assertTrue(told.getString("me.notifications.edges[0].node.title").length() > 0);
        assertEquals(0, fixtures.id("SELECT count(*) FROM notification WHERE resident_subject LIKE 'offline-household-%'"));
        assertEquals("FORBIDDEN", code(GraphQL.as(OFFICIAL), WORKER_NOTIFICATIONS, Map.of()), "officials have no inbox");
        fixtures.execute("UPDATE booking SET slot_start = now() - interval '2 hours' WHERE id = " + booking);
        Bookings.act(Bookings.OWNER, "completeBooking", booking, null);
        assertFalse(GraphQL.as(WORKER).data(UNSERVED, week).getList("unservedResidents.edges.node.memberId").contains(neighbour));
    }

    static final String WORKER_NOTIFICATIONS = "{ me { notifications(first: 50) { edges { node { id kind entityId title } } } } }";

    @Test
    void aWorkerBooksForAResidentWithAnAccountByTheAccountAndTheResidentIsTold() {
        String subject = "hh-self-" + java.util.UUID.randomUUID();
        GraphQL resident = GraphQL.as(Tokens.of(subject, "resident"));
        String self = resident.data(ADD, Map.of("input", member("孙大爷", "本人", thisYear() - 78, COMMUNITY)))
                .getString("addHouseholdMember.members[0].id");
        GraphQL.as(WORKER).data(VERIFY, Map.of("input", verification(self, "LIVING_ALONE", "HOME_VISIT", null,
                LocalDate.now(Bookings.CHINA).plusMonths(3))));
        String service = Bookings.openService(fixtures.organizationA(), "独居老人陪诊", 5,
                Map.of("minAge", 60, "targetGroups", List.of("LIVING_ALONE")));
        Map<String, Object> input = onBehalf(null, service, Bookings.slot(2, 10));
        input.remove("householdMemberId");
        input.put("residentSubject", subject);

        // both, or neither, of the two ways to say whom: VALIDATION; a worker elsewhere, or an account without a household
        // here: NOT_FOUND, as for an account never seen
        Map<String, Object> both = new HashMap<>(input);
        both.put("householdMemberId", self);
        assertEquals("input.householdMemberId", field(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", both)));
        Map<String, Object> neither = new HashMap<>(input);
        neither.remove("residentSubject");
        assertEquals("input.residentSubject", field(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", neither)));
        assertEquals("NOT_FOUND", code(GraphQL.as(OTHER_WORKER), ON_BEHALF, Map.of("input", input)));
        Map<String, Object> stranger = new HashMap<>(input);
        stranger.put("residentSubject", "hh-nobody-" + java.util.UUID.randomUUID());
        assertEquals("input.residentSubject", field(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", stranger)));
        assertEquals("NOT_FOUND", code(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", stranger)));

        // a household without a 本人 member: VALIDATION saying so
        String otherSubject = "hh-noself-" + java.util.UUID.randomUUID();
        GraphQL.as(Tokens.of(otherSubject, "resident")).data(ADD, Map.of("input", member("小孙", "儿子", thisYear() - 8, COMMUNITY)));
        Map<String, Object> noSelf = new HashMap<>(input);
        noSelf.put("residentSubject", otherSubject);
        assertEquals("VALIDATION", code(GraphQL.as(WORKER), ON_BEHALF, Map.of("input", noSelf)));

        JsonPath booked = GraphQL.as(WORKER).data(ON_BEHALF, Map.of("input", input));
        String booking = booked.getString("bookOnBehalf.id");
        assertTrue(booked.getBoolean("bookOnBehalf.beneficiary.eligible"), "eligible by the verified group");
        assertEquals(subject, fixtures.string("SELECT resident_subject FROM booking WHERE id = " + booking));
        assertEquals(self, fixtures.string("SELECT beneficiary_member_id FROM booking WHERE id = " + booking));
        assertEquals(booking, resident.data("{ me { bookings { edges { node { id bookedOnBehalf } } } } }")
                .getString("me.bookings.edges[0].node.id"));

        // the organization confirms: the resident is told, not the worker
        GraphQL.as(Bookings.OWNER).data(CONFIRM_AS_ORGANIZATION, Map.of("id", booking));
        assertEquals(List.of("BOOKING_CONFIRMED"), resident.data(WORKER_NOTIFICATIONS)
                .getList("me.notifications.edges.findAll { it.node.entityId == '" + booking + "' }.node.kind"));
        assertEquals(List.of(), GraphQL.as(WORKER).data(WORKER_NOTIFICATIONS)
                .getList("me.notifications.edges.findAll { it.node.entityId == '" + booking + "' }.node.kind"));
    }

    @Test
    void aWorkerBooksForAFamilysGrandmotherAndTheFamilySeesAndCancelsIt() {
        GraphQL family = GraphQL.as(Tokens.of("hh-family-proxy", "resident"));
        String grandmother = family.data(ADD, Map.of("input", member("陈阿婆", "外婆", thisYear() - 90, COMMUNITY)))
                .getString("addHouseholdMember.members[0].id");
        String service = Bookings.openService(fixtures.organizationA(), "上门理发", 5, Map.of("minAge", 60));
        Map<String, Object> input = onBehalf(grandmother, service, Bookings.slot(3, 15));
        input.put("contactPhone", "13700001111");
        String booking = GraphQL.as(WORKER).data(ON_BEHALF, Map.of("input", input)).getString("bookOnBehalf.id");
        JsonPath mine = family.data("{ me { bookings { edges { node { id bookedOnBehalf beneficiary { name } } } } } }");
        assertEquals(booking, mine.getString("me.bookings.edges[0].node.id"));
        assertTrue(mine.getBoolean("me.bookings.edges[0].node.bookedOnBehalf"));
        assertEquals("CANCELLED", Bookings.act(Tokens.of("hh-family-proxy", "resident"), "cancelBooking",
                booking, null).getString("cancelBooking.status"));
        assertEquals("input.idempotencyKey", field(GraphQL.as(WORKER), ON_BEHALF, Map.of("input",
                new HashMap<>(Map.of("householdMemberId", grandmother, "serviceId", service, "slotStart", Bookings.slot(3, 16),
                        "idempotencyKey", " ")))));
    }
}
