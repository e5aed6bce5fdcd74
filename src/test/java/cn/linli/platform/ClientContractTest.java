package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The error shapes a client team codes against (issue 17): only the documented keys in {@code extensions},
 * status codes as GraphQL over HTTP has them, a body on every 401 and on every REST error.
 */
@QuarkusTest
class ClientContractTest {
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private static Response post(String accept, String json) {
        return given().accept(accept).contentType("application/json").body(json).post("/graphql");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> extensionKeys(Response response) {
        Map<String, Object> extensions = response.jsonPath().get("errors[0].extensions");
        return extensions.keySet();
    }

    @Test
    void errorsCarryTheDocumentedExtensionsOnly() {
        // not about a field: code alone, no "field": null
        Response notFound = post("application/json", "{\"query\":\"{ service(id: \\\"999999999\\\") { id } }\"}");
        assertEquals("NOT_FOUND", notFound.jsonPath().getString("errors[0].extensions.code"), notFound.asString());
        assertEquals(Set.of("code"), extensionKeys(notFound), notFound.asString());
        // about a field: code and field
        Response validation = post("application/json", "{\"query\":\"{ services(first: 1000) { edges { node { id } } } }\"}");
        assertEquals(Set.of("code", "field"), extensionKeys(validation), validation.asString());
        // graphql-java's own errors: no classification next to the code
        Response syntax = post("application/json", "{\"query\":\"{ services( }\"}");
        assertEquals(Set.of("code"), extensionKeys(syntax), syntax.asString());
        Response unknownField = post("application/json", "{\"query\":\"{ noSuchField }\"}");
        assertEquals(Set.of("code"), extensionKeys(unknownField), unknownField.asString());
        Response wrongType = post("application/json", "{\"query\":\"query($f: Int) { services(first: $f) { edges { node { id } } } }\","
                + "\"variables\":{\"f\":\"ten\"}}");
        assertEquals(Set.of("code", "field"), extensionKeys(wrongType), wrongType.asString());
    }

    @Test
    void aWronglyTypedVariableIs400ForClientsThatAskForStatusCodes() {
        String body = "{\"query\":\"query($f: Int) { services(first: $f) { edges { node { id } } } }\",\"variables\":{\"f\":\"ten\"}}";
        Response response = post(GRAPHQL_RESPONSE, body);
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("f", response.jsonPath().getString("errors[0].extensions.field"));
        assertEquals(200, post("application/json", body).statusCode(), "application/json clients keep 200 with errors");
    }

    @Test
    void batchingIsRefusedAsSuch() {
        Response response = post(GRAPHQL_RESPONSE, "[{\"query\":\"{ categories { code } }\"}]");
        assertEquals(400, response.statusCode());
        assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(response.jsonPath().getString("errors[0].message").contains("批量"), response.asString());
    }

    @Test
    void a401HasAGraphQLErrorBodyAndTheChallenge() {
        for (String token : new String[] {Tokens.expired("resident-1", "resident"), Tokens.foreignKey("resident-1", "resident"), "not.a.token"}) {
            Response response = given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body("{\"query\":\"{ me { subject } }\"}").post("/graphql");
            assertEquals(401, response.statusCode());
            assertTrue(response.getHeader("WWW-Authenticate").startsWith("Bearer"), response.getHeader("WWW-Authenticate"));
            assertEquals("UNAUTHENTICATED", response.jsonPath().getString("errors[0].extensions.code"), response.asString());
            assertTrue(response.jsonPath().getString("errors[0].message").length() > 0);
        }
        Response rest = given().header("Authorization", "Bearer not.a.token").get("/ocds/releases");
        assertEquals(401, rest.statusCode());
        assertEquals("UNAUTHENTICATED", rest.jsonPath().getString("code"), rest.asString());
    }

    @Test
    void restErrorsHaveAJsonBodyAndADateIsASince() {
        Response date = given().get("/ocds/releases?since=2020-01-01");
        assertEquals(200, date.statusCode(), date.asString());
        Response bad = given().get("/ocds/releases?since=yesterday");
        assertEquals(400, bad.statusCode());
        assertEquals("VALIDATION", bad.jsonPath().getString("code"), bad.asString());
        assertTrue(bad.jsonPath().getString("message").length() > 0);
        Response unknown = given().get("/ocds/records/ocds-nothing-1");
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", unknown.jsonPath().getString("code"), unknown.asString());
    }

    @Test
    void aCallersOwnRequestIdIsKeptWhenItIsAPlainToken() {
        for (String id : new String[] {"a", "req-7", "x".repeat(64)}) {
            assertEquals(id, given().header("X-Request-Id", id).get("/q/health/live").getHeader("X-Request-Id"));
        }
        for (String id : new String[] {"x".repeat(65), "a b", "a\u00e9"}) {
            String answered = given().header("X-Request-Id", id).get("/q/health/live").getHeader("X-Request-Id");
            assertTrue(!answered.equals(id) && answered.matches("[0-9a-f-]{36}"), answered);
        }
    }

    @Test
    void graphiqlOpensWithALinliExample() {
        Response redirect = given().redirects().follow(false).get("/q/graphql-ui/");
        assertEquals(302, redirect.statusCode());
        String location = java.net.URLDecoder.decode(redirect.getHeader("Location"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(location.startsWith("/q/graphql-ui/?query="), location);
        assertTrue(location.contains("query NearbyServices"), "GraphiQL opens with a Linli query");
        assertTrue(location.contains("/demo/tokens") && location.contains("\"Authorization\": \"Bearer <token>\""),
                "and says how to put a demo token in the Headers tab");
        // the example runs as it is
        String example = location.substring("/q/graphql-ui/?query=".length());
        io.restassured.path.json.JsonPath ran = cn.linli.testing.GraphQL.anonymous().data(example, Map.of());
        assertTrue(ran.getList("services.edges") != null);
        Response page = given().get(redirect.getHeader("Location"));
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("graphiql"), "the GraphiQL page itself");
    }

    @Test
    void theBusinessCountersAreThereFromTheStart() {
        String metrics = given().get(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri() + "/metrics").then()
                .statusCode(200).extract().asString();
        for (String counter : new String[] {"linli_bookings_total", "linli_reviews_total", "linli_payments_total", "linli_payments_fen_total"}) {
            assertTrue(metrics.contains("\n" + counter + " ") || metrics.contains("\n" + counter + "{"), counter);
        }
    }

    /** GraphiQL and code generators read what a scalar accepts from introspection, with its specification. */
    @Test
    void theCustomScalarsSayWhatTheyAcceptAndWhereTheyAreSpecified() {
        // one __type per request: graphql-java refuses more in one query (good-faith introspection)
        String scalar = "query($name: String!) { __type(name: $name) { description specifiedByURL } }";
        io.restassured.path.json.JsonPath dateTime = cn.linli.testing.GraphQL.anonymous().data(scalar, Map.of("name", "DateTime"));
        assertEquals("https://www.rfc-editor.org/rfc/rfc3339", dateTime.getString("__type.specifiedByURL"));
        assertTrue(dateTime.getString("__type.description").contains("2026-12-03T09:30:00+08:00"));
        io.restassured.path.json.JsonPath date = cn.linli.testing.GraphQL.anonymous().data(scalar, Map.of("name", "Date"));
        assertTrue(date.getString("__type.specifiedByURL").contains("iso-8601"));
        io.restassured.path.json.JsonPath money = cn.linli.testing.GraphQL.anonymous().data(scalar, Map.of("name", "BigInteger"));
        assertTrue(money.getString("__type.description").contains("fen"), money.getString("__type.description"));
        assertEquals(null, money.getString("__type.specifiedByURL"));
    }
}
