package cn.linli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/** Bad input gets VALIDATION naming the field, with a message a person can read, never "System error". */
@QuarkusTest
class InputValidationTest {
    static final String SEARCH = """
            query($filter: ServiceFilter, $near: NearInput, $orderBy: ServiceOrder, $first: Int, $after: String) {
              services(filter: $filter, near: $near, orderBy: $orderBy, first: $first, after: $after) {
                edges { node { id } }
              }
            }""";

    static Stream<Arguments> badSearches() {
        return Stream.of(
                Arguments.of(Map.of("first", 1000), "first"),
                Arguments.of(Map.of("first", 0), "first"),
                Arguments.of(Map.of("near", Map.of("lat", 91, "lng", 103.78)), "near.lat"),
                Arguments.of(Map.of("near", Map.of("lat", 36.06, "lng", -181)), "near.lng"),
                Arguments.of(Map.of("near", Map.of("lat", 36.06, "lng", 103.78, "radiusMeters", -5)), "near.radiusMeters"),
                Arguments.of(Map.of("near", Map.of("lat", 36.06, "lng", 103.78, "radiusMeters", 10_000_000)), "near.radiusMeters"),
                Arguments.of(Map.of("after", "not-a-cursor!"), "after"),
                Arguments.of(Map.of("after", "bmV3ZXN0HzE"), "after"),
                Arguments.of(Map.of("after", java.util.Base64.getUrlEncoder().encodeToString(
                        "newest\u001fnot a time\u001f1".getBytes(java.nio.charset.StandardCharsets.UTF_8))), "after"),
                Arguments.of(Map.of("filter", Map.of("categoryCode", "no-such-category")), "filter.categoryCode"),
                Arguments.of(Map.of("filter", Map.of("regionCode", "999999999999")), "filter.regionCode"),
                Arguments.of(Map.of("filter", Map.of("keyword", "助".repeat(10_000))), "filter.keyword"),
                Arguments.of(Map.of("filter", Map.of("keyword", "助餐'; DROP TABLE service_listing; --")), "filter.keyword"),
                Arguments.of(Map.of("filter", Map.of("keyword", "100%")), "filter.keyword"),
                Arguments.of(Map.of("filter", Map.of("age", -1)), "filter.age"),
                Arguments.of(Map.of("filter", Map.of("organizationId", "abc")), "filter.organizationId"),
                Arguments.of(Map.of("orderBy", "DISTANCE"), "orderBy"),
                Arguments.of(Map.of("orderBy", "RELEVANCE"), "orderBy"));
    }

    @ParameterizedTest
    @MethodSource("badSearches")
    void badSearchInputIsRefusedNamingTheField(Map<String, Object> variables, String field) {
        Map<String, Object> error = GraphQL.anonymous().error(SEARCH, variables);
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals(field, GraphQL.field(error));
        String message = (String) error.get("message");
        assertFalse(message.contains("System error"));
        assertFalse(message.toLowerCase().contains("exception"), message);
        assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "zh-CN by default: " + message);
    }

    @Test
    void messagesAreEnglishWhenAskedFor() {
        Map<String, Object> error = GraphQL.anonymous().inEnglish().error(SEARCH, Map.of("first", 1000));
        assertEquals("first must be between 1 and 100.", error.get("message"));
        assertEquals("VALIDATION", GraphQL.code(error));
    }

    @Test
    void theDatabaseStillHoldsTheListingsAfterSqlInAKeyword() {
        GraphQL.anonymous().error(SEARCH, Map.of("filter", Map.of("keyword", "'; DELETE FROM service_listing; --")));
        assertFalse(GraphQL.anonymous().data(SEARCH, Map.of("first", 1)).getList("services.edges").isEmpty());
    }

    @Test
    void errorsOfTheQueryItselfCarryACode() {
        Map<String, Object> unknownField = GraphQL.anonymous().error("{ services { edges { node { nope } } } }", Map.of());
        assertEquals("VALIDATION", GraphQL.code(unknownField));
        Map<String, Object> wrongType = GraphQL.anonymous().error(SEARCH, Map.of("first", "many"));
        assertEquals("VALIDATION", GraphQL.code(wrongType));
    }

    @Test
    void queriesThatDoNotParseOrBodiesThatAreNotJsonCarryACode() {
        Map<String, Object> syntax = GraphQL.anonymous().error("{ services(first: 1 { edges { node { id } } } }", Map.of());
        assertEquals("VALIDATION", GraphQL.code(syntax));
        assertTrue(((String) syntax.get("message")).startsWith("查询无法解析（第 1 行"), (String) syntax.get("message"));
        io.restassured.response.Response notJson = io.restassured.RestAssured.given().contentType("application/json")
                .body("{not json").post("/graphql");
        assertEquals(400, notJson.statusCode());
        assertEquals("VALIDATION", notJson.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void queriesWithTooManyTokensAreRefused() {
        String huge = "{ " + "categories { code } ".repeat(1500) + "}";
        Map<String, Object> error = GraphQL.anonymous().error(huge, Map.of());
        assertEquals("VALIDATION", GraphQL.code(error));
    }

    @Test
    void queriesDeeperThanTheLimitAreRefusedButIntrospectionWorks() {
        String deep = "{ regions { " + "children { ".repeat(15) + "code" + " }".repeat(15) + " } }";
        Map<String, Object> error = GraphQL.anonymous().error(deep, Map.of());
        assertEquals("VALIDATION", GraphQL.code(error));
        // the query GraphiQL sends when it opens
        GraphQL.anonymous().data(INTROSPECTION);
    }

    @Test
    void unknownIdsAreNotFound() {
        Map<String, Object> error = GraphQL.anonymous().error("{ service(id: \"987654321\") { id } }", Map.of());
        assertEquals("NOT_FOUND", GraphQL.code(error));
        Map<String, Object> org = GraphQL.anonymous().error("{ organization(id: \"987654321\") { id } }", Map.of());
        assertEquals("NOT_FOUND", GraphQL.code(org));
    }

    static final String INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                ofType { kind name ofType { kind name } } } } } } }
            }""";

    /** A null in an input list is refused before any resolver, naming the item, whether the list is optional or not. */
    @Test
    void aNullInAnInputListIsRefusedNamingTheItem() {
        String resident = cn.linli.testing.Tokens.of("null-item-resident", "resident");
        java.util.List<Object> groups = new java.util.ArrayList<>();
        groups.add("DEPENDENT");
        groups.add(null);
        Map<String, Object> beneficiary = new java.util.HashMap<>(Map.of("name", "王大爷", "relation", "父亲", "age", 82));
        beneficiary.put("targetGroups", groups);
        Map<String, Object> input = Map.of("serviceId", "1", "slotStart", "2026-12-10T09:00:00+08:00", "forSelf", false,
                "beneficiary", beneficiary, "contactPhone", "13812345678", "idempotencyKey", "null-item-1");
        Map<String, Object> error = GraphQL.as(resident).error("mutation($input: BookServiceInput!) { bookService(input: $input) { id } }",
                Map.of("input", input));
        assertEquals("VALIDATION", GraphQL.code(error));
        assertEquals("input.beneficiary.targetGroups[1]", GraphQL.field(error));
        Map<String, Object> english = GraphQL.as(resident).inEnglish().error("mutation($input: BookServiceInput!) { "
                + "bookService(input: $input) { id } }", Map.of("input", input));
        assertEquals("A list may not hold null.", english.get("message"));
    }
}
