package cn.linli.need;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Residents' needs, over HTTP with real tokens, through the operations of graphql/operations/ServiceNeeds.graphql, in a
 * district of their own (需求测试区 990900: 东社区 with a grid, 西社区 4.8 km away), governed by official-needs; a
 * community worker for each community. And coverage there: a community nothing serves is a gap until a home-visit
 * service's area covers it, and then while its weekly places per 1 000 aged 60+ are under the threshold asked for.
 */
@QuarkusTest
class ServiceNeedTest {
    static final String DISTRICT = "990900";
    static final String STREET = "990900001";
    static final String EAST = "990900001001";
    static final String EAST_GRID = "990900001001001";
    static final String WEST = "990900001002";
    static final String OFFICIAL = Tokens.of("official-needs", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String EAST_WORKER = Tokens.of("needs-worker-east", "community_worker");
    static final String WEST_WORKER = Tokens.of("needs-worker-west", "community_worker");
    static final String OPERATIONS = GraphQL.operation("ServiceNeeds");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.people();
        if (fixtures.id("SELECT count(*) FROM region WHERE code = '" + DISTRICT + "'") > 0) {
            return;
        }
        fixtures.execute("""
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3)
                VALUES ('990900', '需求测试区', 'DISTRICT', NULL, '{990900}', 32.0, 122.0, 10000, 2000, 250);
                INSERT INTO region (code, name, level, parent_id, path, lat, lng)
                SELECT '990900001', '需求街道', 'STREET', id, '{990900,990900001}', 32.0, 122.02 FROM region WHERE code = '990900';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3)
                SELECT '990900001001', '东社区', 'COMMUNITY', id, '{990900,990900001,990900001001}', 32.0, 122.0, 6000, 1200, 150
                FROM region WHERE code = '990900001';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3)
                SELECT '990900001002', '西社区', 'COMMUNITY', id, '{990900,990900001,990900001002}', 32.0, 122.05, 4000, 800, 100
                FROM region WHERE code = '990900001';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng)
                SELECT '990900001001001', '东一网格', 'GRID', id, '{990900,990900001,990900001001,990900001001001}', 32.0, 122.0
                FROM region WHERE code = '990900001001';
                INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by)
                SELECT 'official-needs', id, '需求测试区民政局', 'fixture' FROM region WHERE code = '990900';
                """);
        String appoint = "mutation($s: String!, $r: String!) { appointCommunityWorker(input: {subject: $s, regionCode: $r}) { subject } }";
        GraphQL.as(OFFICIAL).data(appoint, Map.of("s", "needs-worker-east", "r", EAST));
        GraphQL.as(OFFICIAL).data(appoint, Map.of("s", "needs-worker-west", "r", WEST));
    }

    /** One operation of ServiceNeeds.graphql, by name. */
    static Response run(String token, String operation, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", OPERATIONS);
        body.put("operationName", operation);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Response response = request.post("/graphql");
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    static JsonPath data(String token, String operation, Map<String, ?> variables) {
        Response response = run(token, operation, variables);
        assertNull(response.jsonPath().get("errors"), () -> "unexpected errors: " + response.asString());
        return response.jsonPath().setRootPath("data");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(String token, String operation, Map<String, ?> variables) {
        Response response = run(token, operation, variables);
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        assertNotNull(errors, () -> "expected an error: " + response.asString());
        return errors.get(0);
    }

    static Map<String, Object> need(String category, String region, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("categoryCode", category);
        input.put("regionCode", region);
        input.put("text", text);
        return Map.of("input", input);
    }

    static String submit(String token, String category, String region, String text) {
        return data(token, "SubmitServiceNeed", need(category, region, text)).getString("submitServiceNeed.id");
    }

    /** The needs of the district as this caller (null: anonymous) sees them, by id. */
    static Map<String, Map<String, Object>> needs(String token, String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("regionCode", DISTRICT);
        variables.put("categoryCode", category);
        variables.put("first", 100);
        List<Map<String, Object>> nodes = data(token, "ServiceNeeds", variables).getList("serviceNeeds.edges.node");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        nodes.forEach(node -> byId.put((String) node.get("id"), node));
        return byId;
    }

    @Test
    void residentsSubmitForACommunityOrGridOnceAndWorkersForTheirOwnCommunity() {
        String resident = Tokens.of("needs-submitter", "resident");
        Map<String, Object> street = error(resident, "SubmitServiceNeed", need("elderly.bath", STREET, "街道缺助浴"));
        assertEquals("VALIDATION", GraphQL.code(street));
        assertEquals("input.regionCode", GraphQL.field(street));
        assertEquals("input.regionCode", GraphQL.field(error(resident, "SubmitServiceNeed", need("elderly.bath", DISTRICT, "区里缺助浴"))));
        Map<String, Object> tooLong = error(resident, "SubmitServiceNeed", need("elderly.bath", EAST, "长".repeat(501)));
        assertEquals("VALIDATION", GraphQL.code(tooLong));
        assertEquals("input.text", GraphQL.field(tooLong));
        assertEquals("input.text", GraphQL.field(error(resident, "SubmitServiceNeed", need("elderly.bath", EAST, "  "))));

        JsonPath submitted = data(resident, "SubmitServiceNeed", need("elderly.bath", EAST_GRID, "长".repeat(500)));
        assertEquals(EAST_GRID, submitted.getString("submitServiceNeed.regionCode"));
        assertEquals(EAST, submitted.getString("submitServiceNeed.communityCode"));
        assertEquals("OPEN", submitted.getString("submitServiceNeed.status"));
        assertEquals(1, submitted.getInt("submitServiceNeed.supporters"), "the submitter is its first supporter");
        assertNull(submitted.get("submitServiceNeed.text"), "a resident does not read needs' texts, not even back");
        // one open need per resident, category and community: the community itself or another of its grids is the same
        Map<String, Object> again = error(resident, "SubmitServiceNeed", need("elderly.bath", EAST, "还是缺助浴"));
        assertEquals("CONFLICT", GraphQL.code(again));
        // another category, or another community, is another need
        submit(resident, "elderly.medical", EAST, "看病没人陪");
        submit(resident, "elderly.bath", WEST, "西社区也缺助浴");

        // community workers: for the community they serve (and its grids), without a limit (they relay many residents)
        submit(EAST_WORKER, "elderly.bath", EAST, "独居老人助浴难");
        submit(EAST_WORKER, "elderly.bath", EAST_GRID, "网格里的老人也说助浴难");
        assertEquals("FORBIDDEN", GraphQL.code(error(EAST_WORKER, "SubmitServiceNeed", need("elderly.bath", WEST, "不是我的社区"))));
        assertEquals("FORBIDDEN", GraphQL.code(error(OFFICIAL, "SubmitServiceNeed", need("elderly.bath", EAST, "官员不提需求"))));
        assertEquals("FORBIDDEN", GraphQL.code(error(Tokens.of("owner-a", "org_staff"), "SubmitServiceNeed",
                need("elderly.bath", EAST, "机构不提需求"))));
        assertEquals("UNAUTHENTICATED", GraphQL.code(error(null, "SubmitServiceNeed", need("elderly.bath", EAST, "匿名"))));
        assertEquals("VALIDATION", GraphQL.code(error(resident, "SubmitServiceNeed", need("elderly.bath", "990999999999", "没有这个社区"))));
    }

    @Test
    void eachResidentSupportsANeedOnce() {
        String submitter = Tokens.of("needs-support-submitter", "resident");
        String neighbour = Tokens.of("needs-support-neighbour", "resident");
        String id = submit(submitter, "elderly.companionship", WEST, "老人没人说话");
        assertEquals(2, data(neighbour, "SupportServiceNeed", Map.of("id", id)).getInt("supportServiceNeed.supporters"));
        assertEquals("CONFLICT", GraphQL.code(error(neighbour, "SupportServiceNeed", Map.of("id", id))), "twice");
        assertEquals("CONFLICT", GraphQL.code(error(submitter, "SupportServiceNeed", Map.of("id", id))), "one's own need");
        assertEquals("FORBIDDEN", GraphQL.code(error(WEST_WORKER, "SupportServiceNeed", Map.of("id", id))), "residents support");
        assertEquals("UNAUTHENTICATED", GraphQL.code(error(null, "SupportServiceNeed", Map.of("id", id))));
        assertEquals("NOT_FOUND", GraphQL.code(error(neighbour, "SupportServiceNeed", Map.of("id", "987654321"))));
        assertEquals(2, needs(null, "elderly.companionship").get(id).get("supporters"), "anyone sees the count");
    }

    @Test
    void textsAreForTheOfficialsOverTheRegionAndTheWorkersOfTheCommunity() {
        String resident = Tokens.of("needs-text-resident", "resident");
        String east = submit(resident, "elderly.rehab", EAST_GRID, "康复器材不够用");
        String west = submit(WEST_WORKER, "elderly.rehab", WEST, "西社区缺康复护理");

        Map<String, Map<String, Object>> official = needs(OFFICIAL, "elderly.rehab");
        assertEquals("康复器材不够用", official.get(east).get("text"));
        assertEquals("西社区缺康复护理", official.get(west).get("text"));
        Map<String, Map<String, Object>> eastWorker = needs(EAST_WORKER, "elderly.rehab");
        assertEquals("康复器材不够用", eastWorker.get(east).get("text"), "a grid's need is its community's worker's");
        assertNull(eastWorker.get(west).get("text"), "another community's need");
        Map<String, Map<String, Object>> westWorker = needs(WEST_WORKER, "elderly.rehab");
        assertNull(westWorker.get(east).get("text"));
        assertEquals("西社区缺康复护理", westWorker.get(west).get("text"));
        for (String stranger : new String[] {null, resident, Tokens.of("needs-text-other", "resident"), OTHER_OFFICIAL,
                Tokens.of("owner-a", "org_staff")}) {
            Map<String, Map<String, Object>> seen = needs(stranger, "elderly.rehab");
            assertEquals(2, seen.size(), "the needs themselves are public");
            assertNull(seen.get(east).get("text"));
            assertNull(seen.get(west).get("text"));
        }
        // counts are public; who submitted is nowhere in the answer
        Map<String, Object> variables = Map.of("regionCode", EAST, "categoryCode", "elderly.rehab", "first", 1);
        JsonPath page = data(null, "ServiceNeeds", variables);
        assertEquals(1, page.getInt("serviceNeeds.totalCount"));
        assertEquals(1, page.getInt("serviceNeeds.totalSupporters"));
        String answer = run(OFFICIAL, "ServiceNeeds", Map.of("regionCode", DISTRICT, "first", 100)).asString();
        assertFalse(answer.contains("needs-text-resident") || answer.contains("needs-worker-west"), answer);
        // pages: newest first, one at a time, the cursor goes on where the page ended
        JsonPath first = data(null, "ServiceNeeds", Map.of("regionCode", DISTRICT, "categoryCode", "elderly.rehab", "first", 1));
        assertEquals(west, first.getString("serviceNeeds.edges[0].node.id"));
        assertTrue(first.getBoolean("serviceNeeds.pageInfo.hasNextPage"));
        JsonPath second = data(null, "ServiceNeeds", Map.of("regionCode", DISTRICT, "categoryCode", "elderly.rehab", "first", 1,
                "after", first.getString("serviceNeeds.pageInfo.endCursor")));
        assertEquals(east, second.getString("serviceNeeds.edges[0].node.id"));
        assertFalse(second.getBoolean("serviceNeeds.pageInfo.hasNextPage"));
        assertEquals("VALIDATION", GraphQL.code(error(null, "ServiceNeeds", Map.of("regionCode", DISTRICT, "after", "bm90LWEtY3Vyc29y"))));
    }

    @Test
    void anOfficialOverTheRegionAnswersAndTheSubmitterIsTold() {
        String resident = Tokens.of("needs-answer-resident", "resident");
        String planned = submit(resident, "elderly.day-care", EAST, "白天没人照看老人");
        String declined = submit(resident, "elderly.day-care", WEST, "西社区也要日间照料");

        Map<String, Object> noReason = error(OFFICIAL, "RespondToServiceNeed",
                Map.of("input", Map.of("id", declined, "decision", "DECLINED")));
        assertEquals("VALIDATION", GraphQL.code(noReason));
        assertEquals("input.reason", GraphQL.field(noReason));
        assertEquals("FORBIDDEN", GraphQL.code(error(OTHER_OFFICIAL, "RespondToServiceNeed",
                Map.of("input", Map.of("id", planned, "decision", "PLANNED")))));
        assertEquals("FORBIDDEN", GraphQL.code(error(EAST_WORKER, "RespondToServiceNeed",
                Map.of("input", Map.of("id", planned, "decision", "PLANNED")))));

        JsonPath answer = data(OFFICIAL, "RespondToServiceNeed", Map.of("input", Map.of("id", planned, "decision", "PLANNED")));
        assertEquals("PLANNED", answer.getString("respondToServiceNeed.status"));
        assertEquals("计划采购", answer.getString("respondToServiceNeed.statusLabel"));
        data(OFFICIAL, "RespondToServiceNeed", Map.of("input", Map.of("id", declined, "decision", "DECLINED",
                "reason", "西社区日间照料中心明年建成")));
        Map<String, Object> shown = needs(null, "elderly.day-care").get(declined);
        assertEquals("DECLINED", shown.get("status"));
        assertEquals("西社区日间照料中心明年建成", shown.get("response"), "the answer is public");
        assertNotNull(shown.get("respondedAt"));
        assertEquals("INVALID_STATE", GraphQL.code(error(OFFICIAL, "RespondToServiceNeed",
                Map.of("input", Map.of("id", declined, "decision", "PLANNED")))));
        assertEquals("INVALID_STATE", GraphQL.code(error(Tokens.of("needs-answer-late", "resident"), "SupportServiceNeed",
                Map.of("id", declined))), "a declined need takes no more support");

        List<String> kinds = GraphQL.as(resident).data("{ me { notifications { edges { node { kind title body } } } } }")
                .getList("me.notifications.edges.node.kind");
        assertTrue(kinds.contains("SERVICE_NEED_PLANNED") && kinds.contains("SERVICE_NEED_DECLINED"), kinds.toString());
        String body = GraphQL.as(resident).data("{ me { notifications { edges { node { kind body } } } } }")
                .getString("me.notifications.edges.find { it.node.kind == 'SERVICE_NEED_DECLINED' }.node.body");
        assertTrue(body.contains("日间照料"), body);
    }

    @Test
    void aProcurementAnswersNeedsTheyShowItAndItsOcdsRationaleCitesThem() {
        String resident = Tokens.of("needs-procured-resident", "resident");
        String neighbour = Tokens.of("needs-procured-neighbour", "resident");
        String east = submit(resident, "elderly.meal", EAST, "老人吃饭难");
        String west = submit(resident, "elderly.meal", WEST, "西社区也缺老年食堂");
        data(neighbour, "SupportServiceNeed", Map.of("id", east));
        String childcare = submit(resident, "childcare.infant", EAST, "缺托育");

        long procurements = fixtures.id("SELECT count(*) FROM procurement");
        Map<String, Object> wrongCategory = error(OFFICIAL, "CreateProcurementForNeeds",
                Map.of("input", procurement("需求测试助餐项目", List.of(east, childcare))));
        assertEquals("VALIDATION", GraphQL.code(wrongCategory));
        assertEquals("input.needIds", GraphQL.field(wrongCategory));
        assertEquals("NOT_FOUND", GraphQL.code(error(OFFICIAL, "CreateProcurementForNeeds",
                Map.of("input", procurement("需求测试助餐项目", List.of(east, "987654321"))))));
        assertEquals(procurements, fixtures.id("SELECT count(*) FROM procurement"), "nothing created when a need is refused");
        assertEquals("OPEN", needs(null, "elderly.meal").get(east).get("status"));

        JsonPath created = data(OFFICIAL, "CreateProcurementForNeeds", Map.of("input", procurement("需求测试助餐项目", List.of(east, west))));
        String procurement = created.getString("createProcurement.id");
        Map<String, Map<String, Object>> official = needs(OFFICIAL, "elderly.meal");
        assertEquals("PROCURED", official.get(east).get("status"));
        assertEquals("PROCURED", official.get(west).get("status"));
        assertEquals(procurement, ((Map<?, ?>) official.get(east).get("procurement")).get("id"));
        assertNull(needs(null, "elderly.meal").get(east).get("procurement"), "a PLANNING procurement is not public yet");
        assertEquals("OPEN", needs(null, "childcare.infant").get(childcare).get("status"));
        List<String> kinds = GraphQL.as(resident).data("{ me { notifications { edges { node { kind } } } } }")
                .getList("me.notifications.edges.node.kind");
        assertEquals(2, kinds.stream().filter("SERVICE_NEED_PROCURED"::equals).count(), kinds.toString());
        // linked once: a PROCURED need is no one else's to link
        assertEquals("INVALID_STATE", GraphQL.code(error(OFFICIAL, "CreateProcurementForNeeds",
                Map.of("input", procurement("需求测试重复项目", List.of(east))))));

        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { publishTender(input: {id: $id}) { id } }", Map.of("id", procurement));
        Map<String, Object> shown = needs(null, "elderly.meal").get(east);
        assertEquals(procurement, ((Map<?, ?>) shown.get("procurement")).get("id"), "once tendering, anyone sees the link");
        String ocid = GraphQL.anonymous().data("query($id: ID!) { procurement(id: $id) { ocid } }", Map.of("id", procurement))
                .getString("procurement.ocid");
        JsonPath record = given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath();
        String rationale = record.getString("records[0].compiledRelease.planning.rationale");
        assertTrue(rationale.contains("回应居民需求 2 条（3 人次附议）"), rationale);
        assertTrue(rationale.contains("东社区") && rationale.contains("西社区"), rationale);
        assertTrue(rationale.startsWith("助餐 12000 人次"), "the service targets come first: " + rationale);
    }

    @Test
    void anOfficialLinksOnlyNeedsOfTheirOwnJurisdiction() {
        String need = submit(Tokens.of("needs-foreign-resident", "resident"), "elderly.meal", WEST, "西社区老人吃饭难");
        Map<String, Object> input = procurement("测试区助餐项目", List.of(need));
        input.put("targetRegionCodes", List.of("990100001"));
        assertEquals("FORBIDDEN", GraphQL.code(error(OTHER_OFFICIAL, "CreateProcurementForNeeds", Map.of("input", input))));
        assertEquals("OPEN", needs(null, "elderly.meal").get(need).get("status"));
    }

    static Map<String, Object> procurement(String title, List<String> needIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("categoryCode", "elderly.meal");
        input.put("serviceTargets", "助餐 12000 人次");
        input.put("targetRegionCodes", List.of(STREET));
        input.put("budgetFen", 1_000_000);
        input.put("method", "OPEN");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(10).toString());
        input.put("needIds", needIds);
        return input;
    }

    @Test
    void aCommunitysGapClosesWhenAHomeVisitServiceCoversItAndOpensUnderTheCapacityThreshold() {
        String coverage = GraphQL.operation("Evaluation");
        String resident = Tokens.of("needs-coverage-resident", "resident");
        submit(resident, "elderly.home-care", WEST, "西社区没有上门照护");
        Map<String, Object> west = coverage(coverage, null).get(WEST);
        assertEquals(true, west.get("noService"));
        assertEquals(true, west.get("gap"));
        assertEquals(0, west.get("weeklyCapacity"));
        assertEquals(1, west.get("openNeeds"));
        assertEquals("AGED_60_PLUS", west.get("servedGroup"));
        assertEquals(800, west.get("servedPeople"));

        // a home-visit service of organization A, located nowhere near, whose service area is 西社区: Monday 09:00–12:00,
        // three 60-minute slots of 4 places = 12 places a week, for 800 people aged 60+ = 15 per 1 000
        Map<String, Object> content = Console.completeContent("西社区上门照护");
        content.put("categoryCode", "elderly.home-care");
        content.put("mode", "HOME_VISIT");
        content.remove("location");
        content.put("regionCode", WEST);
        content.put("serviceAreaCodes", List.of(WEST));
        content.put("capacityPerSlot", 4);
        content.put("weeklyHours", List.of(Map.of("weekday", 1, "opens", "09:00", "closes", "12:00")));
        String owner = Tokens.of("owner-a", "org_staff");
        JsonPath listing = Console.createListing(owner, fixtures.organizationA(), content);
        Console.act(owner, "publishServiceListing", listing.getString("createServiceListing.id"),
                listing.getInt("createServiceListing.version"));

        west = coverage(coverage, null).get(WEST);
        assertEquals(false, west.get("noService"), "the service area covers it");
        assertEquals(false, west.get("gap"));
        assertEquals(1, west.get("areaServices"));
        assertEquals(1, west.get("services"));
        assertTrue(((Number) west.get("nearestServiceMeters")).doubleValue() > 1500, "nothing is located within a walk");
        assertEquals(12, west.get("weeklyCapacity"));
        assertEquals(15.0, ((Number) west.get("capacityPer1000")).doubleValue(), 0.001);
        assertEquals(1, west.get("openNeeds"));
        Map<String, Object> strict = coverage(coverage, 20.0).get(WEST);
        assertEquals(true, strict.get("belowCapacityThreshold"));
        assertEquals(true, strict.get("gap"), "15 places per 1 000 is under 20");
        assertEquals(false, strict.get("noService"));
        Map<String, Object> lenient = coverage(coverage, 10.0).get(WEST);
        assertEquals(false, lenient.get("gap"));
        // 东社区: not covered by 西社区's home visits, and 4.7 km from anything
        Map<String, Object> east = coverage(coverage, 10.0).get(EAST);
        assertEquals(true, east.get("noService"));
        assertEquals(true, east.get("gap"));

        Map<String, Object> negative = coverageError(OFFICIAL, coverage, -1.0);
        assertEquals("VALIDATION", GraphQL.code(negative));
        assertEquals("minCapacityPer1000", GraphQL.field(negative));
        assertEquals("FORBIDDEN", GraphQL.code(coverageError(OTHER_OFFICIAL, coverage, null)));
    }

    private static Map<String, Map<String, Object>> coverage(String document, Double threshold) {
        Response response = coverageRequest(OFFICIAL, document, threshold);
        assertNull(response.jsonPath().get("errors"), response.asString());
        List<Map<String, Object>> communities = response.jsonPath().getList("data.coverage");
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        communities.forEach(community -> byCode.put((String) community.get("regionCode"), community));
        assertEquals(2, byCode.size());
        return byCode;
    }

    private static Map<String, Object> coverageError(String token, String document, Double threshold) {
        List<Map<String, Object>> errors = coverageRequest(token, document, threshold).jsonPath().getList("errors");
        assertNotNull(errors);
        return errors.get(0);
    }

    private static Response coverageRequest(String token, String document, Double threshold) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("regionCode", DISTRICT);
        variables.put("categoryCode", "elderly.home-care");
        variables.put("minCapacityPer1000", threshold);
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", "Coverage");
        body.put("variables", variables);
        Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token).body(body)
                .post("/graphql");
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }
}
