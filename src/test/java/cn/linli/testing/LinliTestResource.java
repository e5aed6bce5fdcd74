package cn.linli.testing;

import cn.linli.platform.DemoIdentity;
import cn.linli.platform.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Every test runs against a real PostgreSQL that the tests start themselves (the same embedded one the
 * service's run command uses) and verifies real RS256 tokens through quarkus-oidc.
 */
public class LinliTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", EmbeddedDatabase.start(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.oidc.public-key", DemoIdentity.publicKey(),
                "quarkus.oidc.token.issuer", DemoIdentity.ISSUER,
                "linli.demo.data", "true",
                "linli.demo.identity", "true");
    }

    @Override
    public void stop() {
        EmbeddedDatabase.stop();
    }
}
