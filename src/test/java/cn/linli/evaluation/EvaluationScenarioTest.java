package cn.linli.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.procurement.SignedContract;
import cn.linli.testing.Bookings;
import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole of 优胜劣汰 on a real PostgreSQL with real tokens: a tender, two organizations bid, one wins,
 * residents book and review, an evaluator scores, the cycle publishes, the failing organization's services
 * vanish and its next bid is refused; it appeals, and the decision lifts the outcomes.
 */
@QuarkusTest
class EvaluationScenarioTest {
    static final String OFFICIAL = Tokens.of("official-console", "gov_official");
    static final String ADMIN = Tokens.of("root", "admin");
    static final String EVALUATOR = Tokens.of("agency-eval-1", "evaluator");
    static final String BID = "mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }";
    static final String CREATE = "mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id } }";
    static final String ACTION = "mutation($id: ID!) { %s(input: {id: $id}) { id status } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /** A verified, 5A-rated organization of the console world serving 助餐; returns its id. */
    String organization(String owner, String name) {
        String id = GraphQL.as(owner).data(Console.REGISTER, Map.of("input", Console.registration(name, Console.newCreditCode())))
                .getString("registerOrganization.id");
        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"), Map.of("id", id, "reason", "资料齐全"));
        GraphQL.as(OFFICIAL).data("mutation($id: ID!, $e: Date!) { setOrganizationRating(input: {id: $id, level: A5, expiresOn: $e}) { id } }",
                Map.of("id", id, "e", LocalDate.now().plusYears(3).toString()));
        return id;
    }

    String tender(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("categoryCode", "elderly.meal");
        input.put("targetRegionCodes", List.of("990300001"));
        input.put("budgetFen", 2_000_000);
        input.put("method", "COMPETITIVE_CONSULTATION");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(5).toString());
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", input)).getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));
        return id;
    }

    static Map<String, Object> bid(String procurement, String organization, long amount) {
        return Map.of("input", Map.of("procurementId", procurement, "organizationId", organization, "amountFen", amount));
    }

    @Test
    void failAppealAndRecovery() {
        String owner1 = Tokens.of("eval-owner-1", "org_staff");
        String owner2 = Tokens.of("eval-owner-2", "org_staff");
        String org1 = organization(owner1, "考核甲助老服务社");
        String org2 = organization(owner2, "考核乙助老服务社");

        // a tender, two organizations bid, one wins
        String procurement = tender("考核场景助餐项目");
        String winning = GraphQL.as(owner1).data(BID, bid(procurement, org1, 1_000_000)).getString("submitBid.id");
        GraphQL.as(owner2).data(BID, bid(procurement, org2, 1_200_000));
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", procurement));
        LocalDate today = LocalDate.now(Bookings.CHINA);
        JsonPath awarded = GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ contracts { id milestones { id } } } }", Map.of("input", Map.of("id", procurement, "justification", "报价最低",
                "awards", List.of(Map.of("bidId", winning, "contract", Map.of("startsOn", today.minusDays(20).toString(),
                        "endsOn", today.plusMonths(10).toString(),
                        "serviceTargets", List.of(Map.of("name", "助餐", "quantity", 3000, "unit", "人次")),
                        "milestones", List.of(Map.of("title", "二期", "dueOn", today.plusMonths(3).toString(), "amountFen", 500_000))))))));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        String milestone = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));

        // the winner runs a funded service; residents book and review it
        String service = Bookings.openService(owner1, Long.parseLong(org1), "考核场景长者食堂", 10, Map.of());
        GraphQL.as(owner1).data("mutation($s: ID!, $c: ID!) { linkListingToContract(input: {serviceId: $s, contractId: $c}) { id } }",
                Map.of("s", service, "c", contract));
        for (int i = 0; i < 2; i++) {
            String resident = Tokens.of("diner-" + i, "resident");
            String booking = GraphQL.as(resident).data(Bookings.BOOK, Map.of("input", Bookings.forFather(service, Bookings.slot(1, 10 + i), null)))
                    .getString("bookService.id");
            Bookings.act(owner1, "confirmBooking", booking, null);
            fixtures.execute("UPDATE booking SET slot_start = now() - interval '2 days' WHERE id = " + booking);
            // the service record completes the booking; the resident served confirms it (evidence for COMPLETION)
            String delivery = GraphQL.as(owner1).data("mutation($input: RecordServiceDeliveryInput!) { recordServiceDelivery(input: $input) "
                    + "{ id } }", Map.of("input", Map.of("serviceId", service, "bookingId", booking,
                    "startedAt", OffsetDateTime.now().minusDays(2).toString(), "endedAt", OffsetDateTime.now().minusDays(2).plusHours(1).toString(),
                    "checkIn", Map.of("lat", 31.0012, "lng", 121.0), "checkOut", Map.of("lat", 31.0012, "lng", 121.0))))
                    .getString("recordServiceDelivery.id");
            GraphQL.as(resident).data("mutation($id: ID!) { confirmServiceDelivery(input: {id: $id}) { id } }", Map.of("id", delivery));
            GraphQL.as(resident).data("mutation($b: ID!, $r: Int!) { reviewBooking(input: {bookingId: $b, rating: $r, text: \"饭菜凉了\"}) { id } }",
                    Map.of("b", booking, "r", 1 + i));
        }
        assertTrue(Console.searchable("考核场景长者食堂"));
        // a complaint about the service, upheld and resolved the same day
        String complaint = GraphQL.as(Tokens.of("diner-0", "resident")).data("mutation($s: ID!) { submitFeedback(input: {kind: COMPLAINT, "
                + "serviceId: $s, text: \"送餐迟到\"}) { id } }", Map.of("s", service)).getString("submitFeedback.id");
        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { resolveFeedback(input: {id: $id, resolution: \"属实\", upheld: true}) { id } }",
                Map.of("id", complaint));

        // the template, the cycle, the evaluator
        GraphQL.as(ADMIN).data("mutation { registerEvaluator(input: {subject: \"agency-eval-1\", agency: \"测试第三方评估所\"}) }");
        JsonPath template = GraphQL.as(OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id version indicators { id kind } } }", Map.of("input", Map.of("name", "助餐服务考核", "indicators", List.of(
                Map.of("name", "服务规范", "kind", "MANUAL", "weight", 40), Map.of("name", "居民满意度", "kind", "SATISFACTION", "weight", 30),
                Map.of("name", "目标完成", "kind", "COMPLETION", "weight", 10), Map.of("name", "投诉", "kind", "COMPLAINTS", "weight", 10),
                Map.of("name", "回应", "kind", "RESPONSIVENESS", "weight", 10)))));
        String manualIndicator = template.getString("createEvaluationTemplate.indicators.find { it.kind == 'MANUAL' }.id");
        String open = "mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id status } }";
        Map<String, Object> cycleInput = new HashMap<>(Map.of("name", "2026年第四季度考核", "periodStart", today.minusDays(10).toString(),
                "periodEnd", today.toString(), "regionCode", "990300", "categoryCode", "elderly",
                "templateId", template.getString("createEvaluationTemplate.id")));
        String cycle = GraphQL.as(OFFICIAL).data(open, Map.of("input", cycleInput)).getString("openEvaluationCycle.id");
        List<Map<String, Object>> evaluations = GraphQL.as(OFFICIAL).data("query($c: ID!) { evaluations(cycleId: $c) { id contractId } }",
                Map.of("c", cycle)).getList("evaluations");
        String evaluation = (String) evaluations.stream().filter(e -> contract.equals(e.get("contractId"))).findFirst().orElseThrow().get("id");
        GraphQL.as(OFFICIAL).data("mutation($e: ID!) { assignEvaluator(input: {evaluationId: $e, evaluatorSubject: \"agency-eval-1\"}) { id } }",
                Map.of("e", evaluation));
        String score = "mutation($e: ID!, $i: ID!, $s: Float!) { scoreEvaluation(input: {evaluationId: $e, scores: [{indicatorId: $i, score: $s, comment: \"台账不全\"}]}) { score } }";
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("other-eval", "evaluator")).error(score,
                Map.of("e", evaluation, "i", manualIndicator, "s", 40.0))), "only the assigned evaluator");
        GraphQL.as(EVALUATOR).data(score, Map.of("e", evaluation, "i", manualIndicator, "s", 40.0));
        // other contracts of the region in scope get a pass from the evaluator too, so the cycle can publish
        for (Map<String, Object> other : evaluations) {
            if (!other.get("id").equals(evaluation)) {
                GraphQL.as(OFFICIAL).data("mutation($e: ID!) { assignEvaluator(input: {evaluationId: $e, evaluatorSubject: \"agency-eval-1\"}) { id } }",
                        Map.of("e", other.get("id")));
                GraphQL.as(EVALUATOR).data(score, Map.of("e", other.get("id"), "i", manualIndicator, "s", 80.0));
            }
        }
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(EVALUATOR).error(score, Map.of("e", evaluation, "i", manualIndicator, "s", 90.0))),
                "scoring is closed");
        JsonPath computed = GraphQL.as(OFFICIAL).data("query($c: ID!) { evaluations(cycleId: $c) { id scores { kind score inputs } } }",
                Map.of("c", cycle));
        String satisfaction = "evaluations.find { it.id == '%s' }.scores.find { it.kind == 'SATISFACTION' }".formatted(evaluation);
        assertEquals(30.0, computed.getDouble(satisfaction + ".score"), 0.01, "mean rating 1.5 × 20");
        assertTrue(computed.getString(satisfaction + ".inputs").replace(" ", "").contains("\"reviews\":2"));
        String mineScores = "evaluations.find { it.id == '%s' }.scores".formatted(evaluation);
        long termDays = java.time.temporal.ChronoUnit.DAYS.between(today.minusDays(20), today.plusMonths(10)) + 1;
        double completion = Math.round(2 * 100.0 / (3000.0 * 11 / termDays) * 100) / 100.0;
        assertEquals(completion, computed.getDouble(mineScores + ".find { it.kind == 'COMPLETION' }.score"), 0.01,
                "2 confirmed service records against 3 000 meals pro-rated to 11 of " + termDays + " days");
        assertTrue(computed.getString(mineScores + ".find { it.kind == 'COMPLETION' }.inputs").replace(" ", "")
                .contains("\"verifiedDeliveries\":2"), "stored with its inputs");
        JsonPath counts = GraphQL.anonymous().data("query($id: ID!) { contract(id: $id) { deliveries { delivered confirmed disputed verified } } }",
                Map.of("id", contract));
        assertEquals(2, counts.getInt("contract.deliveries.delivered"), "public numbers of the contract's service records");
        assertEquals(2, counts.getInt("contract.deliveries.confirmed"));
        assertEquals(0.0, computed.getDouble(mineScores + ".find { it.kind == 'COMPLAINTS' }.score"), 0.01,
                "1 upheld complaint per 2 completed bookings = 50 per 100");
        assertEquals(100.0, computed.getDouble(mineScores + ".find { it.kind == 'RESPONSIVENESS' }.score"), 0.01,
                "the complaint was answered the same day");
        // every computed score equals a recomputation from the inputs stored with it
        for (Map<String, Object> computedScore : computed.<Map<String, Object>>getList(mineScores)) {
            String kind = (String) computedScore.get("kind");
            if (kind.equals("MANUAL")) {
                continue;
            }
            JsonPath inputs = JsonPath.from((String) computedScore.get("inputs"));
            double recomputed = switch (kind) {
                case "SATISFACTION" -> inputs.getLong("reviews") == 0 ? 60 : inputs.getDouble("meanRating") * 20;
                case "COMPLETION" -> inputs.getDouble("periodTarget") <= 0 ? 100
                        : Math.min(100, inputs.getLong("verifiedDeliveries") * 100.0 / inputs.getDouble("periodTarget"));
                case "COMPLAINTS" -> Math.max(0, 100 - 20 * inputs.getDouble("upheldPer100Bookings"));
                case "RESPONSIVENESS" -> {
                    double answeredShare = inputs.getLong("feedback") == 0 ? 100
                            : inputs.getLong("answeredWithin7Days") * 100.0 / inputs.getLong("feedback");
                    yield inputs.getLong("ratedResolutions") == 0 ? answeredShare
                            : 0.7 * answeredShare + 0.3 * inputs.getLong("satisfiedResolutions") * 100.0 / inputs.getLong("ratedResolutions");
                }
                case "CONFIRMATION_RATE" -> inputs.getLong("deliveries") == 0 ? 0
                        : inputs.getLong("confirmedByResidents") * 100.0 / inputs.getLong("deliveries");
                default -> throw new AssertionError(kind);
            };
            assertEquals(recomputed, ((Number) computedScore.get("score")).doubleValue(), 0.02, kind + " from " + inputs.prettify());
        }
        double expectedTotal = Math.round((0.4 * 40 + 0.3 * 30 + 0.1 * completion + 0.1 * 0 + 0.1 * 100) * 100) / 100.0;

        // publishing: 不合格 → outcomes
        JsonPath published = GraphQL.as(OFFICIAL).data("mutation($c: ID!) { publishEvaluationCycle(input: {cycleId: $c}) { status } }",
                Map.of("c", cycle));
        assertEquals("PUBLISHED", published.getString("publishEvaluationCycle.status"));
        JsonPath result = GraphQL.anonymous().data("query($c: ID!) { evaluations(cycleId: $c) { id total grade gradeLabel rank "
                + "scores { kind comment } outcomes { kind liftedAt } } }", Map.of("c", cycle));
        String mine = "evaluations.find { it.id == '%s' }".formatted(evaluation);
        assertEquals(expectedTotal, result.getDouble(mine + ".total"), 0.01);
        assertEquals("FAIL", result.getString(mine + ".grade"));
        assertEquals("不合格", result.getString(mine + ".gradeLabel"));
        assertNull(result.get(mine + ".scores.find { it.kind == 'MANUAL' }.comment"), "manual comments are not public");
        assertEquals("台账不全", GraphQL.as(owner1).data("query($c: ID!) { evaluations(cycleId: $c) { id scores { kind comment } } }",
                Map.of("c", cycle)).getString(mine + ".scores.find { it.kind == 'MANUAL' }.comment"));
        assertTrue(result.getList(mine + ".outcomes.kind").containsAll(List.of("WITHHOLD_PAYMENTS", "PAUSE_LISTINGS", "BAR_ORGANIZATION")));
        assertFalse(Console.searchable("考核场景长者食堂"), "the failing contract's services leave search");
        String newTender = tender("考核后新项目");
        Map<String, Object> barred = GraphQL.as(owner1).error(BID, bid(newTender, org1, 100_000));
        assertTrue(((String) barred.get("message")).contains("禁止投标"), (String) barred.get("message"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error("mutation($m: ID!) { recordPayment(input: "
                + "{milestoneId: $m, amountFen: 1000}) { id } }", Map.of("m", milestone))), "payments withheld");

        // the sanction sticks: BARRED; the paused listing cannot be republished; no award, no renewal, no payment
        String status = "query($o: ID!) { organization(id: $o) { status } }";
        assertEquals("BARRED", GraphQL.anonymous().data(status, Map.of("o", org1)).getString("organization.status"));
        int version = (int) fixtures.id("SELECT version FROM service_listing WHERE id = " + service);
        Map<String, Object> republish = GraphQL.as(owner1).error(Console.LISTING_ACTION.formatted("publishServiceListing"),
                Map.of("id", service, "version", version));
        assertEquals("INVALID_STATE", GraphQL.code(republish), "a listing paused by 不合格 stays paused");
        assertTrue(((String) republish.get("message")).contains("考核不合格"), (String) republish.get("message"));
        Map<String, Object> direct = new HashMap<>(Map.of("title", "单一来源绕过测试", "categoryCode", "elderly.meal",
                "targetRegionCodes", List.of("990300001"), "budgetFen", 100_000, "method", "SINGLE_SOURCE",
                "tenderStart", OffsetDateTime.now().minusMinutes(5).toString(), "tenderEnd", OffsetDateTime.now().plusDays(5).toString()));
        String singleSource = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", direct)).getString("createProcurement.id");
        Map<String, Object> award = GraphQL.as(OFFICIAL).error("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ id } }", Map.of("input", Map.of("id", singleSource, "justification", "应急", "awards", List.of(Map.of(
                "organizationId", org1, "amountFen", 100_000, "contract", Map.of("startsOn", today.toString(),
                        "endsOn", today.plusMonths(3).toString(), "serviceTargets", List.of(), "milestones", List.of()))))));
        assertEquals("VALIDATION", GraphQL.code(award), "a barred organization is not awarded, even single-source");
        assertEquals("input.awards[0].organizationId", GraphQL.field(award));
        fixtures.execute("UPDATE contract SET renewal_eligible = true WHERE id = " + contract); // as if an older 优秀 made it so
        Map<String, Object> renewal = GraphQL.as(OFFICIAL).error("mutation($input: RenewContractInput!) { renewContract(input: $input) "
                + "{ id } }", Map.of("input", Map.of("id", contract, "amountFen", 100_000, "contract", Map.of(
                "startsOn", today.plusMonths(11).toString(), "endsOn", today.plusMonths(20).toString(),
                "serviceTargets", List.of(), "milestones", List.of()))));
        assertEquals("VALIDATION", GraphQL.code(renewal), "a barred organization is not renewed");
        fixtures.execute("UPDATE contract SET renewal_eligible = false WHERE id = " + contract);

        // the appeal (复核) changes the grade and lifts the outcomes
        String appeal = "mutation($e: ID!) { appealEvaluation(input: {evaluationId: $e, reasons: \"满意度样本过少，台账已补齐\"}) { id status } }";
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(owner2).error(appeal, Map.of("e", evaluation))), "only its OWNER appeals");
        String appealId = GraphQL.as(owner1).data(appeal, Map.of("e", evaluation)).getString("appealEvaluation.id");
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(owner1).error(appeal, Map.of("e", evaluation))), "one pending appeal");
        String decide = "mutation($a: ID!, $t: Float) { decideAppeal(input: {appealId: $a, decision: CHANGED, newTotal: $t, "
                + "reason: \"补充材料核实后调整\"}) { status newTotal } }";
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-test", "gov_official")).error(decide,
                Map.of("a", appealId, "t", 75.0))), "an official of another region");
        assertEquals("CHANGED", GraphQL.as(OFFICIAL).data(decide, Map.of("a", appealId, "t", 75.0)).getString("decideAppeal.status"));

        assertTrue(Console.searchable("考核场景长者食堂"), "its listings return");
        assertEquals("ACTIVE", GraphQL.anonymous().data(status, Map.of("o", org1)).getString("organization.status"), "the bar is lifted");
        assertEquals(0, fixtures.id("SELECT count(*) FROM service_listing WHERE paused_by_outcome_id IS NOT NULL AND id = " + service));
        GraphQL.as(owner1).data(BID, bid(newTender, org1, 100_000));
        GraphQL.as(OFFICIAL).data("mutation($m: ID!) { recordPayment(input: {milestoneId: $m, amountFen: 1000}) { id } }", Map.of("m", milestone));
        JsonPath history = GraphQL.anonymous().data("query($o: ID!) { organization(id: $o) { excellentBadge evaluationHistory { "
                + "grade total version outcomes { kind liftedAt } appeals { status } } } }", Map.of("o", org1));
        assertEquals("PASS", history.getString("organization.evaluationHistory[0].grade"));
        assertEquals(2, history.getInt("organization.evaluationHistory[0].version"));
        assertEquals(List.of("CHANGED"), history.getList("organization.evaluationHistory[0].appeals.status"));
        assertTrue(history.getList("organization.evaluationHistory[0].outcomes.liftedAt").stream().allMatch(at -> at != null));
        assertEquals(2, fixtures.id("SELECT count(*) FROM evaluation_version WHERE evaluation_id = " + evaluation), "every version kept");
        assertEquals(List.of("考核甲助老服务社"), GraphQL.anonymous().data("query($c: ID!) { rankings(regionCode: \"990300\", cycleId: $c) "
                + "{ organizationName } }", Map.of("c", cycle)).getList("rankings.organizationName").stream()
                .filter(name -> name.equals("考核甲助老服务社")).toList());
    }

    @Test
    void publishingIsRefusedWhileAScoreIsMissing() {
        JsonPath template = GraphQL.as(OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id } }", Map.of("input", Map.of("name", "纯人工考核", "indicators", List.of(Map.of("name", "现场检查", "kind", "MANUAL", "weight", 100)))));
        // a contract of its own in the console world
        String owner = Tokens.of("eval-owner-3", "org_staff");
        String org = organization(owner, "考核丙助老服务社");
        String procurement = tender("未评分测试项目");
        String bidId = GraphQL.as(owner).data(BID, bid(procurement, org, 500_000)).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", procurement));
        LocalDate today = LocalDate.now(Bookings.CHINA);
        String contract = GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ contracts { id } } }", Map.of("input", Map.of("id", procurement, "justification", "唯一",
                "awards", List.of(Map.of("bidId", bidId, "contract", Map.of("startsOn", today.toString(), "endsOn", today.plusMonths(6).toString(),
                        "milestones", List.of(Map.of("title", "一期", "dueOn", today.plusMonths(1).toString(), "amountFen", 100_000))))))))
                .getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        JsonPath opened = GraphQL.as(OFFICIAL).data("mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) "
                + "{ id thresholds { excellent good pass } policy { withholdPayments pauseListings barMonths deregisterOnSecondFail appealDays } } }",
                Map.of("input", Map.of("name", "未评分周期", "periodStart", today.minusDays(1).toString(), "periodEnd", today.toString(),
                        "regionCode", "990300", "templateId", template.getString("createEvaluationTemplate.id"),
                        "thresholds", Map.of("excellent", 95, "good", 85, "pass", 65), "policy", Map.of("barMonths", 6))));
        String cycle = opened.getString("openEvaluationCycle.id");
        // the cycle's terms as typed fields, the defaults filled in where the official left them out
        assertEquals(Map.of("excellent", 95, "good", 85, "pass", 65), opened.getMap("openEvaluationCycle.thresholds"));
        assertEquals(Map.of("withholdPayments", true, "pauseListings", true, "barMonths", 6, "deregisterOnSecondFail", true,
                "appealDays", 15), opened.getMap("openEvaluationCycle.policy"));
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
        Map<String, Object> refused = GraphQL.as(OFFICIAL).error("mutation($c: ID!) { publishEvaluationCycle(input: {cycleId: $c}) { status } }",
                Map.of("c", cycle));
        assertEquals("INVALID_STATE", GraphQL.code(refused));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error("query($c: ID!) { evaluationCycle(id: $c) { id } }", Map.of("c", cycle))),
                "unpublished cycles are not public");
        Map<String, Object> weights = GraphQL.as(OFFICIAL).error("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) { id } }",
                Map.of("input", Map.of("name", "权重错误", "indicators", List.of(Map.of("name", "a", "kind", "MANUAL", "weight", 60)))));
        assertEquals("input.indicators", GraphQL.field(weights));
    }

    @Test
    void coverageFlagsCommunitiesWithoutServicesWithinAWalk() {
        String query = "query($r: String!, $c: String) { coverage(regionCode: $r, categoryCode: $c) { regionCode services capacity "
                + "areaServices nearestServiceMeters noService belowCapacityThreshold gap aged60Plus servedGroup servedPeople } }";
        JsonPath qilihe = GraphQL.as(Tokens.of("official-qlh", "gov_official")).data(query, Map.of("r", "620103", "c", "elderly"));
        List<Map<String, Object>> communities = qilihe.getList("coverage");
        assertEquals(65, communities.size());
        assertTrue(communities.stream().anyMatch(c -> ((Number) c.get("services")).intValue() > 0));
        for (Map<String, Object> community : communities) {
            Number nearest = (Number) community.get("nearestServiceMeters");
            boolean walkable = nearest != null && nearest.doubleValue() <= 1500;
            boolean byArea = ((Number) community.get("areaServices")).intValue() > 0;
            // without a threshold a gap is a community nothing serves: no service within a walk, no service area covering it
            assertEquals(!walkable && !byArea, community.get("noService"), community.toString());
            assertEquals(false, community.get("belowCapacityThreshold"));
            assertEquals(community.get("noService"), community.get("gap"));
            assertEquals("AGED_60_PLUS", community.get("servedGroup"));
            assertEquals(community.get("aged60Plus"), community.get("servedPeople"));
        }
        String testDistrict = Tokens.of("official-test", "gov_official");
        JsonPath none = GraphQL.as(testDistrict).data(query, Map.of("r", "990100", "c", "counseling"));
        assertTrue(none.getList("coverage.gap").stream().allMatch(Boolean.TRUE::equals), "no 心理咨询 near the test district");
        JsonPath elderly = GraphQL.as(testDistrict).data(query, Map.of("r", "990100", "c", "elderly"));
        assertEquals(false, elderly.get("coverage.find { it.regionCode == '990100001001' }.gap"), "甲社区 has services 300 m away");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OFFICIAL).error(query, Map.of("r", "620103", "c", "elderly"))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("someone", "resident")).error(query, Map.of("r", "620103", "c", "elderly"))));
    }

    /** A new organization with an ACTIVE contract and a funded published service; returns {org, contract, service, owner}. */
    String[] contracted(String ownerSubject, String name) {
        String owner = Tokens.of(ownerSubject, "org_staff");
        String org = organization(owner, name);
        String procurement = tender(name + "项目");
        String bidId = GraphQL.as(owner).data(BID, bid(procurement, org, 500_000)).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", procurement));
        LocalDate today = LocalDate.now(Bookings.CHINA);
        String contract = GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ contracts { id } } }", Map.of("input", Map.of("id", procurement, "justification", "唯一",
                "awards", List.of(Map.of("bidId", bidId, "contract", Map.of("startsOn", today.minusDays(30).toString(),
                        "endsOn", today.plusMonths(6).toString(), "milestones", List.of(Map.of("title", "一期",
                                "dueOn", today.plusMonths(1).toString(), "amountFen", 100_000))))))))
                .getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        String service = Bookings.openService(owner, Long.parseLong(org), name + "服务点", 5, Map.of());
        GraphQL.as(owner).data("mutation($s: ID!, $c: ID!) { linkListingToContract(input: {serviceId: $s, contractId: $c}) { id } }",
                Map.of("s", service, "c", contract));
        return new String[] {org, contract, service, owner};
    }

    /** Opens, scores (manual only, every evaluation of the region) and publishes a cycle over a period; returns the cycle id. */
    String publishedCycle(String name, LocalDate start, LocalDate end, Map<String, Double> scoreByContract, Map<String, Object> policy) {
        GraphQL.as(ADMIN).data("mutation { registerEvaluator(input: {subject: \"agency-eval-1\", agency: \"测试第三方评估所\"}) }");
        JsonPath template = GraphQL.as(OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id indicators { id } } }", Map.of("input", Map.of("name", name + "模板", "indicators",
                List.of(Map.of("name", "综合评价", "kind", "MANUAL", "weight", 100)))));
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "periodStart", start.toString(), "periodEnd", end.toString(),
                "regionCode", "990300", "templateId", template.getString("createEvaluationTemplate.id")));
        if (policy != null) {
            input.put("policy", policy);
        }
        String cycle = GraphQL.as(OFFICIAL).data("mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }",
                Map.of("input", input)).getString("openEvaluationCycle.id");
        String indicator = template.getString("createEvaluationTemplate.indicators[0].id");
        for (Map<String, Object> evaluation : GraphQL.as(OFFICIAL).data("query($c: ID!) { evaluations(cycleId: $c) { id contractId } }",
                Map.of("c", cycle)).<Map<String, Object>>getList("evaluations")) {
            GraphQL.as(OFFICIAL).data("mutation($e: ID!) { assignEvaluator(input: {evaluationId: $e, evaluatorSubject: \"agency-eval-1\"}) { id } }",
                    Map.of("e", evaluation.get("id")));
            double score = scoreByContract.getOrDefault((String) evaluation.get("contractId"), 75.0);
            GraphQL.as(EVALUATOR).data("mutation($e: ID!, $i: ID!, $s: Float!) { scoreEvaluation(input: {evaluationId: $e, "
                    + "scores: [{indicatorId: $i, score: $s, comment: \"现场检查\"}]}) { score } }",
                    Map.of("e", evaluation.get("id"), "i", indicator, "s", score));
        }
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { publishEvaluationCycle(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
        return cycle;
    }

    @Test
    void excellentMakesTheContractRenewableAndGivesTheBadge() {
        String[] made = contracted("eval-owner-4", "考核丁优秀机构");
        LocalDate today = LocalDate.now(Bookings.CHINA);
        publishedCycle("优秀规则周期", today.minusDays(400), today.minusDays(380), Map.of(made[1], 95.0), null);
        JsonPath contract = GraphQL.anonymous().data("query($id: ID!) { contract(id: $id) { renewalEligible latestGrade } }", Map.of("id", made[1]));
        assertTrue(contract.getBoolean("contract.renewalEligible"));
        assertEquals("EXCELLENT", contract.getString("contract.latestGrade"));
        assertTrue(GraphQL.anonymous().data("query($o: ID!) { organization(id: $o) { excellentBadge } }", Map.of("o", made[0]))
                .getBoolean("organization.excellentBadge"));
        assertTrue(Console.searchable("考核丁优秀机构服务点"), "nothing is paused");
    }

    @Test
    void failingTwiceInARowDeregistersTheOrganization() {
        String[] made = contracted("eval-owner-5", "考核戊连续不合格机构");
        LocalDate today = LocalDate.now(Bookings.CHINA);
        publishedCycle("连续不合格一", today.minusDays(300), today.minusDays(250), Map.of(made[1], 40.0), null);
        assertFalse(Console.searchable("考核戊连续不合格机构服务点"));
        String status = "query($o: ID!) { organization(id: $o) { status } }";
        assertEquals("BARRED", GraphQL.as(made[3]).data(status, Map.of("o", made[0])).getString("organization.status"),
                "the first 不合格 bars it from bids and awards; its other services stay visible");
        publishedCycle("连续不合格二", today.minusDays(200), today.minusDays(150), Map.of(made[1], 30.0), null);
        assertEquals("DEREGISTERED", GraphQL.as(made[3]).data(status, Map.of("o", made[0])).getString("organization.status"));
        assertEquals(0, fixtures.id("SELECT count(*) FROM service_listing WHERE status <> 'WITHDRAWN' AND organization_id = " + made[0]));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error(status, Map.of("o", made[0]))), "gone from the platform");
    }

    @Test
    void appealsAreFiledWithinTheWindowAndDecidedByAnOfficialWhoDidNotScore() {
        String[] made = contracted("eval-owner-6", "考核己复核规则机构");
        LocalDate today = LocalDate.now(Bookings.CHINA);
        String cycle = publishedCycle("复核规则周期", today.minusDays(100), today.minusDays(90), Map.of(made[1], 50.0), null);
        String evaluation = GraphQL.anonymous().data("query($c: ID!) { evaluations(cycleId: $c) { id contractId } }", Map.of("c", cycle))
                .getString("evaluations.find { it.contractId == '%s' }.id".formatted(made[1]));
        String appeal = "mutation($e: ID!) { appealEvaluation(input: {evaluationId: $e, reasons: \"评分有误\"}) { id } }";
        fixtures.execute("UPDATE evaluation_cycle SET published_at = now() - interval '16 days' WHERE id = " + cycle);
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(made[3]).error(appeal, Map.of("e", evaluation))), "15 days have passed");
        fixtures.execute("UPDATE evaluation_cycle SET published_at = now() WHERE id = " + cycle);
        String id = GraphQL.as(made[3]).data(appeal, Map.of("e", evaluation)).getString("appealEvaluation.id");
        String decide = "mutation($a: ID!) { decideAppeal(input: {appealId: $a, decision: UPHELD, reason: \"维持原结论\"}) { status } }";
        // a subject who scored it may not decide, even holding the official role
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("agency-eval-1", "gov_official", "evaluator")).error(decide, Map.of("a", id))));
        assertEquals("UPHELD", GraphQL.as(OFFICIAL).data(decide, Map.of("a", id)).getString("decideAppeal.status"));
        assertEquals("FAIL", GraphQL.anonymous().data("query($c: ID!) { evaluations(cycleId: $c) { id grade } }", Map.of("c", cycle))
                .getString("evaluations.find { it.id == '%s' }.grade".formatted(evaluation)), "the grade stands");
    }
}
