package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON errors of the import endpoints ({@code POST /admin/import/…}), with the codes and messages the GraphQL
 * API gives: {@code {"code", "message", "field", "rowErrors": [{line, column, message}]}}; VALIDATION is 400,
 * UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT and INVALID_STATE 409.
 */
public final class ImportResponses {
    private ImportResponses() {
    }

    public static Response error(ApiException error) {
        ErrorCode annotation = error.getClass().getAnnotation(ErrorCode.class);
        String code = annotation == null ? "VALIDATION" : annotation.value();
        int status = switch (code) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT", "INVALID_STATE" -> 409;
            case "UNAVAILABLE" -> 503;
            case "INTERNAL" -> 500;
            default -> 400;
        };
        Map<String, Object> body = body(code, error.getMessage());
        if (error.field() != null) {
            body.put("field", error.field());
        }
        if (error instanceof RowErrorsException rows) {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (RowErrorsException.RowError row : rows.errors()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("line", row.line());
                item.put("column", row.column());
                item.put("message", row.message());
                listed.add(item);
            }
            body.put("rowErrors", listed);
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    /** What JAX-RS refuses itself: a body over the size limit (413), not text/csv (415). */
    public static Response error(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        String key = switch (status) {
            case 413 -> "error.import.tooLarge";
            case 415 -> "error.import.mediaType";
            case 405 -> "error.import.request";
            default -> "error.import.request";
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(body(status == 404 ? "NOT_FOUND" : "VALIDATION", Messages.get(key))).build();
    }

    public static Response internal() {
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(body("INTERNAL", Messages.get("error.import.internal"))).build();
    }

    private static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }
}
