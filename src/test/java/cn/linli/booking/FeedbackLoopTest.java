package cn.linli.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The feedback loop from the resident's side: following what one filed, escalating it up the region tree
 * (小事不出小区，大事不出社区), rating the resolution; overdue at both stages; problems in a community; public numbers.
 */
@QuarkusTest
class FeedbackLoopTest {
    static final String COMMUNITY = "990100001001"; // 甲社区, where organization A is
    static final String STREET = "990100001";       // 测试街道
    static final String DISTRICT = "990100";        // 测试区
    static final String GRID = "990100001001977";   // a grid of 甲社区
    static final String STAFF = Tokens.of("staff-a", "org_staff");
    static final String DISTRICT_OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String STREET_OFFICIAL = Tokens.of("loop-street-official", "gov_official");
    static final String COMMUNITY_OFFICIAL = Tokens.of("loop-community-official", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");
    static final String WORKER = Tokens.of("loop-worker", "community_worker");
    static final String FAR_WORKER = Tokens.of("loop-far-worker", "community_worker");

    static final String FIELDS = "id status organizationId regionCode handlingRegionCode escalationLevel escalationReason "
            + "overdue satisfied ratingComment ratedAt";
    static final String SUBMIT = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { " + FIELDS + " } }";
    static final String ESCALATE = "mutation($id: ID!, $reason: String!) { escalateFeedback(input: {id: $id, reason: $reason}) { "
            + FIELDS + " } }";
    static final String RATE = "mutation($id: ID!, $satisfied: Boolean!, $comment: String) { rateResolution(input: {id: $id, "
            + "satisfied: $satisfied, comment: $comment}) { " + FIELDS + " } }";
    static final String RESPOND = "mutation($id: ID!) { respondToFeedback(input: {id: $id, response: \"已安排回访\"}) { status } }";
    static final String RESOLVE = "mutation($id: ID!) { resolveFeedback(input: {id: $id, resolution: \"核实属实，已整改\", upheld: true}) "
            + "{ status } }";
    static final String MINE = "query($status: FeedbackStatus) { me { feedback(status: $status, first: 100) { edges { node { "
            + FIELDS + " } } } } }";
    static final String OVERDUE = "query($stage: FeedbackStage) { overdueFeedback(stage: $stage, first: 100) { edges { node { id overdue } } } }";
    static final String COMMUNITY_FEEDBACK = "query($code: String!) { communityFeedback(regionCode: $code, first: 100) "
            + "{ edges { node { id regionCode handlingRegionCode } } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void world() {
        fixtures.people();
        fixtures.execute("INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) SELECT 'loop-street-official', id, "
                + "'测试街道办事处', 'fixture' FROM region WHERE code = '" + STREET + "' AND NOT EXISTS (SELECT 1 FROM official_appointment "
                + "WHERE subject = 'loop-street-official')");
        fixtures.execute("INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) SELECT 'loop-community-official', id, "
                + "'甲社区居委会', 'fixture' FROM region WHERE code = '" + COMMUNITY + "' AND NOT EXISTS (SELECT 1 FROM official_appointment "
                + "WHERE subject = 'loop-community-official')");
        fixtures.execute("INSERT INTO region (code, name, level, parent_id, path, lat, lng) SELECT '" + GRID + "', '甲社区第七网格', 'GRID', "
                + "id, '{990100,990100001,990100001001," + GRID + "}', 30.0, 120.0 FROM region WHERE code = '" + COMMUNITY + "' "
                + "AND NOT EXISTS (SELECT 1 FROM region WHERE code = '" + GRID + "')");
        appoint("loop-worker", COMMUNITY);
        appoint("loop-far-worker", "990100002001"); // 丁社区
    }

    private void appoint(String subject, String region) {
        fixtures.execute("INSERT INTO community_worker_appointment (subject, region_id, appointed_by) SELECT '" + subject + "', id, "
                + "'fixture' FROM region WHERE code = '" + region + "' AND NOT EXISTS (SELECT 1 FROM community_worker_appointment "
                + "WHERE subject = '" + subject + "' AND revoked_at IS NULL)");
    }

    static Map<String, Object> about(String key, Object target, String kind, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put(key, target);
        input.put("kind", kind);
        input.put("text", text);
        return Map.of("input", input);
    }

    static Map<String, Object> rating(String id, boolean satisfied, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("satisfied", satisfied);
        variables.put("comment", comment);
        return variables;
    }

    private static List<String> ids(String token, String query, Map<String, Object> variables, String path) {
        return GraphQL.as(token).data(query, variables).getList(path + ".edges.node.id");
    }

    private static List<String> overdue(String token, String stage) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("stage", stage);
        return ids(token, OVERDUE, variables, "overdueFeedback");
    }

    @Test
    void aComplaintEscalatesAndIsRatedAfterResolution() {
        String resident = Tokens.of("loop-resident-1", "resident");
        JsonPath filed = GraphQL.as(resident).data(SUBMIT, about("organizationId", String.valueOf(fixtures.organizationA()),
                "COMPLAINT", "助餐点饭菜经常凉了"));
        String id = filed.getString("submitFeedback.id");
        assertEquals(COMMUNITY, filed.getString("submitFeedback.handlingRegionCode"), "it starts at the community");
        assertEquals(0, filed.getInt("submitFeedback.escalationLevel"));

        // the resident follows it; nobody else sees it among theirs
        assertTrue(ids(resident, MINE, new HashMap<>(), "me.feedback").contains(id));
        assertTrue(ids(resident, MINE, new HashMap<>(Map.of("status", "OPEN")), "me.feedback").contains(id));
        assertFalse(ids(resident, MINE, new HashMap<>(Map.of("status", "RESOLVED")), "me.feedback").contains(id));
        assertFalse(ids(Tokens.of("loop-neighbour", "resident"), MINE, new HashMap<>(), "me.feedback").contains(id));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(MINE, new HashMap<>())));

        // overdue unanswered: the community's official sees it, then a worker of the community escalates it to the street
        fixtures.execute("UPDATE feedback SET created_at = now() - interval '8 days' WHERE id = " + id);
        assertTrue(overdue(COMMUNITY_OFFICIAL, "RESPONSE").contains(id));
        Map<String, Object> escalation = Map.of("id", id, "reason", "社区协调两次未果");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(ESCALATE, escalation)));
        Map<String, Object> stranger = GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(ESCALATE, escalation);
        Map<String, Object> ghost = GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(ESCALATE,
                Map.of("id", "987654321", "reason", "社区协调两次未果"));
        assertEquals(ghost.get("message"), stranger.get("message"), "a stranger cannot tell it from an unknown id");
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(FAR_WORKER).error(ESCALATE, escalation)), "another community's worker");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(ESCALATE, escalation)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(DISTRICT_OFFICIAL).error(ESCALATE, escalation)));
        Map<String, Object> blank = GraphQL.as(WORKER).error(ESCALATE, Map.of("id", id, "reason", "  "));
        assertEquals("VALIDATION", GraphQL.code(blank));
        assertEquals("input.reason", GraphQL.field(blank));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(WORKER).error(ESCALATE, Map.of("id", id, "reason", "长".repeat(501)))));

        JsonPath up = GraphQL.as(WORKER).data(ESCALATE, escalation);
        assertEquals(STREET, up.getString("escalateFeedback.handlingRegionCode"));
        assertEquals(1, up.getInt("escalateFeedback.escalationLevel"));
        assertEquals("社区协调两次未果", up.getString("escalateFeedback.escalationReason"));
        assertEquals(1, fixtures.id("SELECT count(*) FROM audit_entry WHERE action = 'escalateFeedback' AND entity_id = '" + id + "'"));
        assertFalse(overdue(COMMUNITY_OFFICIAL, "RESPONSE").contains(id), "moved away from the community");
        assertTrue(overdue(STREET_OFFICIAL, "RESPONSE").contains(id));
        assertTrue(overdue(DISTRICT_OFFICIAL, "RESPONSE").contains(id));
        assertFalse(overdue(OTHER_OFFICIAL, "RESPONSE").contains(id));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(COMMUNITY_OFFICIAL).error(RESOLVE, Map.of("id", id))),
                "the community no longer handles it");

        // the resident takes it up to the district; there is nothing above
        JsonPath top = GraphQL.as(resident).data(ESCALATE, Map.of("id", id, "reason", "街道也未解决"));
        assertEquals(DISTRICT, top.getString("escalateFeedback.handlingRegionCode"));
        assertEquals(2, top.getInt("escalateFeedback.escalationLevel"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(ESCALATE, Map.of("id", id, "reason", "再上一级"))));
        assertFalse(overdue(STREET_OFFICIAL, "RESPONSE").contains(id));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(STREET_OFFICIAL).error(RESOLVE, Map.of("id", id))));

        // rating needs a resolution
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(RATE, rating(id, true, null))));
        GraphQL.as(STAFF).data(RESPOND, Map.of("id", id));
        assertEquals("RESOLVED", GraphQL.as(DISTRICT_OFFICIAL).data(RESOLVE, Map.of("id", id)).getString("resolveFeedback.status"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(ESCALATE, Map.of("id", id, "reason", "再看看"))),
                "resolved: nothing to escalate");

        // only the submitter rates, once
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(RATE, rating(id, true, null))));
        assertEquals(GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(RATE, rating("987654321", true, null)).get("message"),
                GraphQL.as(Tokens.of("loop-neighbour", "resident")).error(RATE, rating(id, true, null)).get("message"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(RATE, rating(id, true, null))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(WORKER).error(RATE, rating(id, true, null))));
        Map<String, Object> tooLong = GraphQL.as(resident).error(RATE, rating(id, true, "长".repeat(501)));
        assertEquals("VALIDATION", GraphQL.code(tooLong));
        assertEquals("input.comment", GraphQL.field(tooLong));
        JsonPath rated = GraphQL.as(resident).data(RATE, rating(id, false, "饭菜还是凉的"));
        assertFalse(rated.getBoolean("rateResolution.satisfied"));
        assertEquals("饭菜还是凉的", rated.getString("rateResolution.ratingComment"));
        assertNotNull(rated.getString("rateResolution.ratedAt"));
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(resident).error(RATE, rating(id, true, null))));
        assertEquals(Boolean.FALSE, GraphQL.as(resident).data(MINE, new HashMap<>(Map.of("status", "RESOLVED")))
                .getBoolean("me.feedback.edges.find { it.node.id == '" + id + "' }.node.satisfied"));

        // 15 days after the resolution it is too late
        String late = GraphQL.as(resident).data(SUBMIT, about("organizationId", String.valueOf(fixtures.organizationA()),
                "SUGGESTION", "希望增加送餐时段")).getString("submitFeedback.id");
        GraphQL.as(STAFF).data(RESPOND, Map.of("id", late));
        GraphQL.as(DISTRICT_OFFICIAL).data("mutation($id: ID!) { resolveFeedback(input: {id: $id, resolution: \"已采纳\"}) { status } }",
                Map.of("id", late));
        fixtures.execute("UPDATE feedback SET resolved_at = now() - interval '16 days' WHERE id = " + late);
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(resident).error(RATE, rating(late, true, null))));
    }

    @Test
    void answeredButUnresolvedFeedbackBecomesOverdueToo() {
        String resident = Tokens.of("loop-resident-2", "resident");
        String id = GraphQL.as(resident).data(SUBMIT, about("organizationId", String.valueOf(fixtures.organizationB()),
                "SUGGESTION", "希望开设周末托管")).getString("submitFeedback.id");
        assertFalse(overdue(DISTRICT_OFFICIAL, null).contains(id));
        fixtures.execute("UPDATE feedback SET created_at = now() - interval '10 days' WHERE id = " + id);
        assertTrue(overdue(DISTRICT_OFFICIAL, null).contains(id), "RESPONSE is the default stage");
        assertTrue(overdue(DISTRICT_OFFICIAL, "RESPONSE").contains(id));
        assertFalse(overdue(DISTRICT_OFFICIAL, "RESOLUTION").contains(id));

        GraphQL.as(Tokens.of("owner-b", "org_staff")).data(RESPOND, Map.of("id", id));
        assertFalse(overdue(DISTRICT_OFFICIAL, "RESPONSE").contains(id), "answered");
        assertFalse(overdue(DISTRICT_OFFICIAL, "RESOLUTION").contains(id), "answered just now");
        fixtures.execute("UPDATE feedback SET responded_at = now() - interval '8 days' WHERE id = " + id);
        JsonPath waiting = GraphQL.as(DISTRICT_OFFICIAL).data(OVERDUE, Map.of("stage", "RESOLUTION"));
        assertTrue(waiting.getList("overdueFeedback.edges.node.id").contains(id));
        assertTrue(waiting.getBoolean("overdueFeedback.edges.find { it.node.id == '" + id + "' }.node.overdue"));
        assertFalse(overdue(OTHER_OFFICIAL, "RESOLUTION").contains(id));
        assertTrue(GraphQL.as(resident).data(MINE, new HashMap<>()).getBoolean(
                "me.feedback.edges.find { it.node.id == '" + id + "' }.node.overdue"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(resident).error(OVERDUE, Map.of("stage", "RESOLUTION"))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(WORKER).error(OVERDUE, Map.of("stage", "RESOLUTION"))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(DISTRICT_OFFICIAL).error(OVERDUE, Map.of("stage", "LATER"))));

        GraphQL.as(DISTRICT_OFFICIAL).data("mutation($id: ID!) { resolveFeedback(input: {id: $id, resolution: \"已采纳\"}) { status } }",
                Map.of("id", id));
        assertFalse(overdue(DISTRICT_OFFICIAL, "RESOLUTION").contains(id), "resolved");
    }

    @Test
    void aProblemInTheCommunityReachesItsWorkersAndOfficials() {
        String resident = Tokens.of("loop-resident-3", "resident");
        JsonPath filed = GraphQL.as(resident).data(SUBMIT, about("regionCode", GRID, "COMPLAINT", "楼道堆放杂物堵塞消防通道"));
        String id = filed.getString("submitFeedback.id");
        assertNull(filed.getString("submitFeedback.organizationId"));
        assertEquals(GRID, filed.getString("submitFeedback.regionCode"));
        assertEquals(COMMUNITY, filed.getString("submitFeedback.handlingRegionCode"), "a grid's problem is the community's");

        Map<String, Object> street = GraphQL.as(resident).error(SUBMIT, about("regionCode", STREET, "COMPLAINT", "街道问题"));
        assertEquals("VALIDATION", GraphQL.code(street));
        assertEquals("input.regionCode", GraphQL.field(street));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(resident).error(SUBMIT, about("regionCode", "990199999999", "COMPLAINT", "无"))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(WORKER).error(SUBMIT, about("regionCode", GRID, "COMPLAINT", "代提"))));

        Map<String, Object> community = Map.of("code", COMMUNITY);
        assertTrue(ids(WORKER, COMMUNITY_FEEDBACK, community, "communityFeedback").contains(id));
        assertTrue(ids(WORKER, COMMUNITY_FEEDBACK, Map.of("code", GRID), "communityFeedback").contains(id), "a worker of the community serves its grids");
        assertTrue(ids(COMMUNITY_OFFICIAL, COMMUNITY_FEEDBACK, community, "communityFeedback").contains(id));
        assertTrue(ids(DISTRICT_OFFICIAL, COMMUNITY_FEEDBACK, Map.of("code", DISTRICT), "communityFeedback").contains(id));
        assertFalse(ids(DISTRICT_OFFICIAL, COMMUNITY_FEEDBACK, Map.of("code", "990100002001"), "communityFeedback").contains(id));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(FAR_WORKER).error(COMMUNITY_FEEDBACK, community)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(COMMUNITY_FEEDBACK, community)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(resident).error(COMMUNITY_FEEDBACK, community)));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(STAFF).error(COMMUNITY_FEEDBACK, community)));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(WORKER).error(COMMUNITY_FEEDBACK, Map.of("code", "990199999999"))));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(COMMUNITY_FEEDBACK, community)));

        // no organization answers it; the community's official resolves it, and the resident rates that
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(STAFF).error(RESPOND, Map.of("id", id))));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(Tokens.of("loop-street-other", "gov_official")).error(RESOLVE, Map.of("id", id))));
        fixtures.execute("UPDATE feedback SET created_at = now() - interval '8 days' WHERE id = " + id);
        assertTrue(overdue(COMMUNITY_OFFICIAL, "RESPONSE").contains(id));
        // the community's worker answers it (a worker of another community cannot tell it exists)
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.as(FAR_WORKER).error(RESPOND, Map.of("id", id))));
        assertEquals("RESPONDED", GraphQL.as(WORKER).data(RESPOND, Map.of("id", id)).getString("respondToFeedback.status"));
        assertEquals("RESOLVED", GraphQL.as(COMMUNITY_OFFICIAL).data(RESOLVE, Map.of("id", id)).getString("resolveFeedback.status"));
        assertTrue(GraphQL.as(resident).data(RATE, rating(id, true, "已清理干净")).getBoolean("rateResolution.satisfied"));
    }

    @Test
    void feedbackStatsArePublicAndCountTheLastTwelveMonths() {
        long region = isolatedRegion();
        String suffix = String.format("%07d", System.nanoTime() % 10_000_000);
        long counted = fixtures.id("INSERT INTO organization (credit_code, name, kind, region_id, address, contact_phone, "
                + "service_category_codes, status) VALUES ('52990100MJ9" + suffix + "', '统计测试机构" + suffix + "', 'SOCIAL_GROUP', "
                + region + ", '统计路1号', '0571-1000009', '{elderly.meal}', 'ACTIVE') RETURNING id");
        long quiet = fixtures.id("INSERT INTO organization (credit_code, name, kind, region_id, address, contact_phone, "
                + "service_category_codes, status) VALUES ('52990100MJ8" + suffix + "', '统计安静机构" + suffix + "', 'SOCIAL_GROUP', "
                + region + ", '统计路2号', '0571-1000008', '{elderly.meal}', 'ACTIVE') RETURNING id");
        String insert = "INSERT INTO feedback (kind, organization_id, resident_subject, text, status, created_at, responded_at, upheld) "
                + "VALUES ('%s', " + counted + ", 'loop-stats', '统计', '%s', now() - interval '%s', %s, %s)";
        // within 12 months: three complaints (two upheld) answered after 1 h and 3 h and not at all; a suggestion after 8 h
        fixtures.execute(insert.formatted("COMPLAINT", "RESOLVED", "30 days", "now() - interval '30 days' + interval '1 hour'", "true"));
        fixtures.execute(insert.formatted("COMPLAINT", "RESOLVED", "60 days", "now() - interval '60 days' + interval '3 hours'", "true"));
        fixtures.execute(insert.formatted("COMPLAINT", "OPEN", "2 days", "NULL", "NULL"));
        fixtures.execute(insert.formatted("SUGGESTION", "RESPONDED", "90 days", "now() - interval '90 days' + interval '8 hours'", "NULL"));
        // older than 12 months: not counted
        fixtures.execute(insert.formatted("COMPLAINT", "RESOLVED", "13 months", "now() - interval '13 months' + interval '100 hours'", "true"));

        String one = "query($id: ID) { organization(id: $id) { feedbackStats { complaints12m upheld12m medianResponseHours } } }";
        JsonPath stats = GraphQL.anonymous().data(one, Map.of("id", String.valueOf(counted)));
        assertEquals(3, stats.getInt("organization.feedbackStats.complaints12m"));
        assertEquals(2, stats.getInt("organization.feedbackStats.upheld12m"));
        assertEquals(3.0, stats.getDouble("organization.feedbackStats.medianResponseHours"), 0.05);
        JsonPath none = GraphQL.anonymous().data(one, Map.of("id", String.valueOf(quiet)));
        assertEquals(0, none.getInt("organization.feedbackStats.complaints12m"));
        assertEquals(0, none.getInt("organization.feedbackStats.upheld12m"));
        assertNull(none.get("organization.feedbackStats.medianResponseHours"));

        // a page of organizations: each gets its own numbers (batched: one statement for the page)
        JsonPath page = GraphQL.anonymous().data("{ organizations(first: 100) { edges { node { id feedbackStats { complaints12m upheld12m } } } } }");
        List<Map<String, Object>> nodes = page.getList("organizations.edges.node");
        Map<String, Object> countedNode = nodes.stream().filter(n -> n.get("id").equals(String.valueOf(counted))).findFirst().orElse(null);
        if (countedNode != null) { // the first page may not reach it: the single lookups above are the numbers' test
            assertEquals(3, ((Map<?, ?>) countedNode.get("feedbackStats")).get("complaints12m"));
        }
        assertTrue(nodes.stream().allMatch(n -> n.get("feedbackStats") != null));

        // batched: the numbers of a whole page cost one statement
        String demo = "{ organizations(filter: {regionCode: \"620103\"}, first: 50) { edges { node { id %s } } } }";
        statements(demo.formatted("feedbackStats { complaints12m }")); // warm up
        long with = statements(demo.formatted("feedbackStats { complaints12m upheld12m medianResponseHours }"));
        long without = statements(demo.formatted(""));
        assertEquals(without + 1, with, "one statement for the page's feedbackStats");
    }

    @Test
    void ratedResolutionsCountInResponsiveness() {
        long region = isolatedRegion();
        String suffix = String.format("%07d", System.nanoTime() % 10_000_000);
        long organization = fixtures.id("INSERT INTO organization (credit_code, name, kind, region_id, address, contact_phone, "
                + "service_category_codes, status) VALUES ('52990100MJ7" + suffix + "', '回应测试机构" + suffix + "', 'SOCIAL_GROUP', "
                + region + ", '回应路1号', '0571-1000007', '{elderly.meal}', 'ACTIVE') RETURNING id");
        long contract = fixtures.id("INSERT INTO contract (code, title, buyer_name, organization_id, amount_fen, starts_on, ends_on, "
                + "status) VALUES ('LOOP-" + suffix + "', '回应测试合同', '测试区民政局', " + organization + ", 1000, current_date - 60, "
                + "current_date + 60, 'TERMINATED') RETURNING id"); // over: no other cycle takes it in
        // two answered within a day, both rated: one satisfied, one not
        String insert = "INSERT INTO feedback (kind, organization_id, resident_subject, text, status, created_at, responded_at, "
                + "resolved_at, upheld, satisfied, rated_at) VALUES ('SUGGESTION', " + organization + ", 'loop-rater', '评价', 'RESOLVED', "
                + "now() - interval '10 days', now() - interval '9 days', now() - interval '8 days', NULL, %s, now() - interval '7 days')";
        fixtures.execute(insert.formatted("true"));
        fixtures.execute(insert.formatted("false"));
        String template = GraphQL.as(DISTRICT_OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { "
                + "createEvaluationTemplate(input: $input) { id } }", Map.of("input", Map.of("name", "回应考核" + suffix, "indicators",
                List.of(Map.of("name", "台账", "kind", "MANUAL", "weight", 50), Map.of("name", "回应", "kind", "RESPONSIVENESS", "weight", 50)))))
                .getString("createEvaluationTemplate.id");
        long cycle = fixtures.id("INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, template_id, thresholds, policy, "
                + "created_by, status) SELECT '回应考核" + suffix + "', current_date - 30, current_date, id, " + template + ", "
                + "'{\"excellent\": 90, \"good\": 80, \"pass\": 60}', '{\"appealDays\": 15}', 'official-test', 'SCORING' "
                + "FROM region WHERE code = '" + DISTRICT + "' RETURNING id");
        long evaluation = fixtures.id("INSERT INTO evaluation (cycle_id, contract_id, organization_id) VALUES (" + cycle + ", "
                + contract + ", " + organization + ") RETURNING id");
        GraphQL.as(DISTRICT_OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { id } }",
                Map.of("c", String.valueOf(cycle)));
        String scoreOf = "SELECT %s FROM evaluation_score s JOIN evaluation_indicator i ON i.id = s.indicator_id "
                + "WHERE s.evaluation_id = " + evaluation + " AND i.kind = 'RESPONSIVENESS'";
        assertEquals("2", fixtures.string(scoreOf.formatted("s.inputs ->> 'ratedResolutions'")));
        assertEquals("1", fixtures.string(scoreOf.formatted("s.inputs ->> 'satisfiedResolutions'")));
        assertEquals("2", fixtures.string(scoreOf.formatted("s.inputs ->> 'answeredWithin7Days'")));
        // 70% answered in time (all of them), 30% satisfied (half of them)
        assertEquals(85.0, Double.parseDouble(fixtures.string(scoreOf.formatted("s.score::text"))), 0.01);
    }

    private long statements(String query) {
        return cn.linli.testing.Statements.during(
                () -> assertTrue(GraphQL.anonymous().data(query).getList("organizations.edges").size() > 10));
    }

    /** A district of its own for the organizations these tests insert, so that no other test's region sees them. */
    long isolatedRegion() {
        fixtures.execute("INSERT INTO region (code, name, level, parent_id, path, lat, lng) VALUES ('990700', '反馈统计测试区', "
                + "'DISTRICT', NULL, '{990700}', 32.0, 122.0) ON CONFLICT DO NOTHING");
        return fixtures.id("SELECT id FROM region WHERE code = '990700'");
    }
}
