package cn.linli.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.organization.UnifiedSocialCreditCode;
import cn.linli.procurement.SignedContract;
import cn.linli.testing.Bookings;
import cn.linli.testing.Console;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 as a 民政局 lives it, in one story on a real-shaped district (定西市安定区, 621102): the region tree from
 * the statistical division codes (CSV over HTTP), the register of social organizations (two bad credit codes
 * reported by line with nothing applied, then the fixed file), one verified from the desk, residents' needs
 * submitted, supported and answered with a procurement, a home-visit service closing the community's coverage
 * gap, and the published cycle's 公示 page and spreadsheet holding the same figures as {@code rankings}.
 */
@QuarkusTest
class GoLiveScenarioTest {
    static final String ADMIN = Tokens.of("golive-admin", "admin");
    static final String OFFICIAL = Tokens.of("golive-official", "gov_official");
    static final String EVALUATOR = Tokens.of("golive-evaluator", "evaluator");
    static final String OWNER = Tokens.of("golive-owner", "org_staff");
    static final String WEST = "621102001002";
    static final String STREET = "621102001";
    static final String REGIONS = "\uFEFFcode,name,level,parentCode,lat,lng,population,aged60Plus,children0To3,children3To12\n"
            + "621102000000,安定区,DISTRICT,,35.58,104.61,420000,80000,12000,50000\n"
            + "621102001000,中华路街道,STREET,621102000000,35.581,104.62,60000,12000,1800,7000\n"
            + "621102001001,东城社区,COMMUNITY,621102001000,35.583,104.63,9000,1800,270,1100\n"
            + "621102001002,西城社区,COMMUNITY,621102001000,35.579,104.60,8000,1600,240,1000\n"
            + "621102001003,南城社区,COMMUNITY,621102001000,35.570,104.62,7000,1400,210,900\n"
            + "621102001002001,西城一网格,GRID,621102001002,35.5791,104.601,3000,600,90,380\n"
            + "621102001002002,西城二网格,GRID,621102001002,35.5789,104.599,5000,1000,150,620\n";
    static final String ORGANIZATIONS = "creditCode,name,kind,regionCode,address,lat,lng,contactName,contactPhone\n"
            + "%s,安定区西城居家养老服务中心,社会服务机构,621102001002,西城路 1 号,,,王主任,0932-8210001\n"
            + "%s,安定区中华路社工服务站,社会服务机构,621102001,中华路 8 号,,,,0932-8210002\n"
            + "%s,安定区助老志愿者协会,社会团体,621102,,,,,\n";
    static final String IMPORT_ORGANIZATIONS = "mutation($csv: String!) { importOrganizations(input: {csv: $csv}) { rows created } }";
    static final String ORGANIZATION = "query($id: ID) { organization(id: $id) { id name status approximateLocation location { lat lng } } }";

    @Inject
    Fixtures fixtures;

    static String creditCode(String body) {
        String first17 = "52621102" + body;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @Test
    void aDistrictGoesLiveHearsItsResidentsAndPublishesItsResults() throws IOException {
        fixtures.people();
        // 1. the region tree, as the statistics bureau's file (UTF-8 with BOM) over HTTP
        Response regions = given().header("Authorization", "Bearer " + ADMIN).contentType("text/csv")
                .body(REGIONS.getBytes(StandardCharsets.UTF_8)).post("/admin/import/regions");
        assertEquals(200, regions.statusCode(), regions.asString());
        assertEquals(7, regions.jsonPath().getInt("created"));
        GraphQL.as(ADMIN).data("mutation { appointOfficial(input: {subject: \"golive-official\", regionCode: \"621102\", "
                + "unitName: \"安定区民政局\"}) { subject } }");
        assertEquals(List.of("东城社区", "西城社区", "南城社区"), GraphQL.anonymous().data("{ regions(parentCode: \"621102001\") { name } }")
                .getList("regions.name"));

        // 2. the register of social organizations: two bad codes, reported by line, nothing applied; then fixed
        String a = creditCode("MJ0000001");
        String b = creditCode("MJ0000002");
        String c = creditCode("MJ0000003");
        String badB = b.substring(0, 17) + (b.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> refused = GraphQL.as(OFFICIAL).error(IMPORT_ORGANIZATIONS,
                Map.of("csv", ORGANIZATIONS.formatted(a, badB, "52621102MJ00000")));
        assertEquals("VALIDATION", GraphQL.code(refused));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rowErrors = (List<Map<String, Object>>) ((Map<String, Object>) refused.get("extensions")).get("rowErrors");
        assertEquals(List.of(3, 4), rowErrors.stream().map(e -> e.get("line")).toList());
        assertEquals(0, desk().getInt("pendingOrganizations.count"), "nothing applied");
        assertEquals(3, GraphQL.as(OFFICIAL).data(IMPORT_ORGANIZATIONS, Map.of("csv", ORGANIZATIONS.formatted(a, b, c)))
                .getInt("importOrganizations.created"));
        JsonPath waiting = desk();
        assertEquals(3, waiting.getInt("pendingOrganizations.count"));
        String westCentre = fixtures.string("SELECT id FROM organization WHERE credit_code = '" + a + "'");
        JsonPath imported = GraphQL.as(OFFICIAL).data(ORGANIZATION, Map.of("id", westCentre));
        assertEquals("PENDING", imported.getString("organization.status"));
        assertTrue(imported.getBoolean("organization.approximateLocation"), "no coordinates: the community's centroid, flagged");
        assertEquals(35.579, imported.getDouble("organization.location.lat"), 1e-6);

        // 3. verified from the desk; its director is made its OWNER (claiming an imported record is not built: SQL)
        GraphQL.as(OFFICIAL).data(Console.DECIDE.formatted("verifyOrganization"), Map.of("id", westCentre, "reason", "登记证书核验无误"));
        assertEquals(2, desk().getInt("pendingOrganizations.count"));
        fixtures.execute("INSERT INTO organization_member (organization_id, subject, role, added_by) VALUES (" + westCentre
                + ", 'golive-owner', 'OWNER', 'golive-official')");
        // the centre completes its record: what it offers, and where it really is (no longer approximate)
        int version = GraphQL.as(OWNER).data("query($id: ID) { organization(id: $id) { version } }", Map.of("id", westCentre))
                .getInt("organization.version");
        GraphQL.as(OWNER).data("mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }",
                Map.of("input", Map.of("id", westCentre, "version", version, "serviceCategoryCodes", List.of("elderly.home-care"),
                        "location", Map.of("lat", 35.5795, "lng", 104.6012))));
        assertFalse(GraphQL.as(OWNER).data(ORGANIZATION, Map.of("id", westCentre)).getBoolean("organization.approximateLocation"));

        // 4. residents say what 西城社区 needs; a neighbour supports it; the official answers it with a tender
        String resident = Tokens.of("golive-resident", "resident");
        String need = GraphQL.as(resident).data(GraphQL.operation("ServiceNeeds"), Map.of("input", Map.of("categoryCode",
                "elderly.home-care", "regionCode", "621102001002001", "text", "独居老人多，希望有上门助浴和照护")), "SubmitServiceNeed")
                .getString("submitServiceNeed.id");
        GraphQL.as(Tokens.of("golive-neighbour", "resident")).data("mutation($id: ID!) { supportServiceNeed(input: {id: $id}) { id } }",
                Map.of("id", need));
        JsonPath needs = GraphQL.anonymous().data("{ serviceNeeds(regionCode: \"621102\") { totalCount edges { node { id supporters "
                + "communityCode text } } } }");
        assertEquals(1, needs.getInt("serviceNeeds.totalCount"));
        assertEquals(2, needs.getInt("serviceNeeds.edges[0].node.supporters"));
        assertEquals(WEST, needs.getString("serviceNeeds.edges[0].node.communityCode"));
        assertNull(needs.get("serviceNeeds.edges[0].node.text"), "what a resident wrote is not public");
        Map<String, Object> tender = new HashMap<>();
        tender.put("title", "安定区西城社区居家上门照护服务");
        tender.put("categoryCode", "elderly.home-care");
        tender.put("serviceTargets", "上门照护 2000 人次");
        tender.put("targetRegionCodes", List.of(WEST));
        tender.put("budgetFen", 1_200_000);
        tender.put("method", "COMPETITIVE_CONSULTATION");
        tender.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        tender.put("tenderEnd", OffsetDateTime.now().plusDays(3).toString());
        tender.put("needIds", List.of(need));
        String procurement = GraphQL.as(OFFICIAL).data("mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id } }",
                Map.of("input", tender)).getString("createProcurement.id");
        assertEquals(procurement, GraphQL.as(OFFICIAL).data("{ serviceNeeds(regionCode: \"621102\") { edges { node { status "
                + "procurement { id } } } } }").getString("serviceNeeds.edges[0].node.procurement.id"));
        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { publishTender(input: {id: $id}) { id } }", Map.of("id", procurement));
        assertEquals(1, desk().getInt("tendersClosingSoon.count"), "closes in 3 days");

        // 5. coverage: 西城社区 has no service, until the centre's home visits cover it
        assertEquals(true, coverage().get("gap"));
        Map<String, Object> content = Console.completeContent("西城社区上门照护");
        content.put("categoryCode", "elderly.home-care");
        content.put("mode", "HOME_VISIT");
        content.remove("location");
        content.put("regionCode", WEST);
        content.put("serviceAreaCodes", List.of(WEST));
        content.put("capacityPerSlot", 4);
        content.put("weeklyHours", List.of(Map.of("weekday", 1, "opens", "09:00", "closes", "17:00"),
                Map.of("weekday", 3, "opens", "09:00", "closes", "17:00")));
        JsonPath listing = Console.createListing(OWNER, Long.parseLong(westCentre), content);
        Console.act(OWNER, "publishServiceListing", listing.getString("createServiceListing.id"), listing.getInt("createServiceListing.version"));
        Map<String, Object> west = coverage();
        assertEquals(false, west.get("gap"), "the home-visit service's area covers 西城社区: " + west);
        assertEquals(64, west.get("weeklyCapacity"), "16 hourly slots of 4 places");
        assertEquals(40.0, ((Number) west.get("capacityPer1000")).doubleValue(), 0.001, "64 places for 1 600 people aged 60+");

        // 6. the tender awarded to the centre, the contract evaluated, the cycle published
        String bid = GraphQL.as(OWNER).data("mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }",
                Map.of("input", Map.of("procurementId", procurement, "organizationId", westCentre, "amountFen", 1_100_000)))
                .getString("submitBid.id");
        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { closeTender(input: {id: $id}) { id } }", Map.of("id", procurement));
        LocalDate today = LocalDate.now(Bookings.CHINA);
        String contract = GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) "
                + "{ contracts { id } } }", Map.of("input", Map.of("id", procurement, "justification", "综合评分最高",
                "awards", List.of(Map.of("bidId", bid, "contract", Map.of("startsOn", today.minusDays(40).toString(),
                        "endsOn", today.plusMonths(10).toString(), "milestones", List.of(Map.of("title", "首期",
                                "dueOn", today.plusMonths(1).toString(), "amountFen", 550_000))))))))
                .getString("awardProcurement.contracts[0].id");
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        GraphQL.as(ADMIN).data("mutation { registerEvaluator(input: {subject: \"golive-evaluator\", agency: \"定西市第三方评估中心\"}) }");
        JsonPath template = GraphQL.as(OFFICIAL).data("mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) "
                + "{ id indicators { id } } }", Map.of("input", Map.of("name", "安定区居家养老服务考核", "indicators", List.of(
                Map.of("name", "服务规范", "kind", "MANUAL", "weight", 100)))));
        String cycle = GraphQL.as(OFFICIAL).data("mutation($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }",
                Map.of("input", Map.of("name", "安定区2026年居家养老服务考核", "periodStart", today.minusDays(30).toString(),
                        "periodEnd", today.toString(), "regionCode", "621102", "categoryCode", "elderly",
                        "templateId", template.getString("createEvaluationTemplate.id")))).getString("openEvaluationCycle.id");
        assertEquals(List.of(cycle), GraphQL.as(OFFICIAL).data("{ evaluationCycles(filter: {regionCode: \"621102\", status: SCORING}) "
                + "{ edges { node { id } } } }").getList("evaluationCycles.edges.node.id"));
        String evaluation = GraphQL.as(OFFICIAL).data("query($c: ID!) { evaluations(cycleId: $c) { id } }", Map.of("c", cycle))
                .getString("evaluations[0].id");
        GraphQL.as(OFFICIAL).data("mutation($e: ID!) { assignEvaluator(input: {evaluationId: $e, evaluatorSubject: \"golive-evaluator\"}) "
                + "{ id } }", Map.of("e", evaluation));
        assertEquals(List.of(evaluation), GraphQL.as(EVALUATOR).data("{ me { evaluatorAssignments(open: true) { edges { node { id } } } } }")
                .getList("me.evaluatorAssignments.edges.node.id"));
        GraphQL.as(EVALUATOR).data("mutation($e: ID!, $i: ID!) { scoreEvaluation(input: {evaluationId: $e, scores: [{indicatorId: $i, "
                + "score: 88, comment: \"台账完整，回访及时\"}]}) { score } }", Map.of("e", evaluation,
                "i", template.getString("createEvaluationTemplate.indicators[0].id")));
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { closeScoring(input: {cycleId: $c}) { status } }", Map.of("c", cycle));
        GraphQL.as(OFFICIAL).data("mutation($c: ID!) { publishEvaluationCycle(input: {cycleId: $c}) { status } }", Map.of("c", cycle));

        // 7. the 公示 page and its spreadsheet say what rankings says
        Map<String, Object> ranked = GraphQL.anonymous().data("query($c: ID!) { rankings(regionCode: \"621102\", cycleId: $c) "
                + "{ organizationName total rank gradeLabel } }", Map.of("c", cycle)).getMap("rankings[0]");
        assertEquals("安定区西城居家养老服务中心", ranked.get("organizationName"));
        assertEquals(88.0, ((Number) ranked.get("total")).doubleValue(), 0.001);
        Response page = given().get("/reports/evaluation-cycles/" + cycle);
        assertEquals(200, page.statusCode());
        String html = page.asString();
        assertTrue(html.contains("安定区2026年居家养老服务考核") && html.contains("安定区西城居家养老服务中心"), "the page names the cycle and the organization");
        assertTrue(html.contains("88.00") || html.contains("88.0"), "the page shows the total");
        assertTrue(html.contains((String) ranked.get("gradeLabel")), "and the grade");
        assertTrue(html.contains("<svg"), "with the charts drawn on the server");
        Response xlsx = given().queryParam("format", "xlsx").get("/reports/evaluation-cycles/" + cycle);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum(), "one organization evaluated");
            assertEquals(ranked.get("rank"), (int) sheet.getRow(1).getCell(0).getNumericCellValue());
            assertEquals(ranked.get("organizationName"), sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals(88.0, sheet.getRow(1).getCell(2).getNumericCellValue(), 0.001);
            assertEquals(ranked.get("gradeLabel"), sheet.getRow(1).getCell(3).getStringCellValue());
        }
        assertFalse(desk().getInt("contractsEndingSoon.count") > 0, "the contract runs for 10 more months");
    }

    private static JsonPath desk() {
        return GraphQL.as(OFFICIAL).data(GraphQL.operation("OfficialDesk"), Map.of("items", 5)).setRootPath("data.me.desk");
    }

    private static Map<String, Object> coverage() {
        List<Map<String, Object>> communities = GraphQL.as(OFFICIAL).data("{ coverage(regionCode: \"621102\", categoryCode: \"elderly\") "
                + "{ regionCode gap noService weeklyCapacity capacityPer1000 openNeeds } }").getList("coverage");
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        communities.forEach(community -> byCode.put((String) community.get("regionCode"), community));
        return byCode.get(WEST);
    }
}
