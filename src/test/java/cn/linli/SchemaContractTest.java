package cn.linli;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * graphql/schema.graphql is the contract with the front ends: it must equal the served schema. When a change
 * to the API is intended, copy target/served-schema.graphql over it.
 */
@QuarkusTest
class SchemaContractTest {
    static final Path CHECKED_IN = Path.of("graphql/schema.graphql");

    @Test
    void theCheckedInSchemaIsTheServedSchema() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/served-schema.graphql"), served, StandardCharsets.UTF_8);
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        assertEquals(normalize(checkedIn), normalize(served),
                "graphql/schema.graphql differs from the served schema: review target/served-schema.graphql and copy it over");
    }

    @Test
    void everyFrontEndOperationIsValidAgainstTheSchema() throws IOException {
        List<Path> operations;
        try (Stream<Path> files = Files.list(Path.of("graphql/operations"))) {
            operations = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(operations.size() >= 5);
        for (Path operation : operations) {
            String name = operation.getFileName().toString().replace(".graphql", "");
            String document = GraphQL.operation(name);
            // a file may hold several operations: validate each (by name) without authority to run it
            for (String operationName : operationNames(document)) {
                Map<String, Object> body = new java.util.HashMap<>();
                body.put("query", document);
                body.put("operationName", operationName);
                body.put("variables", variablesFor(name));
                var response = io.restassured.RestAssured.given().contentType("application/json").body(body).post("/graphql");
                assertEquals(200, response.statusCode());
                List<Map<String, Object>> errors = response.jsonPath().getList("errors");
                assertTrue(errors == null || errors.stream().noneMatch(e -> String.valueOf(e.get("message")).contains("Validation error")),
                        name + "/" + operationName + ": " + response.asString());
            }
        }
    }

    private static List<String> operationNames(String document) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?m)^(?:query|mutation|subscription)\\s+(\\w+)").matcher(document);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, Object> variablesFor(String operation) {
        return switch (operation) {
            case "NearbyServices" -> Map.of("lat", 36.064, "lng", 103.80, "first", 20);
            case "ServiceDetail" -> Map.of("id", "1");
            default -> Map.of();
        };
    }

    private static String normalize(String schema) {
        return schema.replace("\r\n", "\n").strip();
    }
}
