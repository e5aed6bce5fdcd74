package cn.linli.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The webhook push against a local receiver that fails the first attempts: every notification arrives, signed,
 * in order per resident, after retries with backoff.
 */
@QuarkusTest
@TestProfile(WebhookTest.WithWebhook.class)
class WebhookTest {
    static final int PORT = freePort();
    static final String SECRET = "webhook-test-secret";

    public static class WithWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linli.notify.webhook-url", "http://localhost:" + PORT + "/hook",
                    "linli.notify.webhook-secret", SECRET,
                    "linli.notify.webhook-backoff", "0.2S",
                    "linli.notify.push-every", "1s",
                    "linli.notify.push-delay", "1s");
        }
    }

    /** What the receiver saw: each attempt, accepted or not. */
    record Attempt(long id, String residentSubject, String kind, boolean signatureValid, boolean accepted) {
    }

    @Inject
    Vertx vertx;
    @Inject
    Fixtures fixtures;

    @Test
    void everyNotificationArrivesSignedAndInOrderAfterRetries() throws Exception {
        fixtures.people();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(3);
        String subject = "webhook-" + UUID.randomUUID();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            byte[] body = buffer.getBytes();
            JsonObject json = new JsonObject(new String(body, StandardCharsets.UTF_8));
            boolean valid = ("sha256=" + hmac(body)).equals(request.getHeader("X-Linli-Signature"))
                    && json.getString("id").equals(request.getHeader("X-Linli-Notification-Id"));
            // only this test's notifications are failed: other tests' pending ones (pushed here too) must not use up the failures
            boolean accept = valid && (!subject.equals(json.getString("residentSubject")) || failuresLeft.getAndDecrement() <= 0);
            attempts.add(new Attempt(Long.parseLong(json.getString("id")), json.getString("residentSubject"),
                    json.getString("kind"), valid, accept));
            request.response().setStatusCode(accept ? 200 : 503).end();
        }));
        server.listen(PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            String service = Bookings.openService(fixtures.organizationA(), "推送测试助餐", 10, Map.of());
            String resident = Tokens.of(subject, "resident");
            List<String> bookings = new ArrayList<>();
            for (int day = 2; day <= 4; day++) {
                bookings.add(GraphQL.as(resident).data(Bookings.BOOK, Map.of("input",
                        Bookings.forFather(service, Bookings.slot(day, 11), null))).getString("bookService.id"));
            }
            Bookings.act(Bookings.OWNER, "confirmBooking", bookings.get(0), null);
            Bookings.act(Bookings.OWNER, "rejectBooking", bookings.get(1), "满员");
            Bookings.act(Bookings.OWNER, "cancelBooking", bookings.get(2), "停业");
            List<Long> written = new ArrayList<>();
            for (String booking : bookings) {
                written.add(fixtures.id("SELECT id FROM notification WHERE entity_type = 'Booking' AND entity_id = " + booking));
            }

            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && fixtures.id("SELECT count(*) FROM notification WHERE resident_subject = '"
                    + subject + "' AND push_status = 'DELIVERED'") < 3) {
                Thread.sleep(200);
            }
            List<Attempt> mine;
            synchronized (attempts) {
                mine = attempts.stream().filter(a -> a.residentSubject().equals(subject)).toList();
            }
            assertTrue(mine.stream().allMatch(Attempt::signatureValid), "every request is signed: " + mine);
            List<Long> accepted = mine.stream().filter(Attempt::accepted).map(Attempt::id).toList();
            assertEquals(written, accepted, "each notification delivered once it was accepted, in order: " + mine);
            assertEquals(List.of("BOOKING_CONFIRMED", "BOOKING_REJECTED", "BOOKING_CANCELLED"),
                    mine.stream().filter(Attempt::accepted).map(Attempt::kind).toList());
            assertTrue(mine.stream().anyMatch(a -> !a.accepted()), "the first attempts failed and were retried: " + mine);
            // in order: no attempt of a later notification before the earlier one was accepted
            for (int i = 1; i < mine.size(); i++) {
                Attempt before = mine.get(i - 1);
                Attempt now = mine.get(i);
                assertTrue(now.id() == before.id() || before.accepted() && now.id() > before.id(), "out of order: " + mine);
            }
            assertEquals(mine.size(), fixtures.id("SELECT sum(push_attempts) FROM notification WHERE resident_subject = '"
                    + subject + "'"), "attempts are counted");
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
