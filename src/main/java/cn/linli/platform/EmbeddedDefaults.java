package cn.linli.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the service runs on when nothing else is configured: the embedded PostgreSQL, the demo district and
 * the demo identity provider. The database steps aside as soon as {@code QUARKUS_DATASOURCE_JDBC_URL} is set.
 * <p>
 * The demo identity (a signing key that ships in this repository, and {@code /demo/tokens} handing out admin
 * tokens) is trusted only when asked for: with the embedded database and no real issuer, or explicitly with
 * {@code LINLI_DEMO_IDENTITY=true}. A service on a real database without {@code QUARKUS_OIDC_AUTH_SERVER_URL}
 * does not start ({@link IdentityConfiguration}): it fails closed.
 */
public final class EmbeddedDefaults {
    static final String DEMO_IDENTITY = "linli.demo.identity";

    private EmbeddedDefaults() {
    }

    public static Map<String, String> configuration() {
        return configuration(System::getProperty, System::getenv, EmbeddedDatabase::start);
    }

    /** The defaults for these system properties and environment variables; {@code database} starts one. */
    static Map<String, String> configuration(UnaryOperator<String> properties, UnaryOperator<String> environment,
            java.util.function.Supplier<String> database) {
        Map<String, String> config = new LinkedHashMap<>();
        boolean embeddedDatabase = !isSet(properties, environment, "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (embeddedDatabase) {
            config.put("quarkus.datasource.jdbc.url", database.get());
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
            config.put("linli.demo.data", "true");
        }
        boolean realIssuer = isSet(properties, environment, "quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL");
        String asked = first(properties.apply(DEMO_IDENTITY), environment.apply("LINLI_DEMO_IDENTITY"));
        boolean demoIdentity = asked != null ? Boolean.parseBoolean(asked.trim()) : embeddedDatabase && !realIssuer;
        if (demoIdentity && !realIssuer) {
            config.put("quarkus.oidc.public-key", DemoIdentity.publicKey());
            config.put("quarkus.oidc.token.issuer", DemoIdentity.ISSUER);
        }
        config.put(DEMO_IDENTITY, String.valueOf(demoIdentity));
        return config;
    }

    static boolean isSet(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
            String environmentVariable) {
        return first(properties.apply(property), environment.apply(environmentVariable)) != null;
    }

    private static String first(String a, String b) {
        return notBlank(a) ? a : notBlank(b) ? b : null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
