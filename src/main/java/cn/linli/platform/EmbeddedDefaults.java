package cn.linli.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the service runs on when nothing else is configured: the embedded PostgreSQL, the demo district and
 * the demo identity provider. Each part steps aside as soon as its real counterpart is configured
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code QUARKUS_OIDC_AUTH_SERVER_URL}).
 */
public final class EmbeddedDefaults {
    private EmbeddedDefaults() {
    }

    public static Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>();
        if (!isSet("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL")) {
            config.put("quarkus.datasource.jdbc.url", EmbeddedDatabase.start());
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
            config.put("linli.demo.data", "true");
        }
        if (!isSet("quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL")) {
            config.put("quarkus.oidc.public-key", DemoIdentity.publicKey());
            config.put("quarkus.oidc.token.issuer", DemoIdentity.ISSUER);
            config.put("linli.demo.tokens", "true");
        }
        return config;
    }

    private static boolean isSet(String property, String environmentVariable) {
        return notBlank(System.getProperty(property)) || notBlank(System.getenv(environmentVariable));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
