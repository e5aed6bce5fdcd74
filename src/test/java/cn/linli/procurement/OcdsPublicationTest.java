package cn.linli.procurement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, a procurement record that never changes: a procurement from tender to completion (bids, close, award,
 * activation with the signed contract, payments, renewal, completion by the official and by itself) publishes one
 * release per change; every record package, release package, release and compiled release served along the way
 * validates against the official OCDS 1.1 schemas; no release ever changes once published (the database refuses
 * to change them), and the release feed shows each payment once.
 */
@QuarkusTest
class OcdsPublicationTest {
    static final String OFFICIAL = ProcurementLifecycleTest.OFFICIAL;
    static final String A = "CN-USCC-52990100MJ00000012";
    static final String B = "CN-USCC-52990100MJ00000025";
    static final String PAY = "mutation($m: ID!, $a: BigInteger!) { recordPayment(input: {milestoneId: $m, amountFen: $a}) { id } }";

    @Inject
    Fixtures fixtures;
    @Inject
    Contracts contracts;

    final List<String> errors = new ArrayList<>();
    /** Every release of the process as first read, by id. */
    final Map<String, JsonNode> seen = new LinkedHashMap<>();
    int documents;
    OffsetDateTime since;

    @BeforeEach
    void people() {
        fixtures.people();
        since = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1);
    }

    void validate(String what, com.networknt.schema.JsonSchema schema, JsonNode document) {
        documents++;
        for (String error : OcdsSchemas.errors(schema, document)) {
            errors.add(what + ": " + error);
        }
    }

    void remember(JsonNode release, String step) {
        JsonNode before = seen.putIfAbsent(release.get("id").asText(), release);
        if (before != null) {
            assertEquals(before, release, "release " + release.get("id").asText() + " changed by " + step);
        }
    }

    /** Reads and validates the record package and the feed, and checks that no release seen before changed. */
    JsonNode check(String ocid, String step) {
        JsonNode recordPackage = OcdsSchemas.parse(given().get("/ocds/records/" + ocid).then().statusCode(200).extract().asString());
        validate(step + " record package", OcdsSchemas.RECORD_PACKAGE, recordPackage);
        JsonNode record = recordPackage.get("records").get(0);
        for (JsonNode release : record.get("releases")) {
            validate(step + " release " + release.get("id").asText(), OcdsSchemas.RELEASE, release);
            remember(release, step);
        }
        validate(step + " compiledRelease", OcdsSchemas.RELEASE, record.get("compiledRelease"));
        for (JsonNode release : feed(ocid, step)) {
            remember(release, step + " (feed)");
        }
        return record;
    }

    /** The releases of the process in /ocds/releases?since= (every page validated), in feed order. */
    List<JsonNode> feed(String ocid, String step) {
        List<JsonNode> ours = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int offset = 0;
        while (true) {
            JsonNode page = OcdsSchemas.parse(given().queryParam("since", since.toString()).queryParam("offset", offset)
                    .queryParam("limit", 100).get("/ocds/releases").then().statusCode(200).extract().asString());
            validate(step + " release package", OcdsSchemas.RELEASE_PACKAGE, page);
            for (JsonNode release : page.get("releases")) {
                assertTrue(ids.add(release.get("ocid").asText() + "/" + release.get("id").asText()),
                        "the feed lists a release once: " + release.get("id"));
                if (ocid.equals(release.get("ocid").asText())) {
                    ours.add(release);
                }
            }
            if (page.path("links").path("next").isMissingNode()) {
                return ours;
            }
            offset += 100;
        }
    }

    static List<String> tags(JsonNode record) {
        List<String> tags = new ArrayList<>();
        record.get("releases").forEach(release -> tags.add(String.join("+", texts(release.get("tag")))));
        return tags;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static JsonNode contract(JsonNode release, String id) {
        for (JsonNode contract : release.get("contracts")) {
            if (contract.get("id").asText().equals(id)) {
                return contract;
            }
        }
        return null;
    }

    @Test
    void fromTenderToCompletionEveryDocumentValidatesAndNoReleaseEverChanges() {
        Map<String, Object> input = ProcurementLifecycleTest.procurementInput("OCDS 发布与校验测试项目", "elderly.home-care", 3_000_000);
        input.remove("minRatingLevel");
        JsonPath created = GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.CREATE, Map.of("input", input));
        String id = created.getString("createProcurement.id");
        String ocid = GraphQL.as(OFFICIAL).data("query($id: ID!) { procurement(id: $id) { ocid } }", Map.of("id", id))
                .getString("procurement.ocid");
        assertEquals("NOT_FOUND", given().get("/ocds/records/" + ocid).then().statusCode(404).extract().jsonPath()
                .getString("code"), "nothing is published while PLANNING");

        GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.ACTION.formatted("publishTender"), Map.of("id", id));
        JsonNode first = check(ocid, "publishTender").get("releases").get(0);
        assertEquals(ocid + "-1", first.get("id").asText());
        assertNotNull(first.get("planning").get("budget").get("amount"));

        String bidA = GraphQL.as(ProcurementLifecycleTest.OWNER_A).data(ProcurementLifecycleTest.BID, Map.of("input", Map.of(
                "procurementId", id, "organizationId", String.valueOf(fixtures.organizationA()), "amountFen", 900_000)))
                .getString("submitBid.id");
        GraphQL.as(ProcurementLifecycleTest.OWNER_B).data(ProcurementLifecycleTest.BID, Map.of("input", Map.of(
                "procurementId", id, "organizationId", String.valueOf(fixtures.organizationB()), "amountFen", 800_000)));
        JsonNode afterBids = check(ocid, "bids");
        JsonNode bidsRelease = afterBids.get("releases").get(2);
        assertEquals(2, bidsRelease.get("tender").get("numberOfTenderers").asInt(), "how many bid is public, as bidCount");
        assertEquals(0, bidsRelease.get("tender").get("tenderers").size(), "who bid is not, before the award");
        assertFalse(afterBids.toString().contains(A) || afterBids.toString().contains(B), "no bidder is named anywhere");

        GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.ACTION.formatted("closeTender"), Map.of("id", id));
        check(ocid, "closeTender");

        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath awarded = GraphQL.as(OFFICIAL).data(ProcurementLifecycleTest.AWARD, Map.of("input", Map.of("id", id,
                "justification", "综合评分第一", "awards", List.of(Map.of("bidId", bidA,
                        "contract", ProcurementLifecycleTest.terms(start, start.plusMonths(11), 400_000, 500_000))))));
        String contract = awarded.getString("awardProcurement.contracts[0].id");
        String milestone1 = awarded.getString("awardProcurement.contracts[0].milestones[0].id");
        String milestone2 = awarded.getString("awardProcurement.contracts[0].milestones[1].id");
        JsonNode afterAward = check(ocid, "awardProcurement");
        JsonNode awardRelease = afterAward.get("releases").get(4);
        assertEquals(List.of(A), awardRelease.get("tender").get("tenderers").findValuesAsText("id"),
                "the winner is a tenderer after the award");
        assertFalse(afterAward.toString().contains(B), "the other bidder is named in no release, nor in the compiled one");

        // 102号令 art. 23: the signed contract, an https address and its SHA-256
        Map<String, Object> http = new HashMap<>(SignedContract.of(contract));
        http.put("url", "http://example.gov.cn/contract.pdf");
        assertEquals("input.signedDocumentUrl", GraphQL.field(GraphQL.as(OFFICIAL).error(SignedContract.ACTIVATE, http)));
        Map<String, Object> shortHash = new HashMap<>(SignedContract.of(contract));
        shortHash.put("sha", "abc123");
        assertEquals("input.signedDocumentSha256", GraphQL.field(GraphQL.as(OFFICIAL).error(SignedContract.ACTIVATE, shortHash)));
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(contract));
        JsonNode signed = contract(check(ocid, "activateContract").get("compiledRelease"), contract);
        assertEquals("active", signed.get("status").asText());
        assertEquals("contractSigned", signed.get("documents").get(0).get("documentType").asText());
        assertEquals(SignedContract.url(contract), signed.get("documents").get(0).get("url").asText());
        assertTrue(signed.get("documents").get(0).get("description").asText().contains(SignedContract.SHA_256));
        assertNotNull(signed.get("dateSigned"));

        List<String> payments = new ArrayList<>();
        payments.add(GraphQL.as(OFFICIAL).data(PAY, Map.of("m", milestone1, "a", 150_000)).getString("recordPayment.id"));
        check(ocid, "payment 1");
        payments.add(GraphQL.as(OFFICIAL).data(PAY, Map.of("m", milestone1, "a", 250_000)).getString("recordPayment.id"));
        check(ocid, "payment 2");
        payments.add(GraphQL.as(OFFICIAL).data(PAY, Map.of("m", milestone2, "a", 100_000)).getString("recordPayment.id"));
        check(ocid, "payment 3");

        fixtures.execute("UPDATE contract SET renewal_eligible = true WHERE id = " + contract);
        String renewal = GraphQL.as(OFFICIAL).data("mutation($input: RenewContractInput!) { renewContract(input: $input) { id } }",
                Map.of("input", Map.of("id", contract, "amountFen", 1_000_000, "contract",
                        ProcurementLifecycleTest.terms(start.plusYears(1), start.plusYears(2).minusDays(1), 500_000))))
                .getString("renewContract.id");
        JsonNode renewed = check(ocid, "renewContract").get("compiledRelease");
        assertEquals("renewal-" + renewal, contract(renewed, contract).get("amendments").get(0).get("id").asText());
        assertEquals("pending", contract(renewed, renewal).get("status").asText());

        GraphQL.as(OFFICIAL).data("mutation($id: ID!) { completeContract(input: {id: $id}) { status } }", Map.of("id", contract));
        assertEquals("terminated", contract(check(ocid, "completeContract").get("compiledRelease"), contract).get("status").asText());

        // the renewal runs, ends, and completes by itself 90 days later
        GraphQL.as(OFFICIAL).data(SignedContract.ACTIVATE, SignedContract.of(renewal));
        check(ocid, "activate the renewal");
        fixtures.execute("UPDATE contract SET starts_on = current_date - 200, ends_on = current_date - 91 WHERE id = " + renewal);
        assertTrue(contracts.completeOverdueContracts() >= 1);
        JsonNode record = check(ocid, "completes by itself");
        assertEquals("terminated", contract(record.get("compiledRelease"), renewal).get("status").asText());

        assertEquals(List.of("tender", "tenderUpdate", "tenderUpdate", "tenderUpdate", "award", "contract", "implementation", "implementation", "implementation",
                "contractAmendment", "contractTermination", "contract", "contractTermination"), tags(record),
                "one release per change, in order");
        List<String> releaseIds = new ArrayList<>();
        record.get("releases").forEach(release -> releaseIds.add(release.get("id").asText()));
        for (int i = 0; i < releaseIds.size(); i++) {
            assertEquals(ocid + "-" + (i + 1), releaseIds.get(i));
        }
        assertEquals(ocid + "-" + record.get("releases").get(releaseIds.size() - 1).get("date").asText(),
                record.get("compiledRelease").get("id").asText());
        assertEquals(List.of("compiled"), texts(record.get("compiledRelease").get("tag")));

        // the feed: each release once, in order; each payment shows up in exactly one release that is new with it
        List<JsonNode> feed = feed(ocid, "final");
        assertEquals(releaseIds, feed.stream().map(release -> release.get("id").asText()).toList());
        Set<String> paid = new HashSet<>();
        int implementation = 0;
        for (JsonNode release : feed) {
            List<String> transactions = new ArrayList<>();
            for (JsonNode list : release.get("contracts").findValues("transactions")) {
                list.forEach(transaction -> transactions.add(transaction.get("id").asText()));
            }
            List<String> fresh = transactions.stream().filter(t -> !paid.contains(t)).toList();
            if (texts(release.get("tag")).contains("implementation")) {
                implementation++;
                assertEquals(1, fresh.size(), "a payment release shows one new payment: " + release.get("id"));
            } else {
                assertEquals(List.of(), fresh, "only payment releases bring payments: " + release.get("id"));
            }
            paid.addAll(transactions);
        }
        assertEquals(payments.size(), implementation);
        assertEquals(new HashSet<>(payments), paid);
        JsonPath byDate = given().queryParam("since", start.toString()).get("/ocds/releases").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(byDate.getList("releases.ocid").contains(ocid), "since= takes a date as well");

        // the first release, read again after ten later changes, is the same; and the database refuses to change it
        assertEquals(first, record.get("releases").get(0));
        String one = "'" + ocid + "-1'";
        assertThrows(IllegalStateException.class, () -> fixtures.execute(
                "UPDATE ocds_release SET release = '{}' WHERE release_id = " + one));
        assertThrows(IllegalStateException.class, () -> fixtures.execute("DELETE FROM ocds_release WHERE release_id = " + one));
        assertThrows(IllegalStateException.class, () -> fixtures.execute("DELETE FROM ocds_release WHERE false"),
                "refused even when it would touch no row");
        assertThrows(IllegalStateException.class, () -> fixtures.execute("TRUNCATE ocds_release"));
        assertEquals(first, check(ocid, "after the refused changes").get("releases").get(0));

        System.out.printf("OCDS validation: %d documents, %d schema errors%n", documents, errors.size());
        assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 40)), errors.size() + " schema errors");
    }

    @Test
    void theDemoRecordAndTheFeedValidate() {
        JsonNode recordPackage = OcdsSchemas.parse(given().get("/ocds/records/ocds-linli0-demo-1").then().statusCode(200)
                .extract().asString());
        validate("demo record package", OcdsSchemas.RECORD_PACKAGE, recordPackage);
        JsonNode record = recordPackage.get("records").get(0);
        assertTrue(record.get("releases").size() >= 1, "the demo procurement has its first release");
        for (JsonNode release : record.get("releases")) {
            validate("demo release", OcdsSchemas.RELEASE, release);
        }
        validate("demo compiledRelease", OcdsSchemas.RELEASE, record.get("compiledRelease"));
        JsonNode page = OcdsSchemas.parse(given().queryParam("since", "2020-01-01").get("/ocds/releases").then().statusCode(200)
                .extract().asString());
        validate("feed since 2020-01-01", OcdsSchemas.RELEASE_PACKAGE, page);
        System.out.printf("OCDS validation (demo): %d documents, %d schema errors%n", documents, errors.size());
        assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 40)), errors.size() + " schema errors");
    }

    @Test
    void theSchemasCatchWhatIssue13Found() {
        // the reproduction: dates without seconds and a contract end date without time
        JsonNode bad = OcdsSchemas.parse("{\"ocid\":\"ocds-x-1\",\"id\":\"ocds-x-1-1\",\"date\":\"2025-12-01T10:00+08:00\","
                + "\"tag\":[\"contract\"],\"initiationType\":\"tender\",\"contracts\":[{\"id\":\"1\",\"awardID\":\"1\","
                + "\"period\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\"}}]}");
        assertEquals(3, OcdsSchemas.errors(OcdsSchemas.RELEASE, bad).size(), OcdsSchemas.errors(OcdsSchemas.RELEASE, bad).toString());
        assertEquals("2025-12-01T10:00:00+08:00", OcdsSnapshot.dateTime(OffsetDateTime.parse("2025-12-01T10:00+08:00")));
        assertEquals("2026-12-31T23:59:59+08:00", OcdsSnapshot.endOf(LocalDate.of(2026, 12, 31)));
    }
}
