package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a city's operations team relies on: probes, metrics, request ids, HTTP conventions, clean logs. */
@QuarkusTest
class OperationsTest {
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void readinessReflectsTheDatabaseAndLivenessIsUp() {
        given().get(TestHTTPResourceManager.getManagementUri() + "/health/live").then().statusCode(200);
        String ready = given().get(TestHTTPResourceManager.getManagementUri() + "/health/ready").then().statusCode(200).extract().asString();
        assertTrue(ready.contains("\"UP\"") && ready.toLowerCase().contains("database"), ready);
    }

    @Test
    void metricsCountOperationsBookingsAndPoolUse() {
        String service = Bookings.openService(fixtures.organizationA(), "指标测试服务", 5, Map.of());
        GraphQL.as(Tokens.of("metrics-resident", "resident")).data(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 9), null)));
        assertEquals(404, given().get("/q/metrics").statusCode(), "metrics are not on the public port");
        String metrics = given().get(TestHTTPResourceManager.getManagementUri() + "/metrics").then().statusCode(200)
                .extract().asString();
        assertTrue(metrics.contains("linli_bookings_total"), "bookings counter");
        assertTrue(metrics.contains("mp_graphql"), "per-operation GraphQL metrics");
        assertTrue(metrics.contains("agroal_"), "database pool metrics");
    }

    @Test
    void everyResponseCarriesARequestId() {
        Response fresh = GraphQL.anonymous().post("{ categories { code } }", Map.of());
        assertNotNull(fresh.header("X-Request-Id"));
        Response given = given().header("X-Request-Id", "mini-program-0001").contentType("application/json")
                .body(Map.of("query", "{ categories { code } }")).post("/graphql");
        assertEquals("mini-program-0001", given.header("X-Request-Id"));
    }

    @Test
    void graphqlOverHttpConventions() {
        given().contentType("application/json").body("{}").put("/graphql").then().statusCode(405);
        given().queryParam("query", "mutation { registerEvaluator(input: {subject: \"x\", agency: \"y\"}) }").get("/graphql")
                .then().statusCode(405);
        given().queryParam("query", "{ categories { code } }").get("/graphql").then().statusCode(200);
        given().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", "{ categories { code }")).post("/graphql").then().statusCode(400);
    }

    @Test
    void corsIsOffUnlessConfigured() {
        Response preflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql");
        assertEquals(null, preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void personalDataNeverReachesTheLog() throws IOException {
        String service = Bookings.openService(fixtures.organizationA(), "日志隐私测试", 1, Map.of("minAge", 60));
        Map<String, Object> input = Bookings.forFather(service, Bookings.slot(3, 9), null);
        input.put("contactPhone", "13900007777");
        input.put("beneficiary", Map.of("name", "隐私测试老人", "relation", "父亲", "age", 82));
        GraphQL.as(Tokens.of("privacy-resident", "resident")).data(Bookings.BOOK, Map.of("input", input));
        // a refused booking (too young, slot full) goes through the error paths too
        Map<String, Object> young = new HashMap<>(input);
        young.put("beneficiary", Map.of("name", "隐私测试老人", "relation", "父亲", "age", 20));
        GraphQL.as(Tokens.of("privacy-resident-2", "resident")).post(Bookings.BOOK, Map.of("input", young));
        GraphQL.as(Tokens.of("privacy-resident-3", "resident")).post(Bookings.BOOK, Map.of("input", Bookings.forFather(service,
                Bookings.slot(3, 9), null)));
        String log = Files.readString(Path.of("target/test-service.log"), StandardCharsets.UTF_8);
        assertFalse(log.isEmpty());
        assertFalse(log.contains("13900007777"), "no phone number in the log");
        assertFalse(log.contains("隐私测试老人"), "no beneficiary name in the log");
    }
}
