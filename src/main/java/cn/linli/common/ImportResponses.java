package cn.linli.common;

import io.smallrye.graphql.api.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import java.sql.SQLException;
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

    /** Spreadsheet programs and browsers label CSV differently (Windows: application/vnd.ms-excel). */
    static final java.util.Set<String> CSV_TYPES = java.util.Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values", "application/vnd.ms-excel");

    /** An uploaded CSV file: 415 unless it is labelled as CSV, else the import's result as JSON. */
    public static Response upload(String contentType, byte[] csv, java.util.function.Function<byte[], Object> importer) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!CSV_TYPES.contains(type)) {
            return error(new WebApplicationException(415));
        }
        return Response.ok(importer.apply(csv)).build();
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

    /**
     * Any other failure: an API error it wraps, a concurrent import that wrote the same code first (CONFLICT), the
     * database gone (UNAVAILABLE), else INTERNAL. Logged by class only: a message may quote a row (a phone).
     */
    public static Response failure(RuntimeException error, Logger log, String what) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return error(api);
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return error(new ConflictException("error.duplicate"));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                log.warnf("%s: database unavailable (%s)", what, cause.getClass().getName());
                return error(new UnavailableException("error.unavailable"));
            }
        }
        log.errorf("%s failed: %s", what, error.getClass().getName());
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
