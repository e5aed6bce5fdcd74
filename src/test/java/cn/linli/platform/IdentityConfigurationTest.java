package cn.linli.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which identity the service trusts for which configuration: the demo one only when asked for. */
class IdentityConfigurationTest {
    private static Map<String, String> defaults(Map<String, String> environment) {
        return EmbeddedDefaults.configuration(name -> null, environment::get, () -> "jdbc:postgresql://embedded/linli");
    }

    @Test
    void theEmbeddedDefaultRunsTheDemoIdentity() {
        Map<String, String> config = defaults(Map.of());
        assertEquals("true", config.get("linli.demo.identity"));
        assertEquals(DemoIdentity.ISSUER, config.get("quarkus.oidc.token.issuer"));
        assertNotNull(config.get("quarkus.oidc.public-key"));
    }

    @Test
    void aRealDatabaseWithoutAnIssuerDoesNotTrustTheDemoKeyAndDoesNotStart() {
        Map<String, String> config = defaults(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/linli"));
        assertEquals("false", config.get("linli.demo.identity"));
        assertFalse(config.containsKey("quarkus.oidc.public-key"));
        String problem = IdentityConfiguration.problem(false, false, false);
        assertNotNull(problem);
        assertTrue(problem.contains("QUARKUS_OIDC_AUTH_SERVER_URL"), problem);
    }

    @Test
    void theDemoIdentityOnARealDatabaseOnlyWhenAskedFor() {
        Map<String, String> config = defaults(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/linli",
                "LINLI_DEMO_IDENTITY", "true"));
        assertEquals("true", config.get("linli.demo.identity"));
        assertNotNull(config.get("quarkus.oidc.public-key"));
        assertNull(IdentityConfiguration.problem(true, false, true));
    }

    @Test
    void aRealIssuerReplacesTheDemoEvenOnTheEmbeddedDatabase() {
        Map<String, String> config = defaults(Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "https://keycloak.example/realms/linli"));
        assertEquals("false", config.get("linli.demo.identity"));
        assertFalse(config.containsKey("quarkus.oidc.public-key"));
        assertNull(IdentityConfiguration.problem(false, true, false));
    }

    @Test
    void bothARealIssuerAndTheDemoIsAMistake() {
        Map<String, String> config = defaults(Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "https://keycloak.example/realms/linli",
                "LINLI_DEMO_IDENTITY", "true"));
        assertFalse(config.containsKey("quarkus.oidc.public-key"));
        assertNotNull(IdentityConfiguration.problem(true, true, false));
    }
}
