package cn.linli.platform;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The error bodies clients code against. SmallRye writes every configured extension field, with a null where an
 * error has none ({@code "field": null}), and adds graphql-java's {@code classification} to the errors that
 * graphql-java raises; the documented contract is {@code code} always, {@code field} when the error is about one
 * input, {@code rowErrors} for an import's rows. Applied to every GraphQL response with errors.
 */
final class ErrorBodies {
    static final Set<String> DOCUMENTED = Set.of("code", "field", "rowErrors");

    private ErrorBodies() {
    }

    /** The response body with each error's extensions reduced to the documented, non-null keys. */
    static String documentedExtensionsOnly(String body) {
        JsonObject response = new JsonObject(body);
        JsonArray errors = response.getJsonArray("errors");
        if (errors == null) {
            return body;
        }
        for (Object each : errors) {
            if (each instanceof JsonObject error && error.getValue("extensions") instanceof JsonObject extensions) {
                for (String key : List.copyOf(extensions.fieldNames())) {
                    if (!DOCUMENTED.contains(key) || extensions.getValue(key) == null) {
                        extensions.remove(key);
                    }
                }
            }
        }
        return response.encode();
    }

    /** A GraphQL response body of one error: {@code {"errors": [{"message", "extensions": {"code"}}]}}. */
    static String graphQLError(String code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        return new JsonObject().put("errors", new JsonArray().add(error)).encode();
    }

    /** A REST error body: {@code {"code", "message"}}, as the OCDS, import and report endpoints answer. */
    static String restError(String code, String message) {
        return new JsonObject().put("code", code).put("message", message).encode();
    }
}
