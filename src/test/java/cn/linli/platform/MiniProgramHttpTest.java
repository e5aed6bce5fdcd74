package cn.linli.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a mobile client on a slow network relies on: persisted queries (send a hash, not the text), GET for
 * queries so a CDN can cache them, ETags with 304, gzip, and status codes as GraphQL over HTTP specifies.
 */
@QuarkusTest
class MiniProgramHttpTest {
    private static String extensions(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    private static Response postJson(String json) {
        return given().contentType("application/json").body(json).post("/graphql");
    }

    @Test
    void theShippedOperationsAreKnownByTheirHashFromTheStart() throws IOException {
        String text = Files.readString(Path.of("graphql/operations/Categories.graphql"), StandardCharsets.UTF_8);
        String hash = PersistedQueries.sha256(text);

        Response byPost = postJson("{\"extensions\":" + extensions(hash) + "}");
        assertEquals(200, byPost.statusCode(), byPost.asString());
        assertFalse(byPost.jsonPath().getList("data.categories").isEmpty(), byPost.asString());

        Response byGet = given().queryParam("extensions", extensions(hash)).get("/graphql");
        assertEquals(200, byGet.statusCode(), byGet.asString());
        assertEquals(byPost.jsonPath().getList("data.categories.code"), byGet.jsonPath().getList("data.categories.code"));
    }

    @Test
    void aClientRegistersAQueryOnceAndThenSendsTheHashAlone() {
        String query = "query Menu" + UUID.randomUUID().toString().substring(0, 8) + " { categories { code name } }";
        String hash = PersistedQueries.sha256(query);

        Response unknown = postJson("{\"extensions\":" + extensions(hash) + "}");
        assertEquals(200, unknown.statusCode());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", unknown.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(unknown.jsonPath().getString("errors[0].message").contains("PersistedQueryNotFound"));

        Response registered = given().contentType("application/json")
                .body(Map.of("query", query, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                .post("/graphql");
        assertNotNull(registered.jsonPath().get("data.categories[0].code"), registered.asString());

        Response byHash = given().queryParam("extensions", extensions(hash)).get("/graphql");
        assertEquals(registered.jsonPath().getList("data.categories.code"), byHash.jsonPath().getList("data.categories.code"));
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefused() {
        Response wrong = given().contentType("application/json")
                .body(Map.of("query", "{ categories { code } }",
                        "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "0".repeat(64)))))
                .post("/graphql");
        assertEquals(400, wrong.statusCode());
        assertEquals("VALIDATION", wrong.jsonPath().getString("errors[0].extensions.code"));
        Response malformed = postJson("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}");
        assertEquals(400, malformed.statusCode());
    }

    @Test
    void aMutationCannotHideBehindAHashInAGet() {
        String mutation = "mutation { registerEvaluator(input: {subject: \"x\", agency: \"y\"}) }";
        String hash = PersistedQueries.sha256(mutation);
        PersistedQueries store = io.quarkus.arc.Arc.container().instance(PersistedQueries.class).get();
        store.register(hash, mutation);
        given().queryParam("extensions", extensions(hash)).get("/graphql").then().statusCode(405);
    }

    @Test
    void anonymousGetsAreCacheableAndRevalidateWith304() {
        Response first = given().queryParam("query", "{ categories { code name } }").get("/graphql");
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Cache-Control").startsWith("public, max-age="), first.header("Cache-Control"));

        Response again = given().header("If-None-Match", etag).queryParam("query", "{ categories { code name } }").get("/graphql");
        assertEquals(304, again.statusCode());
        assertEquals("", again.asString());

        Response other = given().header("If-None-Match", etag).queryParam("query", "{ categories { code } }").get("/graphql");
        assertEquals(200, other.statusCode(), "a different answer is not the cached one");
    }

    @Test
    void signedInAndFailedAndPostedAnswersAreNotPublic() {
        Response signedIn = given().header("Authorization", "Bearer " + Tokens.of("cache-resident", "resident"))
                .queryParam("query", "{ me { subject } }").get("/graphql");
        assertEquals("cache-resident", signedIn.jsonPath().getString("data.me.subject"), signedIn.asString());
        assertEquals("private, no-cache", signedIn.header("Cache-Control"));

        Response failed = given().queryParam("query", "{ service(id: \"no-such-service\") { title } }").get("/graphql");
        assertNotNull(failed.jsonPath().get("errors"));
        assertEquals("no-store", failed.header("Cache-Control"));

        Response posted = postJson("{\"query\":\"{ categories { code } }\"}");
        assertEquals("no-store", posted.header("Cache-Control"));
        assertNull(posted.header("ETag"));
    }

    @Test
    void getParametersAreDecodedOnce() {
        // "100%" survives: a second URL-decoding would fail on "% a" (error messages no longer quote input back,
        // so the search itself must simply work)
        Response searched = given().queryParam("query", "query($k: String!) { __type(name: $k) { name } } # 100% a+b")
                .queryParam("variables", "{\"k\":\"100% a+b\"}").get("/graphql");
        assertEquals(200, searched.statusCode(), searched.asString());
        assertTrue(searched.jsonPath().get("errors") == null, searched.asString());
    }

    @Test
    void responsesAreGzippedWhenTheClientAcceptsIt() {
        Response zipped = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").queryParam("query", "{ categories { code name children { code name } } }")
                .get("/graphql");
        assertEquals("gzip", zipped.header("Content-Encoding"));
    }

    @Test
    void statusCodesFollowGraphQLOverHttp() {
        Response validation = given().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", "{ noSuchField }")).post("/graphql");
        assertEquals(400, validation.statusCode(), "a request that cannot run is a client error");
        assertTrue(validation.contentType().startsWith("application/graphql-response+json"));
        assertEquals("VALIDATION", validation.jsonPath().getString("errors[0].extensions.code"));

        Response legacy = given().accept("application/json").contentType("application/json")
                .body(Map.of("query", "{ noSuchField }")).post("/graphql");
        assertEquals(200, legacy.statusCode(), "application/json clients get 200 with errors");
        assertTrue(legacy.contentType().startsWith("application/json"));

        given().contentType("text/plain").body("{ categories { code } }".getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(415);
        Response graphqlBody = given().contentType("application/graphql").body("{ categories { code } }".getBytes(StandardCharsets.UTF_8)).post("/graphql");
        assertNotNull(graphqlBody.jsonPath().get("data.categories"), graphqlBody.asString());
    }
}
