package cn.linli.notification;

import cn.linli.common.Language;
import cn.linli.common.Row;
import cn.linli.common.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The optional push of notifications to a webhook ({@code linli.notify.webhook-url}, off when unset): each
 * notification written while it is configured is POSTed as JSON, signed with {@code X-Linli-Signature:
 * sha256=<hex HMAC-SHA256 of the body>} (key {@code linli.notify.webhook-secret}), until the receiver answers 2xx
 * (at least once: a receiver deduplicates by {@code X-Linli-Notification-Id}). Failed attempts are retried with
 * exponential backoff. Per resident in order: only a resident's earliest undelivered notification may be
 * attempted, so the next one goes out only after the previous one was delivered (and a resident's notifications
 * commit in the order of their ids: {@link Notifications#notify} draws the id under a per-resident lock). Safe with several instances:
 * a row is claimed with {@code FOR UPDATE SKIP LOCKED} for the one attempt (its transaction holds the lock while
 * the request runs), so no two instances attempt the same row at once.
 */
@ApplicationScoped
public class WebhookPush {
    private static final Logger LOG = Logger.getLogger(WebhookPush.class);
    static final String SIGNATURE = "X-Linli-Signature";

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "linli.notify.webhook-url")
    Optional<String> url;
    @ConfigProperty(name = "linli.notify.webhook-secret")
    Optional<String> secret;
    /** The first retry's delay; each further one doubles it, up to {@code webhook-max-backoff}. */
    @ConfigProperty(name = "linli.notify.webhook-backoff", defaultValue = "2S")
    Duration backoff;
    @ConfigProperty(name = "linli.notify.webhook-max-backoff", defaultValue = "1H")
    Duration maxBackoff;
    @ConfigProperty(name = "linli.notify.webhook-timeout", defaultValue = "10S")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    boolean enabled() {
        return url.filter(u -> !u.isBlank()).isPresent() && secret.filter(s -> !s.isBlank()).isPresent();
    }

    void check(@Observes StartupEvent event) {
        if (url.filter(u -> !u.isBlank()).isPresent() && !enabled()) {
            LOG.warn("linli.notify.webhook-url is set but linli.notify.webhook-secret (LINLI_NOTIFY_WEBHOOK_SECRET) is not: "
                    + "notifications are not pushed until it is");
        }
    }

    @Scheduled(every = "${linli.notify.push-every:5s}", delayed = "${linli.notify.push-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pushRegularly() {
        if (enabled()) {
            pushPending(200);
        }
    }

    /** Attempts up to {@code max} claimable notifications, one transaction each; returns how many were delivered. */
    public int pushPending(int max) {
        int delivered = 0;
        for (int i = 0; i < max; i++) {
            Boolean outcome = QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds() + 30).call(this::attemptOne);
            if (outcome == null) {
                break;
            }
            if (outcome) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Claims one notification and attempts it: true delivered, false failed (retried later), null none to claim. */
    private Boolean attemptOne() {
        List<Row> claimed = sql.rows("SELECT n.id, n.resident_subject, " + "n.kind, n.entity_type, n.entity_id, "
                + "n.params ->> 'title' AS p_title, n.params ->> 'slot' AS p_slot, CAST(n.params AS text) AS params, "
                + "n.created_at, n.read_at, n.push_attempts FROM notification n "
                + "WHERE n.push_status = 'PENDING' AND n.push_next_at <= now() AND NOT EXISTS (SELECT 1 FROM notification p "
                + "WHERE p.resident_subject = n.resident_subject AND p.push_status = 'PENDING' AND p.id < n.id) "
                + "ORDER BY n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED", Map.of());
        if (claimed.isEmpty()) {
            return null;
        }
        Row row = claimed.get(0);
        long id = row.longValue("id");
        int attempts = row.intValue("push_attempts") + 1;
        int status;
        try {
            byte[] body = body(row);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.orElseThrow())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Linli-Notification-Id", String.valueOf(id))
                    .header(SIGNATURE, "sha256=" + sign(secret.orElseThrow(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        } catch (Exception e) {
            status = -1;
        }
        if (status >= 200 && status < 300) {
            sql.update("UPDATE notification SET push_status = 'DELIVERED', pushed_at = now(), push_attempts = :attempts "
                    + "WHERE id = :id", Map.of("id", id, "attempts", attempts));
            return true;
        }
        long delayMillis = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempts - 1, 30));
        sql.update("UPDATE notification SET push_attempts = :attempts, push_next_at = now() + make_interval(secs => :secs) "
                + "WHERE id = :id", Map.of("id", id, "attempts", attempts, "secs", delayMillis / 1000.0));
        // the id and the status only: never the text or the resident
        LOG.infof("Notification %d: push attempt %d failed (%s); retrying in %d ms", id, attempts,
                status < 0 ? "no answer" : "HTTP " + status, delayMillis);
        return false;
    }

    private byte[] body(Row row) throws Exception {
        Notification notification = Notifications.view(row, Language.ZH);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notification.id());
        body.put("residentSubject", row.string("resident_subject"));
        body.put("kind", notification.kind().name());
        body.put("entityType", notification.entityType());
        body.put("entityId", notification.entityId());
        body.put("title", notification.title());
        body.put("body", notification.body());
        body.put("params", json.readTree(row.string("params")));
        body.put("createdAt", notification.createdAt().toString());
        return json.writeValueAsBytes(body);
    }

    static String sign(String key, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
