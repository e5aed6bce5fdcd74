package cn.linli.platform;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on a real PostgreSQL with no identity provider configured does not start (it would
 * otherwise trust the demo key that ships in the repository and hand out admin tokens at /demo/tokens).
 */
class FailClosedIT {
    @AfterAll
    static void stop() {
        EmbeddedDatabase.stop();
    }

    @Test
    void aRealDatabaseWithoutAnIssuerStopsStartUpNamingTheMissingSetting() throws Exception {
        String jdbc = EmbeddedDatabase.start();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar");
        builder.environment().remove("QUARKUS_OIDC_AUTH_SERVER_URL");
        builder.environment().remove("LINLI_DEMO_IDENTITY");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(TwoInstancesIT.freePort()));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(TwoInstancesIT.freePort()));
        File log = new File("target/fail-closed.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log).start();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the service must not keep running without an identity provider");
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log.toPath());
        assertTrue(output.contains("QUARKUS_OIDC_AUTH_SERVER_URL"), output);
    }
}
