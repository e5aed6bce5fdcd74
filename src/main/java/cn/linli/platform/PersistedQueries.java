package cn.linli.platform;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.util.ClassPathUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Automatic persisted queries: the query texts this instance knows by their SHA-256. The operations of
 * {@code graphql/operations/} (packaged under {@value #OPERATIONS}) are known from the start; a client registers
 * any other query by sending it once with its hash. Registrations live in this instance's memory only, a bounded
 * least-recently-used map: behind a balancer another instance answers PERSISTED_QUERY_NOT_FOUND, the client
 * sends the text once more, and that instance knows it too (the protocol's own recovery).
 */
@ApplicationScoped
public class PersistedQueries {
    private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
    static final String OPERATIONS = "META-INF/linli/operations";
    private static final int REGISTERED_MAX = 5_000;
    private static final int QUERY_MAX_LENGTH = 64 * 1024;

    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private final Map<String, String> registered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REGISTERED_MAX;
        }
    };

    void loadShippedOperations(@Observes StartupEvent start) {
        try {
            ClassPathUtils.consumeAsPaths(Thread.currentThread().getContextClassLoader(), OPERATIONS, directory -> {
                try (Stream<Path> files = Files.list(directory)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".graphql")).forEach(file -> {
                        try {
                            String text = Files.readString(file, StandardCharsets.UTF_8);
                            shipped.put(sha256(text), text);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not read the shipped GraphQL operations; clients will register them", e);
        }
        LOG.infof("%d GraphQL operations known by hash", shipped.size());
    }

    public Optional<String> find(String hash) {
        String text = shipped.get(hash);
        if (text != null) {
            return Optional.of(text);
        }
        synchronized (registered) {
            return Optional.ofNullable(registered.get(hash));
        }
    }

    /** Remembers the query under its hash; false when the hash is not the query's SHA-256. */
    public boolean register(String hash, String query) {
        if (!sha256(query).equals(hash)) {
            return false;
        }
        if (!shipped.containsKey(hash) && query.length() <= QUERY_MAX_LENGTH) {
            synchronized (registered) {
                registered.put(hash, query);
            }
        }
        return true;
    }

    /** Lower-case hexadecimal SHA-256 of the UTF-8 text, as Apollo clients compute it. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    static byte[] sha256Bytes(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java runtime has SHA-256
        }
    }
}
