package cn.linli.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.GraphQL;
import cn.linli.testing.SchemaWalk;
import cn.linli.testing.SchemaWalk.InputPath;
import cn.linli.testing.SchemaWalk.Operation;
import cn.linli.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text and date input of the schema (found by introspection: new operations are walked without this test
 * changing), at any depth, sent a NUL byte, a lone surrogate, 10 000 characters and, for dates, a year out of
 * range: each gets one VALIDATION error naming that input, whose message quotes neither the input nor a Java
 * class, and the service is healthy afterwards.
 */
@QuarkusTest
class BadInputWalkTest {
    private static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";
    private static final Pattern LEAK = Pattern.compile(
            "(java|jakarta|javax|graphql|io\\.smallrye|io\\.quarkus|org\\.[a-z]+)\\.[a-zA-Z]|Exception|StringValue\\{|SQL|select |probe|xxxxxxxxxx");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER = Tokens.of("walk-resident", "resident");

    record Probe(String name, Object value, boolean dateOnly) {
    }

    static final List<Probe> TEXT_PROBES = List.of(
            new Probe("NUL", "probe\u0000x", false),
            new Probe("lone surrogate", "probe" + LONE_SURROGATE, false),
            new Probe("10 000 characters", "probe" + "x".repeat(10_000), false));
    static final Map<String, String> OUT_OF_RANGE_DATES = Map.of(
            "Date", "+999999999-01-01",
            "DateTime", "+999999999-12-31T11:00:00+08:00");

    @Test
    void everyTextAndDateInputRefusesWhatNoOneMeansWithAClearCodedError() throws Exception {
        SchemaWalk schema = SchemaWalk.ofServedSchema();
        List<Operation> operations = new ArrayList<>(schema.queries());
        operations.addAll(schema.mutations());
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            for (InputPath input : schema.inputs(operation)) {
                List<Probe> probes = new ArrayList<>();
                if (OUT_OF_RANGE_DATES.containsKey(input.scalar())) {
                    probes.add(new Probe("year out of range", OUT_OF_RANGE_DATES.get(input.scalar()), true));
                } else {
                    probes.addAll(TEXT_PROBES);
                }
                for (Probe probe : probes) {
                    requests++;
                    String problem = check(schema, operation, input, probe);
                    if (problem != null) {
                        failures.add(operation.name() + "(" + input.field() + ") with " + probe.name() + ": " + problem);
                    }
                }
            }
        }
        assertTrue(requests > 300, "the walk found the schema's inputs: " + requests);
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " bad inputs were not refused cleanly:\n"
                + String.join("\n", failures));
        // and the service is healthy afterwards
        assertEquals(200, given().get(TestHTTPResourceManager.getManagementUri() + "/health/ready").statusCode());
        GraphQL.anonymous().data("{ categories { code } }");
    }

    private String check(SchemaWalk schema, Operation operation, InputPath input, Probe probe) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", SchemaWalk.document(operation));
        body.put("variables", schema.variables(operation, input, probe.value()));
        String json = JSON.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800");
        Response response = given().contentType("application/json").header("Authorization", "Bearer " + CALLER)
                .body(json).post("/graphql");
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        if (errors == null || errors.isEmpty()) {
            return "accepted";
        }
        Map<String, Object> error = errors.get(0);
        String code = GraphQL.code(error);
        String field = GraphQL.field(error);
        String message = String.valueOf(error.get("message"));
        if (!"VALIDATION".equals(code)) {
            return "code " + code + ": " + message;
        }
        if (LEAK.matcher(message).find()) {
            return "message leaks: " + message;
        }
        if (field == null || !(field.equals(input.field()) || probe.dateOnly() && input.field().startsWith(field))) {
            return "field " + field + " instead of " + input.field() + ": " + message;
        }
        return null;
    }
}
