package cn.linli.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainSubtrees} completes selections of plain fields in one walk: a client must not be able to tell. Every
 * query of the front ends' shipped operations, for each kind of caller, on the demo district, answers byte for byte
 * what graphql-java's own completion answers (the shortcut switched off), errors included; so do queries made to
 * reach the walk's edges (aliases, fragments, {@code __typename}, conditions on variables, nulls, enums).
 */
@QuarkusTest
class PlainSubtreesTest {
    private static final String DISTRICT = "620103";

    @AfterEach
    void shortcutBackOn() {
        PlainSubtrees.enable(true);
    }

    /** The body answered with the shortcut and without it; fails when they differ. */
    private static String same(String token, String query, String operationName, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        PlainSubtrees.enable(true);
        long walksBefore = PlainSubtrees.walks();
        String with = post(token, body);
        long walked = PlainSubtrees.walks() - walksBefore;
        PlainSubtrees.enable(false);
        long walksOff = PlainSubtrees.walks();
        String without = post(token, body);
        assertEquals(walksOff, PlainSubtrees.walks(), "switched off, nothing is walked");
        PlainSubtrees.enable(true);
        assertEquals(without, with, (operationName == null ? query : operationName) + " with " + walked + " walks");
        return with;
    }

    private static String post(String token, Map<String, Object> body) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Response response = request.post("/graphql");
        return response.statusCode() + " " + response.asString();
    }

    @Test
    void everyShippedQueryAnswersTheSameWithAndWithoutTheShortcut() throws IOException {
        GraphQL staffApi = GraphQL.as(Tokens.of("demo-org-staff", "org_staff"));
        String organization = staffApi.data("{ me { organizations { organization { id } } } }")
                .getString("me.organizations[0].organization.id");
        String service = GraphQL.anonymous().data("{ services(filter: {regionCode: \"" + DISTRICT + "\"}, first: 1) "
                + "{ edges { node { id } } } }").getString("services.edges[0].node.id");
        String official = Tokens.of("demo-official", "gov_official");
        String cycle = GraphQL.as(official).data("{ evaluationCycles(first: 1) { edges { node { id } } } }")
                .getString("evaluationCycles.edges[0].node.id");
        String procurement = GraphQL.as(official).data("{ procurements(first: 1) { edges { node { id } } } }")
                .getString("procurements.edges[0].node.id");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("resident", Tokens.of("demo-resident", "resident"));
        callers.put("organization staff", Tokens.of("demo-org-staff", "org_staff"));
        callers.put("official", official);
        callers.put("evaluator", Tokens.of("demo-evaluator", "evaluator"));

        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("graphql/operations"))) {
            files = listed.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        int withData = 0;
        long walksBefore = PlainSubtrees.walks();
        List<String> compared = new ArrayList<>();
        for (Path file : files) {
            String document = Files.readString(file);
            Matcher queries = Pattern.compile("(?m)^query\\s+(\\w+)").matcher(document);
            while (queries.find()) {
                String name = queries.group(1);
                Map<String, Object> variables = new HashMap<>(Map.of("lat", 36.064, "lng", 103.80, "first", 20,
                        "organizationId", organization, "regionCode", DISTRICT, "parentCode", DISTRICT, "cycleId", cycle,
                        "from", today.plusDays(1).toString(), "to", today.plusDays(7).toString(), "items", 5));
                variables.put("id", switch (name) {
                    case "EvaluationCycle" -> cycle;
                    case "ProcurementDetail" -> procurement;
                    default -> service;
                });
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    String answer = same(caller.getValue(), document, name, variables);
                    compared.add(name + " as " + caller.getKey());
                    if (answer.startsWith("200 {\"data\":{") && !answer.contains("\"errors\"")) {
                        withData++;
                    }
                }
            }
        }
        assertTrue(compared.size() >= 100, compared.toString());
        assertTrue(withData >= 40, "answers with data and no errors: " + withData + " of " + compared.size());
        assertTrue(PlainSubtrees.walks() - walksBefore >= 40, "the shortcut was taken: " + (PlainSubtrees.walks() - walksBefore));
    }

    @Test
    void theNearMeSearchIsCompletedInOneWalkAndAnswersTheSame() {
        long before = PlainSubtrees.walks();
        String answer = same(null, GraphQL.operation("NearbyServices"), null,
                Map.of("lat", 36.064, "lng", 103.80, "categoryCode", "elderly", "first", 20));
        assertTrue(answer.contains("\"distanceMeters\""), answer);
        assertEquals(1, PlainSubtrees.walks() - before, "the whole page (the connection below services) in one walk");
    }

    @Test
    void aliasesFragmentsTypenamesAndConditionsAnswerTheSame() {
        String query = """
                query($lat: Float!, $lng: Float!, $withOrg: Boolean!, $skipPrice: Boolean!) {
                  services(near: {lat: $lat, lng: $lng}, first: 15) {
                    __typename
                    edges {
                      c: cursor
                      node {
                        __typename
                        ...Card
                        t2: title
                        category { ... on Category { code parent: name } name }
                        organization @include(if: $withOrg) { id name ratingLevel ratingLevelLabel __typename }
                        price @skip(if: $skipPrice) { pricing unit residentPaysFen }
                        ... on Service { mode status }
                      }
                    }
                    pageInfo { ...Page }
                  }
                  categories { code name children { code name } }
                }
                fragment Card on Service { id title mode modeLabel governmentFunded stale ratingAverage price { pricingLabel } }
                fragment Page on PageInfo { hasNextPage endCursor }
                """;
        for (boolean withOrg : new boolean[] {true, false}) {
            for (boolean skipPrice : new boolean[] {true, false}) {
                String answer = same(null, query, null, Map.of("lat", 36.064, "lng", 103.80, "withOrg", withOrg,
                        "skipPrice", skipPrice));
                assertEquals(withOrg, answer.contains("\"ratingLevelLabel\""), answer);
            }
        }
    }

    @Test
    void aServicePageAndFailuresAnswerTheSame() {
        String id = GraphQL.anonymous().data("{ services(filter: {regionCode: \"" + DISTRICT + "\"}, first: 1) "
                + "{ edges { node { id } } } }").getString("services.edges[0].node.id");
        same(null, GraphQL.operation("ServiceDetail"), null, Map.of("id", id));
        same(null, GraphQL.operation("ServiceDetail"), null, Map.of("id", "999999999"));
        same(null, "{ services(first: 3) { edges { node { id nonsense } } } }", null, Map.of());
        same(Tokens.of("demo-resident", "resident"), GraphQL.operation("Me"), null, Map.of());
    }
}
