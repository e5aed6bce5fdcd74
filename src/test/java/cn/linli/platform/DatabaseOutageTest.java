package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL restarts under the service: requests fail fast and clearly, readiness goes DOWN, and it recovers. */
@QuarkusTest
class DatabaseOutageTest {
    static final String SEARCH = "{ services(filter: {regionCode: \"620103\"}, first: 5) { edges { node { id } } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    @Test
    void aDatabaseRestartIsSurvivedWithoutLosingWhatWasConfirmed() {
        String service = Bookings.openService(fixtures.organizationA(), "停库测试服务", 5, Map.of());
        String booked = GraphQL.as(Tokens.of("outage-resident", "resident")).data(Bookings.BOOK,
                Map.of("input", Bookings.forFather(service, Bookings.slot(2, 9), null))).getString("bookService.id");

        // residents keep booking while the database goes away and comes back
        java.util.List<String> confirmed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (int i = 0; running.get() && i < 500; i++) {
                Response response = Bookings.book(Tokens.of("load-" + i, "resident"),
                        Bookings.forFather(service, Bookings.slot(3 + i % 20, 8 + i % 12), null));
                if (response.statusCode() == 200 && response.jsonPath().get("errors") == null) {
                    confirmed.add(response.jsonPath().getString("data.bookService.id"));
                }
            }
        }, "booking-load");
        load.start();

        EmbeddedDatabase.stop();
        try {
            long started = System.nanoTime();
            Response during = GraphQL.anonymous().post(SEARCH, Map.of());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(200, during.statusCode());
            assertEquals("UNAVAILABLE", during.jsonPath().getString("errors[0].extensions.code"), during.asString());
            assertTrue(seconds <= 10, "fails fast, not hanging: " + seconds + " s");
            assertEquals(503, given().get(TestHTTPResourceManager.getManagementUri() + "/health/ready").statusCode(), "readiness is DOWN");
            assertEquals(200, given().get(TestHTTPResourceManager.getManagementUri() + "/health/live").statusCode(), "the process itself is alive");
        } finally {
            EmbeddedDatabase.start();
        }

        // recovers by itself: pooled connections broken by the restart are replaced as they fail
        int consecutive = 0;
        for (int attempt = 0; attempt < 200 && consecutive < 40; attempt++) {
            Response response = GraphQL.anonymous().post(SEARCH, Map.of());
            consecutive = response.jsonPath().get("errors") == null ? consecutive + 1 : 0;
        }
        assertEquals(40, consecutive, "40 searches in a row succeed after the restart");
        assertEquals(200, given().get(TestHTTPResourceManager.getManagementUri() + "/health/ready").statusCode());
        running.set(false);
        try {
            load.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE id = " + booked), "the confirmed booking is still there");
        assertTrue(confirmed.size() > 0, "bookings went through under load");
        for (String id : confirmed) {
            assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE id = " + id), "booking " + id + " was confirmed to its client");
        }
    }
}
