package cn.linli.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed body is byte for byte the one SmallRye renders, for every kind of value graphql-java returns. */
class ResponseJsonTest {
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void aPageIsWrittenAsSmallRyeWritesIt() {
        List<Object> edges = new ArrayList<>();
        edges.add(object("cursor", "eyJrIjpbIjEyMy40NSIsIjEiXX0", "node", object(
                "id", "1", "title", "老年助餐服务 \"午餐\" \\ 斜杠 / 换行\n制表\t回车\r", "distanceM", 1234.5678,
                "lat", 35.123456, "tiny", 1.0E-5, "whole", 12.0, "huge", 1.0E21, "negative", -0.5,
                "capacity", 20, "fen", 12_000_000_000L, "big", BigInteger.TWO.pow(70), "decimal", new BigDecimal("4.50"),
                "float", 2.5f, "short", (short) 3, "stale", false, "funded", true, "phone", null,
                "emoji", "👵🏻 ok", "groups", Arrays.asList("ELDERLY", null, "DISABLED"), "empty", List.of(), "none", Map.of())));
        Map<String, Object> data = object("services", object("edges", edges,
                "pageInfo", object("hasNextPage", true, "endCursor", null)));
        ExecutionResponse response = new ExecutionResponse(ExecutionResultImpl.newExecutionResult().data(data).build());

        String streamed = new String(ResponseJson.dataOnly(response), StandardCharsets.UTF_8);

        assertEquals(response.getExecutionResultAsString(), streamed);
    }

    @Test
    void nullDataIsWrittenToo() {
        ExecutionResponse response = new ExecutionResponse(ExecutionResultImpl.newExecutionResult().data(null).build());
        assertEquals(response.getExecutionResultAsString(), new String(ResponseJson.dataOnly(response), StandardCharsets.UTF_8));
    }

    @Test
    void responsesWithErrorsOrExtensionsAreLeftToSmallRye() {
        var error = GraphqlErrorBuilder.newError().message("no").build();
        assertNull(ResponseJson.dataOnly(new ExecutionResponse(
                ExecutionResultImpl.newExecutionResult().data(object("a", 1)).addError(error).build())));
        assertNull(ResponseJson.dataOnly(new ExecutionResponse(
                ExecutionResultImpl.newExecutionResult().data(object("a", 1)).addExtension("cost", 3).build())));
        assertNull(ResponseJson.dataOnly(new ExecutionResponse(
                ExecutionResultImpl.newExecutionResult().data(object("a", 1)).build(), Map.of("trace", "x"))));
        assertNull(ResponseJson.dataOnly(new ExecutionResponse(
                ExecutionResultImpl.newExecutionResult().data(object("a", new Object())).build())));
    }
}
