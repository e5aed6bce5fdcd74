package cn.linli.report;

import cn.linli.procurement.SignedContract;
import cn.linli.testing.Bookings;
import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A district of its own (报表测试区, 990800) with a published evaluation cycle made through the evaluation flow: three
 * organizations win a tender each, an evaluator scores them 95, 85 and 50, the cycle is published (优秀 → renewal
 * and badge; 不合格 → payments withheld, bar). One organization's name is markup, one a spreadsheet formula. One
 * milestone is paid before publishing; a published listing covers the first community, not the second. Built once
 * per test run (found again by the cycle's name).
 */
final class ReportWorld {
    static final String DISTRICT = "990800";
    static final String STREET = "990800001";
    static final String COVERED = "990800001001";
    static final String UNCOVERED = "990800001002";
    static final String OFFICIAL_SUBJECT = "official-report";
    static final String OFFICIAL = Tokens.of(OFFICIAL_SUBJECT, "gov_official");
    /** Governs 控制台测试区 (990300), not this district. */
    static final String OTHER_OFFICIAL = Tokens.of("official-console", "gov_official");
    static final String EVALUATOR_SUBJECT = "report-evaluator";
    static final String EVALUATOR = Tokens.of(EVALUATOR_SUBJECT, "evaluator");
    static final String CYCLE_NAME = "报表测试区2026年助餐服务考核";
    static final String GOOD_NAME = "报表甲助老服务中心";
    static final String MARKUP_NAME = "<script>alert('x')</script>报表乙社工站&";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://x\")报表丙养老";
    static final long PAID_FEN = 300_000;
    static final long WITHHELD_FEN = 200_025;
    static final Map<String, Long> AMOUNTS = Map.of(GOOD_NAME, 1_000_000L, MARKUP_NAME, 800_000L, FORMULA_NAME, 600_050L);
    static final Map<String, Double> SCORES = Map.of(GOOD_NAME, 95.0, MARKUP_NAME, 85.0, FORMULA_NAME, 50.0);

    private ReportWorld() {
    }

    /** The cycle built and published so far (unpublished: a second cycle left in REVIEW), by id. */
    record World(String cycleId, String unpublishedCycleId) {
    }

    private static World world;

    static synchronized World get(Fixtures fixtures) {
        if (world != null) {
            return world;
        }
        fixtures.people();
        if (fixtures.id("SELECT count(*) FROM evaluation_cycle WHERE name = '" + CYCLE_NAME + "'") == 0) {
            build(fixtures);
        }
        world = new World(String.valueOf(fixtures.id("SELECT id FROM evaluation_cycle WHERE name = '" + CYCLE_NAME + "'")),
                String.valueOf(fixtures.id("SELECT id FROM evaluation_cycle WHERE name = '" + CYCLE_NAME + "（待审）'")));
        return world;
    }

    private static void build(Fixtures fixtures) {
        fixtures.execute("""
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus)
                VALUES ('990800', '报表测试区', 'DISTRICT', NULL, '{990800}', 33.0, 123.0, 20000, 4000);
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus)
                SELECT '990800001', '报表街道', 'STREET', id, '{990800,990800001}', 33.0, 123.0, 20000, 4000 FROM region WHERE code = '990800';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3, children_3_12)
                SELECT '990800001001', '报表一社区', 'COMMUNITY', id, '{990800,990800001,990800001001}', 33.0, 123.0, 8000, 1500, 200, 600
                FROM region WHERE code = '990800001';
                INSERT INTO region (code, name, level, parent_id, path, lat, lng, population, aged_60_plus, children_0_3, children_3_12)
                SELECT '990800001002', '报表二社区', 'COMMUNITY', id, '{990800,990800001,990800001002}', 33.05, 123.05, 6000, 1200, 150, 500
                FROM region WHERE code = '990800001';
                INSERT INTO official_appointment (subject, region_id, unit_name, appointed_by)
                SELECT 'official-report', id, '报表测试区民政局', 'fixture' FROM region WHERE code = '990800';
                """);
        LocalDate today = LocalDate.now(Bookings.CHINA);
        Map<String, String> contracts = new HashMap<>();
        Map<String, String> milestones = new HashMap<>();
        String goodOrganization = null;
        String goodOwner = null;
        for (String name : List.of(GOOD_NAME, MARKUP_NAME, FORMULA_NAME)) {
            String owner = Tokens.of("report-owner-" + name.hashCode(), "org_staff");
            Map<String, Object> registration = Console.registration(name, Console.newCreditCode());
            registration.put("regionCode", COVERED);
            registration.put("location", Map.of("lat", 33.0, "lng", 123.0));
            String organization = GraphQL.as(owner).data(Console.REGISTER, Map.of("input", registration)).getString("registerOrganization.id");
            GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"), Map.of("id", organization, "reason", "资料齐全"));
            if (name.equals(GOOD_NAME)) {
                goodOrganization = organization;
                goodOwner = owner;
            }
            Map<String, Object> tender = new HashMap<>();
            tender.put("title", "报表测试助餐项目 " + organization);
            tender.put("categoryCode", "elderly.meal");
            tender.put("targetRegionCodes", List.of(STREET));
            tender.put("budgetFen", 2_000_000);
            tender.put("method", "COMPETITIVE_CONSULTATION");
            tender.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
            tender.put("tenderEnd", OffsetDateTime.now().plusDays(5).toString());
            String procurement = GraphQL.as(OFFICIAL).data("mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id } }",
                    Map.of("input", tender)).getString("createProcurement.id");
            GraphQL.as(OFFICIAL).data("mutation($id: ID!) { publishTender(input: {id: $id}) { id } }", Map.of("id", procurement));
            String bid = GraphQL.as(owner).data("mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }",
                    Map.of("input", Map.of("procurementId", procurement, "organizationId", organization, "amountFen", AMOUNTS.get(name))))
                    .getString("submitBid.id");
            GraphQL.as(OFFICIAL).data("mutation($id: ID!) { closeTender(input: {id: $id}) { id } }", Map.of("id", procurement));
            JsonPath awarded = GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                    + "{ contracts { id milestones { id } } } }", Map.of("input", Map.of("id", procurement, "justification", "唯一有效报价",
                    "awards", List.of(Map.of("bidId", bid, "contract", Map.of("startsOn", today.minusDays(20).toString(),
                            "endsOn", today.plusMonths(10).toString(),
                            "serviceTargets", List.of(Map.of("name", "助餐", "quantity", 1000, "unit", "人次")),
                            "milestones", List.of(Map.of("title", "首期", "dueOn", today.toString(),
                                    "amountFen", name.equals(FORMULA_NAME) ? WITHHELD_FEN : PAID_FEN))))))));
            String contract = awarded.getString("awardProcurement.contracts[0].id");
            GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
            contracts.put(name, contract);
            milestones.put(name, awarded.getString("awardProcurement.contracts[0].milestones[0].id"));
        }
        GraphQL.as(OFFICIAL).data("mutation($m: ID!, $a: BigInteger!) { recordPayment(input: {milestoneId: $m, amountFen: $a}) { id } }",
                Map.of("m", milestones.get(GOOD_NAME), "a", PAID_FEN));

        // a published listing in the first community; the second is 6 km away
        Map<String, Object> content = Console.completeContent("报表一社区长者食堂");
        content.put("location", Map.of("lat", 33.001, "lng", 123.0));
        content.put("regionCode", COVERED);
        content.put("serviceAreaCodes", List.of(COVERED));
        JsonPath listing = Console.createListing(goodOwner, Long.parseLong(goodOrganization), content);
        Console.act(goodOwner, "publishServiceListing", listing.getString("createServiceListing.id"),
                listing.getInt("createServiceListing.version"));

        GraphQL.as(Tokens.of("root", "admin")).data("mutation { registerEvaluator(input: {subject: \"" + EVALUATOR_SUBJECT
                + "\", agency: \"报表测试评估所\"}) }");
        JsonPath template = GraphQL.as(OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id indicators { id } } }", Map.of("input", Map.of("name", "报表测试考核模板", "indicators", List.of(
                Map.of("name", "服务规范", "kind", "MANUAL", "weight", 100)))));
        String indicator = template.getString("createEvaluationTemplate.indicators[0].id");
        String open = "mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }";
        for (String cycleName : List.of(CYCLE_NAME, CYCLE_NAME + "（待审）")) {
            String cycle = GraphQL.as(OFFICIAL).data(open, Map.of("input", Map.of("name", cycleName, "periodStart", today.minusDays(30).toString(),
                    "periodEnd", today.toString(), "regionCode", DISTRICT, "categoryCode", "elderly",
                    "templateId", template.getString("createEvaluationTemplate.id")))).getString("openEvaluationCycle.id");
            List<Map<String, Object>> evaluations = GraphQL.as(OFFICIAL).data("query($c: ID!) { evaluations(cycleId: $c) { id contractId } }",
                    Map.of("c", cycle)).getList("evaluations");
            for (Map<String, Object> evaluation : evaluations) {
                String name = contracts.entrySet().stream().filter(e -> e.getValue().equals(evaluation.get("contractId"))).findFirst()
                        .orElseThrow().getKey();
                GraphQL.as(OFFICIAL).data("mutation($e: ID!) { assignEvaluator(input: {evaluationId: $e, evaluatorSubject: \""
                        + EVALUATOR_SUBJECT + "\"}) { id } }", Map.of("e", evaluation.get("id")));
                GraphQL.as(EVALUATOR).data("mutation($e: ID!, $i: ID!, $s: Float!) { scoreEvaluation(input: {evaluationId: $e, "
                        + "scores: [{indicatorId: $i, score: $s, comment: \"现场检查\"}]}) { score } }",
                        Map.of("e", evaluation.get("id"), "i", indicator, "s", SCORES.get(name)));
            }
            GraphQL.as(OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
            if (cycleName.equals(CYCLE_NAME)) {
                GraphQL.as(OFFICIAL).data("mutation($c: ID!) { publishEvaluationCycle(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
            }
        }
    }
}
