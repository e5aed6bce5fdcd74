package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one PostgreSQL, as behind a load balancer: they agree. Both start
 * with LINLI_DEMO_DATA=true at once (the demo district is loaded once), concurrent bookings through both never
 * exceed capacity, and what one writes the other reads.
 */
class TwoInstancesIT {
    static final List<Process> INSTANCES = new ArrayList<>();
    static final List<String> URLS = new ArrayList<>();
    static final List<String> MANAGEMENT_URLS = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String jdbc = EmbeddedDatabase.start();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            int managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-jar", "target/quarkus-app/quarkus-run.jar");
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
            builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            builder.environment().put("LINLI_DEMO_DATA", "true");
            builder.environment().put("LINLI_DEMO_IDENTITY", "true"); // a real database: the demo identity only when asked
            builder.redirectErrorStream(true).redirectOutput(new File("target/instance-" + i + ".log"));
            INSTANCES.add(builder.start());
            URLS.add("http://localhost:" + port);
            MANAGEMENT_URLS.add("http://localhost:" + managementPort);
        }
        for (String url : MANAGEMENT_URLS) {
            waitUntilReady(url);
        }
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
        EmbeddedDatabase.stop();
    }

    static void waitUntilReady(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().get(url + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception e) { // RestAssured rethrows ConnectException unchecked
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not become ready; see target/instance-*.log");
    }

    static Response graphql(String url, String token, String query, Map<String, ?> variables) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post(url + "/graphql");
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortOnlyAndTheDemoIdentityWarns() throws Exception {
        assertEquals(404, given().get(URLS.get(0) + "/q/metrics").statusCode(), "not public on the service port");
        assertEquals(404, given().get(URLS.get(0) + "/q/health/ready").statusCode());
        assertTrue(given().get(MANAGEMENT_URLS.get(0) + "/q/metrics").then().statusCode(200).extract().asString()
                .contains("jvm_memory_used_bytes"));
        String log = java.nio.file.Files.readString(Path.of("target/instance-0.log"));
        assertTrue(log.contains("WARN") && log.contains("DEMO IDENTITY"), "the demo identity is a WARN on every start");
    }

    @Test
    void theDemoDistrictIsLoadedOnceThoughBothInstancesLoadedIt() {
        JsonPath streets = graphql(URLS.get(1), null, "{ regions(parentCode: \"620103\") { code } }", Map.of()).jsonPath();
        assertEquals(9, streets.getList("data.regions").size());
    }

    @Test
    void bothPackagedInstancesKnowTheShippedOperationsByHash() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("graphql/operations/Regions.graphql"));
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + PersistedQueries.sha256(text) + "\"}}";
        for (String url : URLS) {
            Response byHash = given().queryParam("extensions", extensions).queryParam("variables", "{\"parentCode\":\"620103\"}")
                    .get(url + "/graphql");
            assertEquals(200, byHash.statusCode(), byHash.asString());
            assertTrue(byHash.jsonPath().getList("data.regions").size() > 0, byHash.asString());
        }
    }

    @Test
    void concurrentBookingsThroughBothNeverExceedCapacityAndEachSeesTheOthersWrites() throws Exception {
        // a demo service with few places, and its first two slots
        JsonPath services = graphql(URLS.get(0), null, "{ services(filter: {regionCode: \"620103\", organizationId: null}, first: 100) "
                + "{ edges { node { id capacityPerSlot eligibility { minAge maxAge targetGroups } } } } }", Map.of()).jsonPath();
        Map<String, Object> chosen = services.<Map<String, Object>>getList("data.services.edges.node").stream()
                .filter(s -> ((Number) s.get("capacityPerSlot")).intValue() <= 6)
                .filter(s -> ((Map<?, ?>) s.get("eligibility")).get("maxAge") == null
                        && ((List<?>) ((Map<?, ?>) s.get("eligibility")).get("targetGroups")).isEmpty())
                .findFirst().orElseThrow();
        String id = (String) chosen.get("id");
        int capacity = ((Number) chosen.get("capacityPerSlot")).intValue();
        // a week from the day after tomorrow: some services are closed on some weekdays (on Sundays most are)
        LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        JsonPath slots = graphql(URLS.get(1), null, "query($id: ID!, $d: Date!, $e: Date!) { service(id: $id) { "
                + "availability(from: $d, to: $e) { start free } } }",
                Map.of("id", id, "d", from.toString(), "e", from.plusDays(6).toString())).jsonPath();
        String slot = slots.getString("data.service.availability[0].start");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String url = URLS.get(i % 2);
            String token = DemoIdentity.token("two-instances-" + i, Set.of("resident"), Duration.ofMinutes(10));
            Map<String, Object> input = Map.of("serviceId", id, "slotStart", slot, "forSelf", true,
                    "beneficiary", Map.of("age", 80), "contactPhone", "0931-1234567", "idempotencyKey", UUID.randomUUID().toString());
            attempts.add(() -> graphql(url, token, "mutation($input: BookServiceInput!) { bookService(input: $input) { id } }",
                    Map.of("input", input)));
        }
        int booked = 0;
        for (Future<Response> result : pool.invokeAll(attempts)) {
            if (result.get().jsonPath().get("errors") == null) {
                booked++;
            }
        }
        pool.shutdown();
        assertEquals(capacity, booked, "exactly the capacity, through both instances");

        // a booking made through one instance is read through the other
        String token = DemoIdentity.token("two-instances-reader", Set.of("resident"), Duration.ofMinutes(10));
        String later = slots.getString("data.service.availability[1].start");
        String made = graphql(URLS.get(0), token, "mutation($input: BookServiceInput!) { bookService(input: $input) { id } }",
                Map.of("input", Map.of("serviceId", id, "slotStart", later, "forSelf", true, "beneficiary", Map.of("age", 80),
                        "contactPhone", "0931-1234567", "idempotencyKey", "reader-1"))).jsonPath().getString("data.bookService.id");
        List<String> seen = graphql(URLS.get(1), token, "{ me { bookings { edges { node { id } } } } }", Map.of()).jsonPath()
                .getList("data.me.bookings.edges.node.id");
        assertTrue(seen.contains(made), "instance B sees instance A's booking");
    }

    @Test
    void aNotificationWrittenThroughOneInstanceReachesItsResidentSubscribedOnTheOther() throws Exception {
        String staff = DemoIdentity.token("demo-org-staff", Set.of("org_staff"), Duration.ofMinutes(10));
        String organization = graphql(URLS.get(0), staff, "{ me { organizations { organization { id } } } }", Map.of()).jsonPath()
                .getString("data.me.organizations[0].organization.id");
        Map<String, Object> chosen = graphql(URLS.get(0), null, "query($o: ID) { services(filter: {regionCode: \"620103\", "
                + "organizationId: $o}, first: 100) { edges { node { id eligibility { minAge maxAge targetGroups } } } } }",
                Map.of("o", organization)).jsonPath().<Map<String, Object>>getList("data.services.edges.node").stream()
                .filter(s -> ((Map<?, ?>) s.get("eligibility")).get("maxAge") == null
                        && ((List<?>) ((Map<?, ?>) s.get("eligibility")).get("targetGroups")).isEmpty())
                .findFirst().orElseThrow();
        String service = (String) chosen.get("id");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(4);
        String slot = graphql(URLS.get(1), null, "query($id: ID!, $d: Date!, $e: Date!) { service(id: $id) { "
                + "availability(from: $d, to: $e) { start free } } }",
                Map.of("id", service, "d", day.toString(), "e", day.plusDays(6).toString())).jsonPath()
                .getString("data.service.availability.find { it.free > 0 }.start");
        String resident = DemoIdentity.token("two-instances-told-" + UUID.randomUUID(), Set.of("resident"), Duration.ofMinutes(10));
        String booking = graphql(URLS.get(0), resident, "mutation($input: BookServiceInput!) { bookService(input: $input) { id } }",
                Map.of("input", Map.of("serviceId", service, "slotStart", slot, "forSelf", true, "beneficiary", Map.of("age", 80),
                        "contactPhone", "0931-1234567", "idempotencyKey", UUID.randomUUID().toString()))).jsonPath()
                .getString("data.bookService.id");

        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            var messages = cn.linli.testing.Subscriptions.open(vertx, java.net.URI.create(URLS.get(1)), resident,
                    "subscription { myNotifications { kind entityType entityId } }");
            Thread.sleep(1000); // the subscribe message is sent; let instance B register the subscriber before the cause
            assertEquals("CONFIRMED", graphql(URLS.get(0), staff, "mutation($id: ID!) { confirmBooking(input: {id: $id}) { status } }",
                    Map.of("id", booking)).jsonPath().getString("data.confirmBooking.status"), "confirmed through instance A");
            io.vertx.core.json.JsonObject next = messages.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(next != null && "next".equals(next.getString("type")), "a notification through instance B: " + next);
            io.vertx.core.json.JsonObject told = next.getJsonObject("payload").getJsonObject("data").getJsonObject("myNotifications");
            assertEquals("BOOKING_CONFIRMED", told.getString("kind"));
            assertEquals(booking, told.getString("entityId"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
