package cn.linli.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/** Sends GraphQL requests over HTTP, as the mini-program and consoles do. */
public final class GraphQL {
    private final String token; // the whole Authorization header
    private final String language;

    private GraphQL(String token, String language) {
        this.token = token;
        this.language = language;
    }

    public static GraphQL anonymous() {
        return new GraphQL(null, null);
    }

    public static GraphQL as(String token) {
        return new GraphQL(token == null ? null : "Bearer " + token, null);
    }

    /** Sends this exact Authorization header ({@code Basic …}, an empty bearer, …). */
    public static GraphQL withAuthorizationHeader(String header) {
        return new GraphQL(header, null);
    }

    public GraphQL inEnglish() {
        return new GraphQL(token, "en");
    }

    public Response post(String query, Map<String, ?> variables) {
        return post(query, variables, null);
    }

    /** Runs the named operation of a document that holds several (a file of graphql/operations/). */
    public Response post(String query, Map<String, ?> variables, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.post("/graphql");
    }

    /** The response of a request that must succeed without errors. */
    public JsonPath data(String query, Map<String, ?> variables) {
        return data(query, variables, null);
    }

    /** As {@link #data(String, Map)}, for the named operation of the document. */
    public JsonPath data(String query, Map<String, ?> variables, String operationName) {
        Response response = post(query, variables, operationName);
        Assertions.assertEquals(200, response.statusCode(), response.asString());
        JsonPath json = response.jsonPath();
        Assertions.assertNull(json.get("errors"), () -> "unexpected errors: " + response.asString());
        return json.setRootPath("data");
    }

    public JsonPath data(String query) {
        return data(query, Map.of());
    }

    /** The single error of a request that must fail. */
    public Map<String, Object> error(String query, Map<String, ?> variables) {
        Response response = post(query, variables);
        Assertions.assertEquals(200, response.statusCode(), response.asString());
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        Assertions.assertNotNull(errors, () -> "expected an error: " + response.asString());
        Assertions.assertEquals(1, errors.size(), response.asString());
        return errors.get(0);
    }

    @SuppressWarnings("unchecked")
    public static String code(Map<String, Object> error) {
        return (String) ((Map<String, Object>) error.get("extensions")).get("code");
    }

    @SuppressWarnings("unchecked")
    public static String field(Map<String, Object> error) {
        return (String) ((Map<String, Object>) error.get("extensions")).get("field");
    }

    /** An operation the front ends use, from graphql/operations/. */
    public static String operation(String name) {
        try {
            return Files.readString(Path.of("graphql/operations", name + ".graphql"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
