package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Anonymous callers are limited per client in requests and in query cost; signed-in callers are not held to
 * those limits. Each test is a different client (behind a trusted proxy, X-Forwarded-For names it).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linli.rate-limit.anonymous-per-minute", "5",
                    "linli.rate-limit.anonymous-max-query-cost", "300",
                    "linli.rate-limit.anonymous-cost-per-minute", "1000",
                    "quarkus.http.proxy.proxy-address-forwarding", "true");
        }
    }

    private static String newClient() {
        return "10.9." + (UUID.randomUUID().hashCode() & 0xff) + "." + (UUID.randomUUID().hashCode() & 0xff);
    }

    private static Response anonymous(String client, String query) {
        return given().header("X-Forwarded-For", client).contentType("application/json").body(Map.of("query", query))
                .post("/graphql");
    }

    /** Runs the requests again when the minute turned over among them (the limits are per minute). */
    private static Response withinOneMinute(Supplier<Response> requests) {
        long minute = System.currentTimeMillis() / 60_000;
        Response last = requests.get();
        return System.currentTimeMillis() / 60_000 == minute ? last : requests.get();
    }

    @Test
    void theSixthAnonymousRequestOfAMinuteIsRateLimited() {
        Response last = withinOneMinute(() -> {
            String client = newClient();
            Response response = null;
            for (int i = 0; i < 6; i++) {
                response = anonymous(client, "{ categories { code } }");
            }
            return response;
        });
        assertEquals(429, last.statusCode());
        assertEquals("RATE_LIMITED", last.jsonPath().getString("errors[0].extensions.code"));
        assertNotNull(last.header("Retry-After"));
        assertEquals(200, GraphQL.as(Tokens.of("busy-resident", "resident")).post("{ categories { code } }", Map.of()).statusCode());
    }

    @Test
    void aQueryTooCostlyForAnAnonymousCallerIsRefusedButASignedInCallerMayAsk() {
        String hundred = "{ services(first: 100) { edges { node { id title } } } }"; // 1 + 100 × 4 = 401 > 300
        Response refused = anonymous(newClient(), hundred);
        assertEquals("VALIDATION", refused.jsonPath().getString("errors[0].extensions.code"), refused.asString());
        assertTrue(refused.jsonPath().getString("errors[0].message").contains("401"), refused.asString());
        assertNotNull(GraphQL.as(Tokens.of("heavy-resident", "resident")).data(hundred, Map.of()).get("services"));
    }

    @Test
    void aClientThatSpendsItsCostBudgetWaitsForTheNextMinute() {
        String sixty = "{ services(first: 60) { edges { node { id title } } } }"; // 241: four fit in 1000, five do not
        Response fifth = withinOneMinute(() -> {
            String client = newClient();
            for (int i = 0; i < 4; i++) {
                assertEquals(200, anonymous(client, sixty).statusCode());
            }
            return anonymous(client, sixty);
        });
        assertEquals(429, fifth.statusCode());
        assertEquals("RATE_LIMITED", fifth.jsonPath().getString("errors[0].extensions.code"));
        assertNotNull(fifth.header("Retry-After"));
    }
}
