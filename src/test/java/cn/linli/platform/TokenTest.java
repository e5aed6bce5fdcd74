package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public queries need no token; a bad token is refused with 401 whatever it asks for. */
@QuarkusTest
class TokenTest {
    static final String QUERY = "{ categories { code } }";

    @Test
    void publicQueriesNeedNoToken() {
        assertEquals(200, GraphQL.anonymous().post(QUERY, Map.of()).statusCode());
    }

    @Test
    void aValidTokenIsAccepted() {
        assertEquals(200, GraphQL.as(Tokens.of("resident-1", "resident")).post(QUERY, Map.of()).statusCode());
    }

    @Test
    void expiredTokensAreRefused() {
        assertEquals(401, GraphQL.as(Tokens.expired("resident-1", "resident")).post(QUERY, Map.of()).statusCode());
    }

    @Test
    void tokensOfAnotherIssuerAreRefused() {
        assertEquals(401, GraphQL.as(Tokens.otherIssuer("resident-1", "resident")).post(QUERY, Map.of()).statusCode());
    }

    @Test
    void tokensSignedByAnUntrustedKeyAreRefused() {
        assertEquals(401, GraphQL.as(Tokens.foreignKey("resident-1", "resident")).post(QUERY, Map.of()).statusCode());
    }

    @Test
    void garbageTokensAreRefused() {
        assertEquals(401, GraphQL.as("not.a.token").post(QUERY, Map.of()).statusCode());
    }

    @Test
    void theDemoHandsOutWorkingTokensForEveryRole() {
        JsonPath tokens = given().get("/demo/tokens").then().statusCode(200).extract().jsonPath();
        for (String role : new String[] {"resident", "org_staff", "gov_official", "evaluator", "admin"}) {
            String token = tokens.getString(role + ".token");
            assertNotNull(token, role);
            assertEquals(200, GraphQL.as(token).post(QUERY, Map.of()).statusCode(), role);
        }
    }
}
