package cn.linli.desk;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What waits for an official (issue 15's work queues), in a district of its own (工作台测试区, 990600) so that the
 * counts are exact: the desk's seven queues, the cycles at each stage, the templates a cycle may use, the appeals
 * to decide and an evaluator's assignments — and what an official of another street, a resident or no token get.
 */
@QuarkusTest
class WorkQueuesTest {
    static final String DISTRICT = "990600";
    static final GraphQL OFFICIAL = GraphQL.as(Tokens.of("desk-official", "gov_official"));
    /** Governs 工作台乙街道 (990600002), where nothing waits. */
    static final GraphQL STREET_OFFICIAL = GraphQL.as(Tokens.of("desk-street-official", "gov_official"));
    static final GraphQL EVALUATOR = GraphQL.as(Tokens.of("desk-evaluator", "evaluator"));
    /** The console's home page, as it ships, with one first item per queue. */
    static final String DESK = GraphQL.operation("OfficialDesk");
    static final Map<String, Object> ONE_ITEM = Map.of("items", 1);
    static final String CYCLES = "query($f: EvaluationCycleFilter, $first: Int, $after: String) { evaluationCycles(filter: $f, "
            + "first: $first, after: $after) { totalCount edges { node { id name status template { name regionCode } } } "
            + "pageInfo { hasNextPage endCursor } } }";

    static World world;

    static final class World {
        long olderPending;
        long stale;
        long overdue;
        long pendingAppeal;
        long closingTender;
        long endingContract;
        long unpaidMilestone;
        long scoringCycle;
        long publishedCycle;
        long template;
        long scoringEvaluation;
    }

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.people();
        if (world == null) {
            world = build();
        }
    }

    /** The district's state, in SQL: each queue's item, and next to it one that must not be in the queue. */
    private World build() {
        World w = new World();
        fixtures.execute("""
                INSERT INTO region (code, name, level, parent_id, path, lat, lng) VALUES ('990600', '工作台测试区', 'DISTRICT', NULL, '{990600}', 32.0, 122.0);
                INSERT INTO region (code, name, level, parent_id, path, lat, lng) SELECT '990600001', '工作台甲街道', 'STREET', id, '{990600,990600001}', 32.0, 122.0 FROM region WHERE code = '990600';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng) SELECT '990600002', '工作台乙街道', 'STREET', id, '{990600,990600002}', 32.0, 122.1 FROM region WHERE code = '990600';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng) SELECT '990600001001', '工作台社区', 'COMMUNITY', id, '{990600,990600001,990600001001}', 32.0, 122.0 FROM region WHERE code = '990600001';
                INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) SELECT 'desk-official', id, '工作台区民政局', 'fixture' FROM region WHERE code = '990600';
                INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by) SELECT 'desk-street-official', id, '工作台乙街道办', 'fixture' FROM region WHERE code = '990600002';
                """);
        String org = "INSERT INTO organization (credit_code, name, kind, region_id, address, status, created_at) SELECT '%s', '%s', "
                + "'SOCIAL_GROUP', id, '工作台路', '%s', now() - interval '%s' FROM region WHERE code = '990600001001' RETURNING id";
        w.olderPending = fixtures.id(org.formatted("52990600MJ00000011", "工作台待审甲", "PENDING", "3 days"));
        fixtures.id(org.formatted("52990600MJ00000022", "工作台待审乙", "PENDING", "1 day"));
        long active = fixtures.id(org.formatted("52990600MJ00000033", "工作台服务中心", "ACTIVE", "400 days"));

        String listing = "INSERT INTO service_listing (organization_id, category_id, title, description, mode, address, lat, lng, "
                + "region_id, area_codes, reach_codes, pricing, price_fen, subsidy_fen, price_unit, min_age, max_age, target_groups, "
                + "capacity_per_slot, status, published_at, confirmed_at) SELECT " + active + ", category_id, '%s', description, mode, "
                + "address, 32.0, 122.0, (SELECT id FROM region WHERE code = '990600001001'), '{990600001001}', "
                + "'{990600,990600001,990600001001}', pricing, price_fen, subsidy_fen, price_unit, min_age, max_age, target_groups, "
                + "capacity_per_slot, 'PUBLISHED', now() - interval '300 days', now() - interval '%s' FROM service_listing "
                + "WHERE title = '老年助餐服务' AND lat = 30.0026980 RETURNING id";
        w.stale = fixtures.id(listing.formatted("工作台久未确认的助餐", "200 days"));
        fixtures.id(listing.formatted("工作台刚确认的助餐", "1 day"));

        String feedback = "INSERT INTO feedback (kind, organization_id, resident_subject, text, created_at) VALUES ('COMPLAINT', "
                + active + ", 'desk-resident', '%s', now() - interval '%s') RETURNING id";
        w.overdue = fixtures.id(feedback.formatted("等了一个月没人回", "30 days"));
        fixtures.id(feedback.formatted("昨天提的", "1 day"));

        String contract = "INSERT INTO contract (code, title, buyer_name, organization_id, amount_fen, starts_on, ends_on, status, "
                + "buyer_region_id) SELECT '%s', '%s', '工作台区民政局', " + active + ", 100000, current_date - 300, current_date + %d, "
                + "'ACTIVE', id FROM region WHERE code = '990600' RETURNING id";
        w.endingContract = fixtures.id(contract.formatted("DESK-C-1", "工作台助餐合同", 30));
        long later = fixtures.id(contract.formatted("DESK-C-2", "工作台长期合同", 200));
        String milestone = "INSERT INTO milestone (contract_id, title, due_on, amount_fen, withheld) VALUES (" + later
                + ", '%s', current_date - %d, 10000, %s) RETURNING id";
        w.unpaidMilestone = fixtures.id(milestone.formatted("一期", 10, "false"));
        long paid = fixtures.id(milestone.formatted("零期", 40, "false"));
        fixtures.execute("INSERT INTO payment (contract_id, milestone_id, amount_fen, paid_on, recorded_by) VALUES (" + later + ", "
                + paid + ", 10000, current_date - 35, 'desk-official')");
        fixtures.id(milestone.formatted("扣留期", 5, "true"));
        fixtures.id(milestone.formatted("二期（未到期）", -20, "false"));

        String tender = "INSERT INTO procurement (ocid, title, buyer_name, buyer_region_id, created_by, category_id, target_region_codes, "
                + "budget_fen, method, tender_start, tender_end, status) SELECT '%s', '%s', '工作台区民政局', r.id, 'desk-official', c.id, "
                + "'{990600001}', 100000, 'OPEN', now() - interval '5 days', now() + interval '%s', 'TENDERING' FROM region r, category c "
                + "WHERE r.code = '990600' AND c.code = 'elderly.meal' RETURNING id";
        w.closingTender = fixtures.id(tender.formatted("ocds-desk-1", "工作台三天后截止", "3 days"));
        fixtures.id(tender.formatted("ocds-desk-2", "工作台二十天后截止", "20 days"));

        w.template = fixtures.id("INSERT INTO evaluation_template (version, name, region_id, created_by) SELECT 1, '工作台考核模板', id, "
                + "'desk-official' FROM region WHERE code = '990600' RETURNING id");
        fixtures.execute("INSERT INTO evaluation_indicator (template_id, position, name, kind, weight) VALUES (" + w.template
                + ", 1, '服务规范', 'MANUAL', 100)");
        String cycle = "INSERT INTO evaluation_cycle (name, period_start, period_end, region_id, template_id, thresholds, policy, "
                + "created_by, status, published_at) SELECT '%s', current_date - %d, current_date - %d, id, " + w.template + ", "
                + "'{\"excellent\": 90, \"good\": 80, \"pass\": 60}', '{\"appealDays\": 15}', 'desk-official', '%s', %s "
                + "FROM region WHERE code = '990600' RETURNING id";
        w.scoringCycle = fixtures.id(cycle.formatted("工作台考核（评分中）", 30, 0, "SCORING", "NULL"));
        w.publishedCycle = fixtures.id(cycle.formatted("工作台考核（已发布）", 400, 370, "PUBLISHED", "now()"));
        w.scoringEvaluation = fixtures.id("INSERT INTO evaluation (cycle_id, contract_id, organization_id) VALUES (" + w.scoringCycle
                + ", " + w.endingContract + ", " + active + ") RETURNING id");
        fixtures.execute("INSERT INTO evaluation_assignment (evaluation_id, evaluator_subject, assigned_by) VALUES ("
                + w.scoringEvaluation + ", 'desk-evaluator', 'desk-official')");
        String evaluation = "INSERT INTO evaluation (cycle_id, contract_id, organization_id, total, grade, rank, version) VALUES ("
                + w.publishedCycle + ", %d, " + active + ", 70, 'PASS', 1, 1) RETURNING id";
        long appealed = fixtures.id(evaluation.formatted(w.endingContract));
        long decided = fixtures.id(evaluation.formatted(later));
        String appeal = "INSERT INTO appeal (evaluation_id, organization_id, reasons, filed_by, status) VALUES (%d, " + active
                + ", '样本过少', 'desk-owner', '%s') RETURNING id";
        w.pendingAppeal = fixtures.id(appeal.formatted(appealed, "PENDING"));
        fixtures.id(appeal.formatted(decided, "UPHELD"));
        return w;
    }

    @Test
    void theDeskCountsWhatWaitsInTheJurisdictionAndShowsTheFirst() {
        JsonPath desk = OFFICIAL.data(DESK, ONE_ITEM).setRootPath("data.me.desk");
        assertEquals(DISTRICT, desk.getString("regionCode"));
        assertQueue(desk, "pendingOrganizations", 2, world.olderPending);
        assertEquals("工作台待审甲", desk.getString("pendingOrganizations.items[0].title"));
        assertEquals("990600001001", desk.getString("pendingOrganizations.items[0].regionCode"));
        assertNull(desk.get("pendingOrganizations.items[0].dueAt"));
        assertQueue(desk, "staleListings", 1, world.stale);
        assertEquals("工作台久未确认的助餐", desk.getString("staleListings.items[0].title"));
        assertQueue(desk, "overdueFeedback", 1, world.overdue);
        // the title says what it is about, never what the resident wrote
        assertEquals("投诉 · 工作台服务中心", desk.getString("overdueFeedback.items[0].title"));
        assertQueue(desk, "openAppeals", 1, world.pendingAppeal);
        assertQueue(desk, "tendersClosingSoon", 1, world.closingTender);
        assertQueue(desk, "contractsEndingSoon", 1, world.endingContract);
        assertQueue(desk, "unpaidMilestones", 1, world.unpaidMilestone);
        assertEquals("工作台长期合同 · 一期", desk.getString("unpaidMilestones.items[0].title"));
    }

    @Test
    void anOfficialOfAnotherStreetHasAnEmptyDeskAndOthersHaveNone() {
        JsonPath desk = STREET_OFFICIAL.data(DESK, ONE_ITEM).setRootPath("data.me.desk");
        for (String queue : List.of("pendingOrganizations", "staleListings", "overdueFeedback", "openAppeals", "tendersClosingSoon",
                "contractsEndingSoon", "unpaidMilestones")) {
            assertEquals(0, desk.getInt(queue + ".count"), queue);
            assertEquals(List.of(), desk.getList(queue + ".items"), queue);
        }
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("desk-resident", "resident")).error(DESK, Map.of())));
        assertEquals("FORBIDDEN", GraphQL.code(EVALUATOR.error(DESK, Map.of())));
        assertEquals("VALIDATION", GraphQL.code(OFFICIAL.error("{ me { desk(items: 21) { regionCode } } }", Map.of())));
        // items: 0 still counts
        assertEquals(2, OFFICIAL.data("{ me { desk(items: 0) { pendingOrganizations { count items { id } } } } }")
                .getInt("me.desk.pendingOrganizations.count"));
    }

    @Test
    void cyclesArePublicOncePublishedAndAtEveryStageForTheirOfficials() {
        Map<String, Object> district = Map.of("regionCode", DISTRICT);
        assertEquals(List.of(String.valueOf(world.publishedCycle)), ids(GraphQL.anonymous().data(CYCLES, Map.of("f", district))));
        assertEquals(List.of(String.valueOf(world.publishedCycle)), ids(STREET_OFFICIAL.data(CYCLES, Map.of("f", district))));
        // the latest period first, in pages
        JsonPath first = OFFICIAL.data(CYCLES, Map.of("f", district, "first", 1));
        assertEquals(List.of(String.valueOf(world.scoringCycle)), ids(first));
        assertTrue(first.getBoolean("evaluationCycles.pageInfo.hasNextPage"));
        assertEquals(2, first.getInt("evaluationCycles.totalCount"), "the count covers every page");
        assertEquals(1, GraphQL.anonymous().data(CYCLES, Map.of("f", district)).getInt("evaluationCycles.totalCount"),
                "and only what the caller may see");
        JsonPath second = OFFICIAL.data(CYCLES, Map.of("f", district, "first", 1, "after", first.getString("evaluationCycles.pageInfo.endCursor")));
        assertEquals(List.of(String.valueOf(world.publishedCycle)), ids(second));
        assertFalse(second.getBoolean("evaluationCycles.pageInfo.hasNextPage"));
        assertEquals("工作台考核模板", second.getString("evaluationCycles.edges[0].node.template.name"));

        // a stage before PUBLISHED is a work queue: the official's own, nobody else's
        Map<String, Object> scoring = Map.of("regionCode", DISTRICT, "status", "SCORING");
        assertEquals(List.of(String.valueOf(world.scoringCycle)), ids(OFFICIAL.data(CYCLES, Map.of("f", scoring))));
        assertEquals(List.of(String.valueOf(world.scoringCycle)), ids(OFFICIAL.data(CYCLES, Map.of("f", Map.of("status", "SCORING")))));
        assertEquals("FORBIDDEN", GraphQL.code(STREET_OFFICIAL.error(CYCLES, Map.of("f", scoring))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("desk-resident", "resident")).error(CYCLES, Map.of("f", scoring))));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(CYCLES, Map.of("f", scoring))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.anonymous().error(CYCLES, Map.of("f", Map.of("regionCode", "990699")))));
    }

    @Test
    void templatesAreThoseACycleOfTheRegionMayUse() {
        String query = "query($r: String) { evaluationTemplates(regionCode: $r) { id name version regionCode familyId indicators { weight } } }";
        JsonPath own = OFFICIAL.data(query, Map.of());
        assertEquals(List.of(String.valueOf(world.template)), own.getList("evaluationTemplates.id"));
        assertEquals(List.of(100), own.getList("evaluationTemplates[0].indicators.weight"));
        // a street's cycles may use the district's standard
        assertEquals(List.of(String.valueOf(world.template)), STREET_OFFICIAL.data(query, Map.of()).getList("evaluationTemplates.id"));
        assertEquals("FORBIDDEN", GraphQL.code(STREET_OFFICIAL.error(query, Map.of("r", DISTRICT))));
        assertFalse(GraphQL.as(Tokens.of("official-test", "gov_official")).data(query, Map.of()).getList("evaluationTemplates.id")
                .contains(String.valueOf(world.template)));
        assertEquals("FORBIDDEN", GraphQL.code(EVALUATOR.error(query, Map.of())));
    }

    @Test
    void appealsWaitForTheOfficialsOfTheCyclesRegion() {
        String query = "query($f: AppealFilter) { appeals(filter: $f) { edges { node { id status reasons } } } }";
        assertEquals(List.of(String.valueOf(world.pendingAppeal)), OFFICIAL.data(query, Map.of("f", Map.of("status", "PENDING")))
                .getList("appeals.edges.node.id"));
        assertEquals(2, OFFICIAL.data(query, Map.of()).getList("appeals.edges").size());
        assertEquals(1, OFFICIAL.data("{ appeals(filter: {status: PENDING}, first: 1) { totalCount } }").getInt("appeals.totalCount"));
        // the registrations queue pages with a total, for a console's page numbers
        JsonPath pending = OFFICIAL.data("{ organizations(filter: {status: PENDING, regionCode: \"990600\"}, first: 1) "
                + "{ totalCount edges { node { name } } } }");
        assertEquals(2, pending.getInt("organizations.totalCount"));
        assertEquals(1, pending.getList("organizations.edges").size());
        assertEquals(List.of(), STREET_OFFICIAL.data(query, Map.of()).getList("appeals.edges"));
        assertEquals("FORBIDDEN", GraphQL.code(STREET_OFFICIAL.error(query, Map.of("f", Map.of("regionCode", DISTRICT)))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("owner-a", "org_staff")).error(query, Map.of())));
        assertEquals("UNAUTHENTICATED", GraphQL.code(GraphQL.anonymous().error(query, Map.of())));
    }

    @Test
    void anEvaluatorSeesWhatIsAssignedToThem() {
        String query = "query($open: Boolean) { me { evaluatorAssignments(open: $open) { edges { node { id cycleId organizationName } } } } }";
        JsonPath open = EVALUATOR.data(query, Map.of("open", true));
        assertEquals(List.of(String.valueOf(world.scoringEvaluation)), open.getList("me.evaluatorAssignments.edges.node.id"));
        assertEquals("工作台服务中心", open.getString("me.evaluatorAssignments.edges[0].node.organizationName"));
        assertEquals(List.of(), GraphQL.as(Tokens.of("desk-other-evaluator", "evaluator")).data(query, Map.of())
                .getList("me.evaluatorAssignments.edges"));
        assertEquals("FORBIDDEN", GraphQL.code(OFFICIAL.error(query, Map.of())));
    }

    private static void assertQueue(JsonPath desk, String queue, int count, long firstId) {
        assertEquals(count, desk.getInt(queue + ".count"), queue);
        assertEquals(List.of(String.valueOf(firstId)), desk.getList(queue + ".items.id"), queue);
        assertNotNull(desk.getString(queue + ".items[0].title"), queue);
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("evaluationCycles.edges.node.id");
    }
}
