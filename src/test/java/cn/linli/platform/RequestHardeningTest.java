package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Bookings;
import cn.linli.testing.Fixtures;
import cn.linli.testing.GraphQL;
import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reproductions of issue 12's input findings, each refused with a coded error that quotes nothing back. */
@QuarkusTest
class RequestHardeningTest {
    static final String RESIDENT = Tokens.of("hardening-resident", "resident");
    static final String SEARCH = "query($first: Int, $near: NearInput) { services(first: $first, near: $near) { edges { node { id } } } }";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void people() {
        fixtures.people();
    }

    private static Response raw(String json) {
        return given().contentType("application/json").header("Authorization", "Bearer " + RESIDENT).body(json).post("/graphql");
    }

    private static void assertValidation(Response response, String field) {
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"), response.asString());
        if (field != null) {
            assertEquals(field, response.jsonPath().getString("errors[0].extensions.field"), response.asString());
        }
        String message = response.jsonPath().getString("errors[0].message");
        assertFalse(message.matches("(?s).*(graphql\\.|java\\.|Exception|StringValue|IntValue).*"), message);
    }

    @Test
    void wronglyTypedVariablesAreRefusedAsTheSpecSays() {
        assertValidation(raw("{\"query\":\"" + SEARCH + "\",\"variables\":{\"first\":\"10\"}}"), "first");
        assertValidation(raw("{\"query\":\"" + SEARCH + "\",\"variables\":{\"first\":1.5}}"), "first");
        assertValidation(raw("{\"query\":\"" + SEARCH + "\",\"variables\":{\"first\":9223372036854775808}}"), "first");
        assertValidation(raw("{\"query\":\"" + SEARCH + "\",\"variables\":{\"near\":{\"lat\":\"36.06\",\"lng\":103.8}}}"), "near.lat");
        Response fine = raw("{\"query\":\"" + SEARCH + "\",\"variables\":{\"first\":10,\"near\":{\"lat\":36.06,\"lng\":103.8}}}");
        assertNull(fine.jsonPath().get("errors"), fine.asString());
    }

    @Test
    void wronglyTypedLiteralsAreRefusedToo() {
        assertValidation(raw("{\"query\":\"{ services(first: \\\"10\\\") { edges { node { id } } } }\"}"), "first");
        assertValidation(raw("{\"query\":\"{ services(near: {lat: \\\"36.06\\\", lng: 103.8}) { edges { node { id } } } }\"}"),
                "near.lat");
    }

    @Test
    void aNonStringOperationNameIs400NotAnErrorPage() {
        Response response = raw("{\"query\":\"{ categories { code } }\",\"operationName\":5}");
        assertEquals(400, response.statusCode());
        assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void onlyExactMediaTypesAreJson() {
        for (String type : new String[] {"application/jsonp", "application/json-seq", "application/graphqlx"}) {
            assertEquals(415, given().header("Content-Type", type).body("{\"query\":\"{ categories { code } }\"}".getBytes())
                    .post("/graphql").statusCode(), type);
        }
        assertEquals(200, given().contentType("application/json; charset=UTF-8").body("{\"query\":\"{ categories { code } }\"}")
                .post("/graphql").statusCode());
    }

    @Test
    void idsAreAsciiDigitsOnly() {
        Map<String, Object> error = GraphQL.anonymous().error("{ service(id: \"\u0663\") { id } }", Map.of());
        assertEquals("VALIDATION", GraphQL.code(error));
        assertFalse(((String) error.get("message")).contains("\u0663"), "the id is not quoted back");
    }

    @Test
    void datesBeyondASaneRangeAreValidationNeverADatabaseError() {
        String service = Bookings.openService(fixtures.organizationA(), "日期范围测试", 3, Map.of());
        Map<String, Object> input = Bookings.forFather(service, "+999999999-12-31T11:00:00+08:00", null);
        Map<String, Object> booking = GraphQL.as(RESIDENT).error(Bookings.BOOK, Map.of("input", input));
        assertEquals("VALIDATION", GraphQL.code(booking));
        assertTrue(GraphQL.field(booking).startsWith("input"), GraphQL.field(booking));
        Map<String, Object> availability = GraphQL.anonymous().error(
                "query($id: ID!) { service(id: $id) { availability(from: \"+999999999-01-01\", to: \"+999999999-01-02\") { start } } }",
                Map.of("id", service));
        assertEquals("VALIDATION", GraphQL.code(availability));
    }

    @Test
    void aFragmentBombIsRefusedBeforeAnyWorkForSignedInCallersToo() {
        StringBuilder query = new StringBuilder("query { ...F19 } fragment F0 on Query { categories { code } } ");
        for (int i = 1; i <= 19; i++) {
            query.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" a").append(i)
                    .append(": __typename ...F").append(i - 1).append(" } ");
        }
        long started = System.nanoTime();
        Response response = GraphQL.as(Tokens.of("bomber", "admin")).post(query.toString(), Map.of());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertValidation(response, null);
        assertTrue(response.jsonPath().getString("errors[0].message").contains("2000"), response.asString());
        assertTrue(millis < 2_000, "refused in " + millis + " ms");
        GraphQL.anonymous().data("{ categories { code } }");
    }

    /** __schema { types { fields { type { ofType { … { name } } } } } }: 5 + ofTypes fields deep. */
    private static String introspectionOfDepth(int depth) {
        int ofTypes = depth - 5;
        return "{ __schema { types { fields { type { " + "ofType { ".repeat(ofTypes) + "name" + " }".repeat(ofTypes) + " } } } } }";
    }

    @Test
    void queriesNestAtMostFifteenFieldsDeepFragmentsIncluded() {
        assertNotNull(GraphQL.anonymous().data(introspectionOfDepth(15)).get("__schema"));
        Response tooDeep = GraphQL.anonymous().post(introspectionOfDepth(16), Map.of());
        assertValidation(tooDeep, null);
        assertTrue(tooDeep.jsonPath().getString("errors[0].message").contains("15"), tooDeep.asString());
        assertNull(tooDeep.jsonPath().get("data.__schema"), tooDeep.asString());

        // the same 16 levels with the inner ones in a fragment, spread twice
        String fragments = "{ __schema { types { fields { type { ...Deep } } } } } fragment Deep on __Type { "
                + "ofType { ".repeat(11) + "name" + " }".repeat(11) + " ...Deep2 } fragment Deep2 on __Type { name }";
        assertValidation(GraphQL.as(RESIDENT).post(fragments, Map.of()), null);
        // graphql-java's full introspection query, as GraphiQL and code generators send it, still runs
        assertNotNull(GraphQL.as(RESIDENT).data(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY).get("__schema"));
    }

    @Test
    void aRequestMayRunAtMostTenMutationsAndNoneRunsWhenItAsksForMore() {
        String service = Bookings.openService(fixtures.organizationA(), "批量预约测试", 40, Map.of());
        StringBuilder mutation = new StringBuilder("mutation {");
        for (int i = 0; i < 11; i++) {
            mutation.append(" b").append(i).append(": bookService(input: {serviceId: \"").append(service)
                    .append("\", slotStart: \"").append(Bookings.slot(2, 10)).append("\", forSelf: true, beneficiary: {age: 70}, ")
                    .append("contactPhone: \"13812345678\", idempotencyKey: \"alias-").append(i).append("\"}) { id }");
        }
        mutation.append(" }");
        Response response = GraphQL.as(RESIDENT).post(mutation.toString(), Map.of());
        assertValidation(response, null);
        assertEquals(0, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));
    }

    @Test
    void graphqlJavasOwnMessagesNeverReachTheClient() {
        for (String query : new String[] {"{ nope }", "{ services(first: 1) { edges { node { id nope } } } }",
                "{ services(first: 1 ", "query($x: Int) { categories { code } }"}) {
            Response response = GraphQL.anonymous().post(query, Map.of());
            String message = response.jsonPath().getString("errors[0].message");
            assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"), query);
            assertFalse(message.contains("nope") || message.contains("Validation error") || message.contains("@["), message);
        }
    }

    @Test
    void whenOneOfSeveralMutationsFailsTheCommittedOnesAreStillReported() {
        String service = Bookings.openService(fixtures.organizationA(), "部分成功测试", 5, Map.of());
        String booking = "bookService(input: {serviceId: \"%s\", slotStart: \"" + Bookings.slot(2, 11) + "\", forSelf: true, "
                + "beneficiary: {age: 70}, contactPhone: \"13812345678\", idempotencyKey: \"%s\"}) { id }";
        Response response = GraphQL.as(RESIDENT).post("mutation { first: " + booking.formatted(service, "partial-1")
                + " second: " + booking.formatted("999999999", "partial-2") + " }", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.jsonPath().getString("data.first.id") != null, "the committed booking is reported: " + response.asString());
        assertNull(response.jsonPath().get("data.second"));
        assertEquals(1, response.jsonPath().getList("errors").size());
        assertEquals(1, fixtures.id("SELECT count(*) FROM booking WHERE listing_id = " + service));
    }

    @Test
    void anAnonymousMutationIsUnauthenticatedBeforeAnyIdIsLookedUp() {
        for (String id : new String[] {"999999999", "not-an-id"}) {
            Map<String, Object> error = GraphQL.anonymous().error(
                    "mutation($id: ID!) { verifyOrganization(input: {id: $id, reason: \"x\"}) { id } }", Map.of("id", id));
            assertEquals("UNAUTHENTICATED", GraphQL.code(error), id);
        }
    }
}
