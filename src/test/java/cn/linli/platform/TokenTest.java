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

    static final String APPOINT = "mutation($input: AppointOfficialInput!) { appointOfficial(input: $input) { subject } }";

    @Test
    void aTokenOfTheTrustedIssuerMintedForAnotherClientIsRefused() {
        // the reproduction: forged admin role, right issuer and key, aud of another application
        Map<String, Object> input = Map.of("input", Map.of("subject", "mallory", "regionCode", "620103",
                "unitName", "假冒民政局"));
        assertEquals(401, GraphQL.as(Tokens.foreignAudience("mallory", "admin")).post(APPOINT, input).statusCode());
        assertEquals(401, GraphQL.as(Tokens.authorizedParty("another-app", "mallory", "admin")).post(QUERY, Map.of())
                .statusCode(), "no aud, azp of another client");
    }

    @Test
    void aKeycloakTokenWithoutAudienceIsAcceptedWhenItsAuthorizedPartyIsThisService() {
        assertEquals(200, GraphQL.as(Tokens.authorizedParty("linli", "resident-1", "resident")).post(QUERY, Map.of())
                .statusCode());
    }

    @Test
    void aValidlySignedTokenWithoutSubjectIsUnauthenticatedNotInternal() {
        assertEquals(401, GraphQL.as(Tokens.withSubjectClaim(null, "resident")).post("{ me { subject } }", Map.of())
                .statusCode());
        assertEquals(401, GraphQL.as(Tokens.withSubjectClaim("", "resident")).post("{ me { subject } }", Map.of())
                .statusCode());
        assertEquals(401, GraphQL.as(Tokens.withSubjectClaim("  ", "resident")).post("{ me { subject } }", Map.of())
                .statusCode());
    }

    @Test
    void anAuthorizationHeaderThatIsNotAValidBearerTokenIsRefused() {
        for (String header : new String[] {"Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Token abc", "bearer"}) {
            var response = GraphQL.withAuthorizationHeader(header).post(QUERY, Map.of());
            assertEquals(401, response.statusCode(), header);
            assertEquals("Bearer", response.getHeader("WWW-Authenticate"), header);
            assertEquals("UNAUTHENTICATED", response.jsonPath().getString("errors[0].extensions.code"), header);
        }
        assertEquals(401, given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/ocds/releases").statusCode(),
                "every endpoint, not only /graphql");
    }
}
