package cn.linli.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anonymous callers are limited per client; signed-in callers are not held to that limit. */
@QuarkusTest
@TestProfile(RateLimitTest.FiveAMinute.class)
class RateLimitTest {
    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linli.rate-limit.anonymous-per-minute", "5");
        }
    }

    @Test
    void theSixthAnonymousRequestOfAMinuteIsRateLimited() {
        Response last = null;
        for (int i = 0; i < 6; i++) {
            last = GraphQL.anonymous().post("{ categories { code } }", Map.of());
        }
        if (last.statusCode() == 200) {
            // the minute turned over between requests: once more, all within one window
            for (int i = 0; i < 6; i++) {
                last = GraphQL.anonymous().post("{ categories { code } }", Map.of());
            }
        }
        assertEquals(429, last.statusCode());
        assertEquals("RATE_LIMITED", last.jsonPath().getString("errors[0].extensions.code"));
        assertNotNull(last.header("Retry-After"));
        assertEquals(200, GraphQL.as(Tokens.of("busy-resident", "resident")).post("{ categories { code } }", Map.of()).statusCode());
    }
}
