package cn.linli.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, money and counts: no amount wraps, every amount is bounded by what contains it (payment ≤ the milestone's
 * unpaid rest, milestones ≤ the award, awards ≤ the budget, a renewal within the budget), refused as VALIDATION on the
 * field, with a message that does not echo the amount sent.
 */
@QuarkusTest
class MoneyBoundsTest {
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OWNER_A = Tokens.of("owner-a", "org_staff");
    static final String CREATE = "mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id } }";
    static final String ACTION = "mutation($id: ID!) { %s(input: {id: $id}) { id status } }";
    static final String BID = "mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }";
    static final String AWARD = "mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) { id status "
            + "contracts { id amountFen milestones { id amountFen } } } }";
    static final String PAY = "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amountFen } }";
    static final String RENEW = "mutation($input: RenewContractInput!) { renewContract(input: $input) { id amountFen } }";
    static final String CONTRACT = "query($id: ID!) { contract(id: $id) { paidFen milestones { paidFen } } }";
    static final String STATUS = "query($id: ID!) { procurement(id: $id) { status awards { id } } }";
    static final long MAX = Long.MAX_VALUE;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    static Map<String, Object> procurement(String title, long budget) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("categoryCode", "elderly.meal");
        input.put("targetRegionCodes", List.of("990100001"));
        input.put("budgetFen", budget);
        input.put("method", "OPEN");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(10).toString());
        return input;
    }

    static Map<String, Object> terms(LocalDate start, LocalDate end, long quantity, long... milestones) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < milestones.length; i++) {
            list.add(Map.of("title", "第" + (i + 1) + "期", "dueOn", start.plusMonths(i + 1L).toString(), "amountFen", milestones[i]));
        }
        return Map.of("startsOn", start.toString(), "endsOn", end.toString(),
                "serviceTargets", List.of(Map.of("name", "助餐", "quantity", quantity, "unit", "人次")), "milestones", list);
    }

    /** A procurement in EVALUATING with owner-a's bid of {@code bid} fen; returns {procurement id, bid id}. */
    String[] evaluating(String title, long budget, long bid) {
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", procurement(title, budget))).getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));
        String bidId = GraphQL.as(OWNER_A).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", bid))).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", id));
        return new String[] {id, bidId};
    }

    static Map<String, Object> award(String[] procurement, Map<String, Object> contract) {
        return Map.of("input", Map.of("id", procurement[0], "justification", "评审第一",
                "awards", List.of(Map.of("bidId", procurement[1], "contract", contract))));
    }

    /** VALIDATION on exactly this field, with a message that does not quote the amount sent. */
    static void refused(Map<String, Object> error, String field, long sent) {
        assertEquals("VALIDATION", GraphQL.code(error), error.toString());
        assertEquals(field, GraphQL.field(error), error.toString());
        String message = (String) error.get("message");
        if (Math.abs(sent) >= 1_000) { // (small numbers may well be part of a message's own text)
            assertFalse(message.contains(String.valueOf(sent)) || message.contains(String.format("%,d", sent)),
                    "the message does not echo the input: " + message);
        }
    }

    @Test
    void aHugePaymentAfterOneFenIsRefusedAndThePaidSumNeverWraps() {
        String[] p = evaluating("付款溢出测试项目", 10_000, 1_000);
        LocalDate start = LocalDate.now();
        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, award(p, terms(start, start.plusMonths(6), 100, 1_000)));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        String milestone = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));

        GraphQL.as(OFFICIAL).data(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 1)));
        // the reproduction: 2^63 − 1 fen after 1 fen was accepted, and paidFen read −2^63
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", MAX))),
                "input.amountFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", MAX - 1))),
                "input.amountFen", MAX - 1);
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", Money.MAX_FEN))),
                "input.amountFen", Money.MAX_FEN);
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 1_000))),
                "input.amountFen", 1_000); // 999 left
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 0))),
                "input.amountFen", 0);
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", -1))),
                "input.amountFen", -1);
        JsonPath view = GraphQL.anonymous().data(CONTRACT, Map.of("id", contract));
        assertEquals(1L, view.getLong("contract.paidFen"));
        assertEquals(1L, view.getLong("contract.milestones[0].paidFen"));

        GraphQL.as(OFFICIAL).data(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 999)));
        refused(GraphQL.as(OFFICIAL).error(PAY, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 1))),
                "input.amountFen", 1);
        assertEquals(1_000L, GraphQL.anonymous().data(CONTRACT, Map.of("id", contract)).getLong("contract.paidFen"));
        assertEquals(1_000L, fixtures.id("SELECT sum(amount_fen) FROM payment WHERE contract_id = " + contract));
    }

    @Test
    void milestonesThatWrapPastTheAwardAreRefusedOnTheMilestone() {
        String[] p = evaluating("里程碑溢出测试项目", 1_000, 1_000);
        LocalDate start = LocalDate.now();
        // the reproduction: two milestones of 2^63 − 1 summed to −2 and passed as "at most the 1 000-fen award"
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), 100, MAX, MAX))),
                "input.awards[0].contract.milestones[0].amountFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), 100, 1, MAX))),
                "input.awards[0].contract.milestones[1].amountFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), 100, 600, 401))),
                "input.awards[0].contract.milestones[1].amountFen", 401);
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), 100, 600, 0))),
                "input.awards[0].contract.milestones[1].amountFen", 0);
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), MAX, 1_000))),
                "input.awards[0].contract.serviceTargets[0].quantity", MAX);
        long[] tooMany = new long[Money.MAX_ITEMS + 1];
        java.util.Arrays.fill(tooMany, 1);
        refused(GraphQL.as(OFFICIAL).error(AWARD, award(p, terms(start, start.plusMonths(6), 100, tooMany))),
                "input.awards[0].contract.milestones", Money.MAX_ITEMS + 1);
        JsonPath unchanged = GraphQL.as(OFFICIAL).data(STATUS, Map.of("id", p[0]));
        assertEquals("EVALUATING", unchanged.getString("procurement.status"), "nothing was awarded");
        assertEquals(List.of(), unchanged.getList("procurement.awards"));

        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, award(p, terms(start, start.plusMonths(6), 100, 600, 400)));
        assertEquals(List.of(600, 400), awarded.getList("awardProcurement.contracts[0].milestones.amountFen"));
    }

    @Test
    void awardsStayWithinTheBudgetAndBudgetsAndBidsWithinTheCeiling() {
        refused(GraphQL.as(OFFICIAL).error(CREATE, Map.of("input", procurement("预算过大", MAX))), "input.budgetFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(CREATE, Map.of("input", procurement("预算过大", Money.MAX_BUDGET_FEN + 1))),
                "input.budgetFen", Money.MAX_BUDGET_FEN + 1);

        String tender = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", procurement("投标溢出测试项目", 1_000)))
                .getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", tender));
        refused(GraphQL.as(OWNER_A).error(BID, Map.of("input", Map.of("procurementId", tender,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", MAX))), "input.amountFen", MAX);

        Map<String, Object> input = procurement("单一来源预算测试项目", 1_000);
        input.put("method", "SINGLE_SOURCE");
        input.put("categoryCode", "elderly"); // both organizations serve a kind of elderly care: eligible, so the amounts decide
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", input)).getString("createProcurement.id");
        LocalDate start = LocalDate.now();
        String a = String.valueOf(fixtures.organizationA());
        String b = String.valueOf(fixtures.organizationB());
        refused(GraphQL.as(OFFICIAL).error(AWARD, Map.of("input", Map.of("id", id, "justification", "应急",
                "awards", List.of(Map.of("organizationId", a, "amountFen", MAX,
                        "contract", terms(start, start.plusMonths(3), 100, MAX)))))), "input.awards[0].amountFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(AWARD, Map.of("input", Map.of("id", id, "justification", "应急",
                "awards", List.of(
                        Map.of("organizationId", a, "amountFen", 600, "contract", terms(start, start.plusMonths(3), 100, 600)),
                        Map.of("organizationId", b, "amountFen", 401, "contract", terms(start, start.plusMonths(3), 100, 401)))))),
                "input.awards[1].amountFen", 401);
        assertEquals("PLANNING", GraphQL.as(OFFICIAL).data(STATUS, Map.of("id", id)).getString("procurement.status"));
        GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "应急",
                "awards", List.of(
                        Map.of("organizationId", a, "amountFen", 600, "contract", terms(start, start.plusMonths(3), 100, 600)),
                        Map.of("organizationId", b, "amountFen", 400, "contract", terms(start, start.plusMonths(3), 100, 400))))));
    }

    @Test
    void aRenewalIsBoundedByTheBudgetBesideTheContractsRunningAtTheSameTime() {
        String[] p = evaluating("续签上限测试项目", 1_000_000, 600_000);
        LocalDate start = LocalDate.now();
        String contract = GraphQL.as(OFFICIAL).data(AWARD, award(p, terms(start, start.plusMonths(6), 100, 600_000)))
                .getString("awardProcurement.contracts[0].id");
        fixtures.execute("UPDATE contract SET renewal_eligible = true WHERE id = " + contract);
        LocalDate next = start.plusMonths(7);

        // the reproduction: renewContract took any positive amount
        refused(GraphQL.as(OFFICIAL).error(RENEW, Map.of("input", Map.of("id", contract, "amountFen", MAX,
                "contract", terms(next, next.plusMonths(6), 100, 1_000)))), "input.amountFen", MAX);
        refused(GraphQL.as(OFFICIAL).error(RENEW, Map.of("input", Map.of("id", contract, "amountFen", 1_000_001,
                "contract", terms(next, next.plusMonths(6), 100, 1_000)))), "input.amountFen", 1_000_001);
        // running at the same time as the 600 000-fen contract, only 400 000 of the budget are left
        LocalDate overlapping = start.plusMonths(3);
        refused(GraphQL.as(OFFICIAL).error(RENEW, Map.of("input", Map.of("id", contract, "amountFen", 400_001,
                "contract", terms(overlapping, overlapping.plusMonths(6), 100, 1_000)))), "input.amountFen", 400_001);
        refused(GraphQL.as(OFFICIAL).error(RENEW, Map.of("input", Map.of("id", contract, "amountFen", 1_000,
                "contract", terms(next, next.plusMonths(6), 100, 1_000, MAX)))), "input.contract.milestones[1].amountFen", MAX);

        JsonPath renewed = GraphQL.as(OFFICIAL).data(RENEW, Map.of("input", Map.of("id", contract, "amountFen", 1_000_000,
                "contract", terms(next, next.plusMonths(6), 100, 1_000_000))));
        assertEquals(1_000_000L, renewed.getLong("renewContract.amountFen"));
    }
}
