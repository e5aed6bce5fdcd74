package cn.linli.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/** Starts the embedded defaults that are not configured away, then the service; stops first when it would fail open. */
@QuarkusMain
public class LinliMain {
    public static void main(String... args) {
        // System properties outlive dev-mode restarts, so the database starts once per JVM.
        Map<String, String> defaults = EmbeddedDefaults.configuration();
        defaults.forEach(System::setProperty);
        String problem = IdentityConfiguration.problem(Boolean.parseBoolean(defaults.get(EmbeddedDefaults.DEMO_IDENTITY)),
                EmbeddedDefaults.isSet(System::getProperty, System::getenv, "quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL"),
                EmbeddedDefaults.isSet(System::getProperty, System::getenv, "quarkus.oidc.public-key", "QUARKUS_OIDC_PUBLIC_KEY"));
        if (problem != null) {
            // said here, in words an operator acts on, before quarkus-oidc says it in its own
            System.err.println("Linli does not start: " + problem);
            EmbeddedDatabase.stop();
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
