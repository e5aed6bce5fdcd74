package cn.linli.procurement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
 * Issue 12: the OCDS publication names the tenderers exactly as GraphQL {@code bids} shows them to anyone — nobody
 * while TENDERING or EVALUATING, nobody when the procurement fails, the winners after the award.
 */
@QuarkusTest
class OcdsDisclosureTest {
    static final String OFFICIAL = Tokens.of("official-test", "gov_official");
    static final String OWNER_A = Tokens.of("owner-a", "org_staff");
    static final String OWNER_B = Tokens.of("owner-b", "org_staff");
    static final String A = "CN-USCC-52990100MJ00000012";
    static final String B = "CN-USCC-52990100MJ00000025";
    static final String CREATE = "mutation($input: CreateProcurementInput!) { createProcurement(input: $input) { id ocid } }";
    static final String ACTION = "mutation($id: ID!) { %s(input: {id: $id}) { id status } }";
    static final String BID = "mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }";
    static final String BIDS = "query($id: ID!) { procurement(id: $id) { status bidCount bids { organizationName } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    /** A TENDERING procurement both fixture organizations may bid for, with both bids in; returns {id, ocid, bid A, bid B}. */
    String[] tenderingWithTwoBids(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("categoryCode", "elderly.home-care");
        input.put("targetRegionCodes", List.of("990100001"));
        input.put("budgetFen", 1_000_000);
        input.put("method", "OPEN");
        input.put("tenderStart", OffsetDateTime.now().minusMinutes(5).toString());
        input.put("tenderEnd", OffsetDateTime.now().plusDays(10).toString());
        JsonPath created = GraphQL.as(OFFICIAL).data(CREATE, Map.of("input", input));
        String id = created.getString("createProcurement.id");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("publishTender"), Map.of("id", id));
        String bidA = GraphQL.as(OWNER_A).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 900_000))).getString("submitBid.id");
        String bidB = GraphQL.as(OWNER_B).data(BID, Map.of("input", Map.of("procurementId", id,
                "organizationId", String.valueOf(fixtures.organizationB()), "amountFen", 800_000))).getString("submitBid.id");
        return new String[] {id, created.getString("createProcurement.ocid"), bidA, bidB};
    }

    static JsonPath record(String ocid) {
        return given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath()
                .setRootPath("records[0].compiledRelease");
    }

    /** The procurement's latest release in /ocds/releases, paging through from a minute before the test. */
    static Map<String, Object> fromReleases(String ocid, OffsetDateTime since) {
        int offset = 0;
        Map<String, Object> latest = null;
        while (true) {
            JsonPath page = given().queryParam("since", since.toString()).queryParam("offset", offset).queryParam("limit", 100)
                    .get("/ocds/releases").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> releases = page.getList("releases");
            for (Map<String, Object> release : releases) {
                if (ocid.equals(release.get("ocid"))) {
                    latest = release;
                }
            }
            if (page.get("links.next") == null) {
                return latest;
            }
            offset += 100;
        }
    }

    /** Every release of the procurement, as published: none ever names a bidder before the award. */
    static List<Map<String, Object>> releasesOf(String ocid) {
        return given().get("/ocds/records/" + ocid).then().statusCode(200).extract().jsonPath().getList("records[0].releases");
    }

    /** The tenderer ids of the record and of the releases, and no party that is not public. */
    void assertTenderers(String ocid, OffsetDateTime since, List<String> expected, List<String> hiddenParties) {
        JsonPath record = record(ocid);
        assertEquals(expected, record.getList("tender.tenderers.id"), "record tenderers");
        assertEquals(2, record.getInt("tender.numberOfTenderers"), "how many bid is public, as bidCount");
        List<String> parties = record.getList("parties.id");
        for (String hidden : hiddenParties) {
            assertFalse(parties.contains(hidden), "party " + hidden + " is not public: " + parties);
        }
        Map<String, Object> release = fromReleases(ocid, since);
        assertNotNull(release, "published in /ocds/releases");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tenderers = (List<Map<String, Object>>) ((Map<String, Object>) release.get("tender")).get("tenderers");
        assertEquals(expected, tenderers.stream().map(t -> t.get("id")).toList(), "releases tenderers");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> releaseParties = (List<Map<String, Object>>) release.get("parties");
        for (String hidden : hiddenParties) {
            assertFalse(releaseParties.stream().anyMatch(party -> hidden.equals(party.get("id"))), "release party " + hidden);
        }
    }

    @Test
    void noTenderersWhileTenderingOrEvaluatingNorWhenTheProcurementFails() {
        OffsetDateTime since = OffsetDateTime.now().minusMinutes(1);
        String[] p = tenderingWithTwoBids("OCDS 投标人披露测试（流标）");
        // the reproduction: TENDERING, and the record listed both bidders while GraphQL bids showed nobody
        assertEquals(List.of(), GraphQL.anonymous().data(BIDS, Map.of("id", p[0])).getList("procurement.bids"));
        assertTenderers(p[1], since, List.of(), List.of(A, B));

        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", p[0]));
        assertEquals(List.of(), GraphQL.anonymous().data(BIDS, Map.of("id", p[0])).getList("procurement.bids"));
        assertTenderers(p[1], since, List.of(), List.of(A, B));

        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { cancelProcurement(input: {id: $id, reason: \"无有效投标\", unsuccessful: true}) "
                + "{ status } }", Map.of("id", p[0]));
        JsonPath failed = GraphQL.anonymous().data(BIDS, Map.of("id", p[0]));
        assertEquals("UNSUCCESSFUL", failed.getString("procurement.status"));
        assertEquals(List.of(), failed.getList("procurement.bids"));
        assertTenderers(p[1], since, List.of(), List.of(A, B));
    }

    @Test
    void afterTheAwardTheWinnersAreTenderersAndTheOthersStayUnnamed() {
        OffsetDateTime since = OffsetDateTime.now().minusMinutes(1);
        String[] p = tenderingWithTwoBids("OCDS 投标人披露测试（授标）");
        GraphQL.as(OFFICIAL).data(ACTION.formatted("closeTender"), Map.of("id", p[0]));
        LocalDate start = LocalDate.now();
        GraphQL.as(OFFICIAL).data("mutation($input: AwardProcurementInput!) { awardProcurement(input: $input) { status } }",
                Map.of("input", Map.of("id", p[0], "justification", "综合评分第一", "awards", List.of(Map.of("bidId", p[2],
                        "contract", Map.of("startsOn", start.toString(), "endsOn", start.plusMonths(6).toString(),
                                "milestones", List.of(Map.of("title", "一期", "dueOn", start.plusMonths(1).toString(),
                                        "amountFen", 900_000))))))));
        assertEquals(List.of("测试甲养老服务中心"), GraphQL.anonymous().data(BIDS, Map.of("id", p[0]))
                .getList("procurement.bids.organizationName"));
        assertTenderers(p[1], since, List.of(A), List.of(B));
        assertEquals(List.of("tenderer", "supplier"), record(p[1]).getList("parties.find { it.id == '" + A + "' }.roles"));
        List<Map<String, Object>> releases = releasesOf(p[1]);
        assertEquals(5, releases.size(), "tender, two bids, tender closed, award");
        for (Map<String, Object> release : releases.subList(0, 4)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tender = (Map<String, Object>) release.get("tender");
            assertEquals(List.of(), tender.get("tenderers"), "the releases before the award name no bidder, and never will");
        }
    }
}
