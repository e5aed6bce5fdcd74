package cn.linli.platform;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fails closed: the service does not start without an identity provider it can trust. Either a real issuer
 * ({@code QUARKUS_OIDC_AUTH_SERVER_URL}) or the demo identity, asked for explicitly; the demo identity is logged
 * as a WARN on every start, because anyone can mint its tokens.
 */
@Startup
@ApplicationScoped
public class IdentityConfiguration {
    private static final Logger LOG = Logger.getLogger(IdentityConfiguration.class);

    @ConfigProperty(name = EmbeddedDefaults.DEMO_IDENTITY, defaultValue = "false")
    boolean demoIdentity;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> publicKey;

    @PostConstruct
    void check() {
        String problem = problem(demoIdentity, authServerUrl.filter(s -> !s.isBlank()).isPresent(),
                publicKey.filter(s -> !s.isBlank()).isPresent());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (demoIdentity) {
            LOG.warn("DEMO IDENTITY: this service trusts the demo signing key that ships with Linli and hands out "
                    + "tokens for every role at /demo/tokens. Never use it with real data: set "
                    + "QUARKUS_OIDC_AUTH_SERVER_URL to your identity provider (and unset LINLI_DEMO_IDENTITY).");
        }
    }

    /** Why this configuration must not start, or null when it may. */
    static String problem(boolean demoIdentity, boolean realIssuer, boolean publicKey) {
        if (demoIdentity && realIssuer) {
            return "LINLI_DEMO_IDENTITY=true and QUARKUS_OIDC_AUTH_SERVER_URL are both set: choose one identity provider.";
        }
        if (!demoIdentity && !realIssuer && !publicKey) {
            return "No identity provider is configured: set QUARKUS_OIDC_AUTH_SERVER_URL to the OIDC issuer "
                    + "(e.g. https://keycloak.example/realms/linli), or LINLI_DEMO_IDENTITY=true for a demo "
                    + "that trusts the demo signing key shipped in the repository.";
        }
        return null;
    }
}
