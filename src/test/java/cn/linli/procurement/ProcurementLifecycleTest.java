package cn.linli.procurement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 政府购买服务 from tender to payment, public by default, published as OCDS. */
@QuarkusTest
class ProcurementLifecycleTest {
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OTHER_OFFICIAL = Tokens.of("official-qlh", "gov_official");
    static final String OWNER_A = Tokens.of("owner-a", "org_staff");
    static final String OWNER_B = Tokens.of("owner-b", "org_staff");
    static final String CREATE = "mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id ocid status buyerName } }";
    static final String ACTION = "mutation($id: ID!, $reason: String) { %s(input: {id: $id, reason: $reason}) { id status } }";
    static final String BID = "mutation($input: SubmitBidInput!) { submitBid(input: $input) { id status amountFen } }";
    static final String AWARD = "mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) { id status "
            + "contracts { id status amountFen milestones { id amountFen } } } }";
    static final String VIEW = "query($id: ID!) { procurement(id: $id) { status bidCount bids { organizationName amountFen status } "
            + "awards { organizationName amountFen } contracts { id paidFen } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    static Map<String, Object> procurementInput(String title, String category, long budget) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("description", "为测试街道 60 岁以上老人提供助餐服务。");
        input.put("serviceTargets", "全年助餐 12 000 人次");
        input.put("categoryCode", category);
        input.put("targetRegionCodes", List.of("990100001"));
        input.put("budgetFen", budget);
        input.put("method", "OPEN");
        input.put("minRatingLevel", "A4");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(10).toString());
        input.put("documents", List.of(Map.of("title", "招标文件", "url", "https://example.gov.cn/tender/1.pdf")));
        return input;
    }

    static Map<String, Object> terms(LocalDate start, LocalDate end, long... milestones) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < milestones.length; i++) {
            list.add(Map.of("title", "第" + (i + 1) + "期", "dueOn", start.plusMonths(3L * (i + 1)).toString(),
                    "amountFen", milestones[i], "requiresPassingGrade", i > 0));
        }
        return Map.of("startsOn", start.toString(), "endsOn", end.toString(),
                "serviceTargets", List.of(Map.of("name", "助餐", "quantity", 12000, "unit", "人次")), "milestones", list);
    }

    String tendering(String title, long budget) {
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", procurementInput(title, "elderly.meal", budget)))
                .getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));
        return id;
    }

    @Test
    void tenderBidAwardContractPayment() {
        JsonPath created = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", procurementInput("测试街道居家养老助餐服务项目", "elderly.meal", 1_000_000)));
        String id = created.getString("createProcurement.id");
        assertEquals("PLANNING", created.getString("createProcurement.status"));
        assertEquals("测试区民政局", created.getString("createProcurement.buyerName"));
        assertEquals("NOT_FOUND", GraphQL.code(GraphQL.anonymous().error(VIEW, Map.of("id", id))), "not public while planning");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(ACTION.formatted("publishTender"), Map.of("id", id))));
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));

        Map<String, Object> bidA = Map.of("procurementId", id, "organizationId", String.valueOf(fixtures.organizationA()),
                "amountFen", 900_000, "proposal", "中央厨房配送，覆盖全部社区");
        String bidId = GraphQL.as(OWNER_A).data(BID, Map.of("input", bidA)).getString("submitBid.id");
        assertEquals("CONFLICT", GraphQL.code(GraphQL.as(OWNER_A).error(BID, Map.of("input", bidA))), "one live bid");
        Map<String, Object> tooMuch = new HashMap<>(bidA);
        tooMuch.put("amountFen", 1_000_001);
        assertEquals("input.amountFen", GraphQL.field(GraphQL.as(OWNER_A).error(BID, Map.of("input", tooMuch))));
        Map<String, Object> unrated = GraphQL.as(OWNER_B).error(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationB()), "amountFen", 800_000)));
        assertEquals("VALIDATION", GraphQL.code(unrated));
        assertTrue(((String) unrated.get("message")).contains("4A"), (String) unrated.get("message"));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("staff-a", "org_staff")).error(BID, Map.of("input", bidA))),
                "only an OWNER bids");

        JsonPath publicView = GraphQL.anonymous().data(VIEW, Map.of("id", id));
        assertEquals(1, publicView.getInt("procurement.bidCount"));
        assertEquals(List.of(), publicView.getList("procurement.bids"), "bids are not public before the award");
        assertEquals(List.of(), GraphQL.as(OWNER_B).data(VIEW, Map.of("id", id)).getList("procurement.bids"));
        assertEquals(List.of(900_000), GraphQL.as(OWNER_A).data(VIEW, Map.of("id", id)).getList("procurement.bids.amountFen"));
        assertEquals(List.of(900_000), GraphQL.as(OFFICIAL).data(VIEW, Map.of("id", id)).getList("procurement.bids.amountFen"));

        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", id));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OWNER_A).error(BID, Map.of("input", bidA))));

        LocalDate start = LocalDate.now().plusDays(1);
        Map<String, Object> tooLong = Map.of("id", id, "justification", "综合评分第一",
                "awards", List.of(Map.of("bidId", bidId, "contract", terms(start, start.plusYears(2), 300_000))));
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(OFFICIAL).error(AWARD, Map.of("input", tooLong))), "at most 1 year");
        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "综合评分第一",
                "awards", List.of(Map.of("bidId", bidId, "contract", terms(start, start.plusYears(1).minusDays(1), 300_000, 600_000))))));
        assertEquals("AWARDED", awarded.getString("awardProcurement.status"));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        assertEquals("PENDING", awarded.getString("awardProcurement.contracts[0].status"));
        JsonPath after = GraphQL.anonymous().data(VIEW, Map.of("id", id));
        assertEquals(List.of("测试甲养老服务中心"), after.getList("procurement.bids.organizationName"), "the winning bid is public");
        assertEquals(List.of(900_000), after.getList("procurement.awards.amountFen"));

        String milestone = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        String pay = "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amountFen } }";
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(pay,
                Map.of("input", Map.of("milestoneId", milestone, "amountFen", 100_000)))), "not active yet");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        GraphQL.as(OFFICIAL).data(pay, Map.of("input", Map.of("milestoneId", milestone, "amountFen", 300_000)));
        assertEquals("input.amountFen", GraphQL.field(GraphQL.as(OFFICIAL).error(pay,
                Map.of("input", Map.of("milestoneId", milestone, "amountFen", 1)))), "the milestone is paid in full");
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(pay,
                Map.of("input", Map.of("milestoneId", milestone, "amountFen", 1)))));
        fixtures.execute("UPDATE contract SET payments_withheld = true WHERE id = " + contract);
        String second = awarded.getString("awardProcurement.contracts[0].milestones[1].id");
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(pay,
                Map.of("input", Map.of("milestoneId", second, "amountFen", 100_000)))), "withheld");
        fixtures.execute("UPDATE contract SET payments_withheld = false WHERE id = " + contract);
        assertEquals(300_000, GraphQL.anonymous().data(VIEW, Map.of("id", id)).getInt("procurement.contracts[0].paidFen"));
    }

    @Test
    void paymentsNeverExceedTheContractUnderConcurrency() throws Exception {
        String id = tendering("并发付款测试项目", 2_000_000);
        String bidId = GraphQL.as(OWNER_A).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 500_000))).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", id));
        LocalDate start = LocalDate.now();
        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "唯一有效投标",
                "awards", List.of(Map.of("bidId", bidId, "contract", terms(start, start.plusMonths(6), 500_000))))));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        String milestone = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Response>> payments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            payments.add(() -> GraphQL.as(OFFICIAL).post("mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }",
                    Map.of("input", Map.of("milestoneId", milestone, "amountFen", 100_000))));
        }
        int paid = 0;
        for (Future<Response> result : pool.invokeAll(payments)) {
            if (result.get().jsonPath().get("errors") == null) {
                paid++;
            }
        }
        pool.shutdown();
        assertEquals(5, paid);
        assertEquals(500_000, fixtures.id("SELECT sum(amount_fen) FROM payment WHERE contract_id = " + contract));
    }

    @Test
    void barredAndWronglyServingOrganizationsAreRefusedWithTheRule() {
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", procurementInput("托育服务采购", "childcare.infant", 500_000)))
                .getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));
        Map<String, Object> bid = Map.of("procurementId", id, "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 1000);
        Map<String, Object> category = GraphQL.as(OWNER_A).error(BID, Map.of("input", bid));
        assertTrue(((String) category.get("message")).contains("childcare.infant"), (String) category.get("message"));
        String meal = tendering("禁入测试项目", 500_000);
        fixtures.execute("UPDATE organization SET barred_until = current_date + 30 WHERE id = " + fixtures.organizationA());
        try {
            Map<String, Object> barred = GraphQL.as(OWNER_A).error(BID, Map.of("input", Map.of("procurementId", meal,
                    "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 1000)));
            assertEquals("VALIDATION", GraphQL.code(barred));
            assertTrue(((String) barred.get("message")).contains("禁止投标"), (String) barred.get("message"));
        } finally {
            fixtures.execute("UPDATE organization SET barred_until = NULL WHERE id = " + fixtures.organizationA());
        }
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(Tokens.of("official-console", "gov_official")).error(CREATE,
                Map.of("input", procurementInput("越权采购", "elderly.meal", 1000)))), "target regions outside the jurisdiction");
    }

    @Test
    void listingsFundedByAContractShowTheBuyerAndRenewalFollowsEligibility() {
        String id = tendering("关联与续签测试项目", 3_000_000);
        String bidId = GraphQL.as(OWNER_A).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 1_000_000))).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", id));
        LocalDate start = LocalDate.now();
        String contract = GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "评审第一",
                "awards", List.of(Map.of("bidId", bidId, "contract", terms(start, start.plusMonths(11), 400_000, 600_000))))))
                .getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));

        String service = Bookings.openService(fixtures.organizationA(), "政府购买助餐测试", 5, Map.of());
        String link = "mutation($s: ID!, $c: ID!) { linkListingToContract(input: {serviceId: $s, contractId: $c}) { governmentFunded funding { buyerName contractCode } } }";
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OWNER_B).error(link, Map.of("s", service, "c", contract))));
        JsonPath linked = GraphQL.as(OWNER_A).data(link, Map.of("s", service, "c", contract));
        assertTrue(linked.getBoolean("linkListingToContract.governmentFunded"));
        assertEquals("测试区民政局", linked.getString("linkListingToContract.funding.buyerName"));
        assertTrue(GraphQL.anonymous().data("{ services(filter: {governmentFunded: true, regionCode: \"990300\"}, first: 100) "
                + "{ edges { node { id } } } }").getList("services.edges.node.id").contains(service));

        String renew = "mutation($input: RenewContractInput!) { renewContract(input: $input) { id renewsContractId status } }";
        Map<String, Object> renewal = Map.of("input", Map.of("id", contract, "amountFen", 1_100_000,
                "contract", terms(start.plusYears(1), start.plusYears(2).minusDays(1), 500_000)));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(renew, renewal)), "not eligible without 优秀");
        fixtures.execute("UPDATE contract SET renewal_eligible = true WHERE id = " + contract);
        JsonPath renewed = GraphQL.as(OFFICIAL).data(renew, renewal);
        assertEquals(contract, renewed.getString("renewContract.renewsContractId"));

        String ocid = GraphQL.anonymous().data("query($id: ID!) { procurement(id: $id) { ocid } }", Map.of("id", id))
                .getString("procurement.ocid");
        JsonPath record = given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath();
        assertTrue(record.getList("records[0].compiledRelease.contracts.relatedProcesses.flatten().relationship.flatten()")
                .contains("renewal"));
    }

    @Test
    void theOcdsRecordOfACompleteProcurementFieldByField() {
        String id = tendering("OCDS 字段测试项目", 1_234_500);
        String bidId = GraphQL.as(OWNER_A).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 1_000_050))).getString("submitBid.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", id));
        LocalDate start = LocalDate.of(2027, 1, 1);
        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "评审第一",
                "awards", List.of(Map.of("bidId", bidId, "contract", terms(start, LocalDate.of(2027, 12, 31), 400_000, 600_050))))));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        GraphQL.as(OFFICIAL).data("mutation($m: ID!) { recordPayment(input: {milestoneId: $m, amountFen: 400000, paidOn: \"2027-04-02\"}) { id } }",
                Map.of("m", awarded.getString("awardProcurement.contracts[0].milestones[0].id")));
        String ocid = GraphQL.anonymous().data("query($id: ID!) { procurement(id: $id) { ocid } }", Map.of("id", id))
                .getString("procurement.ocid");
        assertTrue(ocid.startsWith("ocds-linli0-"));

        JsonPath json = given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath();
        assertEquals("1.1", json.getString("version"));
        assertEquals(ocid, json.getString("records[0].ocid"));
        JsonPath release = json.setRootPath("records[0].compiledRelease");
        assertEquals(ocid, release.getString("ocid"));
        assertEquals(List.of("compiled"), release.getList("tag"));
        JsonPath whole = given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(List.of("tender"), List.of("tenderUpdate"), List.of("tenderUpdate"), List.of("award"),
                List.of("contract"), List.of("implementation")), whole.getList("records[0].releases.tag"),
                "one release per change: published, a bid, closed, awarded, activated, paid");
        assertEquals(ocid + "-" + whole.getString("records[0].releases[-1].date"), release.getString("id"));
        assertEquals("tender", release.getString("initiationType"));
        assertEquals("测试区民政局", release.getString("buyer.name"));
        assertEquals("CN-GOV-990100", release.getString("buyer.id"));
        assertEquals(List.of("buyer", "procuringEntity"), release.getList("parties.find { it.id == 'CN-GOV-990100' }.roles"));
        assertEquals(List.of("tenderer", "supplier"), release.getList("parties.find { it.id == 'CN-USCC-52990100MJ00000012' }.roles"));
        assertEquals("52990100MJ00000012", release.getString("parties.find { it.id == 'CN-USCC-52990100MJ00000012' }.identifier.id"));
        assertEquals("OCDS 字段测试项目", release.getString("tender.title"));
        assertEquals("complete", release.getString("tender.status"));
        assertEquals(12345.0, release.getDouble("tender.value.amount"), 0.001, "fen → yuan");
        assertEquals("CNY", release.getString("tender.value.currency"));
        assertEquals("open", release.getString("tender.procurementMethod"));
        assertEquals("公开招标", release.getString("tender.procurementMethodDetails"));
        assertEquals("services", release.getString("tender.mainProcurementCategory"));
        assertEquals(1, release.getInt("tender.numberOfTenderers"));
        assertEquals("https://example.gov.cn/tender/1.pdf", release.getString("tender.documents[0].url"));
        assertEquals("elderly.meal", release.getString("tender.items[0].classification.id"));
        assertEquals(10000.5, release.getDouble("awards[0].value.amount"), 0.001);
        assertEquals("测试甲养老服务中心", release.getString("awards[0].suppliers[0].name"));
        assertEquals(release.getString("awards[0].id"), release.getString("contracts[0].awardID"));
        assertEquals("active", release.getString("contracts[0].status"));
        assertEquals("2027-01-01T00:00:00+08:00", release.getString("contracts[0].period.startDate"));
        assertEquals("2027-12-31T23:59:59+08:00", release.getString("contracts[0].period.endDate"), "through its last day");
        assertEquals(12345.0, release.getDouble("planning.budget.amount.amount"), 0.001);
        assertEquals("ratedCriteria", release.getString("tender.awardCriteria"));
        assertTrue(release.getString("tender.eligibilityCriteria").contains("4A"), release.getString("tender.eligibilityCriteria"));
        assertEquals("contractSigned", release.getString("contracts[0].documents[0].documentType"));
        assertEquals(SignedContract.url(contract), release.getString("contracts[0].documents[0].url"));
        assertTrue(release.getString("contracts[0].documents[0].description").contains(SignedContract.SHA_256));
        assertTrue(release.getString("contracts[0].dateSigned").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*"));
        assertEquals(2, release.getList("contracts[0].milestones").size());
        assertEquals("payment", release.getString("contracts[0].milestones[0].type"));
        assertEquals("met", release.getString("contracts[0].milestones[0].status"));
        assertEquals("scheduled", release.getString("contracts[0].milestones[1].status"));
        assertEquals(4000.0, release.getDouble("contracts[0].implementation.transactions[0].value.amount"), 0.001);
        assertEquals("CN-GOV-990100", release.getString("contracts[0].implementation.transactions[0].payer.id"));
        assertEquals("CN-USCC-52990100MJ00000012", release.getString("contracts[0].implementation.transactions[0].payee.id"));

        JsonPath releases = given().queryParam("since", "2020-01-01T00:00:00Z").queryParam("limit", 1)
                .get("/ocds/releases").then().statusCode(200).extract().jsonPath();
        assertEquals(1, releases.getList("releases").size());
        assertTrue(releases.getString("links.next").contains("offset=1"));
        given().queryParam("since", "2020-01-01").get("/ocds/releases").then().statusCode(200);
        JsonPath badSince = given().queryParam("since", "yesterday").get("/ocds/releases").then().statusCode(400)
                .contentType("application/json").extract().jsonPath();
        assertEquals("VALIDATION", badSince.getString("code"));
        assertTrue(badSince.getString("message").contains("since"), badSince.getString("message"));
        assertEquals("VALIDATION", given().queryParam("limit", "0").get("/ocds/releases").then().statusCode(400)
                .extract().jsonPath().getString("code"));
        assertEquals("NOT_FOUND", given().get("/ocds/records/ocds-linli0-999999999").then().statusCode(404)
                .contentType("application/json").extract().jsonPath().getString("code"));
    }

    @Test
    void officialsSeeSpendingPerCategory() {
        String query = "query($r: String!, $y: Int!) { procurementSummary(regionCode: $r, year: $y) { categoryCode budgetFen awardedFen paidFen } }";
        int year = OffsetDateTime.now().getYear();
        tendering("汇总测试项目", 777_000);
        JsonPath summary = GraphQL.as(OFFICIAL).data(query, Map.of("r", "990100", "y", year));
        assertTrue(summary.getLong("procurementSummary.find { it.categoryCode == 'elderly.meal' }.budgetFen") >= 777_000);
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OTHER_OFFICIAL).error(query, Map.of("r", "990100", "y", year))));
        assertEquals("FORBIDDEN", GraphQL.code(GraphQL.as(OWNER_A).error(query, Map.of("r", "990100", "y", year))));
    }

    @Test
    void singleSourceIsAwardedDirectlyWithItsJustificationAndProcurementsCanBeCancelled() {
        Map<String, Object> input = procurementInput("单一来源助餐应急项目", "elderly.meal", 300_000);
        input.put("method", "SINGLE_SOURCE");
        String id = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", input)).getString("createProcurement.id");
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(ACTION.formatted("publishTender"), Map.of("id", id))),
                "no public tender for 单一来源");
        LocalDate start = LocalDate.now();
        JsonPath awarded = GraphQL.as(OFFICIAL).data(AWARD, Map.of("input", Map.of("id", id, "justification", "灾后应急，仅该机构具备条件",
                "awards", List.of(Map.of("organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 300_000,
                        "contract", terms(start, start.plusMonths(3), 300_000))))));
        assertEquals("AWARDED", awarded.getString("awardProcurement.status"));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        JsonPath view = GraphQL.anonymous().data("query($id: ID!) { procurement(id: $id) { justification bidCount } }", Map.of("id", id));
        assertEquals("灾后应急，仅该机构具备条件", view.getString("procurement.justification"));
        assertEquals(0, view.getInt("procurement.bidCount"));
        String ocid = GraphQL.anonymous().data("query($id: ID!) { procurement(id: $id) { ocid } }", Map.of("id", id)).getString("procurement.ocid");
        JsonPath release = given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath()
                .setRootPath("records[0].compiledRelease");
        assertEquals("direct", release.getString("tender.procurementMethod"));
        assertEquals("灾后应急，仅该机构具备条件", release.getString("tender.procurementMethodRationale"));

        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        String terminate = "mutation($id: ID!, $r: String) { terminateContract(input: {id: $id, reason: $r}) { status } }";
        Map<String, Object> noReason = new HashMap<>();
        noReason.put("id", contract);
        noReason.put("r", null);
        assertEquals("VALIDATION", GraphQL.code(GraphQL.as(OFFICIAL).error(terminate, noReason)));
        assertEquals("TERMINATED", GraphQL.as(OFFICIAL).data(terminate, Map.of("id", contract, "r", "服务对象已转介"))
                .getString("terminateContract.status"));

        String cancelled = tendering("取消测试项目", 100_000);
        String cancel = "mutation($id: ID!, $r: String, $u: Boolean) { cancelProcurement(input: {id: $id, reason: $r, unsuccessful: $u}) { status } }";
        assertEquals("UNSUCCESSFUL", GraphQL.as(OFFICIAL).data(cancel, Map.of("id", cancelled, "r", "无有效投标", "u", true))
                .getString("cancelProcurement.status"));
        assertEquals("INVALID_STATE", GraphQL.code(GraphQL.as(OFFICIAL).error(cancel, Map.of("id", cancelled, "r", "again", "u", false))));
    }
}
