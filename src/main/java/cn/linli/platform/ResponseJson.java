package cn.linli.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The body of a GraphQL response without errors, written straight from graphql-java's result ({@code Map}s,
 * {@code List}s, strings, numbers, booleans) into UTF-8 bytes with Jackson's streaming generator. SmallRye
 * first builds the whole response as a JSON-P tree, then renders it to a string, which the caller then encodes:
 * three copies of a page (about 7 % of the near-me search's CPU, issue 16). The bytes are the ones SmallRye
 * writes (numbers as JSON-P renders them; {@code ResponseJsonTest} compares the two on real pages); anything this
 * writer does not know (errors, extensions, a value of another type) is left to SmallRye.
 */
final class ResponseJson {
    /** Characters beyond the BMP (emoji in a review) as their four UTF-8 bytes, as JSON-P writes them. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final VarHandle ADDED_EXTENSIONS;

    static {
        try {
            ADDED_EXTENSIONS = MethodHandles.privateLookupIn(ExecutionResponse.class, MethodHandles.lookup())
                    .findVarHandle(ExecutionResponse.class, "addedExtensions", Map.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ResponseJson() {
    }

    /** {@code {"data": …}} as bytes, or null when SmallRye must write this response (errors, extensions). */
    static byte[] dataOnly(ExecutionResponse response) {
        ExecutionResult result = response.getExecutionResult();
        Map<?, ?> added = (Map<?, ?>) ADDED_EXTENSIONS.get(response);
        if (!result.getErrors().isEmpty() || result.getExtensions() != null || (added != null && !added.isEmpty())
                || !result.isDataPresent()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("data");
            if (!write(json, result.getData())) {
                return null;
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Writes one value as JSON-P would render it; false for a value of a type SmallRye converts its own way. */
    private static boolean write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                if (!write(json, entry.getValue())) {
                    return false;
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                if (!write(json, item)) {
                    return false;
                }
            }
            json.writeEndArray();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            json.writeNumber(BigDecimal.valueOf(number)); // JSON-P: 1.0E-5 as 0.000010, 12.0 as 12.0
        } else if (value instanceof Float number) {
            json.writeNumber(new BigDecimal(String.valueOf(number.floatValue())));
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else {
            return false;
        }
        return true;
    }
}
